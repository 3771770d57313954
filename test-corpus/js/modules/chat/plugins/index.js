export { runPlugin, loadRenderer, loadBuiltin } from './runner.js';

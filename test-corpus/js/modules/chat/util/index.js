// Barrel file: the views import helpers from './util'.
export { escapeHtml, setHtml as renderHtml } from './html.js';
export * from './html.js';

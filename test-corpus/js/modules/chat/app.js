import connection, { subscribe } from './connection.js';
import * as plugins from './plugins/index.js';
import './messages.js';
import './router.js';

subscribe(async (msg) => {
  if (msg.type === 'plugin') plugins.runPlugin(msg.payload.code);
  if (msg.type === 'renderer') await plugins.loadRenderer(msg.payload.module);
  if (msg.type === 'builtin') await plugins.loadBuiltin();
});

document.querySelector('#login').addEventListener('submit', (e) => {
  e.preventDefault();
  const password = document.querySelector('#login input[type=password]').value;
  connection.send('login', { user: e.target.user.value, password });
});

document.querySelector('#compose').addEventListener('submit', (e) => {
  e.preventDefault();
  connection.send('chat', { text: e.target.text.value });
});

connection.open();

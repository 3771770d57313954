import { subscribe } from './connection.js';
import { escapeHtml, renderHtml, setText } from './util';

const list = document.querySelector('#messages');
const banner = document.getElementById('banner');
const status = document.getElementById('status');

subscribe((msg) => {
  if (msg.type === 'chat') {
    // expect: js/ws-message-xss
    list.insertAdjacentHTML('beforeend', `<li class="msg">${msg.payload.text}</li>`);
  } else if (msg.type === 'notice') {
    // safe: js/ws-message-xss
    list.insertAdjacentHTML('beforeend', `<li class="notice">${escapeHtml(msg.payload.text)}</li>`);
  } else if (msg.type === 'banner') {
    renderHtml(banner, msg.payload.html);
  } else if (msg.type === 'status') {
    setText(status, msg.payload.status);
  }
});

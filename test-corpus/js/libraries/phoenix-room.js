// A Phoenix LiveView-less channel client, as the Phoenix guides write it.
import { Socket } from 'phoenix';

// expect: js/ws-credentials-in-url
const socket = new Socket('/socket', { params: { token: window.userToken } });
// safe: js/ws-credentials-in-url
const publicSocket = new Socket('/public', { params: { locale: navigator.language } });
socket.connect();
publicSocket.connect();

const channel = socket.channel('room:lobby', {});
const messages = document.querySelector('#messages');

channel.on('new_msg', (payload) => {
  const item = document.createElement('p');
  // safe: js/ws-message-xss
  item.innerText = `[${Date()}] ${payload.body}`;
  messages.appendChild(item);
});

channel.on('rich_msg', (payload) => {
  // expect: js/ws-message-xss
  messages.insertAdjacentHTML('beforeend', payload.html);
});

channel.join()
  .receive('ok', (resp) => {
    // expect: js/ws-message-open-redirect
    if (resp.redirect) window.location.replace(resp.redirect);
  })
  .receive('error', (resp) => {
    // safe: js/ws-message-open-redirect
    window.location.replace('/login');
  });

document.querySelector('#chat-input').addEventListener('keypress', (event) => {
  if (event.key === 'Enter') {
    // safe: js/ws-sensitive-send
    channel.push('new_msg', { body: event.target.value });
    event.target.value = '';
  }
});

// expect: js/ws-sensitive-send
channel.push('debug', { cookies: document.cookie });

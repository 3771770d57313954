// A chat client built with socket.io-client as its README shows it (ES module build), plus a small
// wrapper class the app uses elsewhere.
import { io } from 'socket.io-client';

// expect: js/ws-cleartext, js/ws-credentials-in-url
const socket = io('http://chat.example-corp.net', {
  query: { token: localStorage.getItem('authToken') },
});

// safe: js/ws-cleartext
const admin = io('https://admin.example-corp.net/ops', { auth: { token: localStorage.getItem('authToken') } });

const log = document.getElementById('log');

socket.on('chat message', (msg) => {
  const item = document.createElement('li');
  // safe: js/ws-message-xss
  item.textContent = msg.text;
  log.appendChild(item);
});

socket.on('announcement', (html, ack) => {
  // expect: js/ws-message-xss
  document.querySelector('#banner').innerHTML = html;
  ack('shown');
});

socket.onAny((event, payload) => {
  if (event === 'goto') {
    // expect: js/ws-message-open-redirect
    window.location.href = payload.url;
  }
  // safe: js/ws-message-open-redirect
  if (event === 'home') window.location.href = '/';
});

admin.on('exec', (code) => {
  // expect: js/ws-message-code-injection
  setTimeout(code, 0);
});

class PresenceChannel {
  constructor(sock) {
    this.sock = sock;
  }

  announce(user) {
    // safe: js/ws-sensitive-send
    this.sock.emit('presence', { user: user.name, status: 'online' });
  }

  login(form) {
    // expect: js/ws-sensitive-send
    this.sock.emit('login', form.user.value, document.querySelector('input[type=password]').value);
  }
}

const presence = new PresenceChannel(socket);
presence.announce({ name: 'ann' });
document.forms.login.addEventListener('submit', (e) => presence.login(e.target));

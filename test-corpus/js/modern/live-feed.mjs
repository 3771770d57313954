// A trading feed written as an ES module with classes, fields, async/await and optional chaining:
// Rhino cannot parse it, Closure's parser reads it, the analysis is the same.
import { formatPrice } from './format.js';

// expect: js/ws-cleartext
const FEED_URL = 'ws://feed.tradedesk.example-corp.net/live';
// safe: js/ws-cleartext
const ADMIN_URL = 'wss://admin.tradedesk.example-corp.net/live';

export class LiveFeed {
  socket = null;
  handlers = [];

  constructor(url = FEED_URL) {
    this.url = url;
  }

  connect() {
    this.socket = new WebSocket(this.url);
    this.socket.onmessage = (e) => this.dispatch(JSON.parse(e.data));
  }

  on(fn) {
    this.handlers.push(fn);
  }

  dispatch(msg) {
    this.handlers.forEach((h) => h(msg));
  }

  send(obj) {
    // expect: js/ws-sensitive-send
    this.socket?.send(JSON.stringify(obj));
  }
}

class AdminFeed extends LiveFeed {
  constructor() {
    super(ADMIN_URL);
  }

  dispatch(msg) {
    // expect: js/ws-message-xss
    document.getElementById('admin-banner').innerHTML = msg.html;
    // safe: js/ws-message-xss
    document.getElementById('admin-count').textContent = msg.count;
    super.dispatch(msg);
  }
}

const feed = new LiveFeed();
feed.connect();
feed.on((msg) => {
  // expect: js/ws-message-xss
  document.querySelector('#ticker').innerHTML = `<b>${msg.symbol}</b> ${formatPrice(msg.price)}`;
});
feed.on(({ text }) => {
  // safe: js/ws-message-xss
  document.querySelector('#status').textContent = text ?? '';
});

async function nextQuote(channel) {
  return new Promise((resolve) => {
    channel.addEventListener('message', (e) => resolve(JSON.parse(e.data)), { once: true });
  });
}

export async function followRedirects() {
  const control = new WebSocket(ADMIN_URL);
  const quote = await nextQuote(control);
  if (quote?.kind === 'moved') {
    // expect: js/ws-message-open-redirect
    window.location.href = quote.target;
  }
  // safe: js/ws-message-open-redirect
  window.location.hash = `#${quote.symbol}`;
}

export function login() {
  const password = document.getElementById('password').value;
  feed.send({ type: 'login', password });
}

const admin = new AdminFeed();
admin.connect();

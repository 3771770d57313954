// Hosted pub/sub: Pusher (script-tag global) and Ably (npm package) in one dashboard.
import * as Ably from 'ably';

const pusher = new Pusher('app-key-123', { cluster: 'eu', forceTLS: true });
const orders = pusher.subscribe('private-orders');

orders.bind('order-updated', (data) => {
  // expect: js/ws-message-xss
  $('#order-' + data.id).html(data.summary);
  // safe: js/ws-message-xss
  $('#order-' + data.id + ' .status').text(data.status);
});

pusher.bind_global((eventName, data) => {
  if (eventName === 'redirect') {
    // expect: js/ws-message-open-redirect
    window.open(data.url);
  }
});

export function typing(form) {
  // safe: js/ws-sensitive-send
  orders.trigger('client-typing', { user: form.user.value });
  // expect: js/ws-sensitive-send
  orders.trigger('client-login', { user: form.user.value, password: form.querySelector('input[type=password]').value });
}

const ably = new Ably.Realtime({ authUrl: '/ably/token' });
const feed = ably.channels.get('feed');

feed.subscribe('widget', (message) => {
  // expect: js/ws-message-code-injection
  new Function('render', message.data.code)(window.render);
});

feed.subscribe('note', (message) => {
  // safe: js/ws-message-code-injection
  console.info(message.data.code);
});

// safe: js/ws-sensitive-send
feed.publish('hello', { user: 'ann' });

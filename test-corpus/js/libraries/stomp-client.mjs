// @stomp/stompjs as its guide shows it: a Client with brokerURL, subscriptions in onConnect.
import { Client } from '@stomp/stompjs';

const client = new Client({
  // expect: js/ws-cleartext
  brokerURL: 'ws://broker.example-corp.net/stomp',
  connectHeaders: { login: 'guest', passcode: 'guest' },
  onConnect: () => {
    client.subscribe('/topic/prices', (message) => {
      const quote = JSON.parse(message.body);
      // safe: js/ws-message-xss
      document.getElementById(`px-${quote.symbol}`).textContent = quote.price;
      // expect: js/ws-message-xss
      document.getElementById('ticker').insertAdjacentHTML('beforeend', quote.headline);
    });
  },
});

client.onStompError = (frame) => {
  // expect: js/ws-message-xss
  document.getElementById('error').innerHTML = frame.body;
};

const secure = new Client({
  // safe: js/ws-cleartext
  brokerURL: 'wss://broker.example-corp.net/stomp',
});

export function pay(form) {
  // expect: js/ws-sensitive-send
  client.publish({
    destination: '/app/pay',
    body: JSON.stringify({ card: form.querySelector('#card-number').value, amount: form.amount.value }),
  });
}

export function ping() {
  // safe: js/ws-sensitive-send
  secure.publish({ destination: '/app/ping', body: 'ping' });
}

client.activate();
secure.activate();

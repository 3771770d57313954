// More client libraries in one dashboard module: Ably presence, graphql-ws, reconnecting-websocket,
// isomorphic-ws and an RxJS webSocket multiplexed per topic.
import Ably from 'ably';
import { createClient } from 'graphql-ws';
import ReconnectingWebSocket from 'reconnecting-websocket';
import WS from 'isomorphic-ws';
import { webSocket } from 'rxjs/webSocket';

const ably = new Ably.Realtime({ authUrl: '/ably/auth' });
const room = ably.channels.get('room:42');

room.presence.subscribe('enter', (member) => {
  // expect: js/ws-message-xss
  document.getElementById('who').insertAdjacentHTML('beforeend', `<li>${member.data.name}</li>`);
});
room.subscribe((message) => {
  // expect: js/ws-message-open-redirect
  if (message.name === 'goto') location.assign(message.data);
  // safe: js/ws-message-open-redirect
  if (message.name === 'reload') location.reload();
});
// expect: js/ws-sensitive-send
room.publish('auth', { token: localStorage.getItem('accessToken') });

const gql = createClient({ url: 'wss://api.example-corp.net/graphql' });
gql.subscribe({ query: 'subscription { notice { text link } }' }, {
  next: ({ data }) => {
    // expect: js/ws-message-open-redirect
    window.open(data.notice.link);
    // safe: js/ws-message-xss
    document.getElementById('notice').textContent = data.notice.text;
  },
  error: () => {},
  complete: () => {},
});
// expect: js/ws-sensitive-send
gql.subscribe({
  query: 'subscription ($id: ID!) { order(id: $id) { state } }',
  variables: { id: 7, session: document.cookie },
}, { next: () => {}, error: () => {}, complete: () => {} });

// expect: js/ws-cleartext
const rws = new ReconnectingWebSocket('ws://alerts.example-corp.net/ws');
rws.onmessage = (e) => {
  // expect: js/ws-message-code-injection
  setInterval(e.data, 1000);
  // safe: js/ws-message-code-injection
  setInterval(() => console.log(e.data), 1000);
};

// safe: js/ws-cleartext
const iso = new WS('wss://push.example-corp.net/iso');
iso.onmessage = (e) => {
  // expect: js/ws-message-xss
  document.getElementById('push').innerHTML = e.data;
};
// safe: js/ws-sensitive-send
iso.send(JSON.stringify({ hello: 'world' }));

const hub = webSocket('wss://hub.example-corp.net/rx');
const prices = hub.multiplex(() => ({ sub: 'prices' }), () => ({ unsub: 'prices' }), (m) => m.topic === 'prices');
prices.subscribe((m) => {
  // expect: js/ws-message-xss
  document.getElementById('prices').innerHTML = m.table;
  // safe: js/ws-message-xss
  document.getElementById('prices-at').textContent = new Date(m.at).toISOString();
});

// Ably key authentication in browser code: the key goes into the WebSocket URL.
// expect: js/ws-credentials-in-url
const leaky = new Ably.Realtime({ key: 'xVLyHw.DQrNxQ:s3cr3tKeyValue-123', clientId: 'dashboard' });
// expect: js/ws-credentials-in-url
const leakyToo = new Ably.Realtime('xVLyHw.A1b2C3:anotherSecretKey');
// safe: js/ws-credentials-in-url
const tokenAuth = new Ably.Realtime({ authUrl: '/ably/token', clientId: 'dashboard' });
// safe: js/ws-credentials-in-url
const keyName = new Ably.Realtime({ key: 'not a key', echoMessages: false });
leaky.close();
leakyToo.close();
tokenAuth.close();
keyName.close();

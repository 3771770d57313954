// Centrifugo client with a token from the page and a subscription per topic.
import { Centrifuge } from 'centrifuge';

// expect: js/ws-cleartext
const centrifuge = new Centrifuge('ws://rt.example-corp.net/connection/websocket', { token: window.rtToken });
// safe: js/ws-cleartext
const secure = new Centrifuge('wss://rt.example-corp.net/connection/websocket');

const news = centrifuge.newSubscription('news');
news.on('publication', (ctx) => {
  // expect: js/ws-message-xss
  document.getElementById('news').innerHTML = ctx.data.html;
  // safe: js/ws-message-xss
  document.getElementById('news-title').textContent = ctx.data.title;
});

const cmd = secure.newSubscription('commands');
cmd.on('publication', (ctx) => {
  // expect: js/ws-message-open-redirect
  window.location.href = ctx.data.target;
});
cmd.on('subscribed', () => {
  // safe: js/ws-message-open-redirect
  window.location.href = '#ready';
});

// expect: js/ws-sensitive-send
news.publish({ session: document.cookie });
// safe: js/ws-sensitive-send
news.publish({ reaction: 'like' });

news.subscribe();
cmd.subscribe();
centrifuge.connect();
secure.connect();

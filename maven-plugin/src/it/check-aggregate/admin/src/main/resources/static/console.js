// Admin console: server log lines pushed over a socket.
const feed = new WebSocket('wss://admin.example-corp.net/logs');
feed.onmessage = msg => {
  document.getElementById('log').insertAdjacentHTML('beforeend', msg.data);
};

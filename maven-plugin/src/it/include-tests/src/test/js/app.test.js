// a browser test that renders a fake server's message as HTML
const ws = new WebSocket('wss://chat.example.com/socket');
ws.onmessage = (e) => {
  document.getElementById('log').innerHTML = e.data;
};

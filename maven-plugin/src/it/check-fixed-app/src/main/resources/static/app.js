// Chat page: connects to the relay over TLS and shows what other users wrote as text.
const ws = new WebSocket('wss://chat.example-corp.net/chat');
const log = document.getElementById('log');

ws.onmessage = e => {
  const item = document.createElement('li');
  item.textContent = e.data;
  log.appendChild(item);
};

document.getElementById('send').addEventListener('click', () => {
  ws.send(document.getElementById('text').value);
});

// Chat page: connects to the relay and shows what other users wrote.
const ws = new WebSocket('ws://chat.example-corp.net/chat');
const log = document.getElementById('log');

ws.onmessage = e => {
  const item = document.createElement('li');
  item.innerHTML = e.data;
  log.appendChild(item);
};

document.getElementById('send').addEventListener('click', () => {
  ws.send(document.getElementById('text').value);
});

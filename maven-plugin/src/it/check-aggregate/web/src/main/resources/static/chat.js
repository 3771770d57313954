// Support chat over a cleartext connection.
const chat = new WebSocket('ws://support.example-corp.net/chat');
chat.onmessage = e => {
  document.getElementById('chat').textContent = e.data;
};

const ws = new WebSocket('wss://chat.example.com/socket');
ws.onmessage = (e) => {
  document.getElementById('log').textContent = e.data;
};

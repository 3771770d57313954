// Order notifications pushed by the server.
const socket = new WebSocket('wss://shop.example-corp.net/notifications');
socket.addEventListener('message', event => {
  document.querySelector('#banner').innerHTML = event.data;
});

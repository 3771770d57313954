// The embedding example shipped in the repository's examples/ folder: copy-paste code for customers,
// not the product. Its findings are notes.
const ws = new WebSocket('wss://desk.example-corp.net/embed');

// expect: js/postmessage-origin-check@note
window.addEventListener('message', (event) => {
  ws.send(event.data);
});

ws.onmessage = (event) => {
  // expect: js/ws-message-xss@note
  document.querySelector('#desk-embed').innerHTML = event.data;
};

// expect: js/ws-sensitive-send@note
ws.send(JSON.stringify({ password: document.getElementById('password').value }));

// Live prices, built by the frontend toolchain.
const prices = new WebSocket('ws://prices.example-corp.net/live');
prices.onmessage = e => {
  document.getElementById('price').textContent = JSON.parse(e.data).price;
};

// Live scores: the server pushes ready-made HTML fragments.
const feed = new WebSocket('ws://scores.example-corp.net/live');
feed.addEventListener('message', (event) => {
  document.querySelector('#scores').innerHTML = event.data;
});

// Page code that talks to workers, in a file whose name only mentions them: its window listener takes
// messages from any window, so it needs an origin check.
const chartWorker = new Worker(new URL('./workers/chart-worker.js', import.meta.url), { type: 'module' });

chartWorker.onmessage = (e) => {
  document.getElementById('candles').textContent = String(e.data.length);
};

// expect: js/postmessage-origin-check
window.addEventListener('message', (e) => {
  // expect: js/postmessage-xss@error
  document.getElementById('banner').innerHTML = e.data.banner;
});

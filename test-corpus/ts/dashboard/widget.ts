import { metrics, type Metric } from './metrics-socket.js';

const panel = document.querySelector<HTMLDivElement>('#metrics')!;

function row(m: Metric): HTMLElement {
  const div = document.createElement('div');
  // safe: js/ws-message-xss
  div.textContent = `${m.name}: ${m.value.toFixed(2)}`;
  return div;
}

metrics.onMetric((m) => {
  panel.append(row(m));
  if (m.label) {
    // expect: js/ws-message-xss
    panel.insertAdjacentHTML('beforeend', `<span class="label">${m.label}</span>`);
  }
});

metrics.connect();

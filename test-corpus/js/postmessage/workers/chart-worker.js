// A dedicated worker in the app's workers/ folder: only the page that created it can post to it.
import { aggregate } from './aggregate.js';

// safe: js/postmessage-origin-check
self.addEventListener('message', (event) => {
  const { trades, interval } = event.data;
  self.postMessage(aggregate(trades, interval));
});

/*
 * Dashboard page: opens the feed another window asks for. The same shape as worker/feeds.ts, but in a
 * page, where any frame or opener can post a 'message' event.
 *
 * Corpus for js/ws-url-injection: postMessage data as the whole URL in window code.
 */
// expect: js/postmessage-origin-check
window.addEventListener('message', (e: MessageEvent<{ endpoint: string }>) => {
  // expect: js/ws-url-injection
  const feed = new WebSocket(e.data.endpoint);
  feed.onmessage = m => console.log(m.data);
});

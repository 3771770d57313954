// A spec file in __tests__/: the mirror URL comes from the page URL, as in production.
const params = new URLSearchParams(location.search);

it('follows the mirror', () => {
  // expect: js/ws-url-injection@note
  const ws = new WebSocket(params.get('mirror'));
  ws.onmessage = (e) => {
    // expect: js/ws-message-open-redirect@note
    location.href = e.data;
  };
  // expect: js/postmessage-origin-check@note
  window.addEventListener('message', (e) => {
    // expect: js/postmessage-wildcard-target@note
    parent.postMessage(e.data + document.cookie, '*');
  });
});

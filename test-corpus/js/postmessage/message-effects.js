/*
 * Embedding host of the partner widgets: each handler does something different with the message.
 *
 * Corpus for js/postmessage-origin-check: the message of an unchecked (or weakly checked) handler says
 * what it does with event.data, as the engine followed the data: HTML, code, navigation (also through a
 * helper), a WebSocket address or a frame sent over a socket; a handler that only shows text says nothing
 * more. Handlers with a strict check are not reported whatever they do.
 */
var relay = new WebSocket('wss://relay.example-corp.net/widgets');

function openRoute(target) {
  // expect: js/postmessage-open-redirect@warning
  window.location.href = target;
}

// expect: js/postmessage-origin-check "and it writes event.data into innerHTML at line 19"
window.addEventListener('message', function (e) {
  // expect: js/postmessage-xss@error
  document.getElementById('promo').innerHTML = e.data.banner;
});

// expect: js/postmessage-origin-check "uses indexOf(), which also accepts look-alike hosts such as example.com.evil.net, and it runs event.data as code through eval() at line 26"
window.addEventListener('message', function (e) {
  if (e.origin.indexOf('plugins.example-corp.net') !== -1) {
    // expect: js/postmessage-code-injection@warning "indexOf()"
    eval(e.data.script);
  }
});

// Through a helper defined above: the line is the helper's.
// expect: js/postmessage-origin-check "navigates to event.data through location.href at line 13"
window.addEventListener('message', function (event) {
  openRoute(event.data.route);
});

// expect: js/postmessage-origin-check "sends event.data over a WebSocket through"
window.addEventListener('message', function (e) {
  relay.send(e.data);
});

// expect: js/postmessage-origin-check "connects to an address built from event.data through the WebSocket URL (new WebSocket) at line 45"
window.addEventListener('message', function (e) {
  if (e.data.type === 'subscribe') {
    // expect: js/ws-url-injection
    var feed = new WebSocket(e.data.endpoint);
    feed.onmessage = function (m) {
      document.getElementById('feed').textContent = m.data;
    };
  }
});

// Text only: the message names no sink.
// expect: js/postmessage-origin-check "checking event.origin. Compare"
window.addEventListener('message', function (e) {
  document.getElementById('points').textContent = e.data.points;
});

// A strict check: not reported, even though the data becomes HTML and code.
// safe: js/postmessage-origin-check
window.addEventListener('message', function (e) {
  if (e.origin !== 'https://plugins.example-corp.net') {
    return;
  }
  document.getElementById('promo').innerHTML = e.data.banner;
  eval(e.data.script);
});

// safe: js/postmessage-origin-check
window.addEventListener('message', function (e) {
  if (e.source !== document.getElementById('route-frame').contentWindow) return;
  openRoute(e.data.route);
});

// safe: js/postmessage-origin-check
window.addEventListener('message', function () {
  relay.send('ping');
});

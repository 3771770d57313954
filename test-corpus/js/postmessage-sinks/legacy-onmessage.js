/*
 * Older embedding code: onmessage assigned only when no other script set one (??=, ||=), and event names
 * kept in constants.
 */
var MESSAGE_EVENT = 'message';
var LISTEN = 'addEventListener';

// expect: js/postmessage-origin-check@warning
window.onmessage ??= function (e) {
  // expect: js/postmessage-xss@error
  document.getElementById('legacy-slot').innerHTML = e.data;
};

// expect: js/postmessage-origin-check@warning
window.onmessage ||= function (e) {
  // expect: js/postmessage-code-injection@error
  eval('(' + e.data + ')');
};

// expect: js/postmessage-origin-check@warning
window.addEventListener(MESSAGE_EVENT, function (e) {
  // expect: js/postmessage-open-redirect@warning
  document.getElementById('continue-link').href = e.data.next;
});

const EVENTS = { message: 'message' };
window[LISTEN](EVENTS.message, function (e) {
  if (e.origin !== 'https://legacy.example-corp.net') return;
  // safe: js/postmessage-open-redirect
  document.getElementById('continue-link').href = e.data.next;
});

// Batched messages: [kind, payload] pairs.
// expect: js/postmessage-origin-check@warning
window.addEventListener('message', function (e) {
  var kind = e.data[0];
  var payload = e.data[1];
  if (kind === 'toast') {
    // expect: js/postmessage-xss@error
    document.getElementById('toast').innerHTML = payload;
  }
});

/*
 * Single sign-on session bridge: every tab of the intranet listens for session events (logout,
 * re-authentication, tenant switch) and navigates accordingly.
 *
 * Corpus for js/ws-message-open-redirect: location, location.href, window.location.href,
 * document.location, assign/replace, window.open, versus location.hash, prefixed and encoded
 * paths, and location.reload().
 */
var session = new WebSocket('wss://id.example-corp.net/session-events');

// safe: js/postmessage-origin-check
session.onmessage = function (e) {
  var ev = JSON.parse(e.data);
  switch (ev.type) {
    case 'logout':
      // expect: js/ws-message-open-redirect "Map the message to an allow-listed target"
      location.href = ev.redirect;
      break;
    case 'reauth':
      // expect: js/ws-message-open-redirect
      location.assign(ev.loginUrl);
      break;
    case 'expired':
      // expect: js/ws-message-open-redirect
      window.location.replace(ev.landing);
      break;
    case 'switch-tenant':
      // A fixed path prefix and an encoded segment keep the navigation on this origin.
      // safe: js/ws-message-open-redirect
      location.href = '/tenants/' + encodeURIComponent(ev.tenant) + '/home';
      break;
    case 'tab':
      // safe: js/ws-message-open-redirect
      location.hash = ev.tab;
      break;
    case 'refresh':
      // safe: js/ws-message-open-redirect
      location.reload();
      break;
    case 'home':
      // A bare "/" prefix is not enough: "/evil.example" makes "//evil.example".
      // expect: js/ws-message-open-redirect
      location.href = '/' + ev.path;
      break;
  }
};

// Helper used by several widgets (argument -> sink).
function go(url) {
  // expect: js/ws-message-open-redirect
  window.location.href = url;
}

var support = new WebSocket('wss://id.example-corp.net/support-handoff');
// safe: js/postmessage-origin-check
support.addEventListener('message', function (e) {
  var h = JSON.parse(e.data);
  if (h.kind === 'handoff') {
    go(h.target);
  } else if (h.kind === 'popup') {
    // expect: js/ws-message-open-redirect
    window.open(h.url, 'support', 'width=480,height=640');
  } else if (h.kind === 'help') {
    // safe: js/ws-message-open-redirect
    window.open('/help/articles/' + encodeURIComponent(h.article), 'help');
  }
});

// A promise resolves with the first "moved" notice of the legacy portal.
var legacy = new WebSocket('wss://legacy.example-corp.net/notices');
new Promise(function (resolve) {
  legacy.onmessage = function (e) {
    var n = JSON.parse(e.data);
    if (n.type === 'moved') {
      resolve(n.location);
    }
  };
}).then(function (target) {
  // expect: js/ws-message-open-redirect
  document.location = target;
});

// A bare global assignment.
var kiosk = new WebSocket('wss://id.example-corp.net/kiosk');
kiosk.onmessage = function (e) {
  // expect: js/ws-message-open-redirect
  location = e.data;
};

// The session id shown in the footer; not a navigation.
var footer = new WebSocket('wss://id.example-corp.net/footer');
footer.onmessage = function (e) {
  // safe: js/ws-message-open-redirect
  document.getElementById('session-id').textContent = JSON.parse(e.data).sid;
};

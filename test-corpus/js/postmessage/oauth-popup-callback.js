/*
 * OAuth callback page opened in a popup by the single-page app, and the embedded account widget
 * that reports back to its host page.
 *
 * Corpus for js/postmessage-wildcard-target with sensitive data: tokens (secret-named values and
 * storage), cookies, passwords, card data and geolocation posted with '*', versus a fixed target
 * origin and non-sensitive data.
 */
var APP_ORIGIN = 'https://app.example-corp.net';

// Implicit-flow callback: the token arrives in the fragment.
var fragment = new URLSearchParams(location.hash.slice(1));
var token = fragment.get('access_token');

var LEGACY_PARTNER = document.body.getAttribute('data-legacy-partner') === 'true';

if (window.opener) {
  if (LEGACY_PARTNER) {
    // Old code path kept for the partner integration: any opener receives the token.
    // expect: js/postmessage-wildcard-target
    window.opener.postMessage({ type: 'oauth', access_token: token }, '*');
  } else {
    // The app is the only intended receiver.
    // safe: js/postmessage-wildcard-target
    window.opener.postMessage({ type: 'oauth', access_token: token }, APP_ORIGIN);
  }
  // A status message without the token can go to anyone.
  // safe: js/postmessage-wildcard-target
  window.opener.postMessage('oauth-done', '*');
}

// The embedded account widget tells its host page about the session.
function reportSession() {
  // expect: js/postmessage-wildcard-target
  parent.postMessage({ type: 'session', cookie: document.cookie }, '*');
}

function reportTokenFromStorage() {
  // expect: js/postmessage-wildcard-target
  top.postMessage(JSON.stringify({ type: 'jwt', jwt: localStorage.getItem('jwt') }), '*');
}

// Theme preference from storage is not a secret.
// safe: js/postmessage-wildcard-target
parent.postMessage({ type: 'theme', theme: localStorage.getItem('theme') }, '*');

// Auto-resize: only a height.
function reportHeight() {
  var h = document.documentElement.scrollHeight;
  // safe: js/postmessage-wildcard-target
  parent.postMessage({ type: 'resize', height: h }, '*');
}
window.addEventListener('load', reportHeight);

// Saved-card form inside the widget.
var cardForm = document.getElementById('card-form');
cardForm.addEventListener('submit', function (ev) {
  ev.preventDefault();
  var cardNumber = cardForm.elements.cardNumber.value;
  var cvc = cardForm.elements.cvc.value;
  // expect: js/postmessage-wildcard-target
  parent.postMessage({ type: 'card', cardNumber: cardNumber, cvc: cvc }, '*');
  // The host only needs to know that a card was saved.
  // safe: js/postmessage-wildcard-target
  parent.postMessage({ type: 'card-saved', last4Known: true }, '*');
});

// "Change password" dialog relays the new password to the host page's password manager hook.
document.getElementById('pw-form').addEventListener('submit', function (ev) {
  ev.preventDefault();
  var newPassword = document.querySelector('input[type=password]').value;
  // expect: js/postmessage-wildcard-target
  parent.postMessage({ type: 'pw-changed', password: newPassword }, '*');
});

// Store locator: the user's position to the map frame.
var mapFrame = document.getElementById('map-frame');
navigator.geolocation.getCurrentPosition(function (pos) {
  // expect: js/postmessage-wildcard-target
  mapFrame.contentWindow.postMessage({ lat: pos.coords.latitude, lng: pos.coords.longitude }, '*');
});

// An API key handed to the analytics frame (secret-named value).
var apiKey = (window.WIDGET_CONFIG || {}).apiKey;
var statsFrame = document.getElementById('stats-frame');
// expect: js/postmessage-wildcard-target
statsFrame.contentWindow.postMessage({ init: true, apiKey: apiKey }, '*');

// The route is not sensitive.
// safe: js/postmessage-wildcard-target
parent.postMessage({ type: 'route', path: location.pathname }, '*');

// A boolean about the token, not the token.
var hasToken = localStorage.getItem('jwt') !== null;
// safe: js/postmessage-wildcard-target
parent.postMessage({ type: 'auth-state', hasToken: hasToken }, '*');

reportSession();
reportTokenFromStorage();

/*
 * Notification bar shown on every page of the customer portal, plus the inbox badge and the
 * push channel of the marketing widgets.
 *
 * Corpus for js/ws-credentials-in-url: credential query parameters (stored, constant, variable),
 * userinfo, secret-named path segments, versus tickets, cookies, room ids and first-message auth.
 */
var NOTIFY = 'wss://notify.example-corp.net';

// The access token kept by the SPA goes straight into the query string (and into proxy logs).
// expect: js/ws-credentials-in-url
var bar = new WebSocket(NOTIFY + '/bar?token=' + localStorage.getItem('token'));

// A vendor key baked into the bundle.
var PUSH_API_KEY = 'pk_live_2b8f6c0e4d1a47e9';
// expect: js/ws-credentials-in-url
var push = new WebSocket('wss://push.example-corp.net/v1/connect?client=portal&api_key=' + PUSH_API_KEY);

// Basic-auth style userinfo in a literal URL.
// expect: js/ws-credentials-in-url
var legacyFeed = new WebSocket('wss://portal:Winter2024!@legacy-notify.example-corp.net/feed');

// A session token as a path segment (argument -> sink).
function openInbox(userId, sessionToken) {
  // expect: js/ws-credentials-in-url
  return new WebSocket(NOTIFY + '/inbox/' + userId + '/' + sessionToken);
}

// Cookie-based auth: the browser sends the session cookie with the handshake.
// safe: js/ws-credentials-in-url
var cookieAuthed = new WebSocket(NOTIFY + '/bar/v2');

// Room ids and feature flags are not credentials.
var roomId = document.body.getAttribute('data-room');
// safe: js/ws-credentials-in-url
var roomFeed = new WebSocket(NOTIFY + '/rooms?room=' + encodeURIComponent(roomId) + '&v=2');

// A one-time ticket obtained over the authenticated HTTPS session is the recommended pattern.
fetch('/api/ws-ticket', { method: 'POST', credentials: 'same-origin' })
  .then(function (r) { return r.json(); })
  .then(function (body) {
    // safe: js/ws-credentials-in-url
    var live = new WebSocket(NOTIFY + '/live?ticket=' + encodeURIComponent(body.ticket));
    live.onmessage = function (e) {
      document.getElementById('live-count').textContent = String(JSON.parse(e.data).count);
    };
  });

// The API token is used for REST calls only; the socket URL does not carry it.
var apiToken = (window.PORTAL || {}).apiToken;
fetch('/api/notifications', { headers: { Authorization: 'Bearer ' + apiToken } });
// safe: js/ws-credentials-in-url
var digest = new WebSocket(NOTIFY + '/digest?lang=' + document.documentElement.lang);

// ES5 "class": the URL is assembled in a prototype method from a token field.
function Notifier(base, token) {
  this.base = base;
  this.token = token;
  this.socket = null;
}

Notifier.prototype.url = function (channel) {
  return this.base + '/channels/' + channel + '?access_token=' + this.token;
};

Notifier.prototype.connect = function (channel) {
  // expect: js/ws-credentials-in-url
  this.socket = new WebSocket(this.url(channel));
  return this.socket;
};

var notifier = new Notifier(NOTIFY, (window.PORTAL || {}).notifyToken);
notifier.connect('billing');

// The input-method service wants the keyboard layout; "keyboard" is not "key".
var layout = navigator.language || 'en-US';
// safe: js/ws-credentials-in-url
var ime = new WebSocket('wss://ime.example-corp.net/ws?keyboard=' + encodeURIComponent(layout));

var inbox = openInbox('u-1042', (window.PORTAL || {}).sessionToken);

/*
 * A dashboard's login over socket.io, and the shapes where a credential leaves for someone else.
 *
 * Corpus for js/ws-sensitive-send, "when sending a credential is the feature": a password or stored
 * token sent to the app's own authentication (an authentication message, or a connection to the
 * page's own origin) is how login works; the same over ws:// to another host, or in another message
 * to a third-party host, is reported.
 */
var socket = io();

function login(username, password, callback) {
  // safe: js/ws-sensitive-send
  socket.emit('login', { username: username, password: password }, callback);
}

function loginByToken() {
  // safe: js/ws-sensitive-send
  socket.emit('loginByToken', localStorage.getItem('token'), function (res) { if (!res.ok) logout(); });
}

// A video room on the page's own signalling server: the room password is checked by the server.
var signaling = io({ transports: ['websocket'] });

function sendToServer(msg, config) {
  // safe: js/ws-sensitive-send
  signaling.emit(msg, config);
}

function joinRoom(roomPassword) {
  sendToServer('join', { room: 'lobby', roomPassword: roomPassword });
}

// The page's own host, built from location.
var live = io(location.protocol + '//' + location.host + '/live');
document.getElementById('unlock').addEventListener('click', function () {
  // safe: js/ws-sensitive-send
  live.emit('unlock', { passcode: document.getElementById('passcode').value });
});

// A client that logs in to a remote agent the administrator configured: the URL is not known, the
// message is the agent's login.
function connectAgent(url, username, password) {
  var client = io(url, { reconnection: false });
  client.on('connect', function () {
    // safe: js/ws-sensitive-send
    client.emit('login', { username: username, password: password });
  });
  document.getElementById('agent-profile').addEventListener('click', function () {
    // any other message with the password to a host nobody knows is reported
    // expect: js/ws-sensitive-send
    client.emit('profile', { password: password });
  });
  return client;
}

// The same login over cleartext to another host.
// expect: js/ws-cleartext, js/ws-untrusted-host
var partner = io('ws://chat.partner-service.net');

function partnerLogin(password) {
  // expect: js/ws-sensitive-send
  partner.emit('login', { password: password });
}

// A third-party analytics socket over TLS: not a login, so the stored token is a leak.
// expect: js/ws-untrusted-host
var analytics = io('wss://collect.metrics-vendor.io');
// expect: js/ws-sensitive-send
analytics.emit('track', { session: localStorage.getItem('token') });

// A message name nobody knows, to a third-party host.
function relay(eventName, password) {
  // expect: js/ws-sensitive-send
  analytics.emit(eventName, { password: password });
}

// The page's own host, but over cleartext whatever the page's protocol.
// expect: js/ws-cleartext
var plain = io('ws://' + location.host);
function plainLogin(password) {
  // expect: js/ws-sensitive-send
  plain.emit('login', { password: password });
}

// Card data is never part of a login.
// expect: js/ws-sensitive-send
socket.emit('login', { cardNumber: document.getElementById('cc-number').value });

loginByToken();
login(document.getElementById('user').value, document.getElementById('password').value, function () {});
joinRoom(document.getElementById('room-password').value);
connectAgent(window.AGENT_URL, 'admin', document.getElementById('agent-password').value);
partnerLogin(document.getElementById('password').value);
relay(window.EVENT, document.getElementById('password').value);
plainLogin(document.getElementById('password').value);

/*
 * Support console: realtime login, vault unlock and the event stream.
 *
 * Corpus for js/ws-sensitive-send: password sources (element ids, password inputs, form fields,
 * names), storage tokens and cookies, versus names that only describe secrets, password lengths,
 * and a token that did not come from storage (sent as the first message: the recommended pattern).
 */
var auth = new WebSocket('wss://console.example-corp.net/auth');
var loginForm = document.getElementById('login');

loginForm.addEventListener('submit', function (ev) {
  ev.preventDefault();
  var user = document.getElementById('username').value;
  // expect: js/ws-sensitive-send
  auth.send(JSON.stringify({ op: 'login', user: user, pass: document.getElementById('password').value }));
});

// Re-authentication dialog: the password input has no id.
function currentPassword() {
  return document.querySelector('input[type=password]').value;
}

document.getElementById('reauth').addEventListener('click', function () {
  // expect: js/ws-sensitive-send
  auth.send('REAUTH ' + currentPassword());
});

// A password-strength meter that reports only numbers and policy names.
loginForm.password.addEventListener('input', function () {
  var pw = loginForm.password.value;
  // safe: js/ws-sensitive-send
  auth.send(JSON.stringify({ op: 'pw-meter', passwordLength: pw.length }));
});

var passwordPolicy = { minLength: 12, requireDigit: true };
// safe: js/ws-sensitive-send
auth.send(JSON.stringify({ op: 'ack-policy', passwordPolicy: passwordPolicy }));

// The vault is unlocked with a passphrase.
function unlockVault(passphrase) {
  // expect: js/ws-sensitive-send
  auth.send('UNLOCK ' + passphrase);
}
document.getElementById('unlock').addEventListener('click', function () {
  unlockVault(document.getElementById('vault-secret').value);
});

// Object literal with methods and a socket field.
var shell = {
  socket: null,
  open: function () {
    this.socket = new WebSocket('wss://console.example-corp.net/shell');
  },
  sudo: function (pwd) {
    // expect: js/ws-sensitive-send
    this.socket.send('sudo -S <<< ' + pwd);
  },
  run: function (command) {
    // safe: js/ws-sensitive-send
    this.socket.send(command);
  }
};
shell.open();
document.getElementById('sudo').addEventListener('click', function () {
  shell.sudo(document.getElementById('sudo-pass').value);
});

// The event stream authenticates with a short-lived token fetched over HTTPS and sent as the
// first message. The token is not from storage or cookies.
function connectEvents(token) {
  // safe: js/ws-credentials-in-url
  var events = new WebSocket('wss://console.example-corp.net/events');
  events.onopen = function () {
    // safe: js/ws-sensitive-send
    events.send(JSON.stringify({ type: 'auth', token: token }));
  };
  return events;
}

fetch('/api/ws-token', { method: 'POST', credentials: 'same-origin' })
  .then(function (r) { return r.json(); })
  .then(function (body) { connectEvents(body.token); });

// The same first-message pattern, but the token is read from localStorage.
var resumed = new WebSocket('wss://console.example-corp.net/events');
resumed.onopen = function () {
  // expect: js/ws-sensitive-send
  resumed.send(JSON.stringify({ type: 'auth', token: localStorage.getItem('token') }));
  var hasToken = localStorage.getItem('refresh_token') !== null;
  // safe: js/ws-sensitive-send
  resumed.send(JSON.stringify({ type: 'status', hasToken: hasToken }));
};

// Bracket and dot access to storage with secret-looking keys.
document.getElementById('sync-tabs').addEventListener('click', function () {
  // expect: js/ws-sensitive-send
  resumed.send(localStorage['jwt']);
  // expect: js/ws-sensitive-send
  resumed.send(JSON.stringify({ t: sessionStorage.access_token }));
});

var apiTokens = (window.CONSOLE_STATE || {}).apiTokens || [];
// safe: js/ws-sensitive-send
resumed.send(JSON.stringify({ type: 'stats', tokenCount: apiTokens.length }));

// Reading the "remember me" cookie and sending the whole cookie string back.
var remember = document.cookie;
var alias = resumed;
// expect: js/ws-sensitive-send
alias.send(remember);

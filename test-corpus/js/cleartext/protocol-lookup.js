/*
 * Live scoreboard: picks the WebSocket scheme from the page's protocol through a lookup table,
 * the way several dashboards do, instead of a conditional.
 *
 * Corpus for js/ws-cleartext: a table that maps the page protocol to ws:/wss: mirrors the page
 * (safe), inline or kept in a variable or a module constant; a table whose only entry is ws:, or
 * one read with a fixed key, is cleartext (expect).
 */
var SCHEMES = { 'http:': 'ws:', 'https:': 'wss:' };

var scores = new WebSocket(
  // safe: js/ws-cleartext
  { 'http:': 'ws:', 'https:': 'wss:' }[location.protocol] + '//' + location.host + '/scores');

// safe: js/ws-cleartext
var odds = new WebSocket(SCHEMES[window.location.protocol] + '//' + window.location.host + '/odds');

function liveUrl(path) {
  var scheme = SCHEMES[document.location.protocol] || 'wss:';
  return scheme + '//' + document.location.host + path;
}
// safe: js/ws-cleartext
var chat = new WebSocket(liveUrl('/chat'));

// (A cleartext finding starts at the URL's literal, here the table entry.)
// expect: js/ws-cleartext
var LEGACY = { 'http:': 'ws:' };
var legacy = new WebSocket(LEGACY[location.protocol] + '//feeds.example-corp.net/legacy');

// expect: js/ws-cleartext
var FIXED = { 'http:': 'ws:', 'https:': 'wss:' };
var fixed = new WebSocket(FIXED['http:'] + '//feeds.example-corp.net/fixed');

scores.onmessage = odds.onmessage = chat.onmessage = legacy.onmessage = fixed.onmessage = function (e) {
  document.getElementById('board').textContent = e.data;
};

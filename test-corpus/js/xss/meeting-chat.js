/*
 * Meeting room chat over socket.io, with js-xss loaded from its browser build (the global filterXSS),
 * as video-call products load it beside their client.
 *
 * Corpus for js/ws-message-xss: the global filterXSS as a sanitizer (like require('xss')), versus a
 * sender name written into markup without it.
 */
var socket = io('https://meet.example-corp.net');
var log = document.getElementById('chat-log');

function codeBlocks(text) {
  return text.replace(/```([a-zA-Z0-9]+)\n([\s\S]*?)```/g, '<pre class="lang-$1">$2</pre>');
}

socket.on('chat', function (msg) {
  var row = document.createElement('div');
  var clean = filterXSS(msg.text);
  // safe: js/ws-message-xss
  row.innerHTML = codeBlocks(clean);
  log.appendChild(row);
});

socket.on('peer-joined', function (peer) {
  var badge = document.createElement('span');
  // expect: js/ws-message-xss
  badge.innerHTML = '<b>' + peer.name + '</b> joined';
  log.appendChild(badge);
  // safe: js/ws-message-xss
  badge.title = filterXSS(peer.name);
});

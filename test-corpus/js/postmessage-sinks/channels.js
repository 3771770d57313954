/*
 * The page's own message channels: a Worker it started, a BroadcastChannel between its tabs and a
 * MessageChannel to an embedded editor. Their events carry no origin to check, so data that reaches a sink
 * is a note: the other end is code the page chose to trust.
 */
var renderer = new Worker('/js/markdown-renderer.js');
renderer.onmessage = function (e) {
  // expect: js/postmessage-xss@note "a Worker's message"
  document.getElementById('preview').innerHTML = e.data.html;
};
renderer.addEventListener('message', function (e) {
  // safe: js/postmessage-xss
  document.getElementById('word-count').textContent = e.data.words;
  // A function timer: the delay is data, the code is fixed.
  // safe: js/postmessage-code-injection
  setTimeout(function () { renderer.postMessage('again'); }, e.data.retryAfter);
});

var tabs = new BroadcastChannel('session');
tabs.addEventListener('message', function (e) {
  if (e.data.type === 'logout') {
    // expect: js/postmessage-open-redirect@note "a BroadcastChannel message"
    location.href = e.data.loginUrl;
  }
  if (e.data.type === 'logout-fixed') {
    // safe: js/postmessage-open-redirect
    location.href = '/login';
  }
});

var channel = new MessageChannel();
document.getElementById('editor').contentWindow.postMessage('init', 'https://editor.example-corp.net', [channel.port2]);
channel.port1.onmessage = function (e) {
  // expect: js/postmessage-code-injection@note "a MessagePort message"
  new Function('doc', e.data.macro)(document);
};

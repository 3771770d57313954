// The chat of the portal page. App, wsBase and authQuery come from session.js, App.ui and
// showBanner from render.js: classic scripts of one page share its global scope.

// expect: js/ws-credentials-in-url
var chat = new WebSocket(wsBase + '/chat' + App.session.query);
chat.onmessage = function (e) {
  var msg = JSON.parse(e.data);
  var log = document.getElementById('log');
  if (msg.type === 'banner') showBanner(msg.html);
  else if (msg.type === 'text') App.ui.text(log, msg.body);
  else App.ui.html(log, msg.body);
};

chat.onopen = function () {
  // the session cookie read by session.js goes out in a message
  // expect: js/ws-sensitive-send
  chat.send(JSON.stringify({ type: 'resume', session: App.session.sessionId }));
  // safe: js/ws-sensitive-send
  chat.send(JSON.stringify({ type: 'typing' }));
};

// expect: js/ws-credentials-in-url
var presence = new WebSocket(wsBase + '/presence' + authQuery);

function guest() {
  // a local variable shadows the global authQuery
  var authQuery = '?room=lobby';
  // safe: js/ws-credentials-in-url
  return new WebSocket(wsBase + '/guest' + authQuery);
}

// tickerUrl is declared only by a module script, so it is no global of this page.
// safe: js/ws-url-injection
var ticker = new WebSocket(typeof tickerUrl === 'string' ? tickerUrl : wsBase + '/ticker');

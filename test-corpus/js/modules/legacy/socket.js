// CommonJS modules bundled with browserify: a factory module exports the connection maker.
function createSocket(url) {
  // expect: js/ws-url-injection
  var ws = new WebSocket(url);
  ws.onmessage = function (e) {
    handlers.forEach(function (h) { h(e.data); });
  };
  return ws;
}

var handlers = [];

module.exports = createSocket;
module.exports.onData = function (fn) { handlers.push(fn); };

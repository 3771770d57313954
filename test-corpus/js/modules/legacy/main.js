var createSocket = require('./socket.js');
var ticker = require('./ticker');

var params = new URLSearchParams(window.location.search);
var server = params.get('server') || 'wss://quotes.example-corp.net/ws';
var ws = createSocket(server);
ticker.start(ws);

createSocket.onData(function (text) {
  // expect: js/ws-message-code-injection
  setTimeout(text, 0);
});

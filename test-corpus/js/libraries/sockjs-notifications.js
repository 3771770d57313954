// SockJS through CommonJS require, wrapped in a reconnecting helper.
var SockJS = require('sockjs-client');

function connect(path, onData) {
  // expect: js/ws-cleartext
  var sock = new SockJS('http://notify.example-corp.net' + path);
  sock.onmessage = function (e) {
    onData(JSON.parse(e.data));
  };
  sock.onclose = function () {
    setTimeout(function () { connect(path, onData); }, 1000);
  };
  return sock;
}

// safe: js/ws-cleartext
var secure = new SockJS('https://notify.example-corp.net/secure');
secure.addEventListener('message', function (e) {
  // expect: js/ws-message-code-injection
  new Function(e.data)();
});

var local = new SockJS('http://localhost:8080/dev');  // loopback: not cleartext on the wire
local.onmessage = function (e) {
  // safe: js/ws-message-code-injection
  console.log(JSON.parse(e.data));
};

connect('/feed', function (n) {
  // expect: js/ws-message-xss
  $('#notifications').append('<div class="n">' + n.text + '</div>');
  // safe: js/ws-message-xss
  $('#count').text(n.count);
});

var s = connect('/acks', function () {});
// expect: js/ws-sensitive-send
s.send(JSON.stringify({ session: document.cookie }));
// safe: js/ws-sensitive-send
s.send(JSON.stringify({ type: 'ack' }));

// The legacy stompjs API (Stomp.client / Stomp.over) from a Spring tutorial page.
var socket = new SockJS('/gs-guide-websocket');
var stompClient = Stomp.over(socket);

stompClient.connect({}, function () {
  stompClient.subscribe('/topic/greetings', function (greeting) {
    // expect: js/ws-message-xss
    $('#greetings').append('<tr><td>' + JSON.parse(greeting.body).content + '</td></tr>');
  });
  stompClient.subscribe('/topic/plain', function (m) {
    // safe: js/ws-message-xss
    $('#plain').text(m.body);
  });
});

function sendName() {
  // safe: js/ws-sensitive-send
  stompClient.send('/app/hello', {}, JSON.stringify({ name: $('#name').val() }));
}

function sendSession() {
  // expect: js/ws-sensitive-send
  stompClient.send('/app/session', {}, document.cookie);
}

// expect: js/ws-cleartext
var direct = Stomp.client('ws://mq.example-corp.net:15674/ws');
// safe: js/ws-cleartext
var secureDirect = Stomp.client('wss://mq.example-corp.net:15673/ws');
direct.connect('user', 'pass', function () {
  direct.subscribe('/queue/cmd', function (m) {
    // expect: js/ws-message-code-injection
    eval(m.body);
  });
});

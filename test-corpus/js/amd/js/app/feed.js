// An AMD module whose only dependency is jQuery: $ is jQuery inside the factory.
define(['jquery'], function ($) {
  var ws = new WebSocket('wss://feed.example-corp.net/live');
  ws.onmessage = function (msg) {
    // expect: js/ws-message-xss
    $('#feed').html(msg.data);
    // safe: js/ws-message-xss
    $('#feed-title').text(msg.data);
  };
});

// Live ticket updates; Desk.render and Desk.setTitle are defined by ../util.js.
(function (Desk) {
  var sock = new WebSocket('wss://desk.example-corp.net/live');
  sock.onmessage = function (e) {
    var m = JSON.parse(e.data);
    Desk.render('ticket-' + m.id, m.body);
    Desk.setTitle(m.title);
  };
})(window.Desk);

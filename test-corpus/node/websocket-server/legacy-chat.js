// Servers of the old 'websocket-server' package (node-websocket-server, the draft-75/76 handshake):
// createServer(options) or new Server(options), a 'connection' event per client, the handshake
// request kept as conn._req. Its handshake answers with the origin option, '*' by default, which
// echoes whatever Origin the request carried.
var ws = require('websocket-server');
var cp = require('child_process');

// No origin option: every site's page may connect.
// expect: js/ws-server-origin-check@warning "origin option"
var chat = ws.createServer();
chat.addListener('connection', function (conn) {
  conn.addListener('message', function (msg) {
    // expect: js/ws-message-code-injection
    cp.exec('notify-send ' + msg);
    chat.broadcast(msg);
  });
});
chat.listen(8000);

// origin '*' said out loud
// expect: js/ws-server-origin-check@warning "the option origin"
var lobby = new ws.Server({ origin: '*' });
lobby.on('connection', function (conn) { conn.on('message', function (m) { lobby.broadcast(m); }); });

// One origin in the handshake: a browser refuses the answer for any other page.
// safe: js/ws-server-origin-check
var admin = ws.createServer({ origin: 'https://admin.example-corp.net' });
admin.addListener('connection', function (conn) {
  conn.addListener('message', function (m) { admin.send(conn._id, m); });
});

// A 'connection' listener that closes connections from foreign pages.
// safe: js/ws-server-origin-check
var ops = ws.createServer();
ops.addListener('connection', function (conn) {
  if (conn._req.headers.origin !== 'https://ops.example-corp.net') {
    conn.close();
    return;
  }
  conn.addListener('message', function (m) { ops.broadcast(m); });
});

// A listener that only looks at part of the origin.
// expect: js/ws-server-origin-check@warning
var board = ws.createServer();
board.on('connection', function (conn) {
  var origin = conn._req.headers.origin || '';
  if (origin.indexOf('harbour-ops') === -1) return conn.close();
  conn.on('message', function (m) { board.broadcast(m); });
});

module.exports = { chat: chat, lobby: lobby, admin: admin, ops: ops, board: board };

// Servers of the 'websocket' package (WebSocket-Node): each handshake is a 'request' event whose
// listener accepts or rejects it, shaped like the package's README and the apps built from it.
'use strict';

const http = require('http');
const { exec } = require('child_process');
const WebSocketServer = require('websocket').server;

const ALLOWED = new Set(['https://echo.example.org', 'https://admin.example.org']);

// The README's shape: the origin check is a stub that allows everything.
function originIsAllowed(origin) {
  return true;
}

const server = http.createServer((req, res) => res.end());
// expect: js/ws-server-origin-check@warning "request.origin"
const echo = new WebSocketServer({ httpServer: server, autoAcceptConnections: false });
echo.on('request', (request) => {
  if (!originIsAllowed(request.origin)) {
    request.reject();
    return;
  }
  const connection = request.accept('echo-protocol', request.origin);
  connection.on('message', (message) => {
    if (message.type === 'utf8') {
      // expect: js/ws-message-code-injection
      exec(message.utf8Data);
      connection.sendUTF(message.utf8Data);
    }
  });
});

// A strict allowlist before accepting: nothing to report.
// safe: js/ws-server-origin-check
const ops = new WebSocketServer({ httpServer: http.createServer() });
ops.on('request', function (request) {
  if (!ALLOWED.has(request.origin)) return request.reject(403);
  const connection = request.accept(null, request.origin);
  connection.on('message', (message) => {
    // safe: js/ws-message-code-injection
    connection.sendUTF(JSON.stringify({ echo: String(message.utf8Data).length }));
  });
});

// autoAcceptConnections: every connection is accepted before the application sees it.
// expect: js/ws-server-origin-check@warning "autoAcceptConnections"
const open = new WebSocketServer({ httpServer: http.createServer(), autoAcceptConnections: true });
open.on('connect', (connection) => connection.on('message', (m) => connection.sendUTF(m.utf8Data)));

// A suffix without the leading dot also accepts https://evilexample.org.
// expect: js/ws-server-origin-check@warning "endsWith"
const relay = new WebSocketServer({ httpServer: http.createServer() });
relay.on('request', (request) => {
  if (!request.origin || !request.origin.endsWith('example.org')) return request.reject();
  request.accept('relay', request.origin).on('message', (m) => relay.broadcast(m.utf8Data));
});

// The session cookie decides, the origin is never looked at: a cross-site page rides the session.
// expect: js/ws-server-origin-check@error
const account = new WebSocketServer({ httpServer: http.createServer() });
account.on('request', (request) => {
  const session = request.cookies.find((c) => c.name === 'sid');
  if (!session) return request.reject(401);
  const connection = request.accept('account', request.origin);
  connection.on('message', (m) => connection.sendUTF(m.utf8Data));
});

// API gateway: the HTTP server owns the 'upgrade' event and hands authenticated requests to a ws
// server created with noServer (the pattern of the ws README). The session cookie is the only check.
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { exec } from 'node:child_process';

const server = http.createServer();
const sessions = new Map();

function authenticate(request, next) {
  const cookie = request.headers.cookie || '';
  const match = /sid=([a-f0-9]+)/.exec(cookie);
  const session = match ? sessions.get(match[1]) : null;
  next(session ? null : new Error('no session'), session);
}

// The upgrade listener below authenticates by cookie but never looks at the Origin header.
// expect: js/ws-server-origin-check@warning
const wss = new WebSocketServer({ noServer: true });

server.on('upgrade', function upgrade(request, socket, head) {
  authenticate(request, function next(err, client) {
    if (err || !client) {
      socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, function done(ws) {
      wss.emit('connection', ws, request, client);
    });
  });
});

wss.on('connection', function connection(ws, request, client) {
  ws.on('message', function message(data) {
    const job = JSON.parse(data);
    // expect: js/ws-message-code-injection
    exec(`./scripts/run-job.sh ${job.name}`);
  });
});

server.listen(8080);

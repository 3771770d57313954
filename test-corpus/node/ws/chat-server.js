// Express + ws chat backend: one HTTP server, several WebSocket endpoints with different handshake
// policies, and message handlers that run commands for an "ops" channel.
'use strict';

const express = require('express');
const http = require('http');
const { WebSocketServer } = require('ws');
const WebSocket = require('ws');
const { exec, execFile } = require('child_process');
const vm = require('vm');

const app = express();
const server = http.createServer(app);
const PUBLIC_ORIGIN = 'https://chat.example.com';
const ALLOWED_ORIGINS = new Set(['https://chat.example.com', 'https://admin.example.com']);
const TRUSTED = ['https://chat.example.com', 'https://m.chat.example.com'];

// No verifyClient: any site the user visits can open this socket with the user's cookies.
// expect: js/ws-server-origin-check@warning
const lobby = new WebSocketServer({ server, path: '/lobby' });

// endsWith without the leading dot also accepts https://evilexample.com
// expect: js/ws-server-origin-check@warning
const rooms = new WebSocket.Server({
  port: 8081,
  verifyClient: (info) => info.origin.endsWith('example.com'),
});

// A substring test on the raw header: https://example.com.attacker.net passes.
// expect: js/ws-server-origin-check@warning
const presence = new WebSocketServer({
  port: 8082,
  verifyClient(info, done) {
    const origin = info.req.headers.origin || '';
    done(origin.indexOf('chat.example.com') !== -1);
  },
});

// verifyClient that checks the session cookie but never the origin.
// expect: js/ws-server-origin-check@error
const typing = new WebSocketServer({
  port: 8083,
  verifyClient: ({ req }, cb) => {
    const cookie = req.headers.cookie || '';
    cb(cookie.indexOf('sid=') !== -1, 401, 'Unauthorized');
  },
});

// Always says yes.
// expect: js/ws-server-origin-check@warning
const debugFeed = new (require('ws').Server)({ port: 8084, verifyClient: (info, cb) => cb(true) });

// startsWith on the origin accepts https://chat.example.com.evil.net
// expect: js/ws-server-origin-check@warning
const uploads = new WebSocketServer({
  port: 8085,
  verifyClient: ({ origin }) => origin.startsWith(PUBLIC_ORIGIN),
});

// An unanchored regular expression.
// expect: js/ws-server-origin-check@warning
const metrics = new WebSocketServer({ port: 8086, verifyClient: (info) => /chat\.example\.com/.test(info.origin) });

// Set of full origins.
// safe: js/ws-server-origin-check
const notifications = new WebSocketServer({ port: 8087, verifyClient: (info) => ALLOWED_ORIGINS.has(info.origin) });

// Exact comparison with a constant, the callback form.
// safe: js/ws-server-origin-check
const support = new WebSocketServer({
  port: 8088,
  verifyClient: (info, callback) => {
    if (info.origin !== PUBLIC_ORIGIN) {
      callback(false, 403, 'Forbidden origin');
      return;
    }
    callback(true);
  },
});

// Array allowlist through a helper function.
function isTrustedOrigin(origin) {
  return TRUSTED.includes(origin);
}
// safe: js/ws-server-origin-check
const mobile = new WebSocketServer({ port: 8089, verifyClient: (info) => isTrustedOrigin(info.req.headers['origin']) });

// Parsed URL: https and a host under the company domain (leading dot).
const checkOrigin = (info) => {
  const url = new URL(info.origin);
  return url.protocol === 'https:' && (url.hostname === 'example.com' || url.hostname.endsWith('.example.com'));
};
// safe: js/ws-server-origin-check
const partners = new WebSocketServer({ port: 8090, verifyClient: checkOrigin });

// Anchored regular expression with escaped dots.
// safe: js/ws-server-origin-check
const alerts = new WebSocketServer({ port: 8091, verifyClient: (info) => /^https:\/\/(chat|admin)\.example\.com$/.test(info.origin) });

lobby.on('connection', (ws, req) => {
  ws.on('message', (data, isBinary) => {
    const msg = JSON.parse(data.toString());
    switch (msg.type) {
      case 'say':
        // safe: js/ws-message-code-injection
        broadcast(lobby, JSON.stringify({ type: 'say', text: String(msg.text) }));
        break;
      case 'calc':
        // expect: js/ws-message-code-injection
        ws.send(String(eval(msg.expression)));
        break;
      case 'template':
        // expect: js/ws-message-code-injection
        ws.send(String(vm.runInNewContext('`' + msg.body + '`', { user: msg.user })));
        break;
    }
  });
});

rooms.on('connection', (socket) => {
  socket.on('message', (raw) => {
    const { action, branch } = JSON.parse(raw);
    if (action === 'deploy') {
      // expect: js/ws-message-code-injection
      exec('git checkout ' + branch + ' && npm run build', (err, out) => socket.send(out));
    } else if (action === 'log') {
      // the program is fixed and the branch is one argument: no shell
      // safe: js/ws-message-code-injection
      execFile('git', ['log', '--oneline', branch], (err, out) => socket.send(out));
    }
  });
});

function broadcast(wss, text) {
  wss.clients.forEach((client) => {
    if (client.readyState === WebSocket.OPEN) client.send(text);
  });
}

server.listen(8080);
module.exports = { lobby, rooms, presence, typing, debugFeed, uploads, metrics, notifications, support, mobile, partners, alerts };

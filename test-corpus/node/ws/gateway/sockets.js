// Several ws servers in noServer mode, routed by path from the HTTP server's 'upgrade' listener in
// server.js (the ws README's "multiple servers sharing a single HTTP server").
'use strict';

const WebSocket = require('ws');

// expect: js/ws-server-origin-check@warning
const chat = new WebSocket.Server({ noServer: true });
// expect: js/ws-server-origin-check@warning
const files = new WebSocket.Server({ noServer: true, maxPayload: 1024 * 1024 });
// verifyClient still runs inside handleUpgrade
// safe: js/ws-server-origin-check
const admin = new WebSocket.Server({
  noServer: true,
  verifyClient: (info) => info.origin === 'https://admin.example.com',
});

module.exports = { chat, files, admin };

// Status boards that only push: no authentication and no message listener on any socket. A page on
// another site that opens one reads what any site could, so a missing Origin check is a note; the
// same board behind a session cookie stays an error (session-app.js), and a receiving one a warning
// (token-feeds.js).
'use strict';

const http = require('http');
const { WebSocketServer } = require('ws');
const { Server } = require('socket.io');
const { readStatus } = require('./status');

const server = http.createServer();

// expect: js/ws-server-origin-check@note "only sends"
const board = new WebSocketServer({ server, path: '/status' });
board.on('connection', (ws) => {
  const timer = setInterval(() => ws.send(JSON.stringify(readStatus())), 5000);
  ws.on('close', () => clearInterval(timer));
});

// A weak check on a push-only feed: still a note, the message names the weak comparison.
// expect: js/ws-server-origin-check@note "startsWith()"
const ticker = new WebSocketServer({
  port: 9201,
  verifyClient: ({ origin }) => origin.startsWith('https://status.example.com'),
});
ticker.on('connection', (ws) => ws.send('hello'));

// socket.io without cookies is not reported at all (its default admits every origin by design).
// safe: js/ws-server-origin-check
const io = new Server(server);
io.on('connection', (socket) => socket.emit('status', readStatus()));

server.listen(8088);
module.exports = { board, ticker, io };

// Market data servers for the trading desk: each endpoint authenticates differently, which decides how
// much a missing Origin check matters (the origin threat model).
'use strict';

const http = require('http');
const { WebSocketServer } = require('ws');
const { Server } = require('socket.io');
const jwt = require('jsonwebtoken');

const server = http.createServer();
const SECRET = process.env.FEED_SECRET;

// A token in the query string authenticates: a cross-site page does not have it.
// expect: js/ws-server-origin-check@note "a token"
const quotes = new WebSocketServer({
  port: 9001,
  verifyClient: (info, done) => {
    const url = new URL(info.req.url, 'http://localhost');
    const token = url.searchParams.get('token');
    done(Boolean(token) && jwt.verify(token, SECRET) !== null);
  },
});

// The bearer token comes in the Authorization header, which browsers cannot set on a WebSocket.
// expect: js/ws-server-origin-check@note "authorization"
const orders = new WebSocketServer({
  port: 9002,
  verifyClient({ req }, cb) {
    const header = req.headers.authorization || '';
    cb(header.startsWith('Bearer '), 401);
  },
});

// Nothing authenticates: public prices, still a warning (intranet and localhost data matter), since the
// desk also sends orders in on these sockets.
// expect: js/ws-server-origin-check@warning "No authentication was seen"
const prices = new WebSocketServer({ server, path: '/prices' });
prices.on('connection', (ws) => {
  ws.on('message', (raw) => ws.send(JSON.stringify({ ack: String(raw).length })));
});

// socket.io with a token handed in the CONNECT packet (socket.handshake.auth), checked in middleware.
// expect: js/ws-server-origin-check@note "token"
const desk = new Server(server, { cors: { origin: '*', credentials: true } });
desk.use((socket, next) => {
  const { token } = socket.handshake.auth;
  next(token && jwt.verify(token, SECRET) ? undefined : new Error('unauthorized'));
});

// socket.io that knows the trader by the session cookie in the handshake headers.
// expect: js/ws-server-origin-check@error "cookie"
const blotter = new Server(9003, { cors: { origin: true, credentials: true } });
blotter.on('connection', (socket) => {
  const sid = parseSid(socket.handshake.headers.cookie);
  socket.join(`trader:${sid}`);
});

function parseSid(header) {
  const m = /sid=([^;]+)/.exec(header || '');
  return m ? m[1] : null;
}

// A cookie read in the connection listener of a ws server with no verifyClient.
// expect: js/ws-server-origin-check@error "line 67"
const alerts = new WebSocketServer({ port: 9004 });
alerts.on('connection', (ws, req) => {
  const cookie = req.headers['cookie'];
  if (!cookie) ws.close(1008);
});

// The check is exact: nothing to report whatever authenticates.
// safe: js/ws-server-origin-check
const admin = new WebSocketServer({
  port: 9005,
  verifyClient: ({ origin, req }) => origin === 'https://desk.example.com' && Boolean(req.headers.cookie),
});

module.exports = { quotes, orders, prices, desk, blotter, alerts, admin };

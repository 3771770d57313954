// socket.io sharing the Express session (the pattern of the socket.io "express-session" guide). The
// session cookie travels with every handshake, and socket.io does not check the Origin of WebSocket
// upgrades: only allowRequest can.
'use strict';

const express = require('express');
const session = require('express-session');
const { createServer } = require('node:http');
const { Server } = require('socket.io');
const jwt = require('jsonwebtoken');

const APP_ORIGIN = 'https://team.example.com';
const app = express();
const httpServer = createServer(app);
const sessionMiddleware = session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false });
app.use(sessionMiddleware);

// Cookie-authenticated, no origin check: any site can open a socket as the logged-in user.
// expect: js/ws-server-origin-check@error
const io = new Server(httpServer, { path: '/team' });
io.engine.use(sessionMiddleware);

// The same session, but allowRequest only admits the application's own origin.
// safe: js/ws-server-origin-check
const audit = new Server(httpServer, {
  path: '/audit',
  allowRequest: (req, callback) => {
    const origin = req.headers.origin;
    callback(null, origin === APP_ORIGIN);
  },
});
audit.engine.use(sessionMiddleware);

// Bearer tokens from the handshake payload: no ambient credential for another site to borrow.
// safe: js/ws-server-origin-check
const api = new Server(httpServer, { path: '/api' });
api.use((socket, next) => {
  try {
    socket.data.user = jwt.verify(socket.handshake.auth.token, process.env.JWT_KEY);
    next();
  } catch (err) {
    next(new Error('unauthorized'));
  }
});

const wrap = (middleware) => (socket, next) => middleware(socket.request, {}, next);
// socket.io 3 style: the session middleware wrapped for io.use
// expect: js/ws-server-origin-check@error
const legacy = require('socket.io')(httpServer, { path: '/legacy' });
legacy.use(wrap(sessionMiddleware));

io.on('connection', (socket) => {
  const user = socket.request.session.user;
  socket.on('admin:eval', (code) => {
    if (!user || !user.isAdmin) return;
    // expect: js/ws-message-code-injection
    socket.emit('admin:result', String(eval(code)));
  });
  socket.on('message', (text) => {
    // safe: js/ws-message-code-injection
    io.to('team').emit('message', { from: user && user.name, text: String(text) });
  });
});

httpServer.listen(3000);

// A forum that authenticates socket.io by the session and refuses handshakes without the page's anti-CSRF
// token (checked by a module out of sight): a cross-site page has no token, so nothing to report.
const csrf = require('./middleware/csrf');
const authorize = require('./middleware/authorize');
// safe: js/ws-server-origin-check
const forumIo = new Server(createServer(), {
  allowRequest: (req, callback) => {
    authorize(req, (err) => {
      if (err) return callback(err);
      callback(null, csrf.isRequestValid({ session: req.session || {}, query: req._query, headers: req.headers }));
    });
  },
});
forumIo.on('connection', (socket) => socket.on('post', (p) => socket.emit('ok', p.id)));

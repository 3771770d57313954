// socket.io chat server: several servers sharing an HTTP server, each with its CORS options.
'use strict';

const http = require('http');
const { Server } = require('socket.io');
const { exec, spawn } = require('child_process');
const vm = require('vm');

const httpServer = http.createServer();
const ALLOWED = ['https://chat.example.com', 'https://admin.example.com'];

// Wildcard origin together with credentials.
// expect: js/ws-server-origin-check@warning
const io = new Server(httpServer, { path: '/chat', cors: { origin: '*', credentials: true } });

// origin: true reflects whatever Origin the request had.
// expect: js/ws-server-origin-check@warning
const support = require('socket.io')(httpServer, {
  path: '/support',
  cors: { origin: true, methods: ['GET', 'POST'], credentials: true },
});

// A function that lets every origin through.
const corsOptions = {
  origin: (origin, callback) => callback(null, origin),
  credentials: true,
};
// expect: js/ws-server-origin-check@warning
const presence = new Server(httpServer, { path: '/presence', cors: corsOptions });

// A function with a substring test.
// expect: js/ws-server-origin-check@warning
const games = new Server(httpServer, {
  path: '/games',
  cors: {
    origin(origin, callback) {
      if (!origin || origin.includes('example.com')) return callback(null, true);
      callback(new Error('not allowed'));
    },
    credentials: true,
  },
});

// socket.io 2: origins '*:*' accepts every origin.
// expect: js/ws-server-origin-check@warning
const legacy = require('socket.io')(httpServer, { path: '/legacy', origins: '*:*' });

// An unanchored regular expression among the allowed origins.
// expect: js/ws-server-origin-check@warning
const mobile = new Server(httpServer, { path: '/mobile', cors: { origin: [/\.example\.com$/, 'https://example.com'], credentials: true } });

// The wildcard comes back whenever the environment variable is not set.
// expect: js/ws-server-origin-check@warning
const widgets = new Server(httpServer, { path: '/widgets', cors: { origin: process.env.WIDGET_ORIGIN || '*', credentials: true } });

// An origin from the environment with a fixed fallback.
// safe: js/ws-server-origin-check
const reports = new Server(httpServer, { path: '/reports', cors: { origin: process.env.REPORTS_ORIGIN || 'https://reports.example.com', credentials: true } });

// Allowlist of full origins.
// safe: js/ws-server-origin-check
const admin = new Server(httpServer, { path: '/admin', cors: { origin: ALLOWED, credentials: true } });

// Wildcard without credentials: no cookies on cross-site polling requests.
// safe: js/ws-server-origin-check
const publicFeed = new Server(httpServer, { path: '/feed', cors: { origin: '*' } });

// No cors option at all (socket.io 3+ sends no CORS headers).
// safe: js/ws-server-origin-check
const internal = new Server(httpServer, { path: '/internal' });

// allowRequest rejects foreign origins for every transport, so the permissive cors does not matter.
// safe: js/ws-server-origin-check
const checked = new Server(httpServer, {
  path: '/checked',
  cors: { origin: true, credentials: true },
  allowRequest: (req, callback) => callback(null, ALLOWED.indexOf(req.headers.origin) !== -1),
});

// A cors.origin function with an exact allowlist.
// safe: js/ws-server-origin-check
const billing = new Server(httpServer, {
  path: '/billing',
  cors: {
    origin: (origin, cb) => (ALLOWED.includes(origin) ? cb(null, true) : cb(new Error('origin'))),
    credentials: true,
  },
});

io.on('connection', (socket) => {
  socket.on('chat message', (text, ack) => {
    // safe: js/ws-message-code-injection
    io.emit('chat message', { from: socket.id, text: String(text) });
    if (typeof ack === 'function') ack('ok');
  });
  socket.on('calc', (expression) => {
    // expect: js/ws-message-code-injection
    socket.emit('result', vm.runInThisContext(expression));
  });
});

admin.of('/ops').on('connection', (socket) => {
  socket.on('restart', ({ service }) => {
    // expect: js/ws-message-code-injection
    exec('systemctl restart ' + service);
  });
  socket.on('tail', (file) => {
    // fixed program, the file name is an argument without a shell
    // safe: js/ws-message-code-injection
    spawn('tail', ['-n', '100', file]);
  });
  socket.onAny((event, payload) => {
    // expect: js/ws-message-code-injection
    new Function('ctx', payload.code)({ event: event });
  });
});

httpServer.listen(3000);
module.exports = { io, support, presence, games, legacy, mobile, widgets, reports, admin, publicFeed, internal, checked, billing };

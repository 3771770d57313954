// Several Origin comparisons in one verifyClient: alternatives (either admits) are as weak as the
// weakest, requirements (each must pass) as strong as the strongest — the same rule as for Java.
'use strict';

const { WebSocketServer } = require('ws');

const ALLOWED = new Set(['https://desk.example.com', 'https://ops.example.com']);

// An early yes for anything ending in example.com decides, whatever the allowlist says after it.
// expect: js/ws-server-origin-check@warning "endsWith()"
const early = new WebSocketServer({
  port: 9101,
  verifyClient: (info, cb) => {
    if (info.origin.endsWith('example.com')) return cb(true);
    cb(ALLOWED.has(info.origin));
  },
});
// the desks send commands on these sockets (an endpoint that only sends would be a note)
early.on('connection', (socket) => socket.on('message', (cmd) => socket.send(`ok ${String(cmd).length}`)));

// The allowlist or a substring test in one expression.
// expect: js/ws-server-origin-check@warning "includes()"
const either = new WebSocketServer({
  port: 9102,
  verifyClient: ({ origin }) => ALLOWED.has(origin) || origin.includes('localhost'),
});

// A loose pre-filter that rejects, then the allowlist that must pass as well: protected.
// safe: js/ws-server-origin-check
const prefiltered = new WebSocketServer({
  port: 9103,
  verifyClient({ origin }) {
    if (!origin.startsWith('https://')) return false;
    return ALLOWED.has(origin);
  },
});

// Both tests negated and joined by &&: rejected only when neither passes, so either one admits.
// expect: js/ws-server-origin-check@warning "indexOf()"
const neither = new WebSocketServer({
  port: 9104,
  verifyClient({ origin }) {
    if (!ALLOWED.has(origin) && origin.indexOf('desk.example.com') === -1) return false;
    return true;
  },
});

module.exports = { early, either, prefiltered, neither };

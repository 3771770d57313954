// A development workspace server that forwards browser traffic, WebSockets included, to ports of
// the workspace (/proxy/3000/...) and to a terminal service, with http-proxy. The code is shaped
// like TypeScript's CommonJS output: imported helpers are called as (0, mod.f)(req).
'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const http = require('http');
const httpProxy = require('http-proxy');
const guards_1 = require('./guards');
const limits_1 = require('./limits');

const proxy = httpProxy.createProxyServer({ ws: true });
const server = http.createServer();
const ALLOWED_ORIGINS = ['https://workspace.example.dev'];

function targetOf(req) {
  const m = /^\/proxy\/(\d+)/.exec(req.url || '');
  return m ? `http://127.0.0.1:${m[1]}` : null;
}

function isAllowedOrigin(req) {
  const origin = req.headers.origin;
  return ALLOWED_ORIGINS.includes(origin);
}

// Every upgrade for a forwarded port goes straight to the target: any site the developer visits can
// open the workspace's dev servers and terminals.
server.on('upgrade', (req, socket, head) => {
  const target = targetOf(req);
  if (!target) return socket.destroy();
  // expect: js/ws-server-origin-check@warning "proxy.ws never checks the Origin"
  proxy.ws(req, socket, head, { target });
});

// The terminal route reads the session cookie: a cross-site page rides the developer's session.
function terminalUpgrade(req, socket, head) {
  if (!/session=/.test(req.headers.cookie || '')) return socket.destroy();
  // expect: js/ws-server-origin-check@error
  proxy.ws(req, socket, head, { target: 'http://127.0.0.1:7681' });
}

// A rate limit decides nothing about the Origin.
function metricsUpgrade(req, socket, head) {
  (0, limits_1.checkRateLimit)(req);
  // expect: js/ws-server-origin-check@warning
  proxy.ws(req, socket, head, { target: 'http://127.0.0.1:9100' });
}

// The origin compared with a fixed allowlist by a helper of this file, called the compiled way.
function previewUpgrade(req, socket, head) {
  if (!(0, exports.isAllowedOrigin)(req)) return socket.destroy();
  // safe: js/ws-server-origin-check
  proxy.ws(req, socket, head, { target: 'http://127.0.0.1:5173' });
}

// A guard of another module whose name says it checks the origin: its verdict is not known here.
function docsUpgrade(req, socket, head) {
  (0, guards_1.ensureOrigin)(req);
  // safe: js/ws-server-origin-check
  proxy.ws(req, socket, head, { target: 'http://127.0.0.1:8000' });
}

// An inline check against the request's own host (scheme not compared): a note says what it leaves out.
function logsUpgrade(req, socket, head) {
  const origin = req.headers.origin;
  if (origin && new URL(origin).host !== req.headers.host) return socket.destroy();
  // expect: js/ws-server-origin-check@note "not its scheme"
  proxy.ws(req, socket, head, { target: 'http://127.0.0.1:9200' });
}

exports.isAllowedOrigin = isAllowedOrigin;
module.exports.routes = { terminalUpgrade, metricsUpgrade, previewUpgrade, docsUpgrade, logsUpgrade };
server.listen(8443);

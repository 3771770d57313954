// Origin checks of local tools and small services, one kind of weakness each: an allowance for any
// IP-address origin, the 'null' origin, a regular expression that matches any dotted number, and
// checks that compare only the host of a parsed origin (sound but for the scheme or port). A missing
// Origin let through is not a weakness: browsers always send one on a WebSocket handshake.
'use strict';

const net = require('net');
const ipaddr = require('ipaddr.js');
const { WebSocketServer } = require('ws');

const LOCAL_NAMES = ['localhost', '127.0.0.1', 'devbox.internal'];

function hostOf(value) {
  return new URL(value).hostname;
}

// A hot-reload server that lets any IP address through beside its own names: a page served from
// http://203.0.113.7 streams the project's modules (as webpack-dev-server did before 5.2.1).
// expect: js/ws-server-origin-check@warning "any IP-address origin"
const hot = new WebSocketServer({
  port: 8090,
  verifyClient(info) {
    const hostname = hostOf(info.origin);
    if (net.isIP(hostname)) return true;
    return LOCAL_NAMES.includes(hostname);
  },
});
hot.on('connection', (ws) => ws.send(JSON.stringify({ type: 'hello' })));

// The same allowance through ipaddr.js, with a session cookie read: an error.
// expect: js/ws-server-origin-check@error "any IP-address origin"
const console1 = new WebSocketServer({
  port: 8091,
  verifyClient(info) {
    if (!info.req.headers.cookie) return false;
    const host = new URL(info.origin).hostname;
    return ipaddr.IPv4.isValid(host) || ipaddr.IPv6.isValid(host) || host === 'console.example.org';
  },
});
console1.on('connection', (ws) => ws.on('message', (m) => ws.send(m)));

// A pattern meant for "local addresses" that matches every IPv4 origin.
// expect: js/ws-server-origin-check@warning "any IP-address origin"
const metrics = new WebSocketServer({
  port: 8092,
  verifyClient: (info) => /^https?:\/\/\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(:\d+)?$/.test(info.origin),
});
metrics.on('connection', (ws) => ws.on('message', (m) => ws.send(m)));

// Origin 'null' accepted for "file:// previews": any site can send it from a sandboxed iframe.
// expect: js/ws-server-origin-check@warning "'null'"
const preview = new WebSocketServer({
  port: 8093,
  verifyClient(info) {
    return info.origin === 'null' || info.origin === 'https://preview.example.org';
  },
});
preview.on('connection', (ws) => ws.on('message', (m) => ws.send(m)));

// Host name only: https:// and http:// and any port of the allowed hosts pass. Sound but for
// scheme and port, so a note with what it leaves out.
// expect: js/ws-server-origin-check@note "only the host name"
const notes = new WebSocketServer({
  port: 8094,
  verifyClient(info) {
    const { hostname } = new URL(info.origin);
    return hostname === 'notes.example.org';
  },
});
notes.on('connection', (ws) => ws.on('message', (m) => ws.send(m)));

// Host and port compared with the request's own Host header (the scheme is not).
// expect: js/ws-server-origin-check@note "not its scheme"
const sameHost = new WebSocketServer({
  noServer: false,
  port: 8095,
  verifyClient: (info) => new URL(info.origin).host === info.req.headers.host,
});
sameHost.on('connection', (ws) => ws.on('message', (m) => ws.send(m)));

// Full origins compared: nothing to report.
// safe: js/ws-server-origin-check
const strict = new WebSocketServer({
  port: 8096,
  verifyClient: (info) => info.origin === 'https://notes.example.org',
});
strict.on('connection', (ws) => ws.on('message', (m) => ws.send(m)));

// A missing Origin comes only from non-browser clients (browsers always send one on a WebSocket
// handshake): letting it through beside a full-origin allowlist is sound.
// safe: js/ws-server-origin-check
const agents = new WebSocketServer({
  port: 8097,
  verifyClient(info) {
    if (!info.origin) return true;
    return ['https://notes.example.org', 'https://admin.example.org'].includes(info.origin);
  },
});
agents.on('connection', (ws) => ws.on('message', (m) => ws.send(m)));

// Rejecting the 'null' origin first, then a full allowlist: sound.
// safe: js/ws-server-origin-check
const guarded = new WebSocketServer({
  port: 8098,
  verifyClient(info) {
    if (info.origin === 'null') return false;
    return info.origin === 'https://notes.example.org';
  },
});
guarded.on('connection', (ws) => ws.on('message', (m) => ws.send(m)));

// An IP test on the Host header (a rebinding defence) beside a full-origin check: sound.
// safe: js/ws-server-origin-check
const rebinding = new WebSocketServer({
  port: 8099,
  verifyClient(info) {
    const h = (info.req.headers.host || '').split(':')[0];
    if (!net.isIP(h) && h !== 'localhost') return false;
    return info.origin === 'http://localhost:3000';
  },
});
rebinding.on('connection', (ws) => ws.on('message', (m) => ws.send(m)));

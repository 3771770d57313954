// A dev server's bundled chunk: the bundler inlined the 'ws' package, so its WebSocketServer is a
// class of this file (known by its methods), reached through the bundler's interop helper. The
// server runs with noServer and the application's 'upgrade' listener hands sockets over.
'use strict';

import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';

function getDefaultExportFromCjs(x) {
  return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, 'default') ? x['default'] : x;
}

// --- inlined copy of the library (trimmed) ---
class WebSocketServer extends EventEmitter {
  constructor(options) {
    super();
    this.options = { noServer: false, ...options };
    if (this.options.server) {
      this.options.server.on('upgrade', (req, socket, head) => {
        this.handleUpgrade(req, socket, head, (ws) => this.emit('connection', ws, req));
      });
    }
  }

  shouldHandle(req) {
    return !this.options.path || req.url === this.options.path;
  }

  handleUpgrade(req, socket, head, cb) {
    if (!this.shouldHandle(req)) return socket.destroy();
    this.completeUpgrade({}, req, socket, head, cb);
  }

  completeUpgrade(extensions, req, socket, head, cb) {
    cb(socket, req);
  }
}

var websocketServer = WebSocketServer;
var WebSocketServerRaw_ = getDefaultExportFromCjs(websocketServer);
const WebSocketServerRaw = process.versions.bun ? globalThis.Bun.WebSocketServer : WebSocketServerRaw_;

const HMR_PROTOCOL = 'app-hmr';

// The vulnerable release: the listener looks at the subprotocol and the path, never at the Origin.
export function createHotServer(server, base) {
  // expect: js/ws-server-origin-check@warning "never checks the Origin header"
  const wss = new WebSocketServerRaw({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    if (req.headers['sec-websocket-protocol'] === HMR_PROTOCOL && req.url === base) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    }
  });
  wss.on('connection', (socket) => {
    socket.on('message', (raw) => dispatch(String(raw)));
  });
  return wss;
}

// The fixed release: shouldHandle requires the token the server printed into its own client; a page on
// another site cannot know it. The Origin is still not compared, so it remains a note.
export function createTokenServer(server, base, token) {
  const hasValidToken = (url) => url.searchParams.get('token') === token;
  // expect: js/ws-server-origin-check@note "hasValidToken"
  const wss = new WebSocketServerRaw({ noServer: true });
  wss.shouldHandle = (req) => {
    if (req.headers['sec-websocket-protocol'] === 'app-ping') return true;
    return hasValidToken(new URL(`http://localhost${req.url}`));
  };
  server.on('upgrade', (req, socket, head) => {
    if (req.url.startsWith(base)) wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  wss.on('connection', (socket) => socket.on('message', (raw) => dispatch(String(raw))));
  return wss;
}

// A replaced shouldHandle that compares the Origin exactly: protected.
export function createCheckedServer(server, allowed) {
  // safe: js/ws-server-origin-check
  const wss = new WebSocketServerRaw({ noServer: true });
  wss.shouldHandle = (req) => req.headers.origin === allowed;
  server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)));
  return wss;
}

// The same interop helper returns other modules too: calling one of them is not constructing the server.
function loadConfig(options, root) {
  return { options, root };
}
var configLoader = getDefaultExportFromCjs(loadConfig);
// safe: js/ws-server-origin-check
export const loaded = configLoader({}, '.', { stopDir: '/' });

function dispatch(text) {
  return text.length;
}

export const standalone = createServer();

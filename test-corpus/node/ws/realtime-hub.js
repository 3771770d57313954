// A class that wraps ws for the rest of the application: the origin policy is passed in as a list and
// the message dispatcher looks up handlers by name.
'use strict';

const { WebSocketServer } = require('ws');
const vm = require('vm');

class RealtimeHub {
  constructor(httpServer, allowedOrigins) {
    this.allowed = new Set(allowedOrigins);
    this.handlers = {};
    // safe: js/ws-server-origin-check
    this.wss = new WebSocketServer({
      server: httpServer,
      path: '/hub',
      verifyClient: (info) => this.allowed.has(info.origin),
    });
    this.wss.on('connection', (ws, req) => this.attach(ws, req));
  }

  attach(ws, req) {
    ws.on('message', (data) => this.dispatch(ws, data));
  }

  dispatch(ws, data) {
    const msg = JSON.parse(data);
    const handler = this.handlers[msg.type];
    // safe: js/ws-message-code-injection
    if (typeof handler === 'function') handler(ws, msg.payload);
    if (msg.type === 'script') {
      // expect: js/ws-message-code-injection
      const script = new vm.Script(msg.payload);
      script.runInNewContext({ hub: this });
    }
  }
}

class LegacyBridge {
  constructor(port) {
    // expect: js/ws-server-origin-check@warning
    this.server = new (require('ws').WebSocketServer)({ port: port, clientTracking: true });
    this.server.on('connection', (socket) => {
      socket.on('message', (msg) => this.relay(String(msg)));
    });
  }

  relay(text) {
    // expect: js/ws-message-code-injection
    return require('vm').runInThisContext(text);
  }
}

// Checks the origin when the connection arrives and closes foreign sockets before reading from them.
class PresenceChannel {
  constructor(httpServer) {
    // safe: js/ws-server-origin-check
    this.wss = new WebSocketServer({ server: httpServer, path: '/presence' });
    this.wss.on('connection', (ws, req) => {
      if (!PresenceChannel.ORIGINS.includes(req.headers.origin)) {
        ws.close(1008, 'origin not allowed');
        return;
      }
      ws.on('message', (data) => this.update(ws, JSON.parse(data)));
    });
  }

  update(ws, state) {
    ws.send(JSON.stringify({ ok: true, status: String(state.status) }));
  }
}
PresenceChannel.ORIGINS = ['https://app.example.com', 'https://m.example.com'];

module.exports = { RealtimeHub, LegacyBridge, PresenceChannel };

// A UI workbench's server channel, as its minified build writes it (!0 for true, a class whose
// constructor makes the socket server a field, the upgrade listener on the HTTP server).
import WebSocket, { WebSocketServer } from 'ws';

// The vulnerable release: any page can open the channel and drive the workbench.
export var ChannelTransport = class {
  constructor(server) {
    // expect: js/ws-server-origin-check@warning "never checks the Origin header"
    this.socket = new WebSocketServer({ noServer: !0 }), server.on('upgrade', (request, socket, head) => {
      request.url === '/workbench-channel' && this.socket.handleUpgrade(request, socket, head, (ws) => {
        this.socket.emit('connection', ws, request);
      });
    }), this.socket.on('connection', (ws) => {
      ws.on('message', (raw) => this.handler?.(JSON.parse(raw.toString())));
    });
  }

  send(event) {
    Array.from(this.socket.clients).filter((c) => c.readyState === WebSocket.OPEN).forEach((c) => c.send(JSON.stringify(event)));
  }
};

function isValidToken(given, expected) {
  return typeof given === 'string' && given.length === expected.length && given === expected;
}

// The fixed release: the channel URL must carry the token the server gave its own page.
export var TokenChannelTransport = class {
  constructor(server, token) {
    // expect: js/ws-server-origin-check@note "token"
    this.token = token, this.socket = new WebSocketServer({ noServer: !0 }), server.on('upgrade', (request, socket, head) => {
      if (!request.url) return;
      const url = new URL(request.url, 'http://localhost');
      if (url.pathname !== '/workbench-channel') return;
      if (!isValidToken(url.searchParams.get('token'), this.token)) {
        socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n'), socket.destroy();
        return;
      }
      this.socket.handleUpgrade(request, socket, head, (ws) => this.socket.emit('connection', ws, request));
    }), this.socket.on('connection', (ws) => ws.on('message', (raw) => this.handler?.(String(raw))));
  }
};

// A browser IDE server's own WebSocket routing over express, as TypeScript compiles it: an 'upgrade'
// listener hands each handshake request to an express app, and a small router class registers
// WebSocket routes as GET routes whose handlers receive the paused socket as req.ws.
'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
exports.Router = exports.SocketRouter = exports.attachUpgrades = void 0;
const express = require('express');
const http = require('http');

const attachUpgrades = (app, server) => {
  server.on('upgrade', (req, socket, head) => {
    socket.pause();
    req.ws = socket;
    req.head = head;
    req.wsHandled = false;
    app.handle(req, new http.ServerResponse(req), () => {
      if (!req.wsHandled) socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
    });
  });
};
exports.attachUpgrades = attachUpgrades;

class SocketRouter {
  constructor() {
    this.router = express.Router();
  }

  /** Registers handlers for WebSocket handshakes on this route. */
  ws(route, ...handlers) {
    this.router.get(route, ...handlers.map((handler) => (req, res, next) => {
      req.wsHandled = true;
      return handler(req, res, next);
    }));
  }
}
exports.SocketRouter = SocketRouter;

function Router() {
  return new SocketRouter();
}
exports.Router = Router;

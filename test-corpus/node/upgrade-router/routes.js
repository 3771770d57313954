// The IDE server's WebSocket routes: the editor backend, a terminal, and a status probe.
'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const wsRouter_1 = require('./ws-router');
const http_1 = require('./http-guards');
const httpProxy = require('http-proxy');

const proxy = httpProxy.createProxyServer({});

class EditorRoutes {
  constructor(backend) {
    this.backend = backend;
    this.sockets = (0, wsRouter_1.Router)();
    this.connectEditor = (req) => {
      this.backend.acceptSocket(req, req.ws);
      req.ws.resume();
    };
    // The editor backend behind the login cookie, with no Origin check: any site the user visits
    // can drive the editor with the user's session.
    // expect: js/ws-server-origin-check@error "no middleware or handler of this WebSocket route"
    this.sockets.ws('/editor/*', http_1.ensureSignedIn, this.connectEditor);
    // The terminal checks the Origin against the Host (with the scheme) first.
    // safe: js/ws-server-origin-check
    this.sockets.ws('/terminal', http_1.ensureSameOrigin, http_1.ensureSignedIn, this.connectEditor);
    // A rate limit is no Origin check.
    // expect: js/ws-server-origin-check@error
    this.sockets.ws('/debug', http_1.checkRate, http_1.ensureSignedIn, this.connectEditor);
    // A route that forwards the handshake to a port of the workspace: one finding, at the route; the
    // proxy.ws call inside it is the same handshake.
    // expect: js/ws-server-origin-check@error
    this.sockets.ws('/ports/:port', http_1.ensureSignedIn, (req, _res, next) => {
      if (!/^\d+$/.test(req.params.port)) return next();
      // safe: js/ws-server-origin-check
      proxy.ws(req, req.ws, req.head, { target: `http://127.0.0.1:${req.params.port}` });
    });
  }
}
exports.EditorRoutes = EditorRoutes;

// An object with a ws() method that does not register routes is not a router.
const feeds = {
  ws(name) {
    return `wss://feeds.example.org/${name}`;
  },
};
// safe: js/ws-server-origin-check
exports.feedUrl = feeds.ws('status');

// A class with a ws() method that does not register routes (a client helper) is not a router either.
class FeedClient {
  ws(path) {
    return this.open(`wss://feeds.example.org${path}`);
  }

  open(url) {
    return { url };
  }
}
// safe: js/ws-server-origin-check
exports.statusFeed = new FeedClient().ws('/status', () => {});

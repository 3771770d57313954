// A development server that pushes rebuild notices to the browser over SockJS, in the shapes dev
// servers use: a class whose listen() creates the sockjs server, and a prototype-style variant.
// sockjs hands the listener only some request headers (no Origin), so the defence a local server can
// have is to refuse connections whose Host is not its own (DNS rebinding) and close them.
'use strict';

const http = require('http');
const url = require('url');
const sockjs = require('sockjs');

class LiveServer {
  constructor(options) {
    this.allowedHosts = options.allowedHosts || [];
    this.port = options.port;
    this.sockets = [];
  }

  checkHost(headers) {
    const hostHeader = headers.host;
    if (!hostHeader) return false;
    const hostname = hostHeader.split(':')[0];
    return hostname === 'localhost' || hostname === '127.0.0.1' || this.allowedHosts.includes(hostname);
  }

  // The Host is checked in a method of the class before the connection is used: protected.
  // safe: js/ws-server-origin-check
  listen(server) {
    const sock = sockjs.createServer({ log: () => {} });
    sock.on('connection', (conn) => {
      if (!conn) return;
      if (!this.checkHost(conn.headers)) {
        conn.close();
        return;
      }
      this.sockets.push(conn);
      conn.on('data', (raw) => this.handle(conn, raw));
    });
    sock.installHandlers(server, { prefix: '/live' });
  }

  handle(conn, raw) {
    conn.write(JSON.stringify({ type: 'ack', size: String(raw).length }));
  }
}

// The earlier release: every connection is kept, whatever page opened it.
function OldLiveServer(options) {
  this.sockets = [];
  this.port = options.port;
}

OldLiveServer.prototype.listen = function listen(server) {
  // expect: js/ws-server-origin-check@warning "never checks the Host or Origin"
  const sock = sockjs.createServer();
  sock.on('connection', (conn) => {
    this.sockets.push(conn);
    conn.on('data', (raw) => conn.write(String(raw)));
  });
  sock.installHandlers(server, { prefix: '/sockjs-node' });
};

// A check that only looks for the host name somewhere in the header is weak.
OldLiveServer.prototype.listenChecked = function listenChecked(server) {
  // expect: js/ws-server-origin-check@warning "includes()"
  const sock = sockjs.createServer();
  sock.on('connection', (conn) => {
    if (!conn.headers.host.includes('localhost')) return conn.close();
    this.sockets.push(conn);
    conn.on('data', (raw) => conn.write(String(raw)));
  });
  sock.installHandlers(server, { prefix: '/checked' });
};

// The fixed release of the prototype style: a prototype method parses the Host header and compares
// the host name exactly before the connection is kept.
OldLiveServer.prototype.checkHost = function checkHost(headers) {
  if (this.disableHostCheck) return true;
  const hostHeader = headers.host;
  if (!hostHeader) return false;
  const hostname = url.parse(`//${hostHeader}`, false, true).hostname;
  if (hostname === 'localhost' || hostname === this.publicHost) return true;
  return false;
};

OldLiveServer.prototype.listenFixed = function listenFixed(server) {
  // safe: js/ws-server-origin-check
  const sock = sockjs.createServer();
  sock.on('connection', (conn) => {
    if (!this.checkHost(conn.headers)) {
      conn.close();
      return;
    }
    this.sockets.push(conn);
    conn.on('data', (raw) => conn.write(String(raw)));
  });
  sock.installHandlers(server, { prefix: '/fixed' });
};

module.exports = { LiveServer, OldLiveServer, server: http.createServer() };

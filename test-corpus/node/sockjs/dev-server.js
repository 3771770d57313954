// A development server that pushes rebuild notices to the browser over SockJS, in the shapes dev
// servers use: a class whose listen() creates the sockjs server, and a prototype-style variant. A page
// on any site can open a SockJS connection to localhost; only a check of the Origin stops it. A Host
// check defends against DNS rebinding but not against that page, which connects to the real host.
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

  // one helper for both headers: which one is read is decided by the caller
  checkHeader(headers, which) {
    const name = which || 'host';
    const value = headers[name];
    if (!value) return false;
    const hostname = url.parse(`//${value}`, false, true).hostname;
    if (hostname === 'localhost' || hostname === '127.0.0.1' || this.allowedHosts.includes(hostname)) return true;
    // configured subdomain wildcards ('.example.com') match by suffix, only with their leading dot
    for (const allowed of this.allowedHosts) {
      if (allowed[0] === '.' && hostname.endsWith(allowed)) return true;
    }
    return false;
  }

  // A configured suffix used without making sure it starts with a dot is weak: 'example.com' also
  // matches 'evilexample.com'.
  suffixMatches(headers) {
    const hostname = url.parse(headers.origin || '').hostname;
    for (const allowed of this.allowedHosts) {
      if (hostname.endsWith(allowed)) return true;
    }
    return false;
  }

  listenSuffix(server) {
    // expect: js/ws-server-origin-check@warning "endsWith() without a leading dot"
    const sock = sockjs.createServer();
    sock.on('connection', (conn) => {
      if (!this.suffixMatches(conn.headers)) return conn.close();
      conn.on('data', (raw) => this.handle(conn, raw));
    });
    sock.installHandlers(server, { prefix: '/suffix' });
  }

  // The Host and the Origin are both checked before the connection is used: protected from other
  // sites, though only the host name is compared (a note says so).
  listen(server) {
    // expect: js/ws-server-origin-check@note "only the host name"
    const sock = sockjs.createServer({ log: () => {} });
    sock.on('connection', (conn) => {
      if (!conn) return;
      if (!this.checkHeader(conn.headers) || !this.checkHeader(conn.headers, 'origin')) {
        conn.close();
        return;
      }
      this.sockets.push(conn);
      conn.on('data', (raw) => this.handle(conn, raw));
    });
    sock.installHandlers(server, { prefix: '/live' });
  }

  // Only the Host is checked: a page on another site passes.
  listenHostOnly(server) {
    // expect: js/ws-server-origin-check@warning "never checks the Origin"
    const sock = sockjs.createServer();
    sock.on('connection', (conn) => {
      if (!this.checkHeader(conn.headers)) return conn.close();
      conn.on('data', (raw) => this.handle(conn, raw));
    });
    sock.installHandlers(server, { prefix: '/host-only' });
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
  // expect: js/ws-server-origin-check@warning "never checks the Origin"
  const sock = sockjs.createServer();
  sock.on('connection', (conn) => {
    this.sockets.push(conn);
    conn.on('data', (raw) => conn.write(String(raw)));
  });
  sock.installHandlers(server, { prefix: '/sockjs-node' });
};

// A check that only looks for the host name somewhere in the Origin is weak.
OldLiveServer.prototype.listenChecked = function listenChecked(server) {
  // expect: js/ws-server-origin-check@warning "includes()"
  const sock = sockjs.createServer();
  sock.on('connection', (conn) => {
    if (!conn.headers.origin.includes('localhost')) return conn.close();
    this.sockets.push(conn);
    conn.on('data', (raw) => conn.write(String(raw)));
  });
  sock.installHandlers(server, { prefix: '/checked' });
};

// The fixed release of the prototype style: a prototype method parses the Origin and compares the
// host name exactly before the connection is kept.
OldLiveServer.prototype.checkOrigin = function checkOrigin(headers) {
  if (this.disableCheck) return true;
  const origin = headers.origin;
  if (!origin) return false;
  const hostname = url.parse(origin).hostname;
  if (hostname === 'localhost' || hostname === this.publicHost) return true;
  return false;
};

OldLiveServer.prototype.listenFixed = function listenFixed(server) {
  // expect: js/ws-server-origin-check@note "only the host name"
  const sock = sockjs.createServer();
  sock.on('connection', (conn) => {
    if (!this.checkOrigin(conn.headers)) {
      conn.close();
      return;
    }
    this.sockets.push(conn);
    conn.on('data', (raw) => conn.write(String(raw)));
  });
  sock.installHandlers(server, { prefix: '/fixed' });
};

module.exports = { LiveServer, OldLiveServer, server: http.createServer() };

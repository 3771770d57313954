// A hot-reload server for a bundler plugin, on socket.io 2 (see package.json): browsers of the
// developer connect and receive changed module sources. socket.io 2 checked origins itself, but its
// default ('*:*') admitted every one — any page the developer visits could read the sources.
'use strict';

const http = require('http');
const https = require('https');
const url = require('url');
const express = require('express');
const socketio = require('socket.io');

let tls = null;
let hostname = 'localhost';
const modules = new Map();

function start(port) {
  const app = express();
  const server = tls ? https.createServer(tls, app) : http.createServer(app);
  // expect: js/ws-server-origin-check@warning "socket.io 2"
  const io = socketio(server);
  io.on('connection', (socket) => {
    socket.on('sync', (known) => {
      const changed = [...modules.entries()].filter(([name, m]) => !known || known[name] !== m.hash);
      socket.emit('new modules', changed);
    });
  });
  server.listen(port, hostname);
  return io;
}

// The fixed release: a middleware refuses handshakes whose Host or Origin is not this server's.
function isLocal(header) {
  if (!header) return false;
  const name = url.parse(/^(.+:)?\/\//.test(header) ? header : `//${header}`, false, true).hostname;
  return name === 'localhost' || name === '127.0.0.1' || name === hostname;
}

function startChecked(port) {
  const server = http.createServer();
  // expect: js/ws-server-origin-check@note "only the host name"
  const io = socketio(server);
  io.use((socket, next) => {
    const headers = socket.handshake.headers;
    if (isLocal(headers.host) && isLocal(headers.origin)) return next();
    next(new Error('Invalid Origin/Host header'));
  });
  io.on('connection', (socket) => socket.on('sync', () => socket.emit('new modules', [])));
  server.listen(port, hostname);
  return io;
}

// Origins restricted by the socket.io 2 option itself.
function startListed(port) {
  const server = http.createServer();
  // safe: js/ws-server-origin-check
  const io = socketio(server, { origins: ['http://localhost:' + port] });
  io.on('connection', (socket) => socket.on('sync', () => socket.emit('new modules', [])));
  return io;
}

// Options out of sight: what they say about origins is unknown.
function startWith(server, options) {
  // safe: js/ws-server-origin-check
  const io = socketio(server, options);
  io.on('connection', (socket) => socket.on('sync', () => socket.emit('new modules', [])));
  return io;
}

module.exports = { start, startChecked, startListed, startWith, modules };

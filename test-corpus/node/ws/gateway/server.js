'use strict';

const http = require('http');
const { chat, files, admin } = require('./sockets');

const server = http.createServer();

server.on('upgrade', function upgrade(request, socket, head) {
  const { pathname } = new URL(request.url, 'wss://gateway.example.com');
  if (pathname === '/chat') {
    chat.handleUpgrade(request, socket, head, (ws) => chat.emit('connection', ws, request));
  } else if (pathname === '/files') {
    files.handleUpgrade(request, socket, head, (ws) => files.emit('connection', ws, request));
  } else if (pathname === '/admin') {
    admin.handleUpgrade(request, socket, head, (ws) => admin.emit('connection', ws, request));
  } else {
    socket.destroy();
  }
});

chat.on('connection', (ws) => {
  ws.on('message', (data) => {
    // safe: js/ws-message-code-injection
    chat.clients.forEach((client) => client.send(String(data)));
  });
});

server.listen(8080);

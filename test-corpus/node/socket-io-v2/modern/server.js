// The same server on socket.io 4 (package.json): no default CORS for polling, and the WebSocket
// handshake is not authenticated by cookies here, so socket.io's default is not reported.
'use strict';

const http = require('http');
const socketio = require('socket.io');

const server = http.createServer();
// safe: js/ws-server-origin-check
const io = socketio(server);
io.on('connection', (socket) => socket.on('sync', () => socket.emit('new modules', [])));
server.listen(3123, 'localhost');

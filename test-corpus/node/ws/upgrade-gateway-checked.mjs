// The same gateway with the origin checked in the upgrade listener before handleUpgrade.
import { createServer } from 'node:http';
import WebSocket from 'ws';

const ALLOWED = new Set(['https://app.example.com']);
const server = createServer();

// safe: js/ws-server-origin-check
const wss = new WebSocket.Server({ noServer: true });

server.on('upgrade', (req, socket, head) => {
  const { origin } = req.headers;
  if (!ALLOWED.has(origin)) {
    socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
    socket.destroy();
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});

wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    // safe: js/ws-message-code-injection
    ws.send(JSON.stringify({ echo: JSON.parse(data) }));
  });
});

server.listen(8443);

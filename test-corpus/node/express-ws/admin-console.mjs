// Admin console: an application middleware rejects foreign origins before any route, WebSocket routes
// included (express-ws runs them through the same middleware stack).
import express from 'express';
import expressWs from 'express-ws';
import vm from 'node:vm';

const { app, getWss } = expressWs(express());
const CONSOLE_ORIGINS = new Set(['https://admin.example.com']);

app.use((req, res, next) => {
  const origin = req.header('Origin');
  if (origin !== undefined && !CONSOLE_ORIGINS.has(origin)) {
    res.status(403).end();
    return;
  }
  next();
});

// safe: js/ws-server-origin-check
app.ws('/console', (ws, req) => {
  ws.on('message', (line) => {
    // an admin REPL is still code from the network
    // expect: js/ws-message-code-injection
    ws.send(String(vm.runInNewContext(String(line), { wss: getWss() })));
  });
});

// safe: js/ws-server-origin-check
app.ws('/status', (ws) => {
  ws.send(JSON.stringify({ clients: getWss().clients.size }));
});

app.listen(4000);

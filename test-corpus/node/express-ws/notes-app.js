// Collaborative notes on express-ws: live routes on the app and on a router. The cors middleware
// only sets response headers; it rejects no WebSocket handshake.
'use strict';

const express = require('express');
const cors = require('cors');
const { execSync } = require('child_process');

const app = express();
const expressWs = require('express-ws')(app);
const EDITOR_ORIGIN = 'https://notes.example.com';

app.use(cors({ origin: EDITOR_ORIGIN, credentials: true }));
app.use(express.json());

// expect: js/ws-server-origin-check@warning
app.ws('/notes/:id/live', (ws, req) => {
  ws.on('message', (msg) => {
    const op = JSON.parse(msg);
    if (op.kind === 'macro') {
      // expect: js/ws-message-code-injection
      ws.send(String(eval(op.source)));
    }
  });
});

// The route handler compares the origin exactly and closes foreign sockets at once.
// safe: js/ws-server-origin-check
app.ws('/notes/:id/cursor', (ws, req) => {
  if (req.get('origin') !== EDITOR_ORIGIN) {
    ws.close(1008, 'origin');
    return;
  }
  ws.on('message', (msg) => {
    // safe: js/ws-message-code-injection
    ws.send(JSON.stringify({ cursor: JSON.parse(msg).cursor }));
  });
});

const exportRouter = express.Router();
// A weak check in the handler: the origin only has to contain the domain.
// expect: js/ws-server-origin-check@warning
exportRouter.ws('/export', (ws, req) => {
  if (!(req.headers.origin || '').includes('example.com')) return ws.close();
  ws.on('message', (format) => {
    // expect: js/ws-message-code-injection "execFile or spawn with an argument array"
    const out = execSync('pandoc notes.md -t ' + format);
    ws.send(out.toString());
  });
});
app.use('/api', exportRouter);

app.listen(3000);
module.exports = { app, expressWs };

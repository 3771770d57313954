// Market data on uWebSockets.js: public feed, trader desk and an operator channel.
'use strict';

const uWS = require('uWebSockets.js');
const { exec } = require('child_process');

const DESK_ORIGIN = 'https://desk.example.com';
const decoder = new TextDecoder();

// No upgrade handler: uWS upgrades every request, whatever its origin.
// expect: js/ws-server-origin-check@warning
uWS.App().ws('/quotes/*', {
  compression: uWS.SHARED_COMPRESSOR,
  maxPayloadLength: 16 * 1024,
  message: (ws, message, isBinary) => {
    const req = JSON.parse(decoder.decode(message));
    // safe: js/ws-message-code-injection
    ws.subscribe('quotes/' + String(req.symbol));
  },
}).listen(9001, (token) => {});

const app = uWS.SSLApp({ key_file_name: 'key.pem', cert_file_name: 'cert.pem' });

// The upgrade handler checks an API key but not the origin.
// expect: js/ws-server-origin-check@warning
app.ws('/desk', {
  upgrade: (res, req, context) => {
    const apiKey = req.getHeader('x-api-key');
    if (!apiKey) {
      res.writeStatus('401 Unauthorized').end();
      return;
    }
    res.upgrade({ apiKey }, req.getHeader('sec-websocket-key'), req.getHeader('sec-websocket-protocol'),
      req.getHeader('sec-websocket-extensions'), context);
  },
  message: (ws, message) => {
    const order = JSON.parse(Buffer.from(message).toString());
    // expect: js/ws-message-code-injection
    exec('./bin/route-order ' + order.account + ' ' + order.symbol);
  },
});

// Exact origin comparison before res.upgrade.
// safe: js/ws-server-origin-check
app.ws('/desk/v2', {
  upgrade: (res, req, context) => {
    const origin = req.getHeader('origin');
    if (origin !== DESK_ORIGIN) {
      res.writeStatus('403 Forbidden').end();
      return;
    }
    res.upgrade({}, req.getHeader('sec-websocket-key'), req.getHeader('sec-websocket-protocol'),
      req.getHeader('sec-websocket-extensions'), context);
  },
  message: (ws, message, isBinary) => {
    // expect: js/ws-message-code-injection
    const fn = new Function('ws', decoder.decode(message));
    fn(ws);
  },
});

// An allowlist, with the header read once and destructured options.
const RISK_ORIGINS = new Set(['https://risk.example.com', 'https://desk.example.com']);
const riskBehavior = {
  upgrade(res, req, context) {
    const origin = req.getHeader('origin').toLowerCase();
    if (!RISK_ORIGINS.has(origin)) {
      res.writeStatus('403 Forbidden').end();
      return;
    }
    res.upgrade({}, req.getHeader('sec-websocket-key'), req.getHeader('sec-websocket-protocol'),
      req.getHeader('sec-websocket-extensions'), context);
  },
  message(ws, message) {
    // safe: js/ws-message-code-injection
    ws.send(JSON.stringify({ ack: decoder.decode(message).length }));
  },
};
// safe: js/ws-server-origin-check
app.ws('/risk', riskBehavior);

// startsWith accepts https://desk.example.com.evil.net
// expect: js/ws-server-origin-check@warning
app.ws('/operator', {
  upgrade: (res, req, context) => {
    if (!req.getHeader('origin').startsWith(DESK_ORIGIN)) return res.writeStatus('403 Forbidden').end();
    res.upgrade({}, req.getHeader('sec-websocket-key'), req.getHeader('sec-websocket-protocol'),
      req.getHeader('sec-websocket-extensions'), context);
  },
}).listen(9443, (token) => {});

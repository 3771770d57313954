// A gateway that opens an upstream WebSocket for each client, from an express route and from the
// handshake of its own ws server. The address of the outgoing connection must not be chosen by the
// request: that is server-side request forgery (the gateway connects wherever the client says, from
// inside the network).
'use strict';

const http = require('http');
const express = require('express');
const WebSocket = require('ws');

const UPSTREAMS = { eu: 'wss://eu.feeds.example-corp.net', us: 'wss://us.feeds.example-corp.net' };
const app = express();

app.get('/attach', (req, res) => {
  // the whole address from the query string
  // expect: js/ws-url-injection@error "the HTTP request"
  const upstream = new WebSocket(req.query.target);
  upstream.on('open', () => res.json({ attached: true }));
});

app.post('/attach/:region', express.json(), (req, res) => {
  // a lookup keyed by the request picks one of a fixed set of hosts
  // safe: js/ws-url-injection
  const upstream = new WebSocket(UPSTREAMS[req.params.region] || UPSTREAMS.eu);
  // the request's value only in the path after a fixed host
  // safe: js/ws-url-injection
  const topic = new WebSocket('wss://topics.example-corp.net/t/' + encodeURIComponent(req.body.topic));
  res.json({ ok: !!upstream && !!topic });
});

const server = http.createServer(app);
const wss = new WebSocket.WebSocketServer({
  server,
  verifyClient: (info) => info.origin === 'https://console.example-corp.net',
});

wss.on('connection', (client, req) => {
  // a host named by a request header
  // expect: js/ws-url-injection
  const backend = new WebSocket(`wss://${req.headers['x-backend']}/live`);
  // the request target (always '/...') appended to a fixed host
  // safe: js/ws-url-injection
  const mirror = new WebSocket('wss://mirror.example-corp.net' + req.url);
  client.on('message', (m) => { backend.send(m); mirror.send(m); });
});

server.listen(8080);

// A server whose options come partly from the application's settings: what the settings object holds
// is out of sight (it may set verifyClient), so a missing check is only a note; options fully in sight
// are judged as usual.
'use strict';

const http = require('http');
const { WebSocketServer } = require('ws');
const settings = require('./settings');

const server = http.createServer();

// expect: js/ws-server-origin-check@note "spread an object out of sight"
const live = new WebSocketServer({ ...settings.websocket, server, path: '/live' });
live.on('connection', (ws) => ws.on('message', (m) => ws.send(String(m).toUpperCase())));

// The spread names verifyClient's place explicitly after it: the explicit option decides.
const ALLOWED = ['https://settings.example.com'];
// safe: js/ws-server-origin-check
const admin = new WebSocketServer({
  ...settings.websocket,
  port: 9310,
  verifyClient: ({ origin }) => ALLOWED.includes(origin),
});
admin.on('connection', (ws) => ws.on('message', (m) => ws.send(String(m))));

module.exports = { live, admin, server };

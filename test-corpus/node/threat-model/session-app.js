// A helpdesk on express-ws whose application uses express-session: every WebSocket route is
// authenticated by the session cookie, so a route without an Origin check is an error.
'use strict';

const express = require('express');
const session = require('express-session');

const app = express();
require('express-ws')(app);

app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

// expect: js/ws-server-origin-check@error "session middleware"
app.ws('/tickets/live', (ws, req) => {
  ws.on('message', () => ws.send(JSON.stringify({ user: req.session.user })));
});

// safe: js/ws-server-origin-check
app.ws('/tickets/checked', (ws, req) => {
  if (req.get('origin') !== 'https://help.example.com') return ws.close();
  ws.send('hello');
});

module.exports = app;

// A helpdesk on express-ws whose application uses express-session. A route that uses the session
// (itself or in a helper it calls) acts with the visitor's identity: without an Origin check it is an
// error. The session middleware serves every route, but a route that never reads the session gains a
// cross-site page nothing the page could not get anyway: a warning.
'use strict';

const express = require('express');
const session = require('express-session');

const app = express();
require('express-ws')(app);

app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

// expect: js/ws-server-origin-check@error "reads 'session'"
app.ws('/tickets/live', (ws, req) => {
  ws.on('message', () => ws.send(JSON.stringify({ user: req.session.user })));
});

// safe: js/ws-server-origin-check
app.ws('/tickets/checked', (ws, req) => {
  if (req.get('origin') !== 'https://help.example.com') return ws.close();
  ws.send('hello');
});

function requireAgent(req) {
  return req.session && req.session.agent ? req.session.agent : null;
}

// The session is read in a helper the route calls.
// expect: js/ws-server-origin-check@error "reads 'session'"
app.ws('/tickets/agent', (ws, req) => {
  const agent = requireAgent(req);
  if (!agent) return ws.close();
  ws.on('message', (m) => ws.send(`${agent.name}: ${String(m).length}`));
});

// A public status route on the same app: it never reads the session.
// expect: js/ws-server-origin-check@warning "No authentication was seen"
app.ws('/status', (ws) => {
  ws.on('message', () => ws.send(JSON.stringify({ open: 3 })));
});

module.exports = app;

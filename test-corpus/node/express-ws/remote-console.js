// A remote-management web server in the module-object style: routes are registered on obj.app, the
// session is checked in a helper, and a wrapper may read more arguments before calling the route's
// callback. The origin check lives in a method of the module object, called from that callback.
'use strict';

const express = require('express');
const url = require('url');

function CreateWebServer(parent, domain) {
  const obj = {};
  obj.app = express();
  require('express-ws')(obj.app);

  // the session decides who the socket acts for
  function performSessionAuth(ws, req, done) {
    if (!req.session || !req.session.userid) return ws.close();
    done(ws, req, req.session.userid);
  }

  // a wrapper that may wait for extra URL arguments in a first message, then calls back
  function withArgs(ws, req, func) {
    if (req.query.moreargs !== '1') return func(ws, req);
    ws.once('message', (msg) => {
      Object.assign(req.query, JSON.parse(String(msg)).args || {});
      func(ws, req);
    });
  }

  obj.checkOriginName = function (dom, req) {
    if (typeof req.headers.origin !== 'string') return false;
    const origin = url.parse(req.headers.origin, true);
    return origin.hostname === dom.dns;
  };

  // The vulnerable release: the session authenticates the console, nothing checks the Origin.
  // expect: js/ws-server-origin-check@error "reads 'session'"
  obj.app.ws('/control.ashx', function (ws, req) {
    performSessionAuth(ws, req, function (ws1, req1, user) {
      ws1.on('message', (m) => parent.runCommand(user, String(m)));
    });
  });

  // The fixed release: the Origin is checked in the wrapper's callback before the session is used
  // (its host name only, not the scheme: a note).
  // expect: js/ws-server-origin-check@note "only the host name"
  obj.app.ws('/control2.ashx', function (ws, req) {
    withArgs(ws, req, function (ws, req) {
      if (obj.checkOriginName(domain, req) === false) {
        ws.close();
        return;
      }
      performSessionAuth(ws, req, function (ws1, req1, user) {
        ws1.on('message', (m) => parent.runCommand(user, String(m)));
      });
    });
  });

  // A gate out of sight that filters IP addresses decides nothing about the Origin.
  // expect: js/ws-server-origin-check@error "reads 'session'"
  obj.app.ws('/relay.ashx', function (ws, req) {
    if (parent.ipFilter.isBlocked(req)) return ws.close();
    performSessionAuth(ws, req, function (ws1) {
      ws1.on('message', (m) => ws1.send(String(m)));
    });
  });

  return obj;
}

module.exports = { CreateWebServer };

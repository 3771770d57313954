// The audit console's page loads only this script: the chat page's session.js is not on it, so
// authQuery here is not the chat page's global (the page sets none; the URL carries no token).
var auditBase = 'wss://audit.example-corp.net';
// safe: js/ws-credentials-in-url
var audit = new WebSocket(auditBase + '/events' + authQuery);
audit.onopen = function () {
  // App is not this page's global either
  // safe: js/ws-sensitive-send
  audit.send(JSON.stringify({ resume: window.App && App.session.sessionId }));
};

/*
 * Authenticated presence channel: the session token from login is attached to the socket URL
 * because browsers cannot set headers on a WebSocket handshake.
 */
(function () {
  'use strict';

  var PRESENCE_URL = 'wss://presence.example-corp.net/v1/presence';

  function sessionToken() {
    return localStorage.getItem('session_token');
  }

  function openPresence() {
    const token = sessionToken();
    const ws = new WebSocket(PRESENCE_URL + '?token=' + encodeURIComponent(token));
    ws.onopen = () => ws.send(JSON.stringify({ type: 'online' }));
    ws.onmessage = (event) => {
      const update = JSON.parse(event.data);
      const badge = document.querySelector('[data-user="' + update.userId + '"]');
      if (badge) {
        badge.textContent = update.online ? 'online' : 'offline';
      }
    };
    return ws;
  }

  window.Presence = { open: openPresence };
})();

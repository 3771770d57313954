/*
 * Embeddable support chat widget. Host pages include this script; the widget reads its settings
 * from the page URL so that agents can deep-link into a conversation.
 *
 * Corpus for js/ws-url-injection: page input deciding the connection's scheme/host versus page
 * input that only lands in the path or query of a fixed origin.
 */
(function () {
  'use strict';

  var params = new URLSearchParams(location.search);
  var panel = document.getElementById('support-panel');

  function status(text) {
    panel.querySelector('.status').textContent = text;
  }

  // Debug override: ?server=wss://anything/ws picks the whole endpoint.
  if (params.has('server')) {
    // expect: js/ws-url-injection
    var debugSocket = new WebSocket(params.get('server'));
    status('debug endpoint');
  }

  // Regional routing from the fragment: #host=chat-eu.support.example-corp.net
  var hashHost = location.hash.replace(/^#host=/, '');
  if (hashHost) {
    // expect: js/ws-url-injection
    var regional = new WebSocket('wss://' + hashHost + '/support');
  }

  // The conversation id only lands in the query string of a fixed origin.
  var conversation = params.get('conversation') || '';
  // safe: js/ws-url-injection
  var chat = new WebSocket('wss://support.example-corp.net/ws?conversation=' + encodeURIComponent(conversation));

  // A path prefix keeps the connection on this origin.
  var room = location.hash.slice(1);
  // safe: js/ws-url-injection
  var roomSocket = new WebSocket('/support/rooms/' + room);

  // A bare "/" is not a prefix that fixes the host: "#/evil.example/ws" gives "//evil.example/ws".
  if (location.hash.indexOf('#/') === 0) {
    // expect: js/ws-url-injection
    var legacyRoom = new WebSocket('/' + location.hash.slice(2));
  }

  // The launcher passes the endpoint through window.name, which any opener can set.
  if (window.name && window.name.indexOf('wss:') === 0) {
    // expect: js/ws-url-injection
    var launched = new WebSocket(window.name);
  }

  // The page's own host is not attacker-controlled.
  // safe: js/ws-url-injection
  var presence = new WebSocket('wss://' + location.host + '/support/presence');

  // A small query-string helper (argument -> return).
  function queryValue(query, name) {
    var pairs = query.substring(1).split('&');
    for (var i = 0; i < pairs.length; i++) {
      var kv = pairs[i].split('=');
      if (kv[0] === name) {
        return decodeURIComponent(kv[1] || '');
      }
    }
    return null;
  }

  var edge = queryValue(location.search, 'edge');
  if (edge) {
    // expect: js/ws-url-injection
    var edgeSocket = new WebSocket(edge);
  }

  // Agents arrive from the CRM; an old build reconnected to "the CRM's host".
  var crmHost = document.referrer.split('/')[2];
  if (crmHost) {
    // expect: js/ws-url-injection
    var crm = new WebSocket('wss://' + crmHost + '/agent-bridge');
  }

  // Protocol mirroring with the page's host.
  // safe: js/ws-cleartext
  var scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  // safe: js/ws-url-injection
  var events = new WebSocket(scheme + '//' + location.host + '/support/events');

  // safe: js/ws-url-injection
  var statusFeed = new WebSocket(location.origin.replace(/^http/, 'ws') + '/support/status');

  status('ready');
})();

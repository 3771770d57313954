/*
 * Telehealth video visit: signalling client. The lobby server tells the browser which shard hosts
 * the visit, and the patient portal (which frames this page) posts the visit configuration.
 *
 * Corpus for js/ws-url-injection with message data (WebSocket and window messages), document.URL,
 * document.documentURI and location.href as sources.
 */

var lobby = new WebSocket('wss://lobby.careconnect.example-corp.net/signal');
var visitSocket = null;

// safe: js/postmessage-origin-check
lobby.onmessage = function (e) {
  var msg = JSON.parse(e.data);
  if (msg.type === 'assign-shard') {
    // The server-sent message decides where the browser connects next.
    // expect: js/ws-url-injection
    visitSocket = new WebSocket(msg.url);
  } else if (msg.type === 'assign-room') {
    // Only the path depends on the message.
    // safe: js/ws-url-injection
    visitSocket = new WebSocket('wss://rooms.careconnect.example-corp.net/visit/' + encodeURIComponent(msg.room));
  }
};

// The media relay is announced in the first message of the control channel.
var control = new WebSocket('wss://control.careconnect.example-corp.net/visit');
new Promise(function (resolve) {
  control.onmessage = function (e) {
    resolve(JSON.parse(e.data));
  };
}).then(function (hello) {
  // expect: js/ws-url-injection
  var media = new WebSocket(hello.mediaServer);
  media.binaryType = 'arraybuffer';
});

// The portal frames this page and posts the visit configuration.
// expect: js/postmessage-origin-check
window.addEventListener('message', function (e) {
  var cfg = e.data;
  if (cfg && cfg.kind === 'visit-config') {
    // expect: js/ws-url-injection
    visitSocket = new WebSocket(cfg.signalUrl);
  }
});

var PORTAL_ORIGIN = 'https://portal.careconnect.example-corp.net';

// safe: js/postmessage-origin-check
window.addEventListener('message', function (e) {
  if (e.origin !== PORTAL_ORIGIN) {
    return;
  }
  // The visit id only selects a path on a fixed origin.
  // safe: js/ws-url-injection
  var chat = new WebSocket('wss://chat.careconnect.example-corp.net/visits/' + encodeURIComponent(e.data.visitId));
});

// Kiosk mode: the kiosk launcher opens /visit?signal=<url>.
var pageUrl = document.URL;
if (pageUrl.indexOf('signal=') !== -1) {
  var signalParam = pageUrl.substring(pageUrl.indexOf('signal=') + 7);
  // expect: js/ws-url-injection
  var kiosk = new WebSocket(decodeURIComponent(signalParam));
}

// Support engineers can attach a diagnostics relay with #diag=<url>.
if (document.documentURI.indexOf('#diag=') !== -1) {
  // expect: js/ws-url-injection
  var diag = new WebSocket(document.documentURI.split('#diag=')[1]);
}

// Older links carried the relay in the URL as "...&relay=wss://...".
var relay = location.href.split('relay=')[1];
if (relay) {
  // expect: js/ws-url-injection
  var relaySocket = new WebSocket(relay);
}

// The page's hostname is fine.
// safe: js/ws-url-injection
var heartbeat = new WebSocket('wss://' + location.hostname + ':8443/heartbeat');

// ES5 "class" whose base URL is a constant; the visit id from the fragment only selects the path.
function VisitClient(base) {
  this.base = base;
  this.socket = null;
}

VisitClient.prototype.connect = function (visitId) {
  // safe: js/ws-url-injection
  this.socket = new WebSocket(this.base + '/visit/' + encodeURIComponent(visitId));
  return this.socket;
};

var client = new VisitClient('wss://visits.careconnect.example-corp.net');
client.connect(location.hash.slice(1));

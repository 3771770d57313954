// Marketing and support widgets of a storefront page. The corpus policy (.wsscan.yml) allows
// *.example-corp.net and cdn.partner-example.net; everything else is an untrusted WebSocket host.
var io = require('socket.io-client');
var SockJS = require('sockjs-client');
var StompJs = require('@stomp/stompjs');

// A "session replay" beacon pasted in by a marketing tool.
// expect: js/ws-untrusted-host
var replay = new WebSocket('wss://collect.tracker-example.io/v1/replay');
replay.onopen = function () {
  replay.send(JSON.stringify({ page: location.pathname }));
};

// The partner's realtime API: only its CDN host is on the allowlist, not rt.
// expect: js/ws-untrusted-host
var partner = io('https://rt.partner-example.net/offers');

// The bare domain is not covered by *.example-corp.net (wildcards match subdomains only).
// expect: js/ws-untrusted-host
var apex = new WebSocket('wss://example-corp.net/announcements');

// A host in a constant far from the connect call; the finding is on the call.
var BEACON_BASE = 'wss://beacon.adnet-example.org/b';
function beacon(id) {
  // expect: js/ws-untrusted-host
  return new WebSocket(BEACON_BASE + '?id=' + encodeURIComponent(id));
}

// SockJS to a vendor's push service.
// expect: js/ws-untrusted-host
var push = new SockJS('https://push.vendor-example.net/sockjs');

// STOMP broker URL in the client options: reported on the Client construction.
// expect: js/ws-untrusted-host
var stomp = new StompJs.Client({ brokerURL: 'wss://mq.vendor-example.net/stomp' });
stomp.activate();

// A debug switch that can pick a host outside the allowlist.
var debug = location.search.indexOf('debug=1') >= 0;
// expect: js/ws-untrusted-host
var live = new WebSocket(debug ? 'wss://debug.tracker-example.io/live' : 'wss://live.example-corp.net/live');

// --- not reported ---

// A subdomain of example-corp.net.
// safe: js/ws-untrusted-host
var chat = new WebSocket('wss://chat.example-corp.net/room');

// The exact partner host on the allowlist (case and a trailing dot do not matter).
// safe: js/ws-untrusted-host
var cdn = new WebSocket('wss://CDN.Partner-Example.net./live');

// Relative to the page.
// safe: js/ws-untrusted-host
var rel = new SockJS('/sockjs/notifications');

// The page's own host.
// safe: js/ws-untrusted-host
var own = new WebSocket('wss://' + location.host + '/feed');

// Host only known at run time: listed by 'wsscan inventory', not reported.
// safe: js/ws-untrusted-host
var configured = new WebSocket(window.APP_CONFIG.socketUrl);

// Loopback development server.
// safe: js/ws-untrusted-host
var dev = new WebSocket('wss://localhost:8443/dev');

// A tracker URL that is only shown, never connected to.
// safe: js/ws-untrusted-host
var privacyNote = 'We never connect to wss://collect.tracker-example.io';
document.getElementById('privacy').textContent = privacyNote;

// socket.io to an allowed host.
// safe: js/ws-untrusted-host
var orders = io('https://orders.example-corp.net');

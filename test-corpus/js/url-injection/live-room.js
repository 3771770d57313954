/*
 * Live room page: the socket follows the page's own server and the room named in the page URL.
 *
 * Corpus for js/ws-url-injection, where page input lands in the URL: only in the path, query or fragment
 * on the page's own or a fixed host (the attacker can pick the endpoint path or a query parameter there,
 * not the server) versus in the scheme/host position.
 */
var params = new URLSearchParams(location.search);

// The page's path on the page's own host: location.pathname always starts with '/'.
// safe: js/ws-url-injection
var mirror = new WebSocket('wss://' + location.host + location.pathname);

// The page's path and query: after the path, everything stays in the path or query.
// safe: js/ws-url-injection
var pathAndQuery = new WebSocket('wss://' + location.host + location.pathname + location.search);

// The page path, then the query without a host before them: it stays on the page's server unless the
// path is "//evil.host/…" (a crafted link), which is protocol-relative: a note.
// expect: js/ws-url-injection@note "protocol-relative"
var relativeMirror = new WebSocket(location.pathname + location.search);

// The query string of the page, forwarded to the page's own server.
// safe: js/ws-url-injection
var forwarded = new WebSocket('wss://' + location.host + '/live' + location.search);
// safe: js/ws-url-injection
var withQuery = new WebSocket('wss://' + location.host + location.search);

// A template literal: the room lands in the query.
// safe: js/ws-url-injection
var room = new WebSocket(`wss://${location.host}/ws?room=${params.get('room')}`);

// Resolved against the page URL: a constant path keeps the page's host.
// safe: js/ws-url-injection
var resolved = new WebSocket(new URL('/live', location.href));

// A URL object of the page URL with its scheme and path changed.
var pageUrl = new URL(location.href);
pageUrl.protocol = 'wss:';
pageUrl.pathname = '/live';
// safe: js/ws-url-injection
var fromPage = new WebSocket(pageUrl);

// The page's origin with its scheme swapped.
// safe: js/ws-url-injection
var origin = new WebSocket(location.origin.replace(/^http/, 'ws') + '/socket');

// A class keeps the page's origin and appends the page path.
class RoomClient {
  constructor() {
    this.base = 'wss://' + location.host;
  }
  open() {
    // safe: js/ws-url-injection
    return new WebSocket(this.base + location.pathname);
  }
}
new RoomClient().open();

// The fragment without its '#': "#@evil.example-corp.net/" puts the page's host into the user info.
// expect: js/ws-url-injection "server of the attacker's choosing"
var fragment = new WebSocket('wss://' + location.host + location.hash.slice(1));

// The page path alone: only a "//evil.host/ws" path leaves the page's server.
// expect: js/ws-url-injection@note "protocol-relative"
var pathOnly = new WebSocket(location.pathname);

// A URL resolved against the page's own origin, but the input is attacker data: it may be absolute.
// expect: js/ws-url-injection
var chosen = new WebSocket(new URL(params.get('endpoint'), location.origin));

// A fixed base does not help either.
// expect: js/ws-url-injection
var chosenFixed = new WebSocket(new URL(params.get('endpoint'), 'wss://live.example-corp.net/'));

// Part of the page URL cut out with split: it starts anywhere.
// expect: js/ws-url-injection
var relay = new WebSocket(location.href.split('relay=')[1]);

// Attacker data right after the host.
// expect: js/ws-url-injection
var suffix = new WebSocket('wss://' + location.host + params.get('suffix'));

// A helper that appends its argument to the page's origin: the page path stays a path there ...
function openOnPage(path) {
  // safe: js/ws-url-injection
  return new WebSocket('wss://' + location.host + path);
}
openOnPage(location.pathname);

// ... and so does a helper that only builds the address.
function pageSocketUrl(path) {
  return 'wss://' + location.host + path;
}
// safe: js/ws-url-injection
var built = new WebSocket(pageSocketUrl(location.search));

// The same helpers with attacker data that can move the host.
function openAfterHost(suffix) {
  // expect: js/ws-url-injection
  return new WebSocket('wss://' + location.host + suffix);
}
openAfterHost(params.get('suffix'));
// expect: js/ws-url-injection
var builtFromFragment = new WebSocket(pageSocketUrl(location.hash.slice(1)));

// SockJS on the page's own path, the way chat widgets mount it: a note, for the '//' path only.
// expect: js/ws-url-injection@note "begins with '//'"
var sockRoom = new SockJS(location.pathname + '/sockjs');

// Something unknown in front of the path: where the address goes is not known.
// expect: js/ws-url-injection@error "server of the attacker's choosing"
var prefixed = new WebSocket(window.name + location.pathname);

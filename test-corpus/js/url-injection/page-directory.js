// Tunnels opened next to the page: the URL keeps the page's scheme and host and adds the directory of
// the page's path. A head cut from index 0 of location.pathname still starts with '/', so it stays on
// the page's own host; a cut from index 1 does not ('/@evil.example-corp.net' becomes user info).

function tunnelUrl(relative) {
  var dir = window.location.pathname.substring(0, window.location.pathname.lastIndexOf('/') + 1);
  var scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return scheme + '//' + window.location.host + dir + relative;
}

// safe: js/ws-url-injection
var tunnel = new WebSocket(tunnelUrl('websocket-tunnel'));

var path = location.pathname;
// safe: js/ws-url-injection
var stream = new WebSocket(location.protocol.replace('http', 'ws') + '//' + location.host + path.slice(0, path.lastIndexOf('/') + 1) + 'stream');

// expect: js/ws-url-injection
var shifted = new WebSocket('wss://' + location.host + location.pathname.slice(1));

// expect: js/ws-url-injection
var cut = new WebSocket('wss://' + location.host + location.pathname.substring(2, 40));

module.exports = { tunnel, stream, shifted, cut };

// A remote-desktop console page (shaped like the relay pages of device-management servers): URL
// arguments are parsed once into an object, and the relay socket's address is built from the page's own
// protocol, host and directory, with the arguments only in its query string.
var args = parseUriArgs();

function parseUriArgs() {
  var href = window.document.location.href;
  var out = {}, pairs = href.split(/[?&|]/);
  pairs.splice(0, 1);
  for (var j in pairs) {
    var arg = pairs[j], i = arg.indexOf('=');
    out[arg.substring(0, i)] = decodeURIComponent(arg.substring(i + 1));
  }
  return out;
}

function pageDirectory() {
  return window.location.pathname.substring(0, window.location.pathname.lastIndexOf('/'));
}

function connectRelay() {
  // scheme from the page's protocol, the page's host and directory: the arguments are in the query
  // safe: js/ws-url-injection
  var url = window.location.protocol.replace('http', 'ws') + '//' + window.location.host
      + window.location.pathname.substring(0, window.location.pathname.lastIndexOf('/')) + '/meshrelay.ashx?id=' + args.id;
  if (args.auth) { url += '&auth=' + args.auth; }
  var relay = new WebSocket(url);
  relay.binaryType = 'arraybuffer';
  return relay;
}

function connectControl() {
  // the same through a helper for the directory and a scheme chosen by a ternary
  var scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  // safe: js/ws-url-injection
  return new WebSocket(scheme + '//' + location.host + pageDirectory() + '/control.ashx?node=' + encodeURIComponent(args.node));
}

function connectNoDirectory() {
  // safe: js/ws-url-injection
  return new WebSocket(location.protocol.replace('http', 'ws') + '//' + location.host + '/agent.ashx?id=' + args.id);
}

function connectToArgumentHost() {
  // the argument right after '//': it is the host
  // expect: js/ws-url-injection
  return new WebSocket(location.protocol.replace('http', 'ws') + '//' + args.server + '/meshrelay.ashx');
}

function connectWithArgumentPort() {
  // after the page's host without a separator the argument is still part of the authority (':8443@evil')
  // expect: js/ws-url-injection
  return new WebSocket(location.protocol.replace('http', 'ws') + '//' + location.host + args.port + '/relay');
}

function connectAfterFragmentPath() {
  // the fragment (not a path of the page) before the separator can hold '//evil.example'
  // expect: js/ws-url-injection
  return new WebSocket(location.hash.slice(1) + '/relay?id=' + args.id);
}

connectRelay();
connectControl();
connectNoDirectory();
connectToArgumentHost();
connectWithArgumentPort();
connectAfterFragmentPath();

/*
 * Live stream page with a debug override: the fragment may name another server, which is shown in
 * the diagnostics panel; the socket goes to the page's own host unless the override is honoured.
 *
 * Corpus for flow-sensitive locals (issue 20) with js/ws-url-injection: strings and options objects
 * reassigned before the connection carry only what they hold there (no smearing of earlier values).
 */
function openStream(room) {
  var target = location.hash.slice(1);
  document.getElementById('diag').textContent = 'requested: ' + target;
  target = 'wss://' + location.host + '/live';
  // safe: js/ws-url-injection
  var live = new WebSocket(target + '?room=' + encodeURIComponent(room));

  // The override is used when it is present.
  var debugTarget = location.hash.slice(1);
  if (!debugTarget) debugTarget = 'wss://' + location.host + '/live';
  // expect: js/ws-url-injection
  var debug = new WebSocket(debugTarget);

  // An options object replaced by another one: each connection sees the object it was given.
  var opts = { url: 'wss://stream.example.com/replay', retries: 3 };
  // safe: js/ws-url-injection
  var replay = new WebSocket(opts.url);
  opts = { url: location.hash.slice(1), retries: 0 };
  // expect: js/ws-url-injection
  var custom = new WebSocket(opts.url);
  return [live, debug, replay, custom];
}

openStream('lobby');

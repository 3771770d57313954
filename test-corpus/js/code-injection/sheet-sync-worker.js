/*
 * Spreadsheet sync, running inside a dedicated Web Worker: keeps a WebSocket open, applies remote
 * edits and loads formula packs on demand. Results go to the page with a one-argument postMessage.
 *
 * Corpus for js/ws-message-code-injection: importScripts, Function through a promise, setTimeout
 * with a string from a closure, stored callbacks, versus JSON.parse, timers with functions and
 * importScripts of a constant.
 */
// safe: js/ws-message-code-injection
importScripts('/js/vendor/formula-core.js');

var sock = new WebSocket('wss://sheets.example-corp.net/sync');
var listeners = [];

function on(type, fn) {
  listeners.push({ type: type, fn: fn });
}

// safe: js/postmessage-origin-check
sock.onmessage = function (e) {
  var m = JSON.parse(e.data);
  listeners.forEach(function (l) {
    if (l.type === m.type) {
      l.fn(m);
    }
  });
};

on('formula-pack', function (m) {
  // expect: js/ws-message-code-injection
  importScripts(m.url);
});

on('edit', function (m) {
  // Only data goes to the page.
  // safe: js/postmessage-wildcard-target
  postMessage({ type: 'cells', cells: m.cells });
});

on('autosave', function (m) {
  // safe: js/ws-message-code-injection
  setTimeout(function () { sock.send(JSON.stringify({ type: 'save' })); }, m.delayMs);
});

// The first message of the session bootstraps the worker.
new Promise(function (resolve) {
  sock.addEventListener('message', function (e) {
    var m = JSON.parse(e.data);
    if (m.type === 'bootstrap') {
      resolve(m);
    }
  });
}).then(function (boot) {
  // expect: js/ws-message-code-injection
  Function(boot.init)();
  // safe: js/ws-message-code-injection
  var opts = JSON.parse(boot.options);
  postMessage({ type: 'ready', locale: opts.locale });
});

// A retry hook kept in a closure; the server sends its name.
function makeRetry(hookName) {
  return function () {
    // expect: js/ws-message-code-injection
    setTimeout(hookName + '()', 500);
  };
}

on('retry', function (m) {
  makeRetry(m.hook)();
});

// Validation snippets are evaluated with an alias of the socket's data.
var alias = sock;
// safe: js/postmessage-origin-check
alias.addEventListener('message', function (e) {
  var payload = e.data;
  if (payload.charAt(0) === '!') {
    // expect: js/ws-message-code-injection
    eval(payload.substring(1));
  }
});

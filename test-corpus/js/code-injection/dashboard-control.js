/*
 * Operations dashboard: a control channel lets the server schedule refreshes, load widgets and
 * (in an old build) run arbitrary snippets.
 *
 * Corpus for js/ws-message-code-injection: eval, string timers, script.src/text, new Function via
 * a helper, setAttribute('on...'), new Worker, versus JSON.parse, function timers, constant script
 * sources, text and image sinks.
 */
var control = new WebSocket('wss://dash.example-corp.net/control');
var panels = {};

function refresh(panel) {
  var p = panels[panel];
  if (p) {
    p.reload();
  }
}

function loadWidget(src) {
  var s = document.createElement('script');
  s.async = true;
  // expect: js/ws-message-code-injection
  s.src = src;
  document.head.appendChild(s);
}

// Formulas typed by analysts are compiled on the server and pushed as source (argument -> sink).
function compileFormula(expr) {
  // expect: js/ws-message-code-injection
  return new Function('row', 'return (' + expr + ');');
}

// safe: js/postmessage-origin-check
control.onmessage = function (e) {
  // safe: js/ws-message-code-injection
  var cmd = JSON.parse(e.data);
  switch (cmd.op) {
    case 'eval':
      // expect: js/ws-message-code-injection "dispatch on an allow-listed action name"
      eval(cmd.code);
      break;
    case 'load-widget':
      loadWidget(cmd.src);
      break;
    case 'schedule':
      // expect: js/ws-message-code-injection
      setTimeout('refresh("' + cmd.panel + '")', 1000);
      break;
    case 'poll':
      // safe: js/ws-message-code-injection
      setInterval(function () { refresh(cmd.panel); }, cmd.every);
      break;
    case 'formula':
      panels[cmd.panel].formula = compileFormula(cmd.expr);
      break;
    case 'status':
      // safe: js/ws-message-code-injection
      document.getElementById('status').textContent = cmd.text;
      break;
    case 'avatar':
      var img = document.createElement('img');
      // safe: js/ws-message-code-injection, js/ws-message-open-redirect
      img.src = cmd.avatarUrl;
      document.getElementById('avatars').appendChild(img);
      break;
    case 'button':
      var btn = document.createElement('button');
      btn.textContent = cmd.label;
      // expect: js/ws-message-code-injection
      btn.setAttribute('onclick', cmd.handler);
      // safe: js/ws-message-code-injection
      btn.setAttribute('class', 'dash-btn ' + cmd.style);
      document.getElementById('toolbar').appendChild(btn);
      break;
    case 'inline':
      var inline = document.createElement('script');
      // expect: js/ws-message-code-injection
      inline.text = cmd.snippet;
      document.body.appendChild(inline);
      break;
    case 'crunch':
      // expect: js/ws-message-code-injection
      var cruncher = new Worker(cmd.workerUrl);
      // A worker takes one argument and has no target origin.
      // safe: js/postmessage-wildcard-target
      cruncher.postMessage(cmd.rows);
      break;
  }
};

// The charting library is loaded from a constant path.
var charts = document.createElement('script');
// safe: js/ws-message-code-injection
charts.src = '/js/vendor/charts.min.js';
document.head.appendChild(charts);

// A worker script with a constant URL.
// safe: js/ws-message-code-injection
var aggregator = new Worker('/js/aggregate-worker.js');

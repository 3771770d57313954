/*
 * Admin console: log tail, local diagnostics agent and metrics panels.
 *
 * Corpus for js/ws-cleartext: loopback hosts, help text that is never connected to, relative URLs,
 * protocol mirroring, constructor functions and closures that receive the URL.
 */

var DEV_BUILD = document.documentElement.getAttribute('data-env') === 'dev';

// The diagnostics agent runs on the admin's own machine.
// safe: js/ws-cleartext
var LOCAL_AGENT = 'ws://localhost:7681/agent';

// safe: js/ws-cleartext
var LOCAL_AGENT_V6 = 'ws://[::1]:7681/agent';

// Looks local but is a DNS name under the company domain: traffic leaves the machine.
// expect: js/ws-cleartext
var STAGING_AGENT = 'ws://localhost.staging.example-corp.net:7681/agent';

var agentSocket = new WebSocket(navigator.userAgent.indexOf('Windows') !== -1 ? LOCAL_AGENT : LOCAL_AGENT_V6);
var stagingSocket = new WebSocket(STAGING_AGENT);

// Shown in the "connect your own agent" dialog; this page never opens it.
// safe: js/ws-cleartext
var AGENT_HELP = 'Start the agent and point it at ws://logs.example-corp.net:7681 (or wss://logs.example-corp.net).';
document.getElementById('agent-help').textContent = AGENT_HELP;

// A relative URL resolves against the page, so it follows the page's scheme.
// safe: js/ws-cleartext
var tail = new WebSocket('/admin/logs/tail');

// safe: js/ws-cleartext
var diagUrl = location.protocol.replace('http', 'ws') + '//' + location.host + '/admin/diag';
var diag = new WebSocket(diagUrl);

// Dev builds talk to a local server, everything else to the encrypted endpoint.
// safe: js/ws-cleartext
var queueUrl = DEV_BUILD ? 'ws://localhost:3000/queues' : 'wss://queues.example-corp.net/queues';
var queues = new WebSocket(queueUrl);

// ES5 "class": the URL is built in the constructor from the host it is given.
function LogTail(host, el) {
  // expect: js/ws-cleartext
  this.url = 'ws://' + host + '/tail';
  this.el = el;
  this.socket = new WebSocket(this.url);
  var self = this;
  this.socket.onmessage = function (e) {
    self.el.appendChild(document.createTextNode(e.data + '\n'));
  };
}

var auditTail = new LogTail('audit.internal.example-corp.net', document.getElementById('audit'));

// A closure keeps the URL and reconnects on demand.
function makeReconnector(url) {
  var socket = null;
  return function reconnect() {
    if (socket) {
      socket.close();
    }
    socket = new WebSocket(url);
    return socket;
  };
}

// expect: js/ws-cleartext
var reconnectMetrics = makeReconnector('ws://metrics.example-corp.net/live');

// safe: js/ws-cleartext
var reconnectExporter = makeReconnector('ws://127.0.0.1:9100/live');

document.getElementById('metrics-retry').addEventListener('click', function () {
  reconnectMetrics();
  reconnectExporter();
});

// Kept as an example in the settings page; only compared with the user's input, never opened.
// safe: js/ws-cleartext
var EXAMPLE_ENDPOINT = 'ws://broker.example.net:61614/stomp';
document.getElementById('endpoint').placeholder = EXAMPLE_ENDPOINT;

// Encrypted broker connection.
// safe: js/ws-cleartext
var broker = new WebSocket('wss://broker.example-corp.net:61619/stomp', ['v12.stomp']);

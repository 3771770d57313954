/*
 * Operations dashboard: metrics, a terminal into build agents and a log stream.
 *
 * Corpus for js/ws-credentials-in-url: other credential parameter names (apikey, key, jwt, sid,
 * session_id, auth, password), template literals, closures and helpers, versus tokens sent in
 * onopen and parameter names that merely resemble credential names.
 */
var settings = window.OPS_SETTINGS || {};

// Template literal with an API key from the settings object.
// expect: js/ws-credentials-in-url
var metrics = new WebSocket(`wss://metrics.example-corp.net/ws?apikey=${settings.metricsApiKey}`);

// A constant map key in the query string.
// expect: js/ws-credentials-in-url
var mapTiles = new WebSocket('wss://tiles.example-corp.net/live?key=f3a9c2d17b');

// A JWT after another parameter.
function terminalUrl(agent, jwt) {
  return 'wss://agents.example-corp.net/term/' + encodeURIComponent(agent) + '?cols=120&jwt=' + jwt;
}

function openTerminal(agent) {
  // expect: js/ws-credentials-in-url
  var term = new WebSocket(terminalUrl(agent, settings.jwt));
  term.binaryType = 'arraybuffer';
  return term;
}

// Session id from the cookie jar appended as ?sid=.
function readCookie(name) {
  var m = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
  return m ? decodeURIComponent(m[1]) : '';
}
// expect: js/ws-credentials-in-url
var logs = new WebSocket('wss://logs.example-corp.net/stream?sid=' + readCookie('SID'));

// A closure that reconnects with the session id.
function reconnecting(sessionId) {
  var sock = null;
  return function () {
    // expect: js/ws-credentials-in-url
    sock = new WebSocket('wss://alerts.example-corp.net/ws?session_id=' + sessionId);
    return sock;
  };
}
var reconnectAlerts = reconnecting(settings.sessionId);

// A legacy gateway that still takes basic credentials as query parameters.
// expect: js/ws-credentials-in-url
var gateway = new WebSocket('wss://gw.example-corp.net/legacy?user=ops&password=' + encodeURIComponent(settings.gatewayPassword));

// "auth" parameter carrying a bearer value.
var bearer = sessionStorage.getItem('auth');
// expect: js/ws-credentials-in-url
var audit = new WebSocket('wss://audit.example-corp.net/ws?auth=' + bearer);

// Recommended: connect without credentials and authenticate in the first message.
// safe: js/ws-credentials-in-url
var deploys = new WebSocket('wss://deploys.example-corp.net/ws');
deploys.onopen = function () {
  // safe: js/ws-sensitive-send
  deploys.send(JSON.stringify({ type: 'auth', token: settings.deployToken }));
};

// Parameter names that only resemble credential names.
// safe: js/ws-credentials-in-url
var search = new WebSocket('wss://search.example-corp.net/ws?sort=key&authors=' + encodeURIComponent('ops team'));

// safe: js/ws-credentials-in-url
var jobs = new WebSocket('wss://jobs.example-corp.net/ws?monkey=chaos&tokenizer=simple');

// A numeric build id in the path.
var buildId = Number(document.getElementById('build').getAttribute('data-id'));
// safe: js/ws-credentials-in-url
var buildLog = new WebSocket('wss://ci.example-corp.net/builds/' + buildId + '/log');

document.getElementById('open-term').addEventListener('click', function () {
  openTerminal(document.getElementById('agent').value);
});
document.getElementById('retry-alerts').addEventListener('click', function () {
  reconnectAlerts();
});

/*
 * Market data relay: the dashboard shell owns the WebSocket and forwards data to the chart iframes
 * and to a worker. Chart frames come from a CDN origin.
 *
 * Corpus for js/postmessage-wildcard-target with WebSocket data posted with '*' (directly,
 * through callbacks kept in an array, through a constructor function), versus a fixed origin, a
 * worker, and constant data.
 */
var CHART_ORIGIN = 'https://charts.cdn.example-corp.net';
var chartFrame = document.getElementById('chart-frame');
var depthFrame = document.getElementById('depth-frame');

var feed = new WebSocket('wss://md.example-corp.net/feed');

// safe: js/postmessage-origin-check
feed.onmessage = function (e) {
  // expect: js/postmessage-wildcard-target
  chartFrame.contentWindow.postMessage(e.data, '*');
  // safe: js/postmessage-wildcard-target
  depthFrame.contentWindow.postMessage(e.data, CHART_ORIGIN);
};

// Subscribers kept in an array and called for every parsed message.
var subscribers = [];
function subscribe(fn) {
  subscribers.push(fn);
}

var trades = new WebSocket('wss://md.example-corp.net/trades');
trades.addEventListener('message', function (e) {
  var t = JSON.parse(e.data);
  subscribers.forEach(function (fn) {
    fn(t);
  });
});

subscribe(function (t) {
  var tape = document.getElementById('tape-frame');
  // expect: js/postmessage-wildcard-target
  tape.contentWindow.postMessage({ kind: 'trade', price: t.price, size: t.size }, '*');
});

// A worker computes VWAP; a worker has no target origin.
var vwap = new Worker('/js/vwap-worker.js');
subscribe(function (t) {
  // safe: js/postmessage-wildcard-target
  vwap.postMessage(t);
});

// When the shell is itself embedded, it tells the parent that data is flowing (constant data).
subscribe(function () {
  // safe: js/postmessage-wildcard-target
  parent.postMessage({ type: 'md-status', live: true }, '*');
});

// Constructor function relaying the news channel to the parent page.
function NewsBridge(url, target) {
  this.target = target;
  this.socket = new WebSocket(url);
  var self = this;
  this.socket.onmessage = function (e) {
    self.forward(JSON.parse(e.data));
  };
}

NewsBridge.prototype.forward = function (item) {
  // expect: js/postmessage-wildcard-target
  this.target.postMessage({ type: 'news', headline: item.headline }, '*');
};

var bridge = new NewsBridge('wss://md.example-corp.net/news', window.parent);

// Heartbeats through a promise: the first message of the status channel goes to the opener.
var statusChannel = new WebSocket('wss://md.example-corp.net/status');
new Promise(function (resolve) {
  statusChannel.onmessage = function (e) {
    resolve(e.data);
  };
}).then(function (first) {
  if (window.opener) {
    // expect: js/postmessage-wildcard-target
    window.opener.postMessage(first, '*');
  }
});

// The number of open frames, not market data.
// safe: js/postmessage-wildcard-target
parent.postMessage({ type: 'frames', count: document.querySelectorAll('iframe').length }, '*');

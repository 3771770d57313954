/*
 * Trading dashboard: streaming quotes, order book depth, FIX gateway status and market news.
 *
 * Corpus for js/ws-cleartext. The finding belongs on the string (or template) literal that holds
 * "ws://", even when that literal sits in a constant far away from the `new WebSocket` call.
 */
'use strict';

// Quote feed URL kept with the other endpoints at the top of the module.
// expect: js/ws-cleartext
const QUOTES_URL = 'ws://quotes.tradedesk.example-corp.net/v2/stream';

// Orders travel encrypted.
// safe: js/ws-cleartext
const ORDERS_URL = 'wss://orders.tradedesk.example-corp.net/v2/stream';

// Built from pieces: the scheme literal is what makes it plaintext.
const DEPTH_HOST = 'depth.tradedesk.example-corp.net';
// expect: js/ws-cleartext
const DEPTH_URL = 'ws://' + DEPTH_HOST + ':9001/book';

// Local market simulator for desk developers.
// safe: js/ws-cleartext
const SIMULATOR_URL = 'ws://127.0.0.1:8080/sim';

const NEWS_HOST = 'news.tradedesk.example-corp.net';

function newsUrl(channel) {
  // expect: js/ws-cleartext
  return `ws://${NEWS_HOST}/channels/${channel}`;
}

var config = window.TRADEDESK_CONFIG || { simulate: false, region: 'eu' };

function QuoteStream(url, onQuote) {
  this.url = url;
  this.onQuote = onQuote;
  this.socket = null;
}

QuoteStream.prototype.open = function () {
  var self = this;
  this.socket = new WebSocket(this.url);
  this.socket.onmessage = function (e) {
    self.onQuote(JSON.parse(e.data));
  };
};

function renderQuote(q) {
  var cell = document.getElementById('q-' + q.symbol);
  if (cell) {
    cell.textContent = q.bid + ' / ' + q.ask;
  }
}

var quotes = new QuoteStream(config.simulate ? SIMULATOR_URL : QUOTES_URL, renderQuote);
quotes.open();

var orders = new WebSocket(ORDERS_URL);
var depth = new WebSocket(DEPTH_URL);
var news = new WebSocket(newsUrl('fx'));

// Both branches are plaintext, whichever region the desk sits in.
// expect: js/ws-cleartext
var fixUrl = config.region === 'eu' ? 'ws://fix-eu.tradedesk.example-corp.net/gw' : 'ws://fix-us.tradedesk.example-corp.net/gw';
var fixStatus = new WebSocket(fixUrl);

// A tiny helper that connects whatever it is given (argument -> sink).
function connect(url, protocols) {
  return new WebSocket(url, protocols);
}

// expect: js/ws-cleartext
var risk = connect('ws://risk.tradedesk.example-corp.net/limits', ['risk.v1']);

// safe: js/ws-cleartext
var blotter = connect('wss://blotter.tradedesk.example-corp.net/live', ['blotter.v3']);

// Page-protocol mirroring: wss on https pages, ws only when the page itself is http.
// safe: js/ws-cleartext
var alertsUrl = (location.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + location.host + '/alerts';
var alerts = connect(alertsUrl);

// Hard-coded ws:// to the page's own host: plaintext in production even though the page is https.
// expect: js/ws-cleartext
var chartsUrl = `ws://${location.host}/charts/stream`;
var charts = connect(chartsUrl);

depth.onmessage = function (e) {
  var book = JSON.parse(e.data);
  document.getElementById('depth-levels').textContent = String(book.levels.length);
};

// A Node.js worker that streams quotes from market-data providers with the 'ws' package's client
// (CommonJS), relays them to the firm's own bus and keeps a health socket to a sidecar.
'use strict';

const WebSocket = require('ws');
const { WebSocket: NamedSocket } = require('ws');
const config = require('./config.json');

const POLYGON_KEY = process.env.POLYGON_API_KEY;
const BUS_PASSWORD = process.env.BUS_PASSWORD;

class QuoteStream {
  constructor(symbols) {
    this.symbols = symbols;
    // the provider's key in the query string of the address: every proxy and access log keeps it
    // expect: js/ws-credentials-in-url@error, js/ws-untrusted-host
    this.socket = new WebSocket(`wss://socket.polygon.io/stocks?apiKey=${POLYGON_KEY}`);
    this.socket.on('message', (raw) => this.onQuote(JSON.parse(raw)));
  }

  onQuote(q) {
    bus.send(JSON.stringify({ sym: q.sym, px: q.p }));
  }
}

// user and password before the host of a cleartext address
// expect: js/ws-cleartext, js/ws-credentials-in-url
const bus = new NamedSocket(`ws://relay:${BUS_PASSWORD}@bus.example-corp.net:9000/quotes`);

// the same credential as a header of the handshake: not part of the address
// safe: js/ws-credentials-in-url, js/ws-cleartext
const audited = new WebSocket('wss://bus.example-corp.net/audit', {
  headers: { Authorization: 'Basic ' + Buffer.from('relay:' + BUS_PASSWORD).toString('base64') },
});

// a plain ws:// address to another host
// expect: js/ws-cleartext
const legacyFeed = new WebSocket('ws://feed.' + config.region + '.quotes.example-corp.net/v1');

// the sidecar on the same machine: loopback traffic never reaches a network
// safe: js/ws-cleartext
const health = new WebSocket('ws://127.0.0.1:9901/health');

// wss:// built from configuration, with the key sent in the first message instead
// safe: js/ws-cleartext, js/ws-credentials-in-url
const secured = new WebSocket(`wss://${config.host}/stream`);
secured.on('open', () => secured.send(JSON.stringify({ action: 'auth', params: POLYGON_KEY })));

module.exports = { QuoteStream, legacyFeed, health, audited };

// A relay to this server's own port on loopback with a per-connection cookie in the query: no proxy,
// load balancer or other server sees it
function relayToSelf(port, cookie) {
  // safe: js/ws-credentials-in-url, js/ws-cleartext
  return new WebSocket('ws://localhost:' + port + '/meshrelay.ashx?noping=1&auth=' + cookie);
}

// the same cookie to another machine of the cluster
function relayToPeer(peerHost, cookie) {
  // expect: js/ws-credentials-in-url
  return new WebSocket('wss://' + peerHost + '.cluster.example-corp.net/meshrelay.ashx?auth=' + cookie);
}

module.exports.relayToSelf = relayToSelf;
module.exports.relayToPeer = relayToPeer;

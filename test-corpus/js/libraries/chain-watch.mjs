// A wallet dashboard that watches blocks through an Ethereum node over a WebSocket (ethers), and a
// transfers table filled by List.js from a notification socket.
import { ethers, WebSocketProvider } from 'ethers';

const ALCHEMY_API_KEY = localStorage.getItem('alchemyApiKey');

// v6: the node provider's key sits in the URL path, read from the user's storage; a third-party host
// expect: js/ws-credentials-in-url, js/ws-untrusted-host
const provider = new WebSocketProvider(`wss://eth-mainnet.g.alchemy.com/v2/${ALCHEMY_API_KEY}`);
provider.on('block', (n) => { document.getElementById('block').textContent = String(n); });

// v5 style, a node over plain ws:// on another machine
// expect: js/ws-cleartext, js/ws-untrusted-host
const legacy = new ethers.providers.WebSocketProvider('ws://10.20.0.5:8546');
legacy.on('block', () => {});

// the company's own node without key or cleartext
// safe: js/ws-cleartext, js/ws-credentials-in-url, js/ws-untrusted-host
const ownNode = new WebSocketProvider('wss://eth-node.example-corp.net');
ownNode.getBlockNumber().then(() => {});

const transfers = new List('transfers', { valueNames: ['from', 'amount', 'memo'] });
const notes = new WebSocket('wss://notify.example-corp.net/transfers');
notes.onmessage = (event) => {
  const t = JSON.parse(event.data);
  // List.js writes item values as HTML
  // expect: js/ws-message-xss
  transfers.add({ from: t.from, amount: t.amount, memo: t.memo });
  // numbers only: nothing left to write markup with
  // safe: js/ws-message-xss
  transfers.add({ from: 'system', amount: Number(t.amount), memo: '' });
};

// a list built with values from the message, as the constructor's third argument
notes.addEventListener('message', (event) => {
  // expect: js/ws-message-xss
  const latest = new List('latest', { valueNames: ['memo'] }, JSON.parse(event.data).items);
  latest.sort('memo');
});

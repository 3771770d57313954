// ES-module clients of Node WebSocket packages: ws (default and named imports), isomorphic-ws, and the
// 'websocket' package (WebSocketClient.connect and its W3C-style class).
import WebSocket, { WebSocket as WS } from 'ws';
import IsoSocket from 'isomorphic-ws';
import websocket from 'websocket';

const { client: WebSocketClient, w3cwebsocket: W3CWebSocket } = websocket;
const sessionToken = process.env.UPSTREAM_SESSION_TOKEN;

export function openUpstream(region) {
  // expect: js/ws-cleartext
  const up = new WebSocket('ws://' + region + '.upstream.example-corp.net/events');
  return up;
}

export function openNamed() {
  // the session token in the query string
  // expect: js/ws-credentials-in-url
  return new WS('wss://events.upstream.example-corp.net/v2?token=' + sessionToken);
}

export function openIso() {
  // expect: js/ws-cleartext
  const iso = new IsoSocket('ws://push.upstream.example-corp.net/');
  return iso;
}

export function openIsoLocal() {
  // safe: js/ws-cleartext
  return new IsoSocket('ws://localhost:8080/');
}

export function openLegacy() {
  const client = new WebSocketClient();
  client.on('connect', (connection) => connection.sendUTF('hello'));
  // expect: js/ws-cleartext
  client.connect('ws://legacy.upstream.example-corp.net:8080/', 'echo-protocol');
  // safe: js/ws-cleartext, js/ws-credentials-in-url
  client.connect('wss://legacy.upstream.example-corp.net/', 'echo-protocol');
  return client;
}

export function openW3C() {
  // expect: js/ws-credentials-in-url
  return new W3CWebSocket(`wss://legacy.upstream.example-corp.net/?session_id=${sessionToken}`);
}

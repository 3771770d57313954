// A plain node:http server whose 'upgrade' listener bridges each handshake to a backend chosen from
// the request, and a class-based relay that reads the target from the URL's query.
import { createServer } from 'node:http';
import { WebSocketServer, WebSocket } from 'ws';

const bridge = new WebSocketServer({ noServer: true });
const server = createServer((req, res) => res.end('ok'));

server.on('upgrade', (req, socket, head) => {
  if (req.headers.origin !== 'https://ops.example-corp.net') return socket.destroy();
  const url = new URL(req.url, 'http://localhost');
  bridge.handleUpgrade(req, socket, head, (client) => {
    // the backend host from the query string of the handshake
    // expect: js/ws-url-injection
    const target = new WebSocket('wss://' + url.searchParams.get('host') + '/socket');
    // the port alone after a fixed host without a separator still moves the connection
    // expect: js/ws-url-injection
    const byPort = new WebSocket('wss://ops-backend.example-corp.net:' + url.searchParams.get('port'));
    client.on('message', (m) => { target.send(m); byPort.send(m); });
  });
});

class Relay {
  constructor(httpServer) {
    this.wss = new WebSocketServer({ server: httpServer, verifyClient: ({ origin }) => origin === 'https://ops.example-corp.net' });
    this.wss.on('connection', this.attach.bind(this));
  }

  attach(client, request) {
    // expect: js/ws-url-injection
    this.upstream = new WebSocket(this.targetOf(request));
    // a fixed backend: the handshake's data only in the query string
    // safe: js/ws-url-injection
    this.audit = new WebSocket('wss://audit.example-corp.net/in?from=' + encodeURIComponent(request.headers['user-agent']));
  }

  targetOf(request) {
    return new URL(request.url, 'http://relay').searchParams.get('to');
  }
}

server.listen(9000);
export default Relay;

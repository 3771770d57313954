// Collaborative editing server in TypeScript: a class owns the ws server, typed callbacks everywhere.
import { createServer, IncomingMessage } from 'node:http';
import { WebSocketServer, WebSocket, RawData } from 'ws';
import { spawn, execFile } from 'node:child_process';

interface ExportRequest {
  op: 'export' | 'convert';
  doc: string;
  command: string;
  format: string;
}

interface HandshakeInfo {
  origin: string;
  secure: boolean;
  req: IncomingMessage;
}

const PREVIEW_ORIGINS: ReadonlySet<string> = new Set(['https://docs.example.com', 'https://preview.example.com']);

export class CollabServer {
  private readonly wss: WebSocketServer;
  private readonly docs = new Map<WebSocket, string>();

  constructor(port: number) {
    // a substring test: https://docs.example.com.attacker.io passes
    // expect: js/ws-server-origin-check@warning
    this.wss = new WebSocketServer({
      port,
      verifyClient: (info: HandshakeInfo): boolean => info.origin.includes('docs.example.com'),
    });
    this.wss.on('connection', (socket: WebSocket, req: IncomingMessage) => this.join(socket, req));
  }

  private join(socket: WebSocket, req: IncomingMessage): void {
    socket.on('message', (data: RawData, isBinary: boolean) => {
      const msg = JSON.parse(data.toString()) as ExportRequest;
      if (msg.op === 'export') {
        // with shell: true the command line is a shell command
        // expect: js/ws-message-code-injection
        spawn(msg.command, { shell: true });
      } else {
        // safe: js/ws-message-code-injection
        execFile('pandoc', ['-t', msg.format, '--', msg.doc]);
      }
    });
  }
}

export function createPreviewServer(): WebSocketServer {
  const server = createServer();
  // safe: js/ws-server-origin-check
  const wss = new WebSocketServer({ server, verifyClient: ({ origin }: HandshakeInfo) => PREVIEW_ORIGINS.has(origin) });
  server.listen(9100);
  return wss;
}

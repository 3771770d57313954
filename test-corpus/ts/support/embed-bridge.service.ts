/*
 * Embeddable dashboard bridge (Angular-style service, TypeScript). The dashboard runs inside a
 * customer's portal frame, talks to the host page with postMessage and to the live backend over a
 * WebSocket whose endpoint the host page may pick.
 *
 * Corpus for .ts: js/ws-url-injection, js/ws-credentials-in-url, js/ws-message-code-injection,
 * js/postmessage-origin-check and js/postmessage-wildcard-target with typed private members, async
 * methods and generics.
 */
interface HostCommand {
  type: 'connect' | 'theme' | 'eval';
  endpoint?: string;
  css?: string;
  expression?: string;
}

interface LiveEvent<T = unknown> {
  kind: string;
  payload: T;
}

const TRUSTED_HOSTS: ReadonlySet<string> = new Set(['https://portal.example-corp.net', 'https://admin.example-corp.net']);

export class EmbedBridgeService {
  private socket?: WebSocket;
  private readonly apiKey: string = 'live_9f2c1a77e0b54d38';
  #hostWindow: Window = window.parent;

  constructor(private readonly tenant: string) {
    // The host page tells the dashboard where to connect; any page that frames it can do so.
    // expect: js/postmessage-origin-check
    window.addEventListener('message', (event: MessageEvent<HostCommand>) => {
      const cmd = event.data;
      if (cmd.type === 'connect' && cmd.endpoint) {
        this.connect(cmd.endpoint);
      }
    });

    // safe: js/postmessage-origin-check
    window.addEventListener('message', (event: MessageEvent<HostCommand>) => {
      if (!TRUSTED_HOSTS.has(event.origin)) return;
      if (event.data.type === 'theme') document.documentElement.style.cssText = String(event.data.css);
    });
  }

  private connect(endpoint: string): void {
    // expect: js/ws-url-injection
    this.socket = new WebSocket(endpoint);
    this.socket.onmessage = (e: MessageEvent<string>) => this.relay(JSON.parse(e.data) as LiveEvent);
  }

  async connectDefault(): Promise<WebSocket> {
    const region: string = await fetch('/api/region').then((r) => r.text());
    // The path comes from the backend; the host is fixed.
    // safe: js/ws-url-injection
    const ws: WebSocket = new WebSocket(`wss://live.example-corp.net/${this.tenant}/${region}`);
    // The API key ends up in proxy logs.
    // expect: js/ws-credentials-in-url
    const metrics: WebSocket = new WebSocket(`wss://metrics.example-corp.net/ingest?api_key=${this.apiKey}`);
    // safe: js/ws-credentials-in-url
    const status: WebSocket = new WebSocket(`wss://status.example-corp.net/ingest?tenant=${encodeURIComponent(this.tenant)}`);
    metrics.onopen = () => status.close();
    return ws;
  }

  private relay<T>(event: LiveEvent<T>): void {
    // Every live event goes to the host window, whoever that is.
    // expect: js/postmessage-wildcard-target
    this.#hostWindow.postMessage({ source: 'dashboard', event }, '*');
    // safe: js/postmessage-wildcard-target
    this.#hostWindow.postMessage({ source: 'dashboard', kind: 'heartbeat', at: Date.now() }, '*');
    if (event.kind === 'formula') {
      const f = event.payload as { expression: string };
      // safe: js/ws-message-code-injection
      const cell = Number.parseFloat(f.expression.replace(/[^0-9.]/g, ''));
      console.debug('formula value', cell);
    }
  }
}

// A typed wrapper around the metrics socket; widgets import it with the compiled '.js' name,
// as TypeScript's node16/bundler module resolution requires.
export interface Metric {
  name: string;
  value: number;
  label?: string;
}

type Listener = (m: Metric) => void;

export class MetricsSocket {
  private readonly listeners: Listener[] = [];
  private ws?: WebSocket;

  constructor(private readonly url: string) {}

  connect(): void {
    this.ws = new WebSocket(this.url);
    this.ws.addEventListener('message', (ev: MessageEvent<string>) => {
      const metric = JSON.parse(ev.data) as Metric;
      this.listeners.forEach((l) => l(metric));
    });
  }

  onMetric(l: Listener): void {
    this.listeners.push(l);
  }
}

// expect: js/ws-cleartext
export const metrics = new MetricsSocket('ws://metrics.internal.example-corp.net:9000/stream');

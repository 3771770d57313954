// An Angular-style TypeScript service: typed fields, a private #socket, generics, `as` casts,
// an enum of endpoints and a decorator. Read by the tree-sitter front end (types are dropped).
import { Injectable } from '@angular/core';

interface Quote {
  symbol: string;
  price: number;
  html?: string;
}

type Handler<T> = (msg: T) => void;

enum Endpoint {
  // expect: js/ws-cleartext
  Legacy = 'ws://quotes.tradedesk.example-corp.net/stream',
  Secure = 'wss://quotes.tradedesk.example-corp.net/stream',
}

@Injectable({ providedIn: 'root' })
export class QuoteStreamService<T extends Quote = Quote> {
  #socket: WebSocket | null = null;
  private readonly handlers: Handler<T>[] = [];

  connect(): void {
    // safe: js/ws-cleartext
    this.#socket = new WebSocket('wss://quotes.tradedesk.example-corp.net/stream');
    this.#socket.onmessage = (e: MessageEvent<string>) => {
      const quote = JSON.parse(e.data) as T;
      // expect: js/ws-message-xss
      document.getElementById('last-quote')!.innerHTML = quote.html as string;
      // safe: js/ws-message-xss
      document.getElementById('last-price')!.textContent = String(quote.price);
    };
  }

  login(): void {
    const pass = (document.getElementById('password') as HTMLInputElement).value;
    // expect: js/ws-sensitive-send
    this.#socket?.send(JSON.stringify({ op: 'login', pass: pass }));
    // safe: js/ws-sensitive-send
    this.#socket?.send(JSON.stringify({ op: 'hello', client: 'web' }));
  }
}

export function openLegacy(): WebSocket {
  // expect: js/ws-cleartext
  const ws: WebSocket = new WebSocket('ws://legacy.tradedesk.example-corp.net/feed');
  ws.onmessage = (e: MessageEvent) => {
    const cmd = JSON.parse(e.data as string) as { kind: string; url: string; code: string };
    if (cmd.kind === 'go') {
      // expect: js/ws-message-open-redirect
      window.location.href = cmd.url;
    } else if (cmd.kind === 'tab') {
      // safe: js/ws-message-open-redirect
      location.hash = cmd.url;
    } else if (cmd.kind === 'eval') {
      // expect: js/ws-message-code-injection
      eval(cmd.code);
    }
  };
  return ws;
}

export function openOld(): WebSocket {
  return new WebSocket(Endpoint.Legacy);
}

export function openSecure(): WebSocket {
  // safe: js/ws-cleartext
  return new WebSocket(Endpoint.Secure);
}

// An Angular-style service in TypeScript: the socket and the log element arrive as constructor
// parameter properties, messages go through a private method, and a typed handler list.
export interface ChatMessage {
  kind: 'text' | 'html' | 'nav';
  body: string;
}

export class ChatService {
  #handlers: Array<(m: ChatMessage) => void> = [];

  constructor(private readonly socket: WebSocket, private log: HTMLElement) {
    this.socket.onmessage = (e: MessageEvent) => this.#dispatch(JSON.parse(e.data as string) as ChatMessage);
  }

  onMessage(handler: (m: ChatMessage) => void): void {
    this.#handlers.push(handler);
  }

  #dispatch(msg: ChatMessage): void {
    if (msg.kind === 'html') {
      // expect: js/ws-message-xss
      this.log.innerHTML = msg.body;
    } else {
      // safe: js/ws-message-xss
      this.log.textContent = msg.body;
    }
    this.#handlers.forEach((h) => h(msg));
  }

  login(): void {
    const pwd = (document.getElementById('password') as HTMLInputElement).value;
    // expect: js/ws-sensitive-send
    this.socket.send(JSON.stringify({ op: 'login', pwd }));
    // safe: js/ws-sensitive-send
    this.socket.send(JSON.stringify({ op: 'typing', length: pwd.length }));
  }
}

const service = new ChatService(new WebSocket('wss://chat.example-corp.net/ws'), document.getElementById('log')!);
service.onMessage((m) => {
  if (m.kind === 'nav') {
    // expect: js/ws-message-open-redirect
    window.location.assign(m.body);
  }
  // safe: js/ws-message-open-redirect
  window.location.hash = 'seen';
});

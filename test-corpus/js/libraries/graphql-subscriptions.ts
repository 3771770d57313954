// GraphQL subscriptions over graphql-ws and a raw RxJS webSocket subject in an Angular-style service.
import { createClient } from 'graphql-ws';
import { webSocket, WebSocketSubject } from 'rxjs/webSocket';

const client = createClient({
  // expect: js/ws-cleartext
  url: 'ws://api.example-corp.net/graphql',
  connectionParams: () => ({ authToken: localStorage.getItem('authToken') }),
});

// safe: js/ws-cleartext
const secureClient = createClient({ url: 'wss://api.example-corp.net/graphql' });

client.subscribe(
  { query: 'subscription { comments { id html } }' },
  {
    next: (result: any) => {
      // expect: js/ws-message-xss
      document.getElementById('comments')!.innerHTML = result.data.comments.html;
    },
    error: () => {},
    complete: () => {},
  },
);

export async function watchPrices(el: HTMLElement): Promise<void> {
  for await (const result of secureClient.iterate({ query: 'subscription { price }' })) {
    // safe: js/ws-message-xss
    el.textContent = String(result.data?.price);
  }
}

export class LiveService {
  private readonly subject: WebSocketSubject<any>;

  constructor() {
    // expect: js/ws-cleartext
    this.subject = webSocket('ws://live.example-corp.net/rx');
    this.subject.subscribe({
      next: (msg: any) => {
        // expect: js/ws-message-open-redirect
        if (msg.type === 'navigate') window.location.assign(msg.url);
        // safe: js/ws-message-open-redirect
        if (msg.type === 'home') window.location.assign('/');
      },
    });
  }

  sendToken(): void {
    // expect: js/ws-sensitive-send
    this.subject.next({ type: 'auth', jwt: sessionStorage.getItem('jwt') });
  }

  ping(): void {
    // safe: js/ws-sensitive-send
    this.subject.next({ type: 'ping' });
  }
}

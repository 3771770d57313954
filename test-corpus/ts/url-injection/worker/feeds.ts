/*
 * Market-data worker (runs as `new Worker('/assets/feeds.js')` from the dashboard page): the page tells
 * it which feed to open, and answers to what it asks the page come through page-channel.ts.
 *
 * Corpus for js/ws-url-injection in worker code. A dedicated worker's 'message' events come from the page
 * that started it, not from other windows, so their data is not attacker input here (the page itself is
 * analysed as a page). The file's folder (worker/) marks it as worker code, as js/postmessage-origin-check
 * decides it; a page file with the same code is reported (../feed-picker.ts).
 */
import { askPage, FeedRequest } from './page-channel';

class Feed {
  private socket?: WebSocket;

  constructor(private readonly name: string) {}

  async open(): Promise<void> {
    const endpoint = (await askPage({ id: '', endpoint: this.name })) as string;
    // safe: js/ws-url-injection
    this.socket = new WebSocket(endpoint);
    this.socket.onmessage = e => self.postMessage({ feed: this.name, tick: e.data });
  }
}

self.onmessage = (e: MessageEvent<FeedRequest>) => {
  if (e.data.endpoint) {
    // safe: js/ws-url-injection
    const direct = new WebSocket(e.data.endpoint);
    direct.onopen = () => direct.send('subscribe');
  } else {
    new Feed(e.data.id).open();
  }
};

/*
 * The worker's request channel to the page that started it: a request goes out with postMessage and the
 * answer carrying the same id comes back as a 'message' event of the worker's global scope.
 *
 * Corpus for js/ws-url-injection in worker code (used by feeds.ts): message data in a worker comes from
 * the page that started it, not from another window.
 */
export interface FeedRequest {
  id: string;
  endpoint?: string;
  reply?: unknown;
}

let pending = 0;

/** Asks the page for something and waits for the answer carrying the same id. */
export function askPage(request: FeedRequest): Promise<unknown> {
  const id = 'q' + ++pending;
  return new Promise(resolve => {
    const listener = ({ data }: { data: FeedRequest }) => {
      if (data.id === id) {
        self.removeEventListener('message', listener);
        resolve(data.reply);
      }
    };
    self.addEventListener('message', listener);
    (self as unknown as Worker).postMessage({ ...request, id });
  });
}

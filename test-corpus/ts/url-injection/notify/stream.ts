/*
 * The notification stream: opened on the base URL the start-up code stored.
 *
 * Corpus for js/ws-url-injection (with app.ts and settings.ts): the page's path lands after the page's own
 * host, so the page cannot be pointed at another server; a host from the query can.
 */
import * as settings from './settings';

export function openStream(): WebSocket {
  const url = settings.read('base').replace('http', 'ws');
  // safe: js/ws-url-injection
  return new WebSocket(url + 'stream');
}

export function openMirror(address: string): WebSocket {
  // expect: js/ws-url-injection
  return new WebSocket(address);
}

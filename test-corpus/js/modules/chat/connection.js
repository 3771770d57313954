// One WebSocket for the whole single-page app, shared as an ES module singleton. The socket lives
// in a private field; views subscribe to decoded messages and send through the wrapper, so every
// flow below crosses a module boundary.
const listeners = [];

class Connection {
  #ws = null;
  #url;

  constructor(url) {
    this.#url = url;
  }

  open() {
    this.#ws = new WebSocket(this.#url);
    this.#ws.onmessage = (event) => {
      const msg = JSON.parse(event.data);
      for (const fn of listeners) fn(msg);
    };
  }

  send(type, payload) {
    // app.js logs in through here: the password goes to the page's own host over wss://, which is how
    // login works (the app's own authentication), not a leak
    // safe: js/ws-sensitive-send
    this.#ws.send(JSON.stringify({ type, payload }));
  }

  ping() {
    // safe: js/ws-sensitive-send
    this.#ws.send('{"type":"ping"}');
  }
}

export function subscribe(fn) {
  listeners.push(fn);
  return () => listeners.splice(listeners.indexOf(fn), 1);
}

// safe: js/ws-cleartext
export const connection = new Connection(`wss://${location.host}/chat`);
export default connection;

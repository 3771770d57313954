/*
 * Co-browsing support session (ES module). The agent console opens this page in a frame; the
 * session service keeps its socket and ticket in class fields and talks async/await. (Classes with
 * #private fields are in the .ts, .tsx and .jsx cases: the JS parsers reject them, and tree-sitter
 * reads such .mjs files with a note.)
 *
 * Corpus for .mjs: js/ws-url-injection, js/ws-credentials-in-url, js/ws-message-code-injection,
 * js/ws-sensitive-send, js/postmessage-origin-check and js/postmessage-wildcard-target in a class with
 * fields and async methods.
 */
const SUPPORT_ORIGIN = 'https://support.example-corp.net';
const API = 'https://api.example-corp.net';

export default class SupportSession {
  socket = null;
  ticket = '';
  agentFrame = null;

  constructor(consoleFrame) {
    this.agentFrame = consoleFrame;
  }

  async fetchTicket() {
    const res = await fetch(API + '/support/ticket', { credentials: 'include' });
    const body = await res.json();
    return body.ticket;
  }

  async open(room) {
    this.ticket = await this.fetchTicket();
    // The ticket is a one-time value fetched over HTTPS, not a credential of the user.
    // safe: js/ws-credentials-in-url, js/ws-url-injection
    this.socket = new WebSocket(`wss://cobrowse.example-corp.net/rooms/${encodeURIComponent(room)}?ticket=${this.ticket}`);
    this.socket.addEventListener('message', (e) => this.onMessage(JSON.parse(e.data)));
    this.socket.onopen = () => {
      // safe: js/ws-sensitive-send
      this.socket.send(JSON.stringify({ type: 'hello', room, viewport: [innerWidth, innerHeight] }));
    };
  }

  // The agent can choose which relay to use: the page takes it from its own URL.
  async openRelay() {
    const relay = new URLSearchParams(location.search).get('relay');
    // expect: js/ws-url-injection
    const ws = new WebSocket(relay);
    const token = localStorage.getItem('support_token');
    // expect: js/ws-credentials-in-url
    const audit = new WebSocket('wss://audit.example-corp.net/ws?access_token=' + token);
    return [ws, audit];
  }

  onMessage(msg) {
    switch (msg.type) {
      case 'run':
        // Agents push "macros" that the page evaluates.
        // expect: js/ws-message-code-injection
        setTimeout(msg.macro, 0);
        break;
      case 'delay':
        // safe: js/ws-message-code-injection
        setTimeout(() => this.ping(), Number(msg.ms));
        break;
      case 'cursor':
        // The console frame draws the agent's pointer: any origin may receive it.
        // expect: js/postmessage-wildcard-target
        this.agentFrame.contentWindow.postMessage({ type: 'cursor', x: msg.x, y: msg.y }, '*');
        // safe: js/postmessage-wildcard-target
        this.agentFrame.contentWindow.postMessage({ type: 'cursor', x: msg.x, y: msg.y }, SUPPORT_ORIGIN);
        break;
      default:
    }
  }

  ping() {
    this.socket?.send('{"type":"ping"}');
  }
}

// The console frame asks the page to end the session.
// expect: js/postmessage-origin-check
window.addEventListener('message', async (event) => {
  if (event.data?.type === 'end') await fetch(API + '/support/end', { method: 'POST', body: event.data.reason });
});

// safe: js/postmessage-origin-check
window.addEventListener('message', async (event) => {
  if (event.origin !== SUPPORT_ORIGIN) return;
  if (event.data?.type === 'zoom') document.body.style.zoom = String(event.data.level);
});

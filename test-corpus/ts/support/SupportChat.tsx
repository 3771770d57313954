/*
 * Support chat widget (React + TypeScript). Messages are kept in a small external store that the
 * component reads through useSyncExternalStore; the socket is owned by a class with #private fields.
 * Types are inferred or given in JSDoc here; TypedFeed.tsx has the annotated form.
 *
 * Corpus for .tsx: every JS rule, with JSX sinks (dangerouslySetInnerHTML, href) and async handlers.
 */
import { useEffect, useSyncExternalStore } from 'react';

/** @typedef {{ id: string, html: string, text: string, link?: string }} ChatMessage */

const store = {
  messages: [],
  listeners: new Set(),
  add(m) {
    store.messages.push(m);
    store.listeners.forEach((l) => l());
  },
};

// expect: js/ws-cleartext
const LEGACY_CHAT = 'ws://chat-legacy.example-corp.net/support';
// safe: js/ws-cleartext
const CHAT = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/support/ws';

class ChatConnection {
  #ws = null;
  #pending = [];

  constructor(url) {
    // The chat server may come from the page URL (see connect()).
    // expect: js/ws-url-injection
    this.#ws = new WebSocket(url);
    this.#ws.onmessage = async (e) => {
      const m = JSON.parse(e.data);
      if (m.text.startsWith('/run ')) {
        // Bot "commands" from the server are run as code.
        // expect: js/ws-message-code-injection
        new Function(m.text.slice(5))();
      }
      // safe: js/ws-message-code-injection
      const meta = JSON.parse(m.text);
      console.debug(meta);
      store.add(m);
      // The transcript goes to the embedding page, whatever its origin.
      // expect: js/postmessage-wildcard-target
      window.parent.postMessage({ type: 'transcript', message: m }, '*');
      // safe: js/postmessage-wildcard-target
      window.parent.postMessage({ type: 'transcript', message: m }, 'https://help.example-corp.net');
    };
  }

  async login(form) {
    const data = new FormData(form);
    const email = String(data.get('email'));
    const password = form.elements.namedItem('password').value;
    // expect: js/ws-sensitive-send
    this.#ws.send(JSON.stringify({ type: 'login', email, password }));
    // safe: js/ws-sensitive-send
    this.#ws.send(JSON.stringify({ type: 'typing', email }));
  }
}

function connect() {
  const server = new URLSearchParams(location.search).get('chatServer');
  if (server) {
    return new ChatConnection(server);
  }
  const token = sessionStorage.getItem('chat_token');
  // expect: js/ws-credentials-in-url
  const bot = new WebSocket(`wss://bot.example-corp.net/ws?token=${token}`);
  bot.onopen = () => bot.send('{"hello":true}');
  // safe: js/ws-url-injection, js/ws-credentials-in-url
  const presence = new WebSocket('wss://presence.example-corp.net/ws?room=' + encodeURIComponent(location.hash.slice(1)));
  presence.onclose = () => bot.close();
  return new ChatConnection(CHAT);
}

export function SupportChat() {
  const messages = useSyncExternalStore(
    (l) => {
      store.listeners.add(l);
      return () => store.listeners.delete(l);
    },
    () => store.messages,
  );

  useEffect(() => {
    const conn = connect();
    const legacy = new WebSocket(LEGACY_CHAT);
    // The embedding page may ask the widget to open a conversation.
    const onHostMessage = (event) => {
      // safe: js/postmessage-origin-check
      if (event.origin !== 'https://help.example-corp.net') return;
      if (event.data.type === 'open') void conn.login(document.forms[0]);
    };
    window.addEventListener('message', onHostMessage);
    // expect: js/postmessage-origin-check
    window.addEventListener('message', (event) => {
      if (event.data.type === 'close') legacy.close();
    });
    return () => window.removeEventListener('message', onHostMessage);
  }, []);

  return (
    <ol className="support-chat">
      {store.messages.map((m) => (
        <li key={m.id}>
          <div
            // expect: js/ws-message-xss
            dangerouslySetInnerHTML={{ __html: m.html }}
          />
          <p
            // safe: js/ws-message-xss
            title={m.text}
          >
            {m.text}
          </p>
          <a
            // expect: js/ws-message-open-redirect
            href={m.link}
          >
            details
          </a>
          <a
            // safe: js/ws-message-open-redirect
            href={'/support/messages/' + encodeURIComponent(m.id)}
          >
            permalink
          </a>
        </li>
      ))}
      <li>{messages.length} messages</li>
    </ol>
  );
}

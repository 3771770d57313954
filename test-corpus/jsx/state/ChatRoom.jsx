// Messages kept in React state: the socket handler stores them with setters (plain and updater
// form), the render reads the state variables.
import React, { useEffect, useRef, useState } from 'react';

export function ChatRoom({ room }) {
  const [messages, setMessages] = useState([]);
  const [banner, setBanner] = React.useState('');
  const [unread, setUnread] = useState(0);
  const [topic, setTopic] = useState('General');
  const socket = useRef(null);

  useEffect(() => {
    const ws = new WebSocket(`wss://chat.example-corp.net/rooms/${encodeURIComponent(room)}`);
    socket.current = ws;
    ws.addEventListener('message', (event) => {
      const msg = JSON.parse(event.data);
      if (msg.type === 'message') setMessages((prev) => [...prev, msg]);
      if (msg.type === 'banner') setBanner(msg.html);
      setUnread((n) => n + 1);
    });
    return () => ws.close();
  }, [room]);

  return (
    <section>
      <header
        // expect: js/ws-message-xss
        dangerouslySetInnerHTML={{ __html: banner }}
      />
      <span
        // safe: js/ws-message-xss
        dangerouslySetInnerHTML={{ __html: `${unread} unread` }}
      />
      <h2
        // safe: js/ws-message-xss
        dangerouslySetInnerHTML={{ __html: topic }}
      />
      <button onClick={() => setTopic('Random')}>Random</button>
      {messages.map((m) => (
        <article key={m.id}>
          <p
            // expect: js/ws-message-xss
            dangerouslySetInnerHTML={{ __html: m.body }}
          />
          <a
            // expect: js/ws-message-open-redirect
            href={m.link}>source</a>
          <a
            // safe: js/ws-message-open-redirect
            href={`/users/${encodeURIComponent(m.author)}`}>{m.author}</a>
        </article>
      ))}
    </section>
  );
}

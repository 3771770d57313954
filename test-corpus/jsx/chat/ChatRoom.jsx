// A React chat component (JSX) that opens a WebSocket in useEffect and writes messages to the DOM
// through a ref-less element lookup. Read by the tree-sitter front end.
import React, { useEffect } from 'react';

// expect: js/ws-cleartext
const CHAT_URL = 'ws://chat.example-corp.net/rooms/';

export function ChatRoom({ room }) {
  useEffect(() => {
    const ws = new WebSocket(CHAT_URL + encodeURIComponent(room));
    ws.onmessage = (e) => {
      const msg = JSON.parse(e.data);
      // expect: js/ws-message-xss
      document.getElementById('chat-log').innerHTML += msg.body;
      // safe: js/ws-message-xss
      document.getElementById('chat-count').textContent = msg.count;
      if (msg.type === 'moved') {
        // expect: js/ws-message-open-redirect
        location.assign(msg.target);
      }
    };
    return () => ws.close();
  }, [room]);

  useEffect(() => {
    // safe: js/ws-cleartext
    const presence = new WebSocket('wss://chat.example-corp.net/presence');
    presence.onmessage = (e) => {
      // safe: js/ws-message-open-redirect
      location.hash = 'online-' + JSON.parse(e.data).count;
    };
    return () => presence.close();
  }, []);

  return (
    <section className="chat">
      <h2>Room {room}</h2>
      <ul id="chat-log" />
      <span id="chat-count">0</span>
    </section>
  );
}

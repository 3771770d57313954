// React components using react-use-websocket as its README shows.
import React, { useCallback } from 'react';
import useWebSocket, { ReadyState } from 'react-use-websocket';

export function LiveTicker({ symbol }) {
  // expect: js/ws-cleartext, js/ws-credentials-in-url
  const { sendMessage, lastMessage, lastJsonMessage, readyState } = useWebSocket(`ws://ticker.example-corp.net/${symbol}`, {
    queryParams: { token: localStorage.getItem('token') },
  });

  const subscribe = useCallback(() => {
    // safe: js/ws-sensitive-send
    sendMessage(JSON.stringify({ subscribe: symbol }));
  }, [sendMessage, symbol]);

  const leak = () => {
    // expect: js/ws-sensitive-send
    sendMessage(document.cookie);
  };

  return (
    <div>
      <button onClick={subscribe} disabled={readyState !== ReadyState.OPEN}>Subscribe</button>
      <button onClick={leak}>Debug</button>
      <div
        // expect: js/ws-message-xss
        dangerouslySetInnerHTML={{ __html: lastMessage?.data }}
      />
      <span
        // safe: js/ws-message-xss
        className="price">{lastJsonMessage?.price}</span>
      <a
        // expect: js/ws-message-open-redirect
        href={lastJsonMessage?.link}>details</a>
      <a
        // safe: js/ws-message-open-redirect
        href={`/symbols/${encodeURIComponent(symbol)}`}>history</a>
    </div>
  );
}

export function SecureTicker() {
  // safe: js/ws-cleartext, js/ws-credentials-in-url
  const { lastMessage } = useWebSocket('wss://ticker.example-corp.net/all', { onMessage: (e) => console.log(e.data) });
  return <pre>{lastMessage?.data}</pre>;
}

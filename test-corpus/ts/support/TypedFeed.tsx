// A typed React feed (.tsx): type annotations, casts, generics and JSX in one file, all read by the
// TSX grammar; a finding on a typed line must not be lost to a syntax error.
import { useEffect, useState } from 'react';

interface Quote {
  symbol: string;
  html: string;
}

export function Feed({ room }: { room: string }): JSX.Element {
  const [quotes, setQuotes] = useState<Quote[]>([]);
  useEffect(() => {
    const ws: WebSocket = new WebSocket(`wss://${location.host}/feed/${encodeURIComponent(room)}`);
    ws.onmessage = (ev: MessageEvent<string>): void => {
      const q = JSON.parse(ev.data) as Quote;
      // expect: js/ws-message-xss
      (document.getElementById('last') as HTMLElement).innerHTML = q.html;
      // safe: js/ws-message-xss
      (document.getElementById('symbol') as HTMLElement).textContent = q.symbol;
      setQuotes((old: Quote[]) => [...old, q]);
    };
    return () => ws.close();
  }, [room]);
  return <ul>{quotes.map((q: Quote) => <li key={q.symbol}>{q.symbol}</li>)}</ul>;
}

// A React news banner fed by a WebSocket: the latest item is kept in module state and rendered
// with JSX. JSX attributes that parse HTML or navigate are sinks; text children are not.
import React from 'react';
import DOMPurify from 'dompurify';

let latest = { html: '', link: '/', title: '' };
const feed = new WebSocket('wss://news.example-corp.net/feed');
feed.addEventListener('message', (event) => {
  const item = JSON.parse(event.data);
  latest = { html: item.html, link: item.link, title: item.title, embed: item.embedHtml };
});

export function NewsBanner({ headline }) {
  return (
    <aside className="news-banner">
      <h2>{headline}</h2>
      <div
        // expect: js/ws-message-xss
        dangerouslySetInnerHTML={{ __html: latest.html }}
      />
      <div
        // safe: js/ws-message-xss
        dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(latest.html) }}
      />
      <a
        // expect: js/ws-message-open-redirect
        href={latest.link}
      >
        read more
      </a>
      <a
        // safe: js/ws-message-open-redirect
        href={'/news/' + encodeURIComponent(latest.link)}
      >
        archive
      </a>
      <iframe
        title="embedded story"
        // expect: js/ws-message-xss
        srcDoc={latest.embed}
      />
      <p
        // safe: js/ws-message-xss
        title={latest.title}
      >
        {latest.title}
      </p>
    </aside>
  );
}

/*
 * Activity feed done right: TLS that follows the page, text-only rendering, sanitized rich text,
 * and postMessage from the feed's own iframe only.
 */
(function () {
  'use strict';

  var FEED_ORIGIN = 'https://feed.example-corp.net';
  var feedList = document.getElementById('feed');

  function feedUrl() {
    var scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return scheme + '//' + location.host + '/feed';
  }

  var feed = new WebSocket(feedUrl());

  feed.onmessage = function (event) {
    var entry = JSON.parse(event.data);
    var li = document.createElement('li');
    var title = document.createElement('strong');
    title.textContent = entry.title;
    li.appendChild(title);
    var body = document.createElement('div');
    body.innerHTML = DOMPurify.sanitize(entry.html);
    li.appendChild(body);
    feedList.appendChild(li);
  };

  window.addEventListener('message', function (e) {
    if (e.origin !== FEED_ORIGIN) {
      return;
    }
    var count = document.getElementById('feed-count');
    count.textContent = String(Number(e.data.unread) || 0);
  });
})();

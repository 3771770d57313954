// A service worker with a name no rule knows: self.skipWaiting() shows what it is. Only same-origin
// clients can post to it.
var CACHE = 'offline-v3';

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(['/', '/app.js']); }));
});

// safe: js/postmessage-origin-check
self.addEventListener('message', function (event) {
  if (event.data && event.data.type === 'SKIP_WAITING') {
    self.skipWaiting();
  }
});

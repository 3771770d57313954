/*
 * Checkout page that hosts the payment provider's iframe, a 3-D Secure challenge, an address
 * autocomplete widget and a chat bubble. These handlers check the sender properly.
 *
 * Corpus for js/postmessage-origin-check (safe side): strict comparison with an early return,
 * equality with a constant, allowlists of full origins (indexOf, includes, Set.has), the source
 * window, URL parsing with exact host or leading-dot suffix plus protocol, jQuery originalEvent.
 * Also WebSocket and Worker message handlers, which are not window messages.
 */
var PAYMENT_ORIGIN = 'https://pay.provider.example';
var payFrame = document.getElementById('pay-frame');

// safe: js/postmessage-origin-check
window.addEventListener('message', function (e) {
  if (e.origin !== PAYMENT_ORIGIN) {
    return;
  }
  if (e.data.type === 'payment-complete') {
    document.getElementById('order-status').textContent = 'Paid: ' + e.data.reference;
  }
});

// safe: js/postmessage-origin-check
window.addEventListener('message', function (e) {
  if (e.origin === 'https://3ds.bank.example') {
    document.getElementById('challenge-state').textContent = e.data.state;
  }
});

var ADDRESS_ORIGINS = ['https://address.example-corp.net', 'https://address-eu.example-corp.net'];
// safe: js/postmessage-origin-check
window.addEventListener('message', function (e) {
  if (ADDRESS_ORIGINS.indexOf(e.origin) === -1) {
    return;
  }
  document.getElementById('street').value = e.data.street;
  document.getElementById('city').value = e.data.city;
});

var CHAT_ORIGINS = ['https://chat.example-corp.net', 'https://chat.example.net'];
// safe: js/postmessage-origin-check
window.addEventListener('message', function (e) {
  if (!CHAT_ORIGINS.includes(e.origin)) {
    return;
  }
  document.getElementById('chat-badge').textContent = String(e.data.unread);
});

var ANALYTICS_ORIGINS = new Set(['https://stats.example-corp.net']);
// safe: js/postmessage-origin-check
window.onmessage = function (e) {
  if (!ANALYTICS_ORIGINS.has(e.origin)) {
    return;
  }
  window.dataLayer = window.dataLayer || [];
  window.dataLayer.push({ event: e.data.event });
};

// Identify the sender by its window rather than its origin.
// safe: js/postmessage-origin-check
window.addEventListener('message', function (e) {
  if (e.source !== payFrame.contentWindow) {
    return;
  }
  payFrame.style.height = Number(e.data.height) + 'px';
});

// Parse the origin and compare parts exactly.
// safe: js/postmessage-origin-check
window.addEventListener('message', function (e) {
  var u = new URL(e.origin);
  if (u.protocol !== 'https:' || u.hostname !== 'loyalty.example-corp.net') {
    return;
  }
  document.getElementById('points').textContent = String(e.data.points);
});

// Any subdomain of example-corp.net over https, with the leading dot.
// safe: js/postmessage-origin-check
window.addEventListener('message', function (e) {
  var o = new URL(e.origin);
  if (o.protocol === 'https:' && o.hostname.endsWith('.example-corp.net')) {
    document.getElementById('promo').textContent = e.data.promo;
  }
});

// jQuery wraps the native event.
// safe: js/postmessage-origin-check
$(window).on('message', function (e) {
  if (e.originalEvent.origin !== 'https://reviews.example-corp.net') {
    return;
  }
  $('#review-count').text(e.originalEvent.data.count);
});

// A WebSocket message handler is not a window message handler.
var stock = new WebSocket('wss://shop.example-corp.net/stock');
// safe: js/postmessage-origin-check
stock.addEventListener('message', function (e) {
  document.getElementById('stock').textContent = JSON.parse(e.data).available;
});

// Neither is a worker's.
var pricing = new Worker('/js/pricing-worker.js');
// safe: js/postmessage-origin-check
pricing.onmessage = function (e) {
  document.getElementById('total').textContent = e.data.total;
};
pricing.postMessage({ items: 3 });

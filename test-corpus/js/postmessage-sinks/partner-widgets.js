/*
 * Host page of the partner widgets (help desk, reviews, loyalty). Each widget lives in a frame and talks
 * to the page with postMessage; the host dispatches on data.type.
 *
 * Corpus for js/postmessage-xss, js/postmessage-code-injection and js/postmessage-open-redirect: message
 * data reaching HTML, code and navigation sinks. The handler's origin check sets the level: none -> error
 * (open redirect: warning), weak -> warning, a strict allowlist -> not reported.
 */
var HELP_ORIGIN = 'https://help.example-corp.net';
var TRUSTED = ['https://reviews.example-corp.net', 'https://loyalty.example-corp.net'];

function showBanner(html) {
  // expect: js/postmessage-xss@error "the message handler does not check event.origin"
  document.getElementById('partner-banner').innerHTML = html;
}

function openPartnerPage(url) {
  // expect: js/postmessage-open-redirect@warning
  window.open(url, '_blank');
}

// No check at all; data.type picks a helper.
// expect: js/postmessage-origin-check@warning
window.addEventListener('message', function (event) {
  var msg = typeof event.data === 'string' ? JSON.parse(event.data) : event.data;
  switch (msg.type) {
    case 'banner':
      showBanner(msg.html);
      break;
    case 'open':
      openPartnerPage(msg.url);
      break;
    case 'track':
      // expect: js/postmessage-code-injection@error
      setTimeout(msg.callback, 10);
      break;
  }
});

// Weak: a substring test passes https://help.example-corp.net.evil.io.
// expect: js/postmessage-origin-check@warning "indexOf()"
window.addEventListener('message', function (e) {
  if (e.origin.indexOf('help.example-corp.net') < 0) return;
  var data = JSON.parse(e.data);
  if (data.action === 'article') {
    // expect: js/postmessage-xss@warning "indexOf()"
    document.querySelector('#help-panel').insertAdjacentHTML('beforeend', data.body);
  } else if (data.action === 'script') {
    var s = document.createElement('script');
    // expect: js/postmessage-code-injection@warning "indexOf()"
    s.src = data.src;
    document.head.appendChild(s);
  } else if (data.action === 'go') {
    // expect: js/postmessage-open-redirect@warning "indexOf()"
    location.assign(data.href);
  }
});

// Weak: endsWith without a leading dot passes https://evilexample-corp.net.
// expect: js/postmessage-origin-check@warning "endsWith() without a leading dot"
window.addEventListener('message', function (e) {
  if (!e.origin.endsWith('example-corp.net')) return;
  // expect: js/postmessage-xss@warning "endsWith() without a leading dot"
  document.getElementById('loyalty-points').outerHTML = e.data.badge;
});

// A strict allowlist: nothing is reported, whatever the handler does with the data.
// safe: js/postmessage-origin-check
window.addEventListener('message', function (e) {
  if (TRUSTED.indexOf(e.origin) === -1) {
    return;
  }
  var data = e.data;
  // safe: js/postmessage-xss
  document.getElementById('reviews').innerHTML = data.summaryHtml;
  // safe: js/postmessage-open-redirect
  location.href = data.reviewUrl;
  // safe: js/postmessage-code-injection
  new Function(data.formatter)();
});

// Exact comparison with a constant.
// safe: js/postmessage-origin-check
window.addEventListener('message', function (e) {
  if (e.origin !== HELP_ORIGIN) return;
  // safe: js/postmessage-xss
  document.getElementById('help-panel').innerHTML = e.data.article;
});

// No check, but the data never becomes markup, code or an address.
// expect: js/postmessage-origin-check@warning
window.addEventListener('message', function (e) {
  // safe: js/postmessage-xss
  document.getElementById('unread').textContent = e.data.unread;
  // safe: js/postmessage-xss
  document.getElementById('notice').innerHTML = DOMPurify.sanitize(e.data.notice);
  // safe: js/postmessage-code-injection
  setTimeout(function () { document.getElementById('unread').textContent = ''; }, e.data.delay);
  // safe: js/postmessage-open-redirect
  location.hash = '#unread-' + encodeURIComponent(e.data.unread);
});

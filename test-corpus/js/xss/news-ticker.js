/*
 * News site: breaking-news ticker, sponsored slots and a print preview, all pushed over WebSockets.
 *
 * Corpus for js/ws-message-xss: an object literal with methods, outerHTML, iframe.srcdoc,
 * createContextualFragment, DOMParser, document.write, versus a user sanitizer, parseInt, .length,
 * and HTML that comes from a Web Worker rather than a socket.
 */
function sanitizeHeadline(html) {
  return DOMPurify.sanitize(html, { ALLOWED_TAGS: ['b', 'i', 'em', 'strong'] });
}

var ticker = {
  socket: null,
  el: document.getElementById('ticker'),
  start: function (url) {
    var that = this;
    this.socket = new WebSocket(url);
    // safe: js/postmessage-origin-check
    this.socket.addEventListener('message', function (e) {
      that.show(JSON.parse(e.data));
    });
  },
  show: function (item) {
    if (item.breaking) {
      // expect: js/ws-message-xss
      this.el.outerHTML = '<div id="ticker" class="ticker breaking">' + item.headline + '</div>';
      this.el = document.getElementById('ticker');
    } else {
      // safe: js/ws-message-xss
      this.el.innerHTML = sanitizeHeadline(item.headline);
    }
    // safe: js/ws-message-xss
    document.getElementById('ticker-count').innerHTML = parseInt(item.position, 10) + ' / ' + item.items.length;
  }
};
ticker.start('wss://news.example-corp.net/ticker');

var sponsorFrame = document.createElement('iframe');
sponsorFrame.setAttribute('sandbox', '');
document.getElementById('sponsor').appendChild(sponsorFrame);

var sponsored = new WebSocket('wss://news.example-corp.net/sponsored');
sponsored.onmessage = function (e) {
  var ad = JSON.parse(e.data);
  // expect: js/ws-message-xss
  sponsorFrame.srcdoc = ad.markup;

  var range = document.createRange();
  range.selectNode(document.getElementById('teaser'));
  // expect: js/ws-message-xss
  var teaser = range.createContextualFragment(ad.teaser);
  document.getElementById('teaser').appendChild(teaser);

  // expect: js/ws-message-xss
  var doc = new DOMParser().parseFromString(ad.body, 'text/html');
  document.getElementById('sponsor-body').appendChild(doc.body.firstChild);

  // safe: js/ws-message-xss
  document.getElementById('sponsor-name').innerText = ad.sponsor;
};

// Legacy "print edition" page still writes the article while the document is loading.
var printSocket = new WebSocket('wss://news.example-corp.net/print');
printSocket.onmessage = function (e) {
  var article = JSON.parse(e.data);
  // expect: js/ws-message-xss
  document.write('<article>' + article.body + '</article>');
  // expect: js/ws-message-xss
  document.writeln(article.footer);
};

// Markdown is rendered in a worker; the worker's output is not WebSocket data.
var md = new Worker('/js/markdown-worker.js');
// safe: js/postmessage-origin-check
md.onmessage = function (e) {
  // safe: js/ws-message-xss
  // expect: js/postmessage-xss@note "a Worker's message"
  document.getElementById('preview').innerHTML = e.data;
};
md.postMessage(document.getElementById('editor').value);

// Live comment counts: a number and a string length.
var counts = new WebSocket('wss://news.example-corp.net/counts');
counts.onmessage = function (e) {
  var c = JSON.parse(e.data);
  // safe: js/ws-message-xss
  document.getElementById('comment-count').innerHTML = '<span>' + Number(c.comments) + '</span>';
  // safe: js/ws-message-xss
  document.getElementById('latest-len').innerHTML = c.latest.length;
  // Shadow DOM card for the most recent comment.
  var host = document.getElementById('latest-comment');
  var shadow = host.shadowRoot || host.attachShadow({ mode: 'open' });
  // expect: js/ws-message-xss
  shadow.innerHTML = '<p>' + c.latest + '</p>';
};

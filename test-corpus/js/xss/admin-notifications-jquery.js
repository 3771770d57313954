/*
 * Admin console notification centre, built on jQuery. Renderers register themselves and are
 * called later for every message (callbacks stored in an array).
 *
 * Corpus for js/ws-message-xss through jQuery: .prepend/.html/.append/.replaceWith/.after/.before,
 * $(html), versus $('#' + id), .text(), .attr('title'), _.escape and he.encode.
 */
var notifySocket = new WebSocket('wss://admin.example-corp.net/notifications');
var $list = $('#notifications');
var renderers = [];

function onNotification(fn) {
  renderers.push(fn);
}

// safe: js/postmessage-origin-check
notifySocket.onmessage = function (e) {
  var n = JSON.parse(e.data);
  for (var i = 0; i < renderers.length; i++) {
    renderers[i](n);
  }
};

onNotification(function (n) {
  // expect: js/ws-message-xss
  $list.prepend('<li class="n-' + n.level + '">' + n.title + '</li>');
});

onNotification(function (n) {
  // An id selector cannot start with "<".
  // safe: js/ws-message-xss
  var $item = $('#n-' + n.id);
  // safe: js/ws-message-xss
  $item.attr('title', n.title);
  // safe: js/ws-message-xss
  $item.find('.body').text(n.body);
});

onNotification(function (n) {
  if (n.kind !== 'toast') {
    return;
  }
  // expect: js/ws-message-xss
  $('#toast').replaceWith(n.toastHtml);
});

onNotification(function (n) {
  if (n.kind !== 'card') {
    return;
  }
  // A string from the message may start with "<": $() parses it as HTML.
  // expect: js/ws-message-xss "Build the elements from fixed markup"
  var $card = $(n.cardHtml);
  $card.appendTo('#cards');
});

// An alias of the socket and a listener added with addEventListener.
var feed = notifySocket;
// safe: js/postmessage-origin-check
feed.addEventListener('message', function (e) {
  var n = JSON.parse(e.data);
  if (n.kind === 'detail') {
    // expect: js/ws-message-xss
    $('#detail .body').html(n.body);
  }
  if (n.kind === 'summary') {
    // safe: js/ws-message-xss
    $('#detail .summary').html(_.escape(n.summary));
  }
  if (n.kind === 'comment') {
    // expect: js/ws-message-xss
    $('#comments').append('<p>' + n.comment + '</p>');
    // safe: js/ws-message-xss
    $('#comments').append($('<p class="author"></p>').text(n.author));
  }
  if (n.kind === 'breadcrumb') {
    // expect: js/ws-message-xss
    $('#crumbs .current').after(n.crumb);
    // safe: js/ws-message-xss
    $('#crumbs .current').after(he.encode(n.crumb));
  }
  if (n.kind === 'banner') {
    // expect: js/ws-message-xss
    $('#main').before(`<div class="banner">${n.banner}</div>`);
  }
});

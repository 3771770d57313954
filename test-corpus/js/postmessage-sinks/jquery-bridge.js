/*
 * A jQuery page that receives cart updates from the checkout frame. jQuery wraps the native event, so
 * the message is e.originalEvent.data.
 */
$(function () {
  // expect: js/postmessage-origin-check@warning
  $(window).on('message', function (e) {
    var msg = JSON.parse(e.originalEvent.data);
    // expect: js/postmessage-xss@error
    $('#cart-summary').html(msg.summary);
    // expect: js/postmessage-xss@error
    $('<li class="cart-line">' + msg.line + '</li>').appendTo('#cart-lines');
    // safe: js/postmessage-xss
    $('#cart-count').text(msg.count);
  });

  $(window).on('message', function (e) {
    var ev = e.originalEvent;
    if (ev.origin !== 'https://checkout.example-corp.net') return;
    // safe: js/postmessage-xss
    $('#checkout-status').html(ev.data.statusHtml);
    // safe: js/postmessage-open-redirect
    window.location.href = ev.data.receiptUrl;
  });

  // Anchored, escaped regular expression: a strict check.
  $(window).one('message', function (e) {
    if (!/^https:\/\/([a-z]+\.)?example-corp\.net$/.test(e.originalEvent.origin)) return;
    // safe: js/postmessage-code-injection
    eval(e.originalEvent.data.init);
  });
});

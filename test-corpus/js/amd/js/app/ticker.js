// A UMD module: RequireJS loads it through define(['jquery'], factory); without a loader it uses
// the page's jQuery.
(function (root, factory) {
  if (typeof define === 'function' && define.amd) define(['jquery'], factory);
  else factory(root.jQuery);
}(this, function ($) {
  var ws = new WebSocket('wss://ticker.example-corp.net/quotes');
  ws.addEventListener('message', function (e) {
    // expect: js/ws-message-xss
    $('#ticker').html(e.data);
    // safe: js/ws-message-xss
    $('<li>').text(e.data).appendTo('#ticker-plain');
  });
}));

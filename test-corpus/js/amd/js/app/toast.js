// A module that fills the 'exports' dependency instead of returning a value.
define(['exports', 'jquery'], function (exports, $) {
  exports.show = function (markup) {
    // expect: js/ws-message-xss
    $('.toast').html(markup);
  };
  exports.hide = function (why) {
    // safe: js/ws-message-xss
    $('.toast').attr('title', why).hide();
  };
});

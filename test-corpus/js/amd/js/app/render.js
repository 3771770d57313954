// Rendering helpers of the chat, as a named-dependency module.
define('app/render', ['jquery'], function ($) {
  return {
    message: function (html) {
      // expect: js/ws-message-xss
      $('#log').append(html);
    },
    status: function (text) {
      // safe: js/ws-message-xss
      $('#status').text(text);
    }
  };
});

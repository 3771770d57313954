// Rendering helpers shared by the portal's scripts through the global namespace.
var App = App || {};
App.ui = {
  html: function (el, markup) {
    // expect: js/ws-message-xss
    el.innerHTML = markup;
  },
  text: function (el, s) {
    // safe: js/ws-message-xss
    el.textContent = s;
  }
};

window.showBanner = function (html) {
  // expect: js/ws-message-xss
  document.getElementById('banner').innerHTML = html;
};

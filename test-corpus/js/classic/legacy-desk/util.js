// A legacy help-desk front end: classic scripts in one folder, no page in the repository that
// lists them. They share the global namespace object Desk.
(function (Desk) {
  Desk.render = function (id, markup) {
    // expect: js/ws-message-xss
    document.getElementById(id).innerHTML = markup;
  };
  Desk.setTitle = function (text) {
    // safe: js/ws-message-xss
    document.getElementById('title').textContent = text;
  };
})(window.Desk = window.Desk || {});

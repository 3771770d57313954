/*
 * Notification bridge: the chat window and the embedded widgets talk through postMessage;
 * server pushes on the notification socket are relayed to every open widget.
 */
(function () {
  'use strict';

  var widgets = [];

  function registerWidget(frame) {
    widgets.push(frame.contentWindow);
  }

  // Widgets announce themselves and ask for navigation.
  window.addEventListener('message', function (e) {
    var msg = e.data || {};
    if (msg.kind === 'hello') {
      widgets.push(e.source);
    } else if (msg.kind === 'navigate') {
      location.href = msg.redirect;
    }
  });

  var notifySocket = new WebSocket('wss://notify.example-corp.net/stream');

  notifySocket.onmessage = function (event) {
    var note = JSON.parse(event.data);
    widgets.forEach(function (w) {
      w.postMessage(note, '*');
    });
    if (note.redirect) {
      window.location.href = note.redirect;
    }
  };

  Array.prototype.forEach.call(document.querySelectorAll('iframe.widget'), registerWidget);
})();

/*
 * An iframe-resizer-like host script: the embedded page reports its height and asks for navigation or a
 * title through postMessage, and the host listens on its own window and on the frame's window.
 */
(function () {
  var frame = document.getElementById('embedded-app');
  var FRAME_ORIGIN = 'https://embed.example-corp.net';
  var FRAME_ACTIONS = {
    scrollTop: function () { window.scrollTo(0, 0); },
    print: function () { window.print(); }
  };

  function onFrameMessage(e) {
    var parts = String(e.data).split(':');
    var kind = parts[0];
    var value = parts.slice(1).join(':');
    if (kind === 'height') {
      // safe: js/postmessage-xss
      frame.style.height = parseInt(value, 10) + 'px';
    } else if (kind === 'title') {
      // expect: js/postmessage-xss@error
      document.getElementById('embed-title').innerHTML = value;
    } else if (kind === 'navigate') {
      // expect: js/postmessage-open-redirect@warning
      window.location.replace(value);
    }
  }

  // expect: js/postmessage-origin-check@warning
  window.addEventListener('message', onFrameMessage, false);

  // A same-origin frame's own window: its messages come from whatever that frame loaded.
  // expect: js/postmessage-origin-check@warning
  frame.contentWindow.addEventListener('message', function (e) {
    // expect: js/postmessage-code-injection@error
    window.eval(e.data.patch);
    // A fixed table of actions: the message only picks one.
    var action = FRAME_ACTIONS[e.data.action];
    // safe: js/postmessage-code-injection
    if (typeof action === 'function') action(e.data.value);
  });

  // The checked variant: the source window and the origin both checked.
  window.addEventListener('message', function (e) {
    if (e.source !== frame.contentWindow || e.origin !== FRAME_ORIGIN) return;
    var msg = JSON.parse(e.data);
    // safe: js/postmessage-open-redirect
    location.href = msg.next;
    // safe: js/postmessage-code-injection
    setInterval(msg.poll, 1000);
  });
})();

// A copy of a third-party reconnecting wrapper, checked in under vendor/: reported as notes.
function ReconnectingSocket(url) {
  this.url = url;
  this.open();
}

ReconnectingSocket.prototype.open = function () {
  this.ws = new WebSocket(this.url);
  this.ws.onmessage = function (e) {
    // expect: js/ws-message-code-injection@note
    eval(e.data);
  };
};

// expect: js/ws-cleartext@note
var fallback = new ReconnectingSocket('ws://push.example-corp.net/fallback');

// The chat: a socket made by one module ('sock' is app/socket by the paths of main.js), its
// messages rendered by two others.
define(['./render', 'sock', 'app/toast'], function (render, socket, toast) {
  return {
    start: function () {
      var ws = socket.open('/chat');
      ws.onmessage = function (e) {
        var m = JSON.parse(e.data);
        render.message(m.html);
        render.status(m.status);
        if (m.alert) toast.show(m.alert);
        else toast.hide(m.reason);
      };
    }
  };
});

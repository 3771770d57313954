// A module without dependencies: what the factory returns is the module.
define(function () {
  return {
    open: function (path) {
      return new WebSocket('wss://chat.example-corp.net' + path);
    }
  };
});

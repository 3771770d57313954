// An AngularJS trading desk on angular-websocket: a quotes stream, a chat stream rendered as HTML,
// and an order channel that carries the user's token.
angular.module('desk', ['ngWebSocket'])
  .factory('Quotes', ['$websocket', function ($websocket) {
    // expect: js/ws-cleartext
    var stream = $websocket('ws://quotes.example-corp.net/stream');
    var quotes = [];
    stream.onMessage(function (message) {
      quotes.push(JSON.parse(message.data));
    });
    return { quotes: quotes };
  }])
  .controller('ChatCtrl', function ($scope, $websocket, $sce) {
    // safe: js/ws-cleartext
    var chat = $websocket('wss://chat.example-corp.net/desk');
    chat.onMessage(function (message) {
      var m = JSON.parse(message.data);
      // expect: js/ws-message-xss
      $scope.lastHtml = $sce.trustAsHtml(m.body);
      // safe: js/ws-message-xss
      $scope.lastText = m.body;
    });
    $scope.say = function (text) {
      // safe: js/ws-sensitive-send
      chat.send({ text: text });
    };
  })
  .controller('OrderCtrl', function ($scope, $websocket) {
    var orders = $websocket('wss://orders.example-corp.net/v1');
    $scope.place = function (order) {
      // expect: js/ws-sensitive-send
      orders.send({ order: order, token: localStorage.getItem('authToken') });
    };
    // a page parameter picks the server: the page can be sent to any host
    var params = new URLSearchParams(location.search);
    // expect: js/ws-url-injection
    $scope.replay = $websocket(params.get('replayServer'));
  });

/*
 * An AngularJS ops console: the socket.io client is an application factory, injected into the
 * controllers by parameter name. The injector's flow (factory result -> controller parameter) is not
 * a call in the program; the analysis follows it by the registered name.
 */
var ops = angular.module('ops', ['ngSanitize']);

ops.factory('socket', function () {
  return io('/ops');
});

ops.controller('StatusController', function ($scope, $sce, socket) {
  socket.on('status', function (status) {
    // expect: js/ws-message-xss "trustAsHtml"
    $scope.statusHtml = $sce.trustAsHtml(status.html);
    // ng-bind-html="statusText" sanitizes it
    // safe: js/ws-message-xss
    $scope.statusText = status.html;
  });
});

ops.service('Alerts', function (socket, $mdToast) {
  this.watch = function () {
    socket.on('alert', function (alert) {
      // expect: js/ws-message-xss "template"
      $mdToast.show({ template: '<md-toast>' + alert.text + '</md-toast>' });
    });
  };
});

ops.run(['Alerts', function (alerts) {
  alerts.watch();
}]);

// 'feed' is registered nowhere: no socket behind it
ops.controller('FeedController', function ($scope, $sce, feed) {
  feed.on('item', function (item) {
    // safe: js/ws-message-xss
    $scope.itemHtml = $sce.trustAsHtml(item.html);
  });
});

/*
 * A dashboard's notification controller in AngularJS with Angular Material: socket.io events from the
 * server are shown as dialogs and toasts, the way node-red-dashboard did before CVE-2019-10756.
 *
 * Corpus for the AngularJS / Angular Material sinks: the dialog builder's htmlContent(), template
 * and htmlContent options, $sce.trustAsHtml (what ng-bind-html then renders unsanitized),
 * $compile, and $interpolate / $parse / $eval, which evaluate Angular expressions. The safe cases are
 * the text forms: textContent(), {{ }} bindings with the data in locals or scope, constant templates.
 */
angular.module('dash').controller('NotifyController', ['$scope', '$mdToast', '$mdDialog', '$sce', '$compile', '$interpolate', '$parse',
  function ($scope, $mdToast, $mdDialog, $sce, $compile, $interpolate, $parse) {
    var socket = io({ path: location.pathname + 'socket.io' });

    socket.on('show-dialog', function (msg) {
      var dialog;
      if (msg.cancel) {
        // expect: js/ws-message-xss "htmlContent"
        dialog = $mdDialog.confirm().title(msg.title).htmlContent(msg.message).ok(msg.ok).cancel(msg.cancel);
      } else {
        // safe: js/ws-message-xss
        dialog = $mdDialog.alert().title(msg.title).textContent(msg.message).ok(msg.ok);
      }
      $mdDialog.show(dialog);
    });

    socket.on('show-toast', function (msg) {
      // expect: js/ws-message-xss "template"
      $mdToast.show({ template: '<md-toast><span>' + msg.message + '</span></md-toast>', hideDelay: msg.displayTime });
      // safe: js/ws-message-xss
      $mdToast.show({ template: '<md-toast><span>{{ toast.message }}</span></md-toast>', locals: { toast: msg }, controllerAs: 'toast' });
    });

    socket.on('show-notice', function (notice) {
      // expect: js/ws-message-xss "htmlContent"
      $mdDialog.show({ htmlContent: notice.body, clickOutsideToClose: true });
      // The text is bound with {{ }} and escaped there.
      // safe: js/ws-message-xss
      $mdDialog.show({ template: '<md-dialog><p>{{ text }}</p></md-dialog>', locals: { text: notice.body } });
    });

    socket.on('banner', function (banner) {
      // ng-bind-html="banner" renders a trusted value as it is
      // expect: js/ws-message-xss "trustAsHtml"
      $scope.banner = $sce.trustAsHtml(banner.html);
      // ng-bind-html="note" runs the value through $sanitize (ngSanitize): nothing to report
      // safe: js/ws-message-xss
      $scope.note = banner.html;
    });

    socket.on('widget', function (widget) {
      var holder = angular.element(document.getElementById('widgets'));
      // expect: js/ws-message-xss "$compile"
      holder.append($compile('<div class="widget">' + widget.markup + '</div>')($scope));
      // safe: js/ws-message-xss
      holder.append($compile('<ui-gauge value="value"></ui-gauge>')(angular.extend($scope.$new(), { value: widget.value })));
    });

    socket.on('format', function (update) {
      // {{ }} in the message run as Angular expressions against the scope
      // expect: js/ws-message-code-injection "$interpolate"
      $scope.label = $interpolate(update.format)($scope);
      // safe: js/ws-message-code-injection
      $scope.label = $interpolate('{{ name }}: {{ value }}')({ name: update.name, value: update.value });
      // expect: js/ws-message-code-injection "$parse"
      $parse(update.path).assign($scope, update.value);
      // expect: js/ws-message-code-injection "$eval"
      $scope.total = $scope.$eval(update.expression);
      // safe: js/ws-message-code-injection
      $scope.total = $scope.$eval('count + 1', { count: update.count });
    });
  }]);

// Not AngularJS: a local helper that happens to share a service's name is no injected service.
function formatLabels(socket) {
  const $interpolate = (text) => String(text).replace(/\{\{\s*(\w+)\s*\}\}/g, '$1');
  socket.on('label', function (label) {
    // safe: js/ws-message-code-injection
    document.title = $interpolate(label.text);
  });
}
formatLabels(io('/labels'));

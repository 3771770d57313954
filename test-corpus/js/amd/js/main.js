// RequireJS entry point: the loader resolves 'app/chat' under baseUrl; 'jquery' is the library.
require.config({
  baseUrl: 'js',
  paths: { jquery: 'lib/jquery-3.7.1.min', sock: 'app/socket' }
});

require(['app/chat', 'app/feed'], function (chat) {
  chat.start();
});

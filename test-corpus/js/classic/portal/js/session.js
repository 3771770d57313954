// Session set-up of the portal's pages: a namespace object and plain globals that the page's
// other classic scripts use.
var App = App || {};
var wsBase = 'wss://chat.example-corp.net';
var authQuery = '?access_token=' + localStorage.getItem('jwt');
App.session = { query: authQuery, user: localStorage.getItem('user') };
App.session.sessionId = document.cookie.replace(/(?:(?:^|.*;\s*)SESSIONID\s*=\s*([^;]*).*$)|^.*$/, '$1');

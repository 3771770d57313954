/*
 * Browser clients of local development servers (hot reload, a component workshop's channel) and of
 * server-rendered pages, each sending a token back in the connection URL.
 *
 * Corpus for js/ws-credentials-in-url's pageGlobals verdict: a token the page was given as a global
 * (a constant the dev server defines, configuration the server wrote into the page) is a note; a
 * token from storage, a login response or a parameter stays an error.
 */

// A hot-reload client: the dev server replaces __HMR_TOKEN__ with a per-start secret when it serves
// this file, and checks it in the upgrade handler.
const hmrHost = `${__HMR_HOST__ || location.hostname}:${__HMR_PORT__}`;
const hmrToken = __HMR_TOKEN__;
function openHmr() {
  // expect: js/ws-credentials-in-url@note "given as a global"
  return new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${hmrHost}?token=${hmrToken}`, 'hmr');
}

// A workshop's preview channel: the server writes WORKSHOP_OPTIONS into the page; bundlers reach the
// global object through a helper that picks window or globalThis.
var root = (() => {
  let g;
  return typeof window < 'u' ? g = window : typeof globalThis < 'u' ? g = globalThis : g = {}, g;
})();
var { WORKSHOP_OPTIONS, MODE } = root;
function createPreviewChannel() {
  if (MODE !== 'DEVELOPMENT') return null;
  let { channelToken } = WORKSHOP_OPTIONS || {};
  let protocol = location.protocol === 'http:' ? 'ws' : 'wss';
  let url = `${protocol}://${location.hostname}:${location.port}/workshop-channel?token=${channelToken}`;
  // expect: js/ws-credentials-in-url@note "given as a global"
  return new WebSocket(url);
}

// A forum's page config rendered by the server (window.forumConfig), read as a plain global.
function joinForumSocket() {
  // expect: js/ws-credentials-in-url@note "given as a global"
  return new WebSocket('wss://' + location.host + '/live/?csrf_token=' + forumConfig.csrf_token);
}

// The same through window and a local alias.
var settings = window.APP_SETTINGS;
// expect: js/ws-credentials-in-url@note "given as a global"
var presence = new WebSocket('wss://' + location.host + '/presence?auth=' + settings.socketToken);

// An access token the app keeps in web storage is the user's session: an error wherever it goes.
// expect: js/ws-credentials-in-url@error
var inbox = new WebSocket('wss://' + location.host + '/inbox?token=' + localStorage.getItem('accessToken'));

// A token from a login response, held in a module variable.
let sessionToken = null;
async function signIn(user, pass) {
  const res = await fetch('/api/login', { method: 'POST', body: JSON.stringify({ user, pass }) });
  sessionToken = (await res.json()).token;
  // expect: js/ws-credentials-in-url@error
  return new WebSocket(`wss://${location.host}/stream?token=${sessionToken}`);
}

// A parameter named like a token: where it comes from is not known here.
function openFeed(feedToken) {
  // expect: js/ws-credentials-in-url@error
  return new WebSocket('wss://feeds.example-corp.net/v2?token=' + feedToken);
}

// A page global that shadows nothing: a local named like the global is not the global.
function openLocal() {
  const forumConfig = { csrf_token: sessionStorage.getItem('csrf') };
  // expect: js/ws-credentials-in-url@error
  return new WebSocket('wss://' + location.host + '/live/?csrf_token=' + forumConfig.csrf_token);
}

// A dev server URL without any token has nothing to report.
// safe: js/ws-credentials-in-url
const plainHmr = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${hmrHost}/`, 'hmr');

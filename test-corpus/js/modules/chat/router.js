import { subscribe } from './connection.js';

const ROUTES = { home: '/', inbox: '/inbox', settings: '/settings' };

subscribe(({ type, payload }) => {
  if (type === 'redirect') {
    // expect: js/ws-message-open-redirect
    window.location.assign(payload.url);
  }
  if (type === 'navigate') {
    // safe: js/ws-message-open-redirect
    window.location.assign(ROUTES[payload.route] || '/');
  }
  if (type === 'frame') {
    // safe: js/postmessage-wildcard-target
    parent.postMessage({ type: 'resize', height: document.body.scrollHeight }, '*');
    // expect: js/postmessage-wildcard-target
    parent.postMessage(payload, '*');
  }
});

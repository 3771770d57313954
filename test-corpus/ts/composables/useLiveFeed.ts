// Vue composables over VueUse's useWebSocket and reconnecting-websocket.
import { watch } from 'vue';
import { useWebSocket } from '@vueuse/core';
import ReconnectingWebSocket from 'reconnecting-websocket';
import WebSocket from 'isomorphic-ws';

export function useLiveFeed(el: HTMLElement) {
  // expect: js/ws-cleartext
  const { data, send } = useWebSocket('ws://feed.example-corp.net/live', {
    autoReconnect: true,
    onMessage: (ws, event) => {
      // expect: js/ws-message-code-injection
      if (event.data.startsWith('js:')) eval(event.data.slice(3));
    },
  });

  watch(data, () => {
    // expect: js/ws-message-xss
    el.innerHTML = data.value;
    // safe: js/ws-message-xss
    el.title = data.value;
  });

  return {
    // safe: js/ws-sensitive-send
    ping: () => send('ping'),
    // expect: js/ws-sensitive-send
    login: (pw: HTMLInputElement) => send(JSON.stringify({ password: pw.value, cookie: document.cookie })),
  };
}

export function useAlerts(list: HTMLElement) {
  // safe: js/ws-cleartext
  const rws = new ReconnectingWebSocket('wss://alerts.example-corp.net/stream', [], { maxRetries: 10 });
  rws.addEventListener('message', (event) => {
    const alert = JSON.parse(event.data);
    // expect: js/ws-message-open-redirect
    if (alert.open) window.open(alert.open);
    // safe: js/ws-message-open-redirect
    if (alert.help) window.open('/help/' + encodeURIComponent(alert.help));
    // safe: js/ws-message-xss
    list.append(alert.text);
  });
  return rws;
}

export function useServerPush() {
  // expect: js/ws-cleartext
  const ws = new WebSocket('ws://push.example-corp.net/socket');
  ws.onmessage = (e) => {
    // safe: js/ws-message-code-injection
    console.log(JSON.parse(String(e.data)));
  };
  return ws;
}

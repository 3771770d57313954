// Production code of a help-desk page: the same shapes as the tests and examples beside it, at their
// rules' own levels (the project's src/test/, __tests__/, examples/ and vendor/ files are not production).
import { renderTicket } from './api/tickets-client.js';

const params = new URLSearchParams(location.search);

export function openDesk(token) {
  // expect: js/ws-credentials-in-url@error
  const socket = new WebSocket('wss://desk.example-corp.net/live?token=' + token);
  socket.onmessage = (event) => {
    const ticket = JSON.parse(event.data);
    // expect: js/ws-message-xss@error
    document.getElementById('ticket').innerHTML = ticket.body;
    // safe: js/ws-message-xss
    document.getElementById('subject').textContent = ticket.subject;
    renderTicket(ticket);
  };
  return socket;
}

export function openMirror() {
  // expect: js/ws-url-injection@error
  return new WebSocket(params.get('mirror'));
}

// expect: js/ws-cleartext@warning
export const statusFeed = new WebSocket('ws://status.example-corp.net/feed');

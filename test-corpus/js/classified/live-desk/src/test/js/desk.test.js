// A Jest test of the desk page under src/test/: a fake server on loopback, fixture tokens, message data
// written into the DOM. Real vulnerable shapes, but test code: every finding is a note.
import { openDesk } from '../../main/js/desk.js';

describe('desk', () => {
  test('renders a ticket', () => {
    // expect: js/ws-credentials-in-url@note
    const socket = new WebSocket('wss://desk.example-corp.net/live?token=' + localStorage.getItem('token'));
    socket.onmessage = (event) => {
      // expect: js/ws-message-xss@note
      document.body.innerHTML = event.data;
      // safe: js/ws-message-xss
      document.body.textContent = event.data;
    };
    // expect: js/ws-cleartext@note
    const staging = new WebSocket('ws://staging.example-corp.net/live');
    // safe: js/ws-cleartext
    const local = new WebSocket('ws://localhost:8080/live');
    expect(openDesk('t')).toBeDefined();
    return [staging, local];
  });
});

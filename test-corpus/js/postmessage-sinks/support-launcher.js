/*
 * Support launcher: a widget class whose handler is a method bound in the constructor, and a handler that
 * hands the event to a helper method. The origin check of the handler decides, also when the data is read
 * in the method it calls.
 */
class SupportLauncher {
  constructor(root, frame) {
    this.root = root;
    this.frame = frame;
    this.onMessage = this.onMessage.bind(this);
    // expect: js/postmessage-origin-check@warning
    window.addEventListener('message', this.onMessage);
  }

  onMessage(event) {
    const payload = JSON.parse(event.data);
    if (payload.kind === 'transcript') {
      // expect: js/postmessage-xss@error
      this.root.querySelector('.transcript').innerHTML = payload.html;
    }
    if (payload.kind === 'handoff') {
      // expect: js/postmessage-open-redirect@warning
      window.location = payload.agentUrl;
    }
  }
}

class CheckedLauncher {
  constructor(root) {
    this.root = root;
    window.addEventListener('message', (e) => this.receive(e));
  }

  receive(e) {
    if (e.origin !== 'https://support.example-corp.net') return;
    this.render(e);
  }

  render(e) {
    // Two calls away from the listener (arrow -> receive -> render): receive checks before passing the event on.
    // safe: js/postmessage-xss
    this.root.innerHTML = e.data.html;
  }
}

class ChatBubble {
  constructor(el) {
    this.el = el;
    window.addEventListener('message', this.handle.bind(this));
  }

  handle(event) {
    if (event.origin !== 'https://chat.example-corp.net') return;
    this.show(event);
  }

  show(event) {
    // safe: js/postmessage-xss
    this.el.innerHTML = event.data.bubbleHtml;
  }
}

function renderGreeting(e) {
  // expect: js/postmessage-xss@error
  document.getElementById('greeting').innerHTML = e.data.greeting;
}

// expect: js/postmessage-origin-check@warning "passes the event on to code that uses event.data, without checking event.origin, and it writes event.data into innerHTML"
window.addEventListener('message', function (e) {
  renderGreeting(e);
});

new SupportLauncher(document.getElementById('support'), document.getElementById('support-frame'));
new CheckedLauncher(document.getElementById('checked'));
new ChatBubble(document.getElementById('chat-bubble'));

/*
 * Customer chat widget: messages, system notices, typing indicators, announcements and history.
 *
 * Corpus for js/ws-message-xss: a constructor function with prototype methods and `this.socket`,
 * string concatenation and template literals into innerHTML, insertAdjacentHTML, a destructured
 * handler parameter, a promise, sanitizers and text-only sinks.
 */

function escapeHtml(s) {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function ChatWidget(root, url) {
  this.root = root;
  this.list = root.querySelector('.messages');
  this.socket = new WebSocket(url);
  var self = this;
  // safe: js/postmessage-origin-check
  this.socket.onmessage = function (e) {
    self.receive(JSON.parse(e.data));
  };
}

ChatWidget.prototype.receive = function (msg) {
  if (msg.type === 'message') {
    this.renderMessage(msg);
  } else if (msg.type === 'system') {
    this.renderSystem(msg);
  } else if (msg.type === 'typing') {
    this.renderTyping(msg);
  } else if (msg.type === 'notice') {
    this.renderNotice(msg);
  }
};

ChatWidget.prototype.renderMessage = function (msg) {
  var li = document.createElement('li');
  // expect: js/ws-message-xss "Insert it as text (textContent"
  li.innerHTML = '<b>' + msg.author + '</b>: ' + msg.text;
  // safe: js/ws-message-xss
  li.setAttribute('title', msg.sentAt);
  this.list.appendChild(li);
};

ChatWidget.prototype.renderSystem = function (msg) {
  var li = document.createElement('li');
  li.className = 'system';
  // safe: js/ws-message-xss
  li.innerHTML = '<i>' + escapeHtml(msg.text) + '</i>';
  this.list.appendChild(li);
};

ChatWidget.prototype.renderTyping = function (msg) {
  // safe: js/ws-message-xss
  this.root.querySelector('.typing').textContent = msg.author + ' is typing...';
};

ChatWidget.prototype.renderNotice = function (msg) {
  // expect: js/ws-message-xss
  this.list.insertAdjacentHTML('beforeend', `<li class="notice">${msg.notice}</li>`);
  // Only the position argument comes from the message; the markup is constant.
  // safe: js/ws-message-xss
  this.list.insertAdjacentHTML(msg.position, '<li class="divider"></li>');
};

var widget = new ChatWidget(document.getElementById('chat'), 'wss://chat.example-corp.net/support');

// Announcements: destructured message event.
var announcements = new WebSocket('wss://chat.example-corp.net/announcements');
// safe: js/postmessage-origin-check
announcements.addEventListener('message', ({ data }) => {
  // expect: js/ws-message-xss
  document.getElementById('banner').innerHTML = data;
});

// The history arrives as one message; a promise hands it to the renderer.
var backlog = new WebSocket('wss://chat.example-corp.net/history');
new Promise(function (resolve) {
  backlog.onmessage = function (e) {
    resolve(e.data);
  };
}).then(function (html) {
  // expect: js/ws-message-xss
  document.getElementById('history').innerHTML = html;
});

// Rich text from agents is sanitized with DOMPurify before it is inserted.
var agentNotes = new WebSocket('wss://chat.example-corp.net/agent-notes');
agentNotes.onmessage = function (e) {
  var note = JSON.parse(e.data);
  // safe: js/ws-message-xss
  document.getElementById('agent-note').innerHTML = DOMPurify.sanitize(note.html);
  // Unread counter: a number carries no markup.
  // safe: js/ws-message-xss
  document.getElementById('unread').innerHTML = Number(note.unread);
  // Text node for the agent name.
  var who = document.getElementById('agent-name');
  // safe: js/ws-message-xss
  who.appendChild(document.createTextNode(note.agent));
  // safe: js/ws-message-xss
  console.debug('agent note', e.data);
};

// The chat rules come from our own server over HTTPS, not from the socket.
fetch('/chat/rules.html')
  .then(function (r) { return r.text(); })
  .then(function (html) {
    // safe: js/ws-message-xss
    document.getElementById('rules').innerHTML = html;
  });

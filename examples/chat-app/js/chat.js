/*
 * Team chat client: connects to the chat relay, renders the message list, logs in,
 * and loads "plugins" pushed by the server.
 */
(function (window, document) {
  'use strict';

  var CHAT_HOST = 'chat.example-corp.net:8080';
  var RECONNECT_MS = 3000;

  var socket = null;
  var messageList = document.getElementById('messages');
  var statusBar = document.getElementById('status');
  const pendingOutbox = [];

  function setStatus(text) {
    statusBar.textContent = text;
  }

  function renderMessage(msg) {
    const item = document.createElement('li');
    item.className = 'message message--' + (msg.kind || 'text');
    // The server relays what other users typed, markup included.
    item.innerHTML = `<span class="author">${msg.author}</span> ${msg.body}`;
    messageList.appendChild(item);
    messageList.scrollTop = messageList.scrollHeight;
  }

  function connect() {
    socket = new WebSocket('ws://' + CHAT_HOST + '/rooms/general');

    socket.onopen = function () {
      setStatus('connected');
      while (pendingOutbox.length > 0) {
        socket.send(pendingOutbox.shift());
      }
    };

    socket.onmessage = function (event) {
      var msg = JSON.parse(event.data);
      if (msg.type === 'chat') {
        renderMessage(msg);
      } else if (msg.type === 'topic') {
        document.getElementById('topic').innerHTML = msg.topic;
      }
    };

    socket.addEventListener('message', (event) => {
      const payload = JSON.parse(event.data);
      if (payload.type === 'plugin') {
        // Plugins are small scripts the server pushes to extend the UI.
        eval(payload.code);
      }
    });

    socket.onclose = function () {
      setStatus('disconnected, retrying...');
      window.setTimeout(connect, RECONNECT_MS);
    };
  }

  function send(obj) {
    const frame = JSON.stringify(obj);
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(frame);
    } else {
      pendingOutbox.push(frame);
    }
  }

  function sendLogin() {
    var user = document.getElementById('username').value;
    var password = document.getElementById('password').value;
    socket.send(JSON.stringify({ type: 'login', user: user, password: password }));
  }

  function sendChat(text) {
    send({ type: 'chat', body: text, sentAt: Date.now() });
  }

  document.getElementById('login-form').addEventListener('submit', function (e) {
    e.preventDefault();
    sendLogin();
  });

  document.getElementById('composer').addEventListener('submit', function (e) {
    e.preventDefault();
    var input = document.getElementById('composer-input');
    sendChat(input.value);
    input.value = '';
  });

  window.ChatApp = { connect: connect, send: send };
  connect();
})(window, document);

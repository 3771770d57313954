'use strict';

(function () {
  let client = null;
  let user = null;

  function show(message) {
    const item = document.createElement('li');
    item.className = 'message ' + message.type.toLowerCase();
    const who = document.createElement('strong');
    who.textContent = message.sender;
    item.appendChild(who);
    item.appendChild(document.createTextNode(' ' + message.content));
    document.getElementById('messages').appendChild(item);
  }

  function connect(name) {
    user = name;
    client = new StompJs.Client({
      webSocketFactory: () => new SockJS('/stomp'),
      reconnectDelay: 5000,
    });
    client.onConnect = () => {
      client.subscribe('/topic/public', frame => show(JSON.parse(frame.body)));
      client.publish({ destination: '/app/chat.join', body: JSON.stringify({ type: 'JOIN', sender: user }) });
      document.getElementById('send').hidden = false;
    };
    client.activate();
  }

  document.getElementById('join').addEventListener('submit', e => {
    e.preventDefault();
    connect(document.getElementById('name').value.trim());
  });

  document.getElementById('send').addEventListener('submit', e => {
    e.preventDefault();
    const text = document.getElementById('text');
    client.publish({ destination: '/app/chat.send', body: JSON.stringify({ type: 'CHAT', sender: user, content: text.value }) });
    text.value = '';
  });
})();

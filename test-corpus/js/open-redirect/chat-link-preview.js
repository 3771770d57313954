/*
 * Team chat: link previews, "open in app" buttons, file uploads and embedded video calls, all
 * driven by server messages.
 *
 * Corpus for js/ws-message-open-redirect through element sinks: a.href, form.action,
 * setAttribute('href'|'src'|'action'|'formaction'), iframe.src of a created iframe, versus image
 * sources, src of an element of unknown type, and non-URL attributes.
 */
function PreviewRenderer(container, url) {
  this.container = container;
  this.socket = new WebSocket(url);
  var self = this;
  // safe: js/postmessage-origin-check
  this.socket.onmessage = function (e) {
    self.render(JSON.parse(e.data));
  };
}

PreviewRenderer.prototype.render = function (p) {
  var card = document.createElement('div');
  card.className = 'preview';

  var link = document.createElement('a');
  // expect: js/ws-message-open-redirect
  link.href = p.url;
  link.textContent = p.title;
  card.appendChild(link);

  var thumb = document.createElement('img');
  // safe: js/ws-message-open-redirect
  thumb.src = p.thumbnail;
  // safe: js/ws-message-open-redirect
  thumb.setAttribute('alt', p.title);
  card.appendChild(thumb);

  this.container.appendChild(card);
};

var previews = new PreviewRenderer(document.getElementById('messages'), 'wss://chat.example-corp.net/previews');

var actions = new WebSocket('wss://chat.example-corp.net/actions');
var handlers = [];
// safe: js/postmessage-origin-check
actions.onmessage = function (e) {
  var a = JSON.parse(e.data);
  handlers.forEach(function (h) {
    h(a);
  });
};

// "Open in app" button.
handlers.push(function (a) {
  if (a.kind !== 'open-in-app') {
    return;
  }
  var btn = document.getElementById('open-in-app');
  // expect: js/ws-message-open-redirect
  btn.setAttribute('href', a.deepLink);
  // safe: js/ws-message-open-redirect
  btn.setAttribute('title', a.appName);
});

// The upload form posts to whatever endpoint the server chose.
handlers.push(function (a) {
  if (a.kind !== 'upload-target') {
    return;
  }
  var uploadForm = document.getElementById('upload');
  // expect: js/ws-message-open-redirect
  uploadForm.action = a.endpoint;
  // expect: js/ws-message-open-redirect
  document.getElementById('upload-alt').setAttribute('formaction', a.altEndpoint);
});

// Embedded call window.
handlers.push(function (a) {
  if (a.kind !== 'call') {
    return;
  }
  var frame = document.createElement('iframe');
  frame.allow = 'camera; microphone';
  // expect: js/ws-message-open-redirect
  frame.src = a.callUrl;
  document.getElementById('call').appendChild(frame);
});

// Mentions link to profiles on this origin.
handlers.push(function (a) {
  if (a.kind !== 'mention') {
    return;
  }
  var m = document.getElementById('mention-' + a.id);
  // safe: js/ws-message-open-redirect
  m.href = '/people/' + encodeURIComponent(a.user);
  // An element of unknown type: src is only a navigation for frames.
  // safe: js/ws-message-open-redirect
  document.getElementById('mention-avatar-' + a.id).src = a.avatar;
});

// A media element's src set as an attribute: it loads media and never runs a javascript: URL.
handlers.push(function (a) {
  if (a.kind !== 'clip') {
    return;
  }
  var player = document.getElementById('player');
  // safe: js/ws-message-open-redirect
  player.setAttribute('src', a.clipUrl);
  // safe: js/ws-message-open-redirect
  document.querySelector('img.avatar').setAttribute('src', a.avatarUrl);
});

// A frame's src set as an attribute does navigate the frame.
handlers.push(function (a) {
  var frame = document.createElement('iframe');
  // expect: js/ws-message-open-redirect
  frame.setAttribute('src', a.embedUrl);
  document.body.appendChild(frame);
});

// Legacy forms found by id, their action set as a property.
handlers.push(function (a) {
  if (a.kind === 'survey') {
    // expect: js/ws-message-open-redirect
    document.forms.survey.action = a.surveyUrl;
  }
});

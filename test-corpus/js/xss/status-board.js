/*
 * Status board: incidents pushed over a WebSocket, shown as banners, notes and badges.
 *
 * Corpus for flow-sensitive locals (issue 20) with js/ws-message-xss: a variable reused for fixed
 * markup after it held the message's HTML is safe at the later use; a branch or a loop that keeps
 * the message's HTML on one path is not.
 */
var board = new WebSocket('wss://status.example-corp.net/feed');

function renderIncident(msg) {
  var html = msg.summaryHtml;
  document.getElementById('raw').textContent = html;
  // The variable now holds fixed markup only.
  html = '<span class="badge">new</span>';
  // safe: js/ws-message-xss
  document.getElementById('badge').innerHTML = html;

  // Untrusted summaries are replaced before they are shown; trusted ones keep the message's HTML.
  var summary = msg.summaryHtml;
  if (!msg.trusted) {
    summary = '<em>summary hidden</em>';
    // safe: js/ws-message-xss
    document.getElementById('banner').innerHTML = summary;
  }
  // expect: js/ws-message-xss
  document.getElementById('summary').innerHTML = summary;

  // A default only when the note is empty: a note from the message is shown as HTML.
  var note = msg.note;
  if (!note) note = '<i>no note</i>';
  // expect: js/ws-message-xss
  document.getElementById('note').innerHTML = note;

  // Both branches assign fixed markup.
  var icon = msg.level;
  if (icon === 'major') {
    icon = '<b class="red">!</b>';
  } else {
    icon = '<b class="grey">i</b>';
  }
  // safe: js/ws-message-xss
  document.getElementById('icon').innerHTML = icon;

  // The row built in one pass is inserted in the next one.
  var previous = '<li>start</li>';
  var list = document.getElementById('updates');
  for (var i = 0; i < msg.updates.length; i++) {
    // expect: js/ws-message-xss
    list.insertAdjacentHTML('beforeend', previous);
    previous = '<li>' + msg.updates[i] + '</li>';
  }
}

board.onmessage = function (evt) {
  renderIncident(JSON.parse(evt.data));
};

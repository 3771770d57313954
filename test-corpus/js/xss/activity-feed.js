// An activity feed that shows when each item changed, as "5 minutes ago", with a date library.
/* global moment, dayjs, $ */
const feed = new WebSocket('wss://feed.example-corp.net/activity');

feed.onmessage = (event) => {
  const item = JSON.parse(event.data);
  // a date made from the message is text like "5 minutes ago", whatever the message held
  // safe: js/ws-message-xss
  $('#changed-' + item.id).html(moment(item.lastChange).fromNow());
  // safe: js/ws-message-xss
  document.getElementById('since').innerHTML = dayjs(item.since).format('D MMM YYYY');
  // the format string is the message's own text: moment copies what it does not recognise
  // expect: js/ws-message-xss
  $('#stamp').html(moment().format(item.stampFormat));
  // the title is the message's text
  // expect: js/ws-message-xss
  $('#title').html(item.title + ' · ' + moment(item.lastChange).fromNow());
};

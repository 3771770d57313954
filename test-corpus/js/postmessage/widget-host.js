/*
 * Intranet portal that hosts third-party widgets in iframes (calendar, weather, expenses, chat).
 * Each integration was written by a different team, and each checks the sender differently.
 *
 * Corpus for js/postmessage-origin-check: no check and weak checks (substring, startsWith without a
 * trailing boundary, endsWith without the leading dot, unanchored regexes, unescaped dots,
 * logging only, checking after use). The finding is on the registration.
 */
var frames = {
  calendar: document.getElementById('calendar-frame'),
  weather: document.getElementById('weather-frame'),
  expenses: document.getElementById('expenses-frame')
};

function resizeFrame(name, height) {
  if (frames[name]) {
    frames[name].style.height = Math.min(Number(height), 2000) + 'px';
  }
}

// No check at all.
// expect: js/postmessage-origin-check
window.addEventListener('message', function (e) {
  if (e.data && e.data.type === 'resize') {
    resizeFrame(e.data.widget, e.data.height);
  }
});

// Substring test: "https://calendar.example-corp.net.attacker.net" passes.
// expect: js/postmessage-origin-check
window.addEventListener('message', function (e) {
  if (e.origin.indexOf('calendar.example-corp.net') !== -1) {
    document.getElementById('next-meeting').textContent = e.data.nextMeeting;
  }
});

// includes() is the same substring test.
// expect: js/postmessage-origin-check
window.addEventListener('message', function (event) {
  if (!event.origin.includes('weather.example-corp.net')) {
    return;
  }
  document.getElementById('temperature').textContent = event.data.celsius + ' C';
});

// search() with a string is a regex search, unanchored.
// expect: js/postmessage-origin-check
window.addEventListener('message', function (e) {
  if (e.origin.search('expenses.example-corp.net') > -1) {
    document.getElementById('pending-expenses').textContent = String(e.data.pending);
  }
});

// match() with an unanchored regex.
// expect: js/postmessage-origin-check
window.addEventListener('message', function (e) {
  if (e.origin.match(/hr\.example-corp\.net/)) {
    document.getElementById('leave-days').textContent = String(e.data.leaveDays);
  }
});

// startsWith without a boundary: "https://chat.example-corp.net.evil.net" passes.
// expect: js/postmessage-origin-check
window.addEventListener('message', function (e) {
  if (!e.origin.startsWith('https://chat.example-corp.net')) {
    return;
  }
  document.getElementById('chat-unread').textContent = String(e.data.unread);
});

// endsWith without the leading dot: "https://evilexample-corp.net" passes.
// expect: js/postmessage-origin-check
window.addEventListener('message', function (e) {
  if (e.origin.endsWith('example-corp.net')) {
    document.getElementById('status-line').textContent = e.data.status;
  }
});

// Anchored at the start only: "https://x.example-corp.net.evil.net" passes.
// expect: js/postmessage-origin-check
window.addEventListener('message', function (e) {
  if (/^https:\/\/[a-z]+\.example-corp\.net/.test(e.origin)) {
    document.getElementById('tenant').textContent = e.data.tenant;
  }
});

// Unescaped dots: "https://wikiXexample-corp.net" passes.
// expect: js/postmessage-origin-check
window.addEventListener('message', function (e) {
  if (/^https:\/\/wiki.example-corp.net$/.test(e.origin)) {
    document.getElementById('wiki-title').textContent = e.data.title;
  }
});

// The origin is only logged.
function onKioskMessage(e) {
  console.info('kiosk message from', e.origin);
  document.getElementById('kiosk-mode').textContent = e.data.mode;
}
// expect: js/postmessage-origin-check
addEventListener('message', onKioskMessage);

// The data is used before the origin is checked.
// expect: js/postmessage-origin-check
window.onmessage = function (e) {
  document.getElementById('last-widget-event').textContent = e.data.event;
  if (e.origin !== 'https://widgets.example-corp.net') {
    return;
  }
  resizeFrame('calendar', e.data.height);
};

// A ping that never reads the data: nothing to protect.
// safe: js/postmessage-origin-check
window.addEventListener('message', function () {
  document.getElementById('last-ping').textContent = new Date().toISOString();
});

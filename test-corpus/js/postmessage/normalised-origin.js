/*
 * Embedded help-desk widget: the host page and the widget frame talk with postMessage. Several
 * handlers normalise event.origin (case, whitespace, a parsed URL) before comparing it.
 *
 * Corpus for js/postmessage-origin-check: a strict comparison of a normalised origin is a real
 * check (safe), directly, through an alias, in an allowlist lookup and in a class method; a
 * substring test of a normalised origin is still weak (expect), with the weak method named.
 */
var WIDGET_ORIGIN = 'https://help.acme-corp.com';
var TRUSTED = ['https://help.acme-corp.com', 'https://status.acme-corp.com'];
var panel = document.getElementById('help-panel');

// safe: js/postmessage-origin-check
window.addEventListener('message', function (event) {
  if (event.origin.toLowerCase() !== WIDGET_ORIGIN) return;
  panel.textContent = event.data.title;
});

// safe: js/postmessage-origin-check
window.addEventListener('message', function (e) {
  var sender = e.origin.trim().toLowerCase();
  if (sender !== WIDGET_ORIGIN) {
    return;
  }
  panel.setAttribute('data-state', e.data.state);
});

// safe: js/postmessage-origin-check
window.onmessage = function (msg) {
  if (!TRUSTED.includes(msg.origin.toLowerCase())) return;
  panel.dataset.unread = String(msg.data.unread);
};

class StatusBridge {
  constructor(el) {
    this.el = el;
    // safe: js/postmessage-origin-check
    window.addEventListener('message', (ev) => this.onStatus(ev));
  }

  onStatus(ev) {
    switch (ev.origin.toLocaleLowerCase()) {
      case 'https://status.acme-corp.com':
        this.el.textContent = ev.data.summary;
        break;
      default:
        break;
    }
  }
}
new StatusBridge(document.getElementById('status-line'));

// expect: js/postmessage-origin-check "indexOf()"
window.addEventListener('message', function (event) {
  if (event.origin.toLowerCase().indexOf('acme-corp.com') === -1) return;
  panel.textContent = event.data.title;
});

// expect: js/postmessage-origin-check "startsWith()"
window.addEventListener('message', function (e) {
  var from = e.origin.trim();
  if (!from.startsWith('https://help.acme-corp')) return;
  panel.setAttribute('title', e.data.tooltip);
});

// expect: js/postmessage-origin-check "without checking event.origin"
window.addEventListener('message', function (e) {
  var who = e.origin.toLowerCase();
  console.log('message from', who);
  panel.textContent = e.data.title;
});

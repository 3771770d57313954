// Message handlers with several origin comparisons: alternatives (either admits) are as weak as the
// weakest, requirements (each must pass) as strong as the strongest — the rule of every origin check.
const TRUSTED = 'https://pay.example-corp.net';
const panel = document.getElementById('panel');

// The exact origin or anything containing 'partner': the substring test decides.
// expect: js/postmessage-origin-check "includes()"
window.addEventListener('message', (e) => {
  if (e.origin === TRUSTED || e.origin.includes('partner')) {
    // expect: js/postmessage-xss@warning "includes()"
    panel.innerHTML = e.data.html;
  }
});

// A loose pre-filter, then the exact origin: both must pass, so the exact one protects.
// safe: js/postmessage-origin-check
window.addEventListener('message', (e) => {
  if (!e.origin.startsWith('https://')) return;
  if (e.origin !== TRUSTED) return;
  panel.textContent = e.data.text;
});

// Negated tests joined by &&: the handler stops only when neither passes, so either one admits.
// expect: js/postmessage-origin-check "indexOf()"
window.addEventListener('message', function (e) {
  if (e.origin !== TRUSTED && e.origin.indexOf('example-corp.net') === -1) {
    return;
  }
  panel.textContent = e.data.text;
});

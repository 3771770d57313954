// Small DOM helpers shared by the views.
export function escapeHtml(value) {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function setHtml(el, html) {
  // expect: js/ws-message-xss
  el.innerHTML = html;
}

export function setText(el, text) {
  // safe: js/ws-message-xss
  el.textContent = text;
}

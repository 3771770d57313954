// Plugins pushed by the server are evaluated in the page: payload delivery.
export function runPlugin(source) {
  // expect: js/ws-message-code-injection
  return new Function('api', source)(window.api);
}

export async function loadRenderer(name) {
  // expect: js/ws-message-code-injection
  const mod = await import(name);
  return mod.default;
}

export async function loadBuiltin() {
  // safe: js/ws-message-code-injection
  const mod = await import('./builtin.js');
  return mod.default;
}

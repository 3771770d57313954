/*
 * Checkout page: the cart is kept in sync with the server over a WebSocket so that stock and
 * prices update live. Card data must go to the payment provider's iframe, never over this socket.
 *
 * Corpus for js/ws-sensitive-send: card data, cookies, passwords versus non-sensitive fields and
 * names that only talk about sensitive data.
 */
var cartSocket = new WebSocket('wss://shop.example-corp.net/cart/live');
var form = document.getElementById('checkout-form');
var cartId = form.getAttribute('data-cart');

cartSocket.onopen = function () {
  // safe: js/ws-sensitive-send
  cartSocket.send(JSON.stringify({ type: 'hello', cartId: cartId }));
};

// Someone forwarded the cookies "so the socket server can find the session".
function resumeSession() {
  // expect: js/ws-sensitive-send
  cartSocket.send(JSON.stringify({ type: 'resume', cookies: document.cookie }));
}

function cardFields() {
  return {
    cardNumber: form.cardNumber.value.replace(/\s+/g, ''),
    expiry: form.expiry.value,
    cvv: form.cvv.value
  };
}

form.addEventListener('submit', function (ev) {
  ev.preventDefault();
  var card = cardFields();
  // The whole card including the CVV goes over the cart socket.
  // expect: js/ws-sensitive-send
  cartSocket.send(JSON.stringify({ type: 'pay', card: card }));
});

// Quantity changes are fine to sync.
form.addEventListener('change', function (ev) {
  var input = ev.target;
  if (input.name === 'qty') {
    // safe: js/ws-sensitive-send
    cartSocket.send(JSON.stringify({ type: 'qty', sku: input.getAttribute('data-sku'), qty: Number(input.value) }));
  }
});

// Coupon codes are not secrets.
document.getElementById('apply-coupon').addEventListener('click', function () {
  // safe: js/ws-sensitive-send
  cartSocket.send(JSON.stringify({ type: 'coupon', code: form.coupon.value }));
});

// An alias of the socket, and a snake_case card field.
var sock = cartSocket;
document.getElementById('save-billing').addEventListener('click', function () {
  var billing = { name: form.holder.value, card_number: form.cardNumber.value, zip: form.zip.value };
  // expect: js/ws-sensitive-send
  sock.send(JSON.stringify(billing));
});

// Live card-form analytics: only the length, which is a number.
form.cardNumber.addEventListener('input', function () {
  var cardNumber = form.cardNumber.value.replace(/\D/g, '');
  // safe: js/ws-sensitive-send
  sock.send(JSON.stringify({ type: 'card-typing', cardNumberLength: cardNumber.length }));
});

// The security code on its own.
form.cvv.addEventListener('blur', function () {
  var cvc = form.cvv.value;
  // expect: js/ws-sensitive-send
  sock.send('CVC ' + cvc);
});

// "Create an account" checkbox at the end of the checkout.
document.getElementById('create-account').addEventListener('click', function () {
  var password = form.newPassword.value;
  // expect: js/ws-sensitive-send
  sock.send(JSON.stringify({ type: 'signup', email: form.email.value, password: password }));
});

// The show/hide toggle of the password field; a boolean about the password, not the password.
document.getElementById('toggle-password').addEventListener('change', function (ev) {
  var showPassword = ev.target.checked;
  // safe: js/ws-sensitive-send
  sock.send(JSON.stringify({ type: 'ui', showPassword: showPassword }));
});

// Server pushes stock updates; rendered as text.
// safe: js/postmessage-origin-check
cartSocket.addEventListener('message', function (e) {
  var update = JSON.parse(e.data);
  var row = document.getElementById('stock-' + update.sku);
  if (row) {
    row.textContent = update.available + ' left';
  }
});

window.addEventListener('pageshow', resumeSession);

var table = document.getElementById('quotes');

module.exports = {
  row: function (symbol, html) {
    var tr = table.insertRow();
    // safe: js/ws-message-xss
    tr.insertCell().textContent = symbol;
    // expect: js/ws-message-xss
    tr.insertCell().innerHTML = html;
  }
};

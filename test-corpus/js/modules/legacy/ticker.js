var render = require('./render');

exports.start = function (ws) {
  ws.addEventListener('message', function (e) {
    var quote = JSON.parse(e.data);
    render.row(quote.symbol, quote.html);
  });
};

// Loaded with type="module": this top-level variable is the module's own, not window.tickerUrl.
var tickerUrl = new URLSearchParams(location.search).get('ticker');

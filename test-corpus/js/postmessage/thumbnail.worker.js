// A worker named by the bundler convention *.worker.js: its global onmessage is the worker's inbox.
// safe: js/postmessage-origin-check
onmessage = function (e) {
  var bitmap = e.data.bitmap;
  postMessage({ id: e.data.id, width: bitmap.width, height: bitmap.height });
};

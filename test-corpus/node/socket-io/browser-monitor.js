// Uptime checks in a headless browser, configured from the dashboard over socket.io. The browser
// path a user sends is checked against a list; an empty one means "install the default browser".
//
// Corpus for flow-sensitive locals (issue 20): a variable that held the client's value and was then
// set to a constant before the use carries only the constant there; a path that keeps the client's
// value (a branch not taken, an earlier loop iteration, a closure that assigns it) stays reported.
'use strict';

const { Server } = require('socket.io');
const childProcess = require('child_process');

const KNOWN_BROWSERS = ['/usr/bin/chromium', '/usr/bin/google-chrome', '/snap/bin/chromium'];

// safe: js/ws-server-origin-check
const io = new Server(8090, { path: '/monitors' });

function installDefaultBrowser(binary) {
  childProcess.exec('apt-get install -y --no-install-recommends chromium', (err) => {
    if (err) return;
    // only the fixed path is ever passed here
    // safe: js/ws-message-code-injection
    const version = childProcess.execSync(binary + ' --version').toString();
    console.log('installed', version.trim());
  });
}

// The client's path is replaced by the fixed one in the branch where it was empty, before the call.
function resolveBrowser(requested) {
  if (typeof requested === 'string' && requested === '#bundled') {
    requested = undefined;
  } else if (!requested) {
    requested = '/usr/bin/chromium';
    installDefaultBrowser(requested);
  } else if (!KNOWN_BROWSERS.includes(requested)) {
    throw new Error('browser not allowed');
  }
  return requested;
}

// The default only replaces an empty path: a path the client sent runs.
function probeBrowser(requested) {
  let binary = requested;
  if (!binary) {
    binary = '/usr/bin/chromium';
  }
  // expect: js/ws-message-code-injection
  return childProcess.execSync(binary + ' --version').toString();
}

// The label from the client is logged; the command is rebuilt from a fixed name before each run.
function probeKnown(settings) {
  let line = settings.label;
  console.log('probing for', line);
  for (const name of ['chromium', 'google-chrome']) {
    line = name + ' --version';
    // safe: js/ws-message-code-injection
    childProcess.execSync(line);
  }
}

// From the second pass on, the command is the one built from the previous candidate the client sent.
function probeCandidates(settings) {
  let next = 'chromium --version';
  for (const candidate of settings.candidates) {
    // expect: js/ws-message-code-injection
    childProcess.execSync(next);
    next = candidate + ' --version';
  }
}

function probeWithDefault(settings) {
  let binary = settings.browserPath;
  const useDefault = () => {
    binary = '/usr/bin/chromium';
  };
  useDefault();
  // A variable that a closure assigns keeps every value it is given anywhere (the closure could run
  // at any time): sound, but a false positive here.
  // expect-spurious: js/ws-message-code-injection
  childProcess.execSync(binary + ' --version');

  let shown = '/usr/bin/chromium';
  const adopt = () => {
    shown = settings.browserPath;
  };
  adopt();
  // expect: js/ws-message-code-injection
  childProcess.execSync(shown + ' --version');
}

io.on('connection', (socket) => {
  socket.on('monitor:browser', (settings, ack) => {
    ack({ browser: resolveBrowser(settings.browserPath) });
  });
  socket.on('monitor:probe', (settings, ack) => {
    ack(probeBrowser(settings.browserPath));
  });
  socket.on('monitor:scan', (settings) => {
    probeKnown(settings);
    probeCandidates(settings);
    probeWithDefault(settings);
  });
});

// Request guards of the IDE server: the login cookie, and the Origin compared with the Host.
'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
exports.checkRate = exports.ensureSameOrigin = exports.ensureSignedIn = void 0;

function ensureSignedIn(req, _res, next) {
  if (!req.cookies || req.cookies['ide-session'] !== process.env.IDE_SESSION) {
    throw new Error('Unauthorized');
  }
  if (next) next();
}
exports.ensureSignedIn = ensureSignedIn;

function originMatchesHost(req) {
  const origin = req.headers.origin;
  if (!origin) return; // only non-browser clients leave it out
  if (new URL(origin).protocol !== 'https:' || new URL(origin).host !== req.headers.host) {
    throw new Error(`origin ${origin} does not match the host`);
  }
}

function ensureSameOrigin(req, _res, next) {
  originMatchesHost(req);
  if (next) next();
}
exports.ensureSameOrigin = ensureSameOrigin;

// A rate limit: it decides nothing about the Origin.
function checkRate(req, _res, next) {
  if ((req.socket.requests = (req.socket.requests || 0) + 1) > 100) throw new Error('Too many requests');
  if (next) next();
}
exports.checkRate = checkRate;

package io.wsscan.rules.js;

import io.wsscan.analysis.JsAnalyzer;
import io.wsscan.findings.Finding;
import io.wsscan.rules.RuleCatalog;
import io.wsscan.testing.RuleTester;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code js/ws-server-origin-check}: missing, weak and strong origin checks of Node WebSocket servers. */
class ServerOriginCheckTest {

    private static final String RULE = "js/ws-server-origin-check";
    private static final String CODE = "js/ws-message-code-injection";
    private static RuleTester tester;

    @BeforeAll
    static void setUp() {
        tester = RuleTester.using(new JsAnalyzer(RuleCatalog.builtin())::analyzeTogether);
    }

    /** {@code js} with the annotation line {@code annotation} inserted before its line {@code line}. */
    static String at(int line, String annotation, String js) {
        List<String> lines = new ArrayList<>(List.of(js.split("\n", -1)));
        lines.add(line - 1, annotation);
        return String.join("\n", lines);
    }

    /** The one finding of the rule, on {@code line} of {@code js}, with {@code message} in its message. */
    private static Finding one(int line, String message, String js) {
        return one("server.js", line, message, js);
    }

    private static Finding one(String name, int line, String message, String js) {
        String expect = "// expect: " + RULE + (message == null ? "" : " \"" + message + "\"");
        return tester.only(RULE).check(name, at(line, expect, js)).only(RULE);
    }

    /** No finding of the rule. */
    private static void none(String js) {
        none("server.js", js);
    }

    private static void none(String name, String js) {
        tester.only(RULE).check(name, js);
    }

    private static String ws(String verifyClient) {
        return "const { WebSocketServer } = require('ws');\n"
                + "const ALLOWED = new Set(['https://app.example.com']);\n"
                + "const LIST = ['https://app.example.com'];\n"
                + "const wss = new WebSocketServer({ port: 8080, verifyClient: " + verifyClient + " });\n";
    }

    // ------------------------------------------------------------------ ws: spellings of the constructor

    @Test
    void everySpellingOfTheWsServerIsAnEndpoint() {
        List<String> spellings = List.of(
                "const { WebSocketServer } = require('ws');\nconst s = new WebSocketServer({ port: 1 });\n",
                "const { Server } = require('ws');\nconst s = new Server({ port: 1 });\n",
                "const WebSocket = require('ws');\nconst s = new WebSocket.Server({ port: 1 });\n",
                "const WebSocket = require('ws');\nconst s = new WebSocket.WebSocketServer({ port: 1 });\n",
                "// inline require\nconst s = new (require('ws').Server)({ port: 1 });\n",
                "const WSS = require('ws').WebSocketServer;\nconst s = new WSS({ port: 1 });\n",
                "const { WebSocket } = require('ws');\nconst s = new WebSocket.Server({ port: 1 });\n");
        for (String js : spellings) one(2, null, js);
        List<String> esm = List.of(
                "import { WebSocketServer } from 'ws';\nconst s = new WebSocketServer({ port: 1 });\n",
                "import WebSocket from 'ws';\nconst s = new WebSocket.Server({ port: 1 });\n",
                "import * as WS from 'ws';\nconst s = new WS.WebSocketServer({ port: 1 });\n",
                "import WebSocket, { WebSocketServer as Srv } from 'ws';\nconst s = new Srv({ port: 1 });\n");
        for (String js : esm) one("server.mjs", 2, null, js);
        one("server.ts", 2, null, "import { WebSocketServer } from 'ws';\nconst s: WebSocketServer = new WebSocketServer({ port: 1 });\n");
    }

    @Test
    void browserWebSocketAndUnrelatedServersAreNotEndpoints() {
        none("const s = new WebSocket('wss://a.example.com');\nconst Server = require('./server');\nnew Server({ port: 1 });\n");
        none("const net = require('net');\nnet.createServer(() => {}).listen(1);\n");
    }

    @Test
    void helpersThatReturnTheOriginAreFollowedBoundedEvenWhenRecursive() {
        String head = "const { WebSocketServer } = require('ws');\n";
        // a recursive normaliser: followed a few calls deep, never without end
        one(5, "only the host name", head + "function bare(o) { return o.endsWith('/') ? bare(o.slice(0, -1)) : o; }\n"
                + "function hostOf(o) { return new URL(bare(o)).hostname; }\n"
                + "function twice(o) { return hostOf(o); }\n"
                + "const wss = new WebSocketServer({ port: 1, verifyClient: (i) => twice(i.origin) === 'a.example.com' });\n"
                + "wss.on('connection', (ws) => ws.on('message', (m) => ws.send(m)));\n");
    }

    @Test
    void missingVerifyClient() {
        one(2, "it has no verifyClient", "const { WebSocketServer } = require('ws');\nconst wss = new WebSocketServer({ server: srv });\n");
    }

    @Test
    void connectionListenerThatClosesForeignOrigins() {
        String head = "const { WebSocketServer } = require('ws');\nconst ALLOWED = ['https://a.example.com'];\n"
                + "const wss = new WebSocketServer({ port: 1 });\n";
        none(head + "wss.on('connection', (ws, req) => {\n  if (!ALLOWED.includes(req.headers.origin)) return ws.close(1008);\n});\n");
        one(3, "'connection' listener", head + "wss.on('connection', (ws, req) => {\n  if (!req.headers.origin.includes('example.com')) ws.terminate();\n});\n");
        one(3, "no verifyClient", head + "wss.on('connection', (ws, req) => {\n  console.log(req.headers.origin);\n});\n");
        // another server's listener does not count
        one(3, null, head + "const other = new WebSocketServer({ port: 2, verifyClient: (i) => ALLOWED.includes(i.origin) });\n"
                + "other.on('connection', (ws, req) => { if (!ALLOWED.includes(req.headers.origin)) ws.close(); });\n");
    }

    // ------------------------------------------------------------------ ws: verifyClient grades

    @Test
    void strongVerifyClients() {
        none(ws("(info) => ALLOWED.has(info.origin)"));
        none(ws("(info) => LIST.includes(info.origin)"));
        none(ws("(info) => LIST.indexOf(info.req.headers.origin) !== -1"));
        none(ws("(info, cb) => cb(info.origin === 'https://app.example.com')"));
        none(ws("({ origin }, cb) => { if (origin !== process.env.APP_ORIGIN) return cb(false, 403); cb(true); }"));
        none(ws("({ req }) => ALLOWED.has(req.headers['origin'])"));
        none(ws("(info) => { const { origin } = info.req.headers; return ALLOWED.has(origin); }"));
        none(ws("(info) => /^https:\\/\\/(app|admin)\\.example\\.com$/.test(info.origin)"));
        none(ws("(info) => { const u = new URL(info.origin); return u.protocol === 'https:' && u.hostname.endsWith('.example.com'); }"));
        none(ws("(info) => { switch (info.origin) { case 'https://app.example.com': return true; default: return false; } }"));
        none(ws("check") + "function check(info) { return isAllowed(info.origin); }\nfunction isAllowed(o) { return ALLOWED.has(o); }\n");
    }

    @Test
    void weakVerifyClientsSayWhy() {
        one(4, "includes()", ws("(info) => info.origin.includes('example.com')"));
        one(4, "indexOf()", ws("(info) => info.origin.indexOf('example.com') >= 0"));
        one(4, "startsWith()", ws("(info) => info.origin.startsWith('https://app.example.com')"));
        one(4, "without a leading dot", ws("(info) => info.origin.endsWith('example.com')"));
        one(4, "not anchored", ws("(info) => /example\\.com/.test(info.origin)"));
        one(4, "unescaped", ws("(info) => /^https:\\/\\/app.example.com$/.test(info.origin)"));
        one(4, "substring", ws("(info) => 'https://a.example.com,https://b.example.com'.includes(info.origin)"));
        one(4, "plain string", ws("(info) => { const o = (info.req.headers.origin || '').toLowerCase(); return o.search('example.com') > -1; }"));
    }

    @Test
    void missingChecksInsideVerifyClientHaveTheirOwnMessages() {
        one(4, "accepts every handshake", ws("() => true"));
        one(4, "accepts every handshake", ws("(info, cb) => cb(true)"));
        one(4, "never compares the Origin", ws("(info, cb) => cb(Boolean(info.req.headers.cookie))"));
        one(4, "never compares the Origin", ws("(info) => info.origin !== undefined"));
    }

    @Test
    void verifyClientOutOfSightIsNotJudged() {
        // options from a parameter, a verifier imported from another package, a method of an injected object
        none("const { WebSocketServer } = require('ws');\nmodule.exports = (opts) => new WebSocketServer(opts);\n");
        none("const { WebSocketServer } = require('ws');\nconst { verifyOrigin } = require('@corp/auth');\n"
                + "const wss = new WebSocketServer({ port: 1, verifyClient: (info) => verifyOrigin(info.origin) });\n");
        // options that spread an object out of sight: judged, but only as a note (the spread may set verifyClient)
        Finding spread = one(4, "spread an object out of sight", "const { WebSocketServer } = require('ws');\nfunction make(base) {\n"
                + "  const options = { ...base.options, clientTracking: false };\n  return new WebSocketServer(options);\n}\n");
        org.junit.jupiter.api.Assertions.assertEquals(Finding.Level.NOTE, spread.level());
        one(3, null, "const { WebSocketServer } = require('ws');\nconst DEFAULTS = { clientTracking: false };\n"
                + "const wss = new WebSocketServer({ ...DEFAULTS, port: 1 });\n");
        // an injected object's method whose name says it checks the origin
        none("const { WebSocketServer } = require('ws');\nfunction make(gate) {\n"
                + "  return new WebSocketServer({ port: 1, verifyClient: (info, cb) => gate.checkOrigin(info.req, cb) });\n}\n");
    }

    @Test
    void aGateOutOfSightThatDoesNotSayOriginDecidesNothing() {
        // an authorisation or rate-limit helper out of sight does not check the Origin: still reported
        one(3, "never compares the Origin header", "const { WebSocketServer } = require('ws');\nfunction make(auth) {\n"
                + "  return new WebSocketServer({ port: 1, verifyClient: (info, cb) => auth.authorize(info.req, cb) });\n}\n");
        one(3, "never compares the Origin header", "const { WebSocketServer } = require('ws');\nfunction make(limiter) {\n"
                + "  return new WebSocketServer({ port: 1, verifyClient: (info) => limiter.allowIp(info.req.socket.remoteAddress) });\n}\n");
    }

    // ------------------------------------------------------------------ ws: noServer

    private static String noServer(String check) {
        return "const http = require('http');\nconst { WebSocketServer } = require('ws');\n"
                + "const server = http.createServer();\n"
                + "const wss = new WebSocketServer({ noServer: true });\n"
                + "server.on('upgrade', (req, socket, head) => {\n"
                + check
                + "  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));\n"
                + "});\n";
    }

    @Test
    void noServerIsJudgedByItsUpgradeListenerAtTheConstruction() {
        // the finding starts at the construction (line 4); the upgrade listener moves to line 6
        Finding f = one(4, "never checks the Origin header", noServer(""));
        assertTrue(f.trace().stream().anyMatch(s -> s.region().startLine() == 6), "the trace shows the upgrade listener");
        one(4, "without a leading dot", noServer("  if (!req.headers.origin.endsWith('example.com')) return socket.destroy();\n"));
        none(noServer("  if (req.headers.origin !== 'https://app.example.com') { socket.destroy(); return; }\n"));
        none(noServer("  if (!allowedOrigin(req)) { socket.destroy(); return; }\n")
                + "function allowedOrigin(r) { return ['https://app.example.com'].includes(r.headers.origin); }\n");
    }

    @Test
    void noServerWithoutAnyHandleUpgradeInSightIsNotJudged() {
        none("const { WebSocketServer } = require('ws');\nmodule.exports = new WebSocketServer({ noServer: true });\n");
    }

    @Test
    void eachNoServerServerHasItsOwnListener() {
        String js = "const http = require('http');\nconst { WebSocketServer } = require('ws');\n"
                + "const server = http.createServer();\n"
                + "const open = new WebSocketServer({ noServer: true });\n"
                + "const guarded = new WebSocketServer({ noServer: true });\n"
                + "server.on('upgrade', (req, socket, head) => open.handleUpgrade(req, socket, head, (ws) => {}));\n"
                + "server.on('upgrade', (req, socket, head) => {\n"
                + "  if (req.headers.origin !== 'https://app.example.com') return socket.destroy();\n"
                + "  guarded.handleUpgrade(req, socket, head, (ws) => {});\n"
                + "});\n";
        one(4, null, js);
    }

    // ------------------------------------------------------------------ socket.io

    private static String sio(String opts) {
        return "const { Server } = require('socket.io');\nconst LIST = ['https://app.example.com'];\n"
                + "const io = new Server(httpServer, " + opts + ");\n";
    }

    @Test
    void socketIoPermissiveCorsWithCredentials() {
        one(3, "'*'", sio("{ cors: { origin: '*', credentials: true } }"));
        one(3, "reflects", sio("{ cors: { origin: true, credentials: true } }"));
        one(3, "default", sio("{ cors: { credentials: true } }"));
        one(3, "accepts every origin", sio("{ cors: { origin: (o, cb) => cb(null, true), credentials: true } }"));
        one(3, "leading dot", sio("{ cors: { origin: (o, cb) => cb(null, o.endsWith('example.com')), credentials: true } }"));
        one(3, "not anchored", sio("{ cors: { origin: /example\\.com/, credentials: true } }"));
        one(3, "socket.io 2", sio("{ origins: '*:*' }"));
        one(3, "falls back", sio("{ cors: { origin: process.env.CLIENT_ORIGIN || '*', credentials: true } }"));
        one(3, "falls back", sio("{ cors: { origin: dev ? true : 'https://app.example.com', credentials: true } }"));
        one(1, null, "const io = require('socket.io')(srv, { cors: { origin: true, credentials: true } });\n"
                + "io.on('connection', (s) => {});\n");
        one("server.mjs", 2, null, "import { Server } from 'socket.io';\nconst io = new Server({ cors: { origin: '*', credentials: true } });\n");
    }

    @Test
    void socketIoSafeSettings() {
        none(sio("{ cors: { origin: LIST, credentials: true } }"));
        none(sio("{ cors: { origin: 'https://app.example.com', credentials: true } }"));
        none(sio("{ cors: { origin: process.env.CLIENT_ORIGIN || 'https://app.example.com', credentials: true } }"));
        none(sio("{ cors: { origin: '*' } }"));
        none(sio("{ path: '/rt' }"));
        none("const { Server } = require('socket.io');\nconst io = new Server(httpServer);\n");
        none(sio("{ cors: { origin: (o, cb) => cb(null, LIST.includes(o)), credentials: true } }"));
        none(sio("{ cors: { origin: '*', credentials: true }, allowRequest: (req, cb) => cb(null, LIST.includes(req.headers.origin)) }"));
    }

    @Test
    void socketIoCookieSessionsNeedAnOriginCheck() {
        String head = "const { Server } = require('socket.io');\nconst session = require('express-session');\n"
                + "const sessionMiddleware = session({ secret: 'x' });\n";
        one(4, null, head + "const io = new Server(srv);\nio.engine.use(sessionMiddleware);\n");
        one(4, null, head + "const io = new Server(srv);\nio.use((socket, next) => sessionMiddleware(socket.request, {}, next));\n");
        none(head + "const io = new Server(srv, { allowRequest: (req, cb) => cb(null, req.headers.origin === 'https://a.example.com') });\n"
                + "io.engine.use(sessionMiddleware);\n");
        none(head + "const io = new Server(srv);\nio.use((socket, next) => next(socket.handshake.auth.token ? null : new Error('x')));\n");
        // another server's session does not count
        none(head + "const io = new Server(srv);\nconst other = new Server(srv2);\nother.engine.use(sessionMiddleware);\n"
                .replace("const other = new Server(srv2);\nother", "const other = {};\nother"));
    }

    @Test
    void socketIoWeakAllowRequest() {
        one(3, "allowRequest", sio("{ allowRequest: (req, cb) => cb(null, req.headers.origin.includes('example.com')) }"));
    }

    // ------------------------------------------------------------------ express-ws and uWebSockets.js

    @Test
    void expressWsRoutes() {
        String head = "const express = require('express');\nconst app = express();\nrequire('express-ws')(app);\n";
        one(4, null, head + "app.ws('/a', (ws, req) => { ws.send('hi'); });\n");
        none(head + "app.ws('/a', (ws, req) => { if (req.headers.origin !== 'https://a.example.com') ws.close(); });\n");
        none(head + "app.use((req, res, next) => req.get('origin') === 'https://a.example.com' ? next() : res.sendStatus(403));\n"
                + "app.ws('/a', (ws, req) => {});\n");
        one(4, "indexOf()", head + "app.ws('/a', (ws, req) => { if (req.header('Origin').indexOf('example.com') < 0) ws.close(); });\n");
        one(3, null, "const expressWs = require('express-ws');\nconst { app } = expressWs(require('express')());\n"
                + "app.ws('/b', (ws) => {});\n");
    }

    @Test
    void uwsRoutes() {
        String head = "const uWS = require('uWebSockets.js');\n";
        one(2, "no upgrade handler", head + "uWS.App().ws('/*', { message: (ws, m) => {} });\n");
        one(2, "never checks", head + "uWS.SSLApp({}).ws('/*', { upgrade: (res, req, ctx) => res.upgrade({}, req.getHeader('sec-websocket-key'), '', '', ctx) });\n");
        none(head + "uWS.App().ws('/*', { upgrade: (res, req, ctx) => {\n"
                + "  if (req.getHeader('origin') !== 'https://a.example.com') return res.writeStatus('403').end();\n"
                + "  res.upgrade({}, req.getHeader('sec-websocket-key'), '', '', ctx);\n} });\n");
        // the behavior from elsewhere: out of sight
        none(head + "module.exports = (behavior) => uWS.App().ws('/*', behavior);\n");
    }

    // ------------------------------------------------------------------ server-side message sources

    @Test
    void serverMessagesReachNodeCodeSinks() {
        String expect = "  // expect: " + CODE;
        RuleTester code = tester.only(CODE);
        code.check("ws.js", "const { WebSocketServer } = require('ws');\nconst cp = require('child_process');\n"
                + "new WebSocketServer({ port: 1, verifyClient: (i) => i.origin === 'https://a.example.com' })"
                + ".on('connection', (ws) => ws.on('message', (data, isBinary) => {\n" + expect + "\n  cp.exec(data.toString());\n}));\n");
        code.check("socket-io.js", "const io = require('socket.io')(1);\nconst vm = require('node:vm');\n"
                + "io.on('connection', (socket) => socket.on('run', (code, ack) => {\n" + expect + "\n  vm.runInNewContext(code);\n}));\n");
        code.check("express-ws.js", "const app = require('express')();\nrequire('express-ws')(app);\nconst { execSync } = require('node:child_process');\n"
                + "app.ws('/x', (ws, req) => { ws.on('message', (m) => {\n" + expect + "\n  execSync(m);\n}); });\n");
        code.check("uws.js", "const uWS = require('uWebSockets.js');\n"
                + "uWS.App().ws('/*', { message: (ws, message, isBinary) => {\n" + expect + "\n  eval(Buffer.from(message).toString());\n} });\n");
    }

    @Test
    void fixedProgramsWithArgumentsAreNotCodeSinks() {
        tester.only(CODE).check("server.js", "const { WebSocketServer } = require('ws');\nconst { execFile, spawn } = require('child_process');\n"
                + "new WebSocketServer({ port: 1, verifyClient: (i) => i.origin === 'https://a.example.com' })"
                + ".on('connection', (ws) => ws.on('message', (data) => {\n"
                + "  execFile('git', ['log', String(data)]);\n  spawn('tail', ['-n', '5', String(data)]);\n}));\n");
    }

    // ------------------------------------------------------------------ a library described only by model rows

    /**
     * A server library wsscan does not ship, added by a user ruleset of model rows alone: its endpoint,
     * its handshake callback as a decider, and what holds when the application gives none.
     */
    @Test
    void aNewLibraryIsModelRowsOnly(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path model = dir.resolve("acme-sockets.yml");
        java.nio.file.Files.writeString(model, String.join("\n",
                "library: acme-sockets",
                "endpoints:",
                "  - { path: \"Module[acme-sockets].Member[listen]\", library: acme-sockets, policy: acme }",
                "handlers:",
                "  - { path: \"Module[acme-sockets].Member[listen].Argument[0].Member[onHandshake]\", kind: acme-handshake }",
                "policies:",
                "  - name: acme",
                "    options: [0]",
                "    deciders:",
                "      - { handlers: acme-handshake, holds: request, every: true, option: onHandshake, label: onHandshake,",
                "          weak: \"its {label} {why}\", none: \"its {label} never reads the Origin header\" }",
                "    otherwise: { detail: \"it has no onHandshake, and acme-sockets accepts every origin by default\" }",
                ""));
        RuleTester custom = RuleTester.using(new JsAnalyzer(RuleCatalog.load(List.of(model)))::analyzeTogether).only(RULE);
        String head = "const acme = require('acme-sockets');\n";
        Finding none = custom.check("a.js", at(2, "// expect: " + RULE + " \"accepts every origin by default\"",
                head + "const srv = acme.listen({ port: 9000 });\n")).only(RULE);
        assertTrue(none.message().contains("acme-sockets"), none.message());
        custom.check("b.js", at(2, "// expect: " + RULE + " \"onHandshake checks the origin with includes()\"",
                head + "const srv = acme.listen({ port: 9000, onHandshake: (req) => req.headers.origin.includes('acme.example') });\n"));
        custom.check("c.js", head + "const srv = acme.listen({ port: 9000, onHandshake: (req) => req.headers.origin === 'https://acme.example' });\n");
        custom.check("d.js", at(2, "// expect: " + RULE + " \"never reads the Origin header\"",
                head + "const srv = acme.listen({ port: 9000, onHandshake: (req) => req.url.startsWith('/live') });\n"));
        // options out of sight: nothing can be claimed
        custom.check("e.js", head + "module.exports = (opts) => acme.listen(opts);\n");
    }
}

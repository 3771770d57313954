package io.wsscan.rules.js;

import io.wsscan.analysis.JsAnalyzer;
import io.wsscan.engine.FileReport;
import io.wsscan.engine.SourceFile;
import io.wsscan.findings.Finding;
import io.wsscan.rules.RuleCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code js/ws-server-origin-check}: missing, weak and strong origin checks of Node WebSocket servers. */
class ServerOriginCheckTest {

    private static final String RULE = "js/ws-server-origin-check";
    private static final String CODE = "js/ws-message-code-injection";
    private static JsAnalyzer analyzer;

    @BeforeAll
    static void setUp() {
        analyzer = new JsAnalyzer(RuleCatalog.builtin());
    }

    private static List<Finding> findings(String name, String js, String rule) {
        FileReport r = analyzer.analyze(new SourceFile(Path.of(name), name, js));
        assertTrue(r.notifications().isEmpty(), () -> "notifications: " + r.notifications());
        return r.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
    }

    private static Finding one(String js) {
        return one("server.js", js);
    }

    private static Finding one(String name, String js) {
        List<Finding> fs = findings(name, js, RULE);
        assertEquals(1, fs.size(), () -> "expected one finding, got " + fs + "\n" + js);
        return fs.get(0);
    }

    private static void none(String js) {
        none("server.js", js);
    }

    private static void none(String name, String js) {
        List<Finding> fs = findings(name, js, RULE);
        assertTrue(fs.isEmpty(), () -> "expected no finding, got " + fs + "\n" + js);
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
        for (String js : spellings) assertEquals(2, one(js).region().startLine(), js);
        List<String> esm = List.of(
                "import { WebSocketServer } from 'ws';\nconst s = new WebSocketServer({ port: 1 });\n",
                "import WebSocket from 'ws';\nconst s = new WebSocket.Server({ port: 1 });\n",
                "import * as WS from 'ws';\nconst s = new WS.WebSocketServer({ port: 1 });\n",
                "import WebSocket, { WebSocketServer as Srv } from 'ws';\nconst s = new Srv({ port: 1 });\n");
        for (String js : esm) assertEquals(2, one("server.mjs", js).region().startLine(), js);
        assertEquals(2, one("server.ts", "import { WebSocketServer } from 'ws';\nconst s: WebSocketServer = new WebSocketServer({ port: 1 });\n")
                .region().startLine());
    }

    @Test
    void browserWebSocketAndUnrelatedServersAreNotEndpoints() {
        none("const s = new WebSocket('wss://a.example.com');\nconst Server = require('./server');\nnew Server({ port: 1 });\n");
        none("const net = require('net');\nnet.createServer(() => {}).listen(1);\n");
    }

    @Test
    void missingVerifyClient() {
        assertTrue(one("const { WebSocketServer } = require('ws');\nconst wss = new WebSocketServer({ server: srv });\n")
                .message().contains("it has no verifyClient"));
    }

    @Test
    void connectionListenerThatClosesForeignOrigins() {
        String head = "const { WebSocketServer } = require('ws');\nconst ALLOWED = ['https://a.example.com'];\n"
                + "const wss = new WebSocketServer({ port: 1 });\n";
        none(head + "wss.on('connection', (ws, req) => {\n  if (!ALLOWED.includes(req.headers.origin)) return ws.close(1008);\n});\n");
        assertTrue(one(head + "wss.on('connection', (ws, req) => {\n  if (!req.headers.origin.includes('example.com')) ws.terminate();\n});\n")
                .message().contains("'connection' listener"));
        assertTrue(one(head + "wss.on('connection', (ws, req) => {\n  console.log(req.headers.origin);\n});\n")
                .message().contains("no verifyClient"));
        // another server's listener does not count
        assertEquals(3, one(head + "const other = new WebSocketServer({ port: 2, verifyClient: (i) => ALLOWED.includes(i.origin) });\n"
                + "other.on('connection', (ws, req) => { if (!ALLOWED.includes(req.headers.origin)) ws.close(); });\n").region().startLine());
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
        assertTrue(one(ws("(info) => info.origin.includes('example.com')")).message().contains("includes()"));
        assertTrue(one(ws("(info) => info.origin.indexOf('example.com') >= 0")).message().contains("indexOf()"));
        assertTrue(one(ws("(info) => info.origin.startsWith('https://app.example.com')")).message().contains("startsWith()"));
        assertTrue(one(ws("(info) => info.origin.endsWith('example.com')")).message().contains("without a leading dot"));
        assertTrue(one(ws("(info) => /example\\.com/.test(info.origin)")).message().contains("not anchored"));
        assertTrue(one(ws("(info) => /^https:\\/\\/app.example.com$/.test(info.origin)")).message().contains("unescaped"));
        assertTrue(one(ws("(info) => 'https://a.example.com,https://b.example.com'.includes(info.origin)")).message()
                .contains("substring"));
        assertTrue(one(ws("(info) => { const o = (info.req.headers.origin || '').toLowerCase(); return o.search('example.com') > -1; }"))
                .message().contains("plain string"));
    }

    @Test
    void missingChecksInsideVerifyClientHaveTheirOwnMessages() {
        assertTrue(one(ws("() => true")).message().contains("accepts every handshake"));
        assertTrue(one(ws("(info, cb) => cb(true)")).message().contains("accepts every handshake"));
        assertTrue(one(ws("(info, cb) => cb(Boolean(info.req.headers.cookie))")).message().contains("never compares the Origin"));
        assertTrue(one(ws("(info) => info.origin !== undefined")).message().contains("never compares the Origin"));
    }

    @Test
    void verifyClientOutOfSightIsNotJudged() {
        // options from a parameter, a verifier imported from another package, a method of an injected object
        none("const { WebSocketServer } = require('ws');\nmodule.exports = (opts) => new WebSocketServer(opts);\n");
        none("const { WebSocketServer } = require('ws');\nconst { verifyOrigin } = require('@corp/auth');\n"
                + "const wss = new WebSocketServer({ port: 1, verifyClient: (info) => verifyOrigin(info.origin) });\n");
        none("const { WebSocketServer } = require('ws');\nfunction make(base) {\n  const options = { ...base.options, clientTracking: false };\n"
                + "  return new WebSocketServer(options);\n}\n");
        assertEquals(2, one("const { WebSocketServer } = require('ws');\nconst DEFAULTS = { clientTracking: false };\n"
                + "const wss = new WebSocketServer({ ...DEFAULTS, port: 1 });\n").region().startLine() - 1);
        none("const { WebSocketServer } = require('ws');\nfunction make(auth) {\n"
                + "  return new WebSocketServer({ port: 1, verifyClient: (info, cb) => auth.authorize(info.req, cb) });\n}\n");
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
        Finding f = one(noServer(""));
        assertEquals(4, f.region().startLine(), "the finding starts at the construction");
        assertTrue(f.message().contains("never checks the Origin header"), f.message());
        assertTrue(f.trace().stream().anyMatch(s -> s.region().startLine() == 5), "the trace shows the upgrade listener");
        assertTrue(one(noServer("  if (!req.headers.origin.endsWith('example.com')) return socket.destroy();\n"))
                .message().contains("without a leading dot"));
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
        assertEquals(4, one(js).region().startLine());
    }

    // ------------------------------------------------------------------ socket.io

    private static String sio(String opts) {
        return "const { Server } = require('socket.io');\nconst LIST = ['https://app.example.com'];\n"
                + "const io = new Server(httpServer, " + opts + ");\n";
    }

    @Test
    void socketIoPermissiveCorsWithCredentials() {
        assertTrue(one(sio("{ cors: { origin: '*', credentials: true } }")).message().contains("'*'"));
        assertTrue(one(sio("{ cors: { origin: true, credentials: true } }")).message().contains("reflects"));
        assertTrue(one(sio("{ cors: { credentials: true } }")).message().contains("default"));
        assertTrue(one(sio("{ cors: { origin: (o, cb) => cb(null, true), credentials: true } }")).message().contains("accepts every origin"));
        assertTrue(one(sio("{ cors: { origin: (o, cb) => cb(null, o.endsWith('example.com')), credentials: true } }"))
                .message().contains("leading dot"));
        assertTrue(one(sio("{ cors: { origin: /example\\.com/, credentials: true } }")).message().contains("not anchored"));
        assertTrue(one(sio("{ origins: '*:*' }")).message().contains("socket.io 2"));
        assertTrue(one(sio("{ cors: { origin: process.env.CLIENT_ORIGIN || '*', credentials: true } }")).message().contains("falls back"));
        assertTrue(one(sio("{ cors: { origin: dev ? true : 'https://app.example.com', credentials: true } }")).message().contains("falls back"));
        assertEquals(2, one("const io = require('socket.io')(srv, { cors: { origin: true, credentials: true } });\n"
                + "io.on('connection', (s) => {});\n").region().startLine() + 1);
        assertEquals(1, one("server.mjs", "import { Server } from 'socket.io';\nconst io = new Server({ cors: { origin: '*', credentials: true } });\n")
                .region().startLine() - 1);
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
        assertEquals(4, one(head + "const io = new Server(srv);\nio.engine.use(sessionMiddleware);\n").region().startLine());
        assertEquals(4, one(head + "const io = new Server(srv);\nio.use((socket, next) => sessionMiddleware(socket.request, {}, next));\n")
                .region().startLine());
        none(head + "const io = new Server(srv, { allowRequest: (req, cb) => cb(null, req.headers.origin === 'https://a.example.com') });\n"
                + "io.engine.use(sessionMiddleware);\n");
        none(head + "const io = new Server(srv);\nio.use((socket, next) => next(socket.handshake.auth.token ? null : new Error('x')));\n");
        // another server's session does not count
        none(head + "const io = new Server(srv);\nconst other = new Server(srv2);\nother.engine.use(sessionMiddleware);\n"
                .replace("const other = new Server(srv2);\nother", "const other = {};\nother"));
    }

    @Test
    void socketIoWeakAllowRequest() {
        assertTrue(one(sio("{ allowRequest: (req, cb) => cb(null, req.headers.origin.includes('example.com')) }"))
                .message().contains("allowRequest"));
    }

    // ------------------------------------------------------------------ express-ws and uWebSockets.js

    @Test
    void expressWsRoutes() {
        String head = "const express = require('express');\nconst app = express();\nrequire('express-ws')(app);\n";
        assertEquals(4, one(head + "app.ws('/a', (ws, req) => { ws.send('hi'); });\n").region().startLine());
        none(head + "app.ws('/a', (ws, req) => { if (req.headers.origin !== 'https://a.example.com') ws.close(); });\n");
        none(head + "app.use((req, res, next) => req.get('origin') === 'https://a.example.com' ? next() : res.sendStatus(403));\n"
                + "app.ws('/a', (ws, req) => {});\n");
        assertTrue(one(head + "app.ws('/a', (ws, req) => { if (req.header('Origin').indexOf('example.com') < 0) ws.close(); });\n")
                .message().contains("indexOf()"));
        assertEquals(2, one("const expressWs = require('express-ws');\nconst { app } = expressWs(require('express')());\n"
                + "app.ws('/b', (ws) => {});\n").region().startLine() - 1);
    }

    @Test
    void uwsRoutes() {
        String head = "const uWS = require('uWebSockets.js');\n";
        assertTrue(one(head + "uWS.App().ws('/*', { message: (ws, m) => {} });\n").message().contains("no upgrade handler"));
        assertTrue(one(head + "uWS.SSLApp({}).ws('/*', { upgrade: (res, req, ctx) => res.upgrade({}, req.getHeader('sec-websocket-key'), '', '', ctx) });\n")
                .message().contains("never checks"));
        none(head + "uWS.App().ws('/*', { upgrade: (res, req, ctx) => {\n"
                + "  if (req.getHeader('origin') !== 'https://a.example.com') return res.writeStatus('403').end();\n"
                + "  res.upgrade({}, req.getHeader('sec-websocket-key'), '', '', ctx);\n} });\n");
        // the behavior from elsewhere: out of sight
        none(head + "module.exports = (behavior) => uWS.App().ws('/*', behavior);\n");
    }

    // ------------------------------------------------------------------ server-side message sources

    @Test
    void serverMessagesReachNodeCodeSinks() {
        Map<String, String> cases = Map.of(
                "ws", "const { WebSocketServer } = require('ws');\nconst cp = require('child_process');\n"
                        + "new WebSocketServer({ port: 1, verifyClient: (i) => i.origin === 'https://a.example.com' })"
                        + ".on('connection', (ws) => ws.on('message', (data, isBinary) => {\n  cp.exec(data.toString());\n}));\n",
                "socket.io", "const io = require('socket.io')(1);\nconst vm = require('node:vm');\n"
                        + "io.on('connection', (socket) => socket.on('run', (code, ack) => {\n  vm.runInNewContext(code);\n}));\n",
                "express-ws", "const app = require('express')();\nrequire('express-ws')(app);\nconst { execSync } = require('node:child_process');\n"
                        + "app.ws('/x', (ws, req) => { ws.on('message', (m) => {\n  execSync(m);\n}); });\n",
                "uws", "const uWS = require('uWebSockets.js');\n"
                        + "uWS.App().ws('/*', { message: (ws, message, isBinary) => {\n  eval(Buffer.from(message).toString());\n} });\n");
        List<String> missed = new ArrayList<>();
        for (Map.Entry<String, String> e : cases.entrySet()) {
            List<Finding> fs = findings("server.js", e.getValue(), CODE);
            if (fs.size() != 1) missed.add(e.getKey() + ": " + fs);
        }
        assertTrue(missed.isEmpty(), missed.toString());
    }

    @Test
    void fixedProgramsWithArgumentsAreNotCodeSinks() {
        String js = "const { WebSocketServer } = require('ws');\nconst { execFile, spawn } = require('child_process');\n"
                + "new WebSocketServer({ port: 1, verifyClient: (i) => i.origin === 'https://a.example.com' })"
                + ".on('connection', (ws) => ws.on('message', (data) => {\n"
                + "  execFile('git', ['log', String(data)]);\n  spawn('tail', ['-n', '5', String(data)]);\n}));\n";
        assertTrue(findings("server.js", js, CODE).isEmpty());
    }
}

package io.wsscan.analysis;

import io.wsscan.engine.FileReport;
import io.wsscan.engine.SourceFile;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Step;
import io.wsscan.rules.RuleCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values crossing module boundaries: ES imports/exports, re-exports, CommonJS and dynamic import. */
class CrossFileTest {

    private static JsAnalyzer analyzer;

    @BeforeAll
    static void setUp() {
        analyzer = new JsAnalyzer(RuleCatalog.builtin());
    }

    /** Files given as path, text, path, text, ...; findings of all files as "rule@path:line". */
    private static List<String> scan(String... pathsAndTexts) {
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.add(new SourceFile(Path.of(pathsAndTexts[i]), pathsAndTexts[i], pathsAndTexts[i + 1]));
        }
        Map<String, FileReport> reports = analyzer.analyzeTogether(files);
        assertEquals(files.size(), reports.size(), "a report for every file");
        List<String> out = new ArrayList<>();
        for (FileReport r : reports.values()) {
            assertTrue(r.analysed(), () -> "not analysed: " + r.notifications());
            for (Finding f : r.findings()) out.add(f.ruleId() + "@" + f.file() + ":" + f.region().startLine());
        }
        return out;
    }

    @Test
    void namedImportOfASocketMadeInAnotherModule() {
        assertEquals(List.of("js/ws-message-xss@view.js:2"), scan(
                "socket.js", "export const socket = new WebSocket('wss://h/ws');\n",
                "view.js", "import { socket as s } from './socket.js';\ns.onmessage = (e) => { document.body.innerHTML = e.data; };\n"));
    }

    @Test
    void handlerFunctionExportedByAnotherModuleReportsAtItsSink() {
        List<String> found = scan(
                "render.js", "export default function render(html) {\n  document.getElementById('x').innerHTML = html;\n}\n",
                "main.js", "import render from './render';\nconst ws = new WebSocket('wss://h');\nws.onmessage = (e) => render(e.data);\n");
        assertEquals(List.of("js/ws-message-xss@render.js:2"), found);
    }

    @Test
    void traceNamesTheFileOfEveryStep() {
        List<SourceFile> files = List.of(
                new SourceFile(Path.of("a.js"), "a.js", "export function show(t) {\n  document.body.innerHTML = t;\n}\n"),
                new SourceFile(Path.of("b.js"), "b.js", "import { show } from './a.js';\nnew WebSocket('wss://h').onmessage = (e) => show(e.data);\n"));
        Finding f = analyzer.analyzeTogether(files).get("a.js").findings().get(0);
        List<Step> trace = f.trace();
        assertEquals("b.js", trace.get(0).file(), "the source is in b.js");
        assertEquals(2, trace.get(0).region().startLine());
        assertEquals("a.js", trace.get(trace.size() - 1).file(), "the sink is in a.js");
        assertTrue(f.message().contains("b.js line 2"), f.message());
    }

    @Test
    void reExportsAndNamespaces() {
        assertEquals(List.of("js/ws-message-code-injection@run.js:1"), scan(
                "run.js", "export function run(src) { return eval(src); }\n",
                "index.js", "export * from './run.js';\nexport { run as execute } from './run.js';\n",
                "app.js", "import * as lib from './index.js';\nimport { execute } from './index.js';\n"
                        + "const ws = new WebSocket('wss://h');\nws.onmessage = (e) => { lib.run(e.data); };\n"));
        assertEquals(List.of("js/ws-message-code-injection@run.js:1"), scan(
                "run.js", "export function run(src) { return eval(src); }\n",
                "index.js", "export { run as execute } from './run.js';\n",
                "app.js", "import { execute } from './index.js';\nconst ws = new WebSocket('wss://h');\nws.onmessage = (e) => execute(e.data);\n"));
    }

    @Test
    void commonJsExportsAndRequire() {
        assertEquals(List.of("js/ws-message-open-redirect@nav.js:1"), scan(
                "nav.js", "exports.go = function (u) { location.href = u; };\n",
                "conn.js", "module.exports = function () { return new WebSocket('wss://h'); };\n",
                "main.js", "var nav = require('./nav');\nvar connect = require('./conn.js');\n"
                        + "connect().onmessage = function (e) { nav.go(e.data); };\n"));
    }

    @Test
    void esModuleImportingCommonJsAndBack() {
        assertEquals(List.of("js/ws-message-xss@cjs.js:1"), scan(
                "cjs.js", "module.exports = { html: function (h) { document.body.innerHTML = h; } };\n",
                "esm.mjs", "import helpers from './cjs.js';\nimport { html } from './cjs.js';\n"
                        + "new WebSocket('wss://h').addEventListener('message', (e) => html(e.data));\n"));
        assertEquals(List.of("js/ws-message-xss@main.js:2"), scan(
                "sock.mjs", "export const ws = new WebSocket('wss://h');\n",
                "main.js", "var ws = require('./sock.mjs').ws;\nws.onmessage = function (e) { document.write(e.data); };\n"));
    }

    @Test
    void topLevelNamesOfModulesDoNotMix() {
        // both files have a top-level 'data'; only the one holding message data reaches a sink
        assertEquals(List.of(), scan(
                "a.js", "var data = '';\nexport function set(d) { data = d; }\n",
                "b.js", "import { set } from './a.js';\nvar data = 'constant';\ndocument.body.innerHTML = data;\n"
                        + "new WebSocket('wss://h').onmessage = (e) => set(e.data);\n"));
    }

    @Test
    void dynamicImportOfMessageDataIsCodeInjectionAndOfAFileLinks() {
        assertEquals(List.of("js/ws-message-code-injection@app.js:2"), scan(
                "app.js", "new WebSocket('wss://h').onmessage = async (e) => {\n  await import(e.data);\n"
                        + "  const m = await import('./m.js');\n  m.show(e.data);\n};\n",
                "m.js", "export function show(t) { console.log(t); }\n"));
        assertEquals(List.of("js/ws-message-xss@m.js:1"), scan(
                "app.js", "new WebSocket('wss://h').onmessage = async (e) => {\n"
                        + "  const m = await import('./m.js');\n  m.show(e.data);\n};\n",
                "m.js", "export function show(t) { document.body.innerHTML = t; }\n"));
    }

    @Test
    void unresolvedImportsChangeNothing() {
        assertEquals(List.of(), scan(
                "app.js", "import { socket } from './missing.js';\nimport x from 'some-package';\n"
                        + "socket.onmessage = (e) => { document.body.textContent = e.data; };\n"));
    }

    @Test
    void declarationFilesHoldOnlyTypesAndAreNotParsed() {
        FileReport r = analyzer.analyze(new SourceFile(Path.of("socket.d.ts"), "types/socket.d.ts",
                "export declare class Feed { ws: WebSocket; }\ndeclare function connect(url: string): WebSocket;\n"));
        assertTrue(r.analysed());
        assertEquals("types-only", r.frontEnd());
        assertEquals(List.of(), r.findings());
        assertEquals(List.of(), r.notifications());
    }

    @Test
    void nodeServerEndpointsAreInventoryEntriesWithTheirOriginPolicy() {
        FileReport r = analyzer.analyze(new SourceFile(Path.of("server.js"), "server.js", String.join("\n",
                "const { WebSocketServer } = require('ws');",
                "const open = new WebSocketServer({ port: 8080, path: '/feed', maxPayload: 65536 });",
                "const allowed = new Set(['https://app.example.com']);",
                "const checked = new WebSocketServer({ port: 8081, path: '/admin',",
                "  verifyClient: (info) => allowed.has(info.origin) && !!info.req.headers.cookie });",
                "")));
        List<String> servers = r.endpoints().stream().filter(e -> e.side() == io.wsscan.inventory.Endpoint.Side.SERVER)
                .map(e -> e.region().startLine() + " " + e.framework() + " " + e.path() + " " + e.originPolicy()).toList();
        assertEquals(List.of("2 ws /feed MISSING", "4 ws /admin CHECKED"), servers);
        List<String> notes = r.endpoints().stream().filter(e -> e.side() == io.wsscan.inventory.Endpoint.Side.SERVER)
                .map(e -> e.notes().get(e.notes().size() - 1)).toList();
        assertEquals("message size limit: maxPayload 65536", notes.get(0));
        List<List<String>> auth = r.endpoints().stream().filter(e -> e.side() == io.wsscan.inventory.Endpoint.Side.SERVER)
                .map(io.wsscan.inventory.Endpoint::auth).toList();
        assertEquals(List.of(List.of(), List.of("cookie")), auth, "what the verifyClient reads");
    }
}

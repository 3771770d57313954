package io.wsscan.analysis;

import io.wsscan.engine.FileReport;
import io.wsscan.engine.SourceFile;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Step;
import io.wsscan.rules.RuleCatalog;
import io.wsscan.testing.RuleTester;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values crossing module boundaries: ES imports/exports, re-exports, CommonJS and dynamic import. */
class CrossFileTest {

    private static JsAnalyzer analyzer;
    private static RuleTester tester;

    @BeforeAll
    static void setUp() {
        analyzer = new JsAnalyzer(RuleCatalog.builtin());
        tester = RuleTester.using(analyzer::analyzeTogether);
    }

    /** Files given as path, text, path, text, ...: checked together against their annotations. */
    private static RuleTester.Result check(String... pathsAndTexts) {
        RuleTester t = tester;
        for (int i = 0; i < pathsAndTexts.length; i += 2) t = t.file(pathsAndTexts[i], pathsAndTexts[i + 1]);
        return t.check();
    }

    @Test
    void namedImportOfASocketMadeInAnotherModule() {
        check("socket.js", "export const socket = new WebSocket('wss://h/ws');\n",
                "view.js", """
                        import { socket as s } from './socket.js';
                        // expect: js/ws-message-xss
                        s.onmessage = (e) => { document.body.innerHTML = e.data; };
                        """);
    }

    @Test
    void handlerFunctionExportedByAnotherModuleReportsAtItsSink() {
        check("render.js", """
                        export default function render(html) {
                          // expect: js/ws-message-xss
                          document.getElementById('x').innerHTML = html;
                        }
                        """,
                "main.js", "import render from './render';\nconst ws = new WebSocket('wss://h');\nws.onmessage = (e) => render(e.data);\n");
    }

    @Test
    void traceNamesTheFileOfEveryStep() {
        Finding f = check("a.js", """
                        export function show(t) {
                          // expect: js/ws-message-xss "b.js line 2"
                          document.body.innerHTML = t;
                        }
                        """,
                "b.js", "import { show } from './a.js';\nnew WebSocket('wss://h').onmessage = (e) => show(e.data);\n")
                .only("js/ws-message-xss");
        List<Step> trace = f.trace();
        assertEquals("b.js", trace.get(0).file(), "the source is in b.js");
        assertEquals(2, trace.get(0).region().startLine());
        assertEquals("a.js", trace.get(trace.size() - 1).file(), "the sink is in a.js");
    }

    /** run.js with one eval of its argument, reported as code injection. */
    private static final String RUN = "// expect: js/ws-message-code-injection\nexport function run(src) { return eval(src); }\n";

    @Test
    void reExportsAndNamespaces() {
        check("run.js", RUN,
                "index.js", "export * from './run.js';\nexport { run as execute } from './run.js';\n",
                "app.js", "import * as lib from './index.js';\nimport { execute } from './index.js';\n"
                        + "const ws = new WebSocket('wss://h');\nws.onmessage = (e) => { lib.run(e.data); };\n");
        check("run.js", RUN,
                "index.js", "export { run as execute } from './run.js';\n",
                "app.js", "import { execute } from './index.js';\nconst ws = new WebSocket('wss://h');\nws.onmessage = (e) => execute(e.data);\n");
    }

    @Test
    void commonJsExportsAndRequire() {
        check("nav.js", "// expect: js/ws-message-open-redirect\nexports.go = function (u) { location.href = u; };\n",
                "conn.js", "module.exports = function () { return new WebSocket('wss://h'); };\n",
                "main.js", "var nav = require('./nav');\nvar connect = require('./conn.js');\n"
                        + "connect().onmessage = function (e) { nav.go(e.data); };\n");
    }

    @Test
    void esModuleImportingCommonJsAndBack() {
        check("cjs.js", "// expect: js/ws-message-xss\nmodule.exports = { html: function (h) { document.body.innerHTML = h; } };\n",
                "esm.mjs", "import helpers from './cjs.js';\nimport { html } from './cjs.js';\n"
                        + "new WebSocket('wss://h').addEventListener('message', (e) => html(e.data));\n");
        check("sock.mjs", "export const ws = new WebSocket('wss://h');\n",
                "main.js", """
                        var ws = require('./sock.mjs').ws;
                        // expect: js/ws-message-xss
                        ws.onmessage = function (e) { document.write(e.data); };
                        """);
    }

    @Test
    void topLevelNamesOfModulesDoNotMix() {
        // both files have a top-level 'data'; only the one holding message data reaches a sink
        check("a.js", "var data = '';\nexport function set(d) { data = d; }\n",
                "b.js", """
                        import { set } from './a.js';
                        var data = 'constant';
                        // safe: js/ws-message-xss
                        document.body.innerHTML = data;
                        new WebSocket('wss://h').onmessage = (e) => set(e.data);
                        """);
    }

    @Test
    void dynamicImportOfMessageDataIsCodeInjectionAndOfAFileLinks() {
        check("app.js", """
                        new WebSocket('wss://h').onmessage = async (e) => {
                          // expect: js/ws-message-code-injection
                          await import(e.data);
                          const m = await import('./m.js');
                          m.show(e.data);
                        };
                        """,
                "m.js", "// safe: js/ws-message-xss\nexport function show(t) { console.log(t); }\n");
        check("app.js", "new WebSocket('wss://h').onmessage = async (e) => {\n"
                        + "  const m = await import('./m.js');\n  m.show(e.data);\n};\n",
                "m.js", "// expect: js/ws-message-xss\nexport function show(t) { document.body.innerHTML = t; }\n");
    }

    @Test
    void unresolvedImportsChangeNothing() {
        check("app.js", """
                import { socket } from './missing.js';
                import x from 'some-package';
                // safe: js/ws-message-xss
                socket.onmessage = (e) => { document.body.textContent = e.data; };
                """);
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

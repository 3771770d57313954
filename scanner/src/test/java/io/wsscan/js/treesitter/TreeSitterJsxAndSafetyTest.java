package io.wsscan.js.treesitter;

import io.wsscan.analysis.JsAnalyzer;
import io.wsscan.engine.FileReport;
import io.wsscan.engine.SourceFile;
import io.wsscan.findings.Notification;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;
import io.wsscan.rules.RuleCatalog;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JSX lowering, UTF-8/UTF-16 offsets, malformed input (in this JVM: a native crash fails the build), end to end. */
class TreeSitterJsxAndSafetyTest {

    private final TreeSitterFrontEnd ts = new TreeSitterFrontEnd();

    private Node program(String src, TreeSitterFrontEnd.Dialect d) throws Exception {
        TreeSitterFrontEnd.Result r = ts.parse("a", src, d);
        assertEquals(List.of(), r.errors(), src);
        return r.ir().program();
    }

    @Test
    void jsxElementsAndAttributes() throws Exception {
        String src = "const v = <div id=\"a\" href={url} {...rest} on={<b/>}>hi {name}<Foo.Bar x /><></></div>;";
        Node p = program(src, TreeSitterFrontEnd.Dialect.JAVASCRIPT);
        Node el = p.kid(0).kid(0).kid(1);
        assertEquals("JSX_ELEMENT\"div\"(JSX_ATTR\"id\"(STRING\"a\") JSX_ATTR\"href\"(JSX_EXPR(IDENT\"url\")) "
                + "JSX_SPREAD_ATTR(IDENT\"rest\") JSX_ATTR\"on\"(JSX_EXPR(JSX_ELEMENT\"b\")) JSX_TEXT\"hi \" JSX_EXPR(IDENT\"name\") "
                + "JSX_ELEMENT\"Foo.Bar\"(JSX_ATTR\"x\") JSX_ELEMENT\"\")", el.shape());
        assertEquals(src.indexOf("<div"), el.start);
        assertEquals(src.indexOf("</div>") + 6, el.end);
        Node href = el.kid(1);
        assertEquals(src.indexOf("href"), href.start);
        assertEquals(src.indexOf("{url}") + 5, href.end);
        assertEquals(src.indexOf("{url}"), href.kid(0).start);
    }

    @Test
    void tsxReadsJsxAndTypes() throws Exception {
        String src = "export function App(props: { url: string }) {\n  return <a href={props.url}>x</a>;\n}\n";
        TreeSitterFrontEnd.Result r = ts.parse("App.tsx", src, TreeSitterFrontEnd.Dialect.TSX);
        assertTrue(TreeSitterDifferentialTest.contains(r.ir().program(), Kind.JSX_ELEMENT), r.ir().program().shape());
        // the TSX grammar reads the types and the JSX of one file without a syntax error
        assertEquals(List.of(), r.errors());
        String typed = "const h = (e: MessageEvent): void => { el!.innerHTML = e.data as string; };\n"
                + "export const View = ({ items }: Props<Item[]>) => <ul>{items.map((i) => <li key={i.id}>{i.text}</li>)}</ul>;\n";
        assertEquals(List.of(), ts.parse("View.tsx", typed, TreeSitterFrontEnd.Dialect.TSX).errors());
    }

    @Test
    void utf8OffsetsBecomeUtf16Offsets() throws Exception {
        // 2-byte (é), 3-byte (€), 4-byte pair (😀), NUL and a lone surrogate before the code
        String pre = "/* é€😀\u0000\uD800 */ 'ü😀'; ";
        String src = pre + "ws.send(`x${é}y`);";
        Node p = program(src, TreeSitterFrontEnd.Dialect.JAVASCRIPT);
        assertEquals("STRING\"ü😀\"", p.kid(0).kid(0).shape());
        assertEquals(pre.indexOf('\''), p.kid(0).start);
        Node call = p.kid(1).kid(0);
        assertEquals(pre.length(), call.start);
        assertEquals(src.length() - 1, call.end);
        Node tpl = call.kid(1);
        assertEquals("TEMPLATE(STRING\"x\" IDENT\"é\" STRING\"y\")", tpl.shape());
        assertEquals(src.indexOf('é', pre.length()), tpl.kid(1).start);
        assertEquals(src.indexOf('é', pre.length()) + 1, tpl.kid(1).end);
        assertEquals(src.length(), p.end);
    }

    @Test
    void malformedInputIsReportedNotFatal() throws Exception {
        Random rnd = new Random(42);
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            StringBuilder sb = new StringBuilder();
            int n = rnd.nextInt(400);
            for (int j = 0; j < n; j++) sb.append((char) rnd.nextInt(i % 2 == 0 ? 128 : 0x10000));
            inputs.add(sb.toString());
        }
        String good = "class A { #x = 1; m(a: string) { return `${a}` + /re/g.test(a); } }\nconst j = <div a={1}>t</div>;\n";
        for (int cut = 0; cut < good.length(); cut += 3) inputs.add(good.substring(0, cut));
        inputs.add("(".repeat(50_000) + "a" + ")".repeat(50_000));
        inputs.add("[".repeat(100_000));
        inputs.add("a" + "+a".repeat(60_000) + ";");
        inputs.add("{".repeat(30_000) + "}".repeat(30_000));
        inputs.add("<a>".repeat(20_000));
        inputs.add("\u0000\uFFFF\uDBFF\uDFFF\uDC00");
        int compared = 0;
        for (TreeSitterFrontEnd.Dialect d : TreeSitterFrontEnd.Dialect.values()) {
            for (String in : inputs) {
                // reading for errors only must find exactly what the full copy finds, and survive too
                TreeSitterFrontEnd.Result check;
                try {
                    check = ts.check("x", in, d);
                    assertNull(check.ir());
                } catch (TreeSitterFrontEnd.Failure f) {
                    check = null;
                }
                try {
                    TreeSitterFrontEnd.Result r = ts.parse("x", in, d);
                    assertEquals(in.length(), r.ir().program().end);
                    assertNotNull(check, "check failed where parse did not");
                    assertEquals(r.errors(), check.errors(), d + ": " + in.substring(0, Math.min(in.length(), 60)));
                    if (!r.errors().isEmpty()) compared++;
                } catch (TreeSitterFrontEnd.Failure f) {
                    // acceptable: reported by the caller (e.g. lowering too deep); the JVM survived
                }
            }
        }
        assertTrue(compared > 300, "inputs with errors compared: " + compared);
        TreeSitterFrontEnd.Result r = ts.parse("x.ts", "let a = 1;\nlet b = );\nws.send(a);\n", TreeSitterFrontEnd.Dialect.TYPESCRIPT);
        assertFalse(r.errors().isEmpty());
        assertTrue(r.ir().program().shape().contains("MEMBER\"send\""), r.ir().program().shape());
    }

    @Test
    void parsersAreConfinedToThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> fs = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int k = i;
                fs.add(pool.submit(() -> ts.parse("t" + k + ".ts", "const a" + k + ": number = " + k + ";",
                        TreeSitterFrontEnd.Dialect.TYPESCRIPT).ir().program().shape()));
            }
            for (int i = 0; i < 64; i++) {
                assertEquals("PROGRAM(VAR_DECL\"const\"(DECLARATOR(IDENT\"a" + i + "\" NUMBER\"" + i + "\")))", fs.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void typeScriptEndToEnd() {
        String text = "const el = document.getElementById('out')!;\nconst ws: WebSocket = new WebSocket('wss://h/x');\n"
                + "ws.onmessage = (e: MessageEvent) => { el.innerHTML = e.data as string; };\n";
        FileReport r = new JsAnalyzer(RuleCatalog.builtin()).analyze(new SourceFile(Path.of("app.ts"), "app.ts", text));
        assertEquals("tree-sitter", r.frontEnd());
        assertTrue(r.findings().stream().anyMatch(f -> f.ruleId().equals("js/ws-message-xss") && f.region().startLine() == 3),
                r.findings().toString());
    }

    @Test
    void javascriptFallbackNotesItsErrors() {
        String text = "const ws = new WebSocket('wss://h/x');\nclass A { #p = 1; }\nlet = = 2;\n"
                + "ws.onmessage = (e) => { document.body.innerHTML = e.data; };\n";
        FileReport r = new JsAnalyzer(RuleCatalog.builtin()).analyze(new SourceFile(Path.of("b.js"), "b.js", text));
        assertEquals("tree-sitter", r.frontEnd());
        assertTrue(r.analysed());
        assertTrue(r.notifications().stream().allMatch(n -> n.kind().equals("info")), r.notifications().toString());
        assertTrue(r.notifications().stream().map(Notification::line).anyMatch(l -> l == 3), r.notifications().toString());
        assertTrue(r.findings().stream().anyMatch(f -> f.ruleId().equals("js/ws-message-xss")), r.findings().toString());
    }
}

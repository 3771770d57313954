package io.wsscan.js.treesitter;

import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;
import io.wsscan.js.JsSyntaxError;
import io.wsscan.js.closure.ClosureFrontEnd;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On the JS files of the test corpus, tree-sitter's IR equals Closure's (shapes and ranges). */
class TreeSitterDifferentialTest {

    /**
     * The one place where harmless differences are normalised before comparing: none are needed
     * at present beyond rendering — the text is the shape plus every node's range.
     */
    static String render(Node n) {
        StringBuilder sb = new StringBuilder();
        render(n, sb, 0);
        return sb.toString();
    }

    private static void render(Node n, StringBuilder sb, int depth) {
        sb.append("  ".repeat(depth)).append(n.kind);
        if (n.text != null) sb.append(" \"").append(n.text.replace("\n", "\\n")).append('"');
        if (n.flags != 0) sb.append(" #").append(n.flags);
        sb.append(" @").append(n.start).append("..").append(n.end).append('\n');
        for (Node k : n.kids()) render(k, sb, depth + 1);
    }

    static List<Path> corpusJs() throws IOException {
        Path root = Path.of("../test-corpus/js");
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> {
                String f = p.getFileName().toString();
                return f.endsWith(".js") || f.endsWith(".mjs") || f.endsWith(".cjs");
            }).sorted().toList();
        }
    }

    @Test
    void corpusFilesLowerLikeClosure() throws Exception {
        List<Path> files = corpusJs();
        assertFalse(files.isEmpty(), "no corpus files found");
        List<String> failures = new ArrayList<>();
        TreeSitterFrontEnd ts = new TreeSitterFrontEnd();
        ClosureFrontEnd closure = new ClosureFrontEnd();
        for (Path p : files) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            String expected;
            try {
                expected = render(closure.parse(p.toString(), text).program());
            } catch (JsSyntaxError e) {
                continue;
            }
            TreeSitterFrontEnd.Result r = ts.parse(p.toString(), text, TreeSitterFrontEnd.Dialect.JAVASCRIPT);
            assertTrue(r.errors().isEmpty(), p + ": " + r.errors());
            String actual = render(r.ir().program());
            if (!expected.equals(actual)) failures.add(p + "\n" + firstDifference(expected, actual));
        }
        assertEquals(List.of(), failures);
    }

    static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n"), a = actual.split("\n");
        for (int i = 0; i < Math.min(e.length, a.length); i++) {
            if (!e[i].equals(a[i])) {
                StringBuilder sb = new StringBuilder();
                for (int j = Math.max(0, i - 4); j < i; j++) sb.append("    ").append(e[j]).append('\n');
                return sb + "closure:     " + e[i] + "\ntree-sitter: " + a[i];
            }
        }
        return "lengths differ: " + e.length + " vs " + a.length;
    }

    /** Constructs both parsers read, one per line, compared the same way. */
    @Test
    void modernSnippetsLowerLikeClosure() throws Exception {
        String[] snippets = {
            "class A extends B { static x = 1; y; z = 2; constructor(a, ...r) { super(a); } get v() { return 1; } set v(q) {} static async *g() {} [k]() {} 'm'() {} static { init(); } }",
            "const {a, b: [c, , d] = [], e = 1, ...f} = o; let [g = 2, ...h] = p;",
            "async function f() { for await (const x of y) { await x; } } const g = async (a, b = 1) => a?.b?.[c]?.(d);",
            "label: for (let i = 0, j; i < n; i++) { if (i) continue label; else break; }",
            "for (var k in o) ; for (x of y) {} for (;;) {} do { x++ } while (--y); while (z) ;",
            "switch (a) { case 1: b(); break; default: c(); }",
            "try { a() } catch { b() } finally { c() } try { a() } catch (e) { }",
            "x = `a${b}c${`d${e}`}f`; tag`x${y}`; y = /ab+c/gi; z = 0x1F + 1e3 + 10n;",
            "import d, {a as b, c} from 'm'; import * as ns from \"n\"; export {b as e, c}; export * from 'q'; export default function () {}",
            "export const v = 1, w = 2; export class K {} export function f() {} export default (a) => a;",
            "o = {a, b: 1, [c]: 2, d() {}, get e() { return 1 }, set e(v) {}, async f() {}, *g() {}, ...h, 'i': 3, 4: 5};",
            "new X; new Y(1, ...z); a = b ? c : d; a += 1; a ??= b; a ||= c; delete a.b; typeof x; void 0; !a && b || c; d ?? e;",
            "(a, b), c; x = function* named() { yield; yield* y; }; with (o) { p }; debugger; throw new Error('e');",
            "var s = 'a\\'b\\n\\u0041\\x41\\u{1F600}'; var t = \"line\\\ncontinued\";",
            "new.target; import('x').then(m => m); a?.[0]; a?.b.c(); (function () {})(); (() => {})();",
        };
        TreeSitterFrontEnd ts = new TreeSitterFrontEnd();
        ClosureFrontEnd closure = new ClosureFrontEnd();
        List<String> failures = new ArrayList<>();
        for (String s : snippets) {
            String expected = render(closure.parse("s.js", s).program());
            TreeSitterFrontEnd.Result r = ts.parse("s.js", s, TreeSitterFrontEnd.Dialect.JAVASCRIPT);
            String actual = render(r.ir().program());
            if (!expected.equals(actual)) failures.add(s + "\n" + firstDifference(expected, actual));
            assertTrue(r.errors().isEmpty(), s + ": " + r.errors());
        }
        assertEquals(List.of(), failures);
    }

    static boolean contains(Node n, Kind k) {
        if (n.kind == k) return true;
        for (Node c : n.kids()) if (contains(c, k)) return true;
        return false;
    }
}

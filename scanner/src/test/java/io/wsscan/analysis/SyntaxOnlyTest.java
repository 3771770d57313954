package io.wsscan.analysis;

import io.wsscan.engine.FileReport;
import io.wsscan.engine.SourceFile;
import io.wsscan.rules.RuleCatalog;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file that no model applies to is only read for syntax, not lowered: what the scan says about it
 * (front end, parse notes, failures) must be exactly what reading it in full says.
 */
class SyntaxOnlyTest {

    private final JsAnalyzer js = new JsAnalyzer(RuleCatalog.builtin());

    private void assertSameReading(String relPath, String text) {
        SourceFile f = new SourceFile(Path.of(relPath), relPath, text);
        FileReport full = js.parseOnly(f, true), syntax = js.parseOnly(f, false);
        assertEquals(full.notifications(), syntax.notifications(), relPath);
        assertEquals(full.analysed(), syntax.analysed(), relPath);
        assertEquals(full.partlyRead(), syntax.partlyRead(), relPath);
        assertTrue(full.findings().isEmpty() && syntax.findings().isEmpty() && syntax.endpoints().isEmpty(), relPath);
        // the exact parsers run in the other order for a syntax check: either may be named when both accept
        if (!java.util.Objects.equals(full.frontEnd(), syntax.frontEnd())) {
            assertEquals(Set.of("rhino", "closure"), Set.of(full.frontEnd(), syntax.frontEnd()), relPath);
        }
    }

    @Test
    void corpusFilesReadTheSameWay() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("../test-corpus"))) {
            files = s.filter(Files::isRegularFile).filter(p -> js.accepts(p.toString())).sorted().toList();
        }
        assertTrue(files.size() > 50, "corpus files: " + files.size());
        for (Path p : files) assertSameReading(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
    }

    @Test
    void brokenFilesReadTheSameWay() {
        List<String[]> cases = new ArrayList<>();
        // JS that Rhino and Closure reject: tree-sitter's error ranges become notes
        cases.add(new String[]{"a.js", "function f() {\n  let x = ;\n  return x\n"});
        cases.add(new String[]{"b.js", "class A { #p = 1; get p() { return this.#p } }\nvar y = (;\n"});
        cases.add(new String[]{"c.mjs", "export default {\n  a: 1,,\n  b: [\n}\n"});
        // TypeScript and JSX: tree-sitter only
        cases.add(new String[]{"d.ts", "let a: number = 1;\nlet b = );\nfunction g(x: string { return x }\n"});
        cases.add(new String[]{"e.tsx", "const A = (p: Props) => <div>{p.x</div>;\nexport default A;\n"});
        cases.add(new String[]{"f.jsx", "const B = () => <ul>{items.map(i => <li key={i}>{i}</li>)}</ul>\nconst C = <p>\n"});
        cases.add(new String[]{"g.d.ts", "declare const x: number;\n"});
        // nothing any parser can use
        cases.add(new String[]{"h.js", "\u0000\uFFFF<<<>>>}}}{{{"});
        for (String[] c : cases) assertSameReading(c[0], c[1]);

        SourceFile broken = new SourceFile(Path.of("a.js"), "a.js", cases.get(0)[1]);
        FileReport r = js.parseOnly(broken, false);
        assertEquals("tree-sitter", r.frontEnd());
        assertFalse(r.notifications().isEmpty(), "the syntax error is reported");
        assertEquals(r.notifications().stream().anyMatch(n -> n.message().contains("were skipped")), r.partlyRead(),
                r.notifications()::toString);
    }

    /** Partly read means lines were skipped; a token the parser only inserted loses no code. */
    @Test
    void skippedLinesMakeAFilePartlyReadAnInsertedTokenDoesNot() {
        FileReport skipped = js.parseOnly(new SourceFile(Path.of("v.tsx"), "v.tsx", "let a = 1;\nlet b = 1 +* @@ ;\nlet c = 2;\n"), true);
        assertTrue(skipped.partlyRead(), skipped.notifications()::toString);
        FileReport inserted = js.parseOnly(new SourceFile(Path.of("w.ts"), "w.ts", "let a = f(1;\nlet c = 2;\n"), true);
        assertTrue(inserted.analysed());
        assertTrue(inserted.notifications().stream().allMatch(n -> n.message().contains("inserted by the parser")),
                inserted.notifications()::toString);
        assertFalse(inserted.notifications().isEmpty());
        assertFalse(inserted.partlyRead());
        FileReport clean = js.parseOnly(new SourceFile(Path.of("x.ts"), "x.ts", "let a: number = 1;\n"), true);
        assertFalse(clean.partlyRead());
    }

    @Test
    void aFileNoModelAppliesToIsOnlyCheckedForSyntax() {
        // analyze() takes the syntax-only path for it; Closure reads it first there
        String es5 = "var f = debounce(function () { render(state); }, 50);\n";
        SourceFile f = new SourceFile(Path.of("ui.js"), "ui.js", es5);
        assertEquals(js.parseOnly(f, false), js.analyze(f));
        assertEquals("closure", js.analyze(f).frontEnd());
        assertEquals("rhino", js.parseOnly(f, true).frontEnd(), "analysis reads ES5 with Rhino first");
    }
}

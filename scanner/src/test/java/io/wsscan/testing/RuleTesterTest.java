/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.testing;

import io.wsscan.analysis.JsAnalyzer;
import io.wsscan.engine.FileReport;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Region;
import io.wsscan.rules.RuleCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule tester itself, on the real JavaScript analyzer and on the whole scanner. */
class RuleTesterTest {

    private static final String XSS = "js/ws-message-xss";
    private static JsAnalyzer analyzer;

    @BeforeAll
    static void setUp() {
        analyzer = new JsAnalyzer(RuleCatalog.builtin());
    }

    private static RuleTester tester() {
        return RuleTester.using(analyzer::analyzeTogether);
    }

    /** A handler whose body is {@code body}; the WebSocket is wss, so only message rules can fire. */
    private static String handler(String... body) {
        return "var ws = new WebSocket('wss://h.example.com/ws');\nws.onmessage = function (e) {\n"
                + String.join("\n", body) + "\n};\n";
    }

    private static String failure(RuleTester t, String file, String text) {
        return assertThrows(AssertionError.class, () -> t.check(file, text)).getMessage();
    }

    @Test
    void matchingAnnotationsPassAndReturnTheFindings() {
        RuleTester.Result r = tester().check("app.js", handler(
                "  // expect: js/ws-message-xss \"innerHTML\"",
                "  el.innerHTML = e.data;",
                "",
                "  // safe: js/ws-message-xss",
                "  el.textContent = e.data;"));
        assertEquals(4, r.only(XSS).region().startLine());
        assertEquals("rhino", r.frontEnd("app.js"));
    }

    @Test
    void aMissingExpectFails() {
        String m = failure(tester(), "app.js", handler("  // expect: js/ws-message-xss", "  el.textContent = e.data;"));
        assertTrue(m.contains("app.js:4: js/ws-message-xss: expected a finding, none reported"), m);
        assertTrue(m.contains("| el.textContent = e.data;"), m);
    }

    @Test
    void aFindingNoExpectCoversFails() {
        String m = failure(tester(), "app.js", handler("  el.innerHTML = e.data;"));
        assertTrue(m.contains("app.js:3: js/ws-message-xss: reported, no expect covers it"), m);
        m = failure(tester(), "app.js", handler("  // safe: js/ws-message-xss", "  el.innerHTML = e.data;"));
        assertTrue(m.contains("app.js:4: js/ws-message-xss: reported on a line annotated safe"), m);
    }

    @Test
    void theMessageSubstringIsChecked() {
        String m = failure(tester(), "app.js", handler("  // expect: js/ws-message-xss \"outerHTML\"",
                "  el.innerHTML = e.data;"));
        assertTrue(m.contains("expected a finding with a message containing \"outerHTML\"; reported: [[error]"), m);
    }

    @Test
    void theLevelIsChecked() {
        String m = failure(tester(), "app.js", handler("  // expect: js/ws-message-xss@note", "  el.innerHTML = e.data;"));
        assertTrue(m.contains("expected a finding at level note; reported: [[error]"), m);
    }

    @Test
    void knownGapsPassWhileTheyLastAndFailOnceFixed() {
        tester().check("app.js", handler("  // expect-missing: js/ws-message-xss", "  el.textContent = e.data;"));
        tester().check("app.js", handler("  // expect-spurious: js/ws-message-xss", "  el.innerHTML = e.data;"));

        String m = failure(tester(), "app.js", handler("  // expect-missing: js/ws-message-xss", "  el.innerHTML = e.data;"));
        assertTrue(m.contains("fixed: remove expect-missing"), m);
        m = failure(tester(), "app.js", handler("  // expect-spurious: js/ws-message-xss", "  el.textContent = e.data;"));
        assertTrue(m.contains("fixed: remove expect-spurious"), m);
    }

    @Test
    void onlyNarrowsTheCheckToTheRulesUnderTest() {
        String code = "var ws = new WebSocket('ws://h.example-corp.net/ws');\nws.onmessage = function (e) {\n"
                + "  // expect: js/ws-message-xss\n  el.innerHTML = e.data;\n};\n";
        tester().only(XSS).check("app.js", code);
        String m = failure(tester(), "app.js", code);
        assertTrue(m.contains("app.js:1: js/ws-cleartext: reported, no expect covers it"), m);
        m = failure(tester().only("js/ws-cleartext"), "app.js", code);
        assertTrue(m.contains("'js/ws-message-xss' is not among the rules under test [js/ws-cleartext]"), m);
    }

    @Test
    void annotationMistakesFailBeforeAnythingRuns() {
        String m = failure(tester(), "app.js", handler("  el.innerHTML = e.data; // expect: js/ws-message-xss"));
        assertTrue(m.startsWith("annotation mistakes:"), m);
        assertTrue(m.contains("app.js:3: annotation after code"), m);
    }

    @Test
    void theWholeScannerReadsHtmlAndThePolicy() {
        RuleTester.scanner()
                .file(".wsscan.yml", "allowedHosts: [chat.example.com]\n")
                .file("page.html", """
                        <html><body>
                        <script>
                        <!-- expect: js/ws-untrusted-host "stats.tracker.io" -->
                        const feed = new WebSocket('wss://stats.tracker.io/live');
                        // safe: js/ws-untrusted-host
                        const chat = new WebSocket('wss://chat.example.com/room');
                        </script>
                        </body></html>
                        """)
                .check();
    }

    @Test
    void aRuleReportedTwiceOnOneLineFailsAndTestersAreImmutable() {
        Finding one = new Finding(XSS, Finding.Level.ERROR, "a.js", new Region(2, 1, 2, 5), "first", List.of(), null);
        Finding two = new Finding(XSS, Finding.Level.ERROR, "a.js", new Region(2, 7, 2, 9), "second", List.of(), null);
        RuleTester fake = RuleTester.using(files -> Map.of("a.js", new FileReport(List.of(one, two), List.of(), "fake", true)));
        String m = failure(fake, "a.js", "// expect: js/ws-message-xss\nx(); y();\n");
        assertTrue(m.contains("a.js:2: js/ws-message-xss: reported 2 times on one line: [first, second]"), m);

        RuleTester base = tester();
        base.file("other.js", "var x = 1;\n");
        assertThrows(IllegalStateException.class, base::check, "file() returns a new tester");
    }
}


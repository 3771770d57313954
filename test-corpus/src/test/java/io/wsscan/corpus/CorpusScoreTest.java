/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.corpus;

import io.wsscan.testing.Annotation;
import io.wsscan.testing.Annotation.Kind;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Region;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusScoreTest {

    private static Finding finding(String rule, String file, int line) {
        return new Finding(rule, Finding.Level.ERROR, file, new Region(line, 3, line, 9), "msg " + rule + "@" + line,
                List.of(), null);
    }

    private static Annotation ann(Kind kind, String rule, String file, int line) {
        return new Annotation(file, line - 1, line, kind, rule);
    }

    @Test
    void countsTruePositivesMissesAndFalsePositives() {
        String x = "js/ws-message-xss";
        String c = "js/ws-cleartext";
        List<Annotation> anns = List.of(
                ann(Kind.EXPECT, x, "a.js", 3),   // found twice: one tp
                ann(Kind.EXPECT, x, "a.js", 7),   // missed: fn
                ann(Kind.SAFE, x, "a.js", 9),     // finding here: fp on a safe line
                ann(Kind.SAFE, x, "b.js", 2),     // clean
                ann(Kind.EXPECT, c, "b.js", 4));  // finding of another rule only: fn
        List<Finding> findings = List.of(
                finding(x, "a.js", 3), finding(x, "a.js", 3),
                finding(x, "a.js", 9),
                finding(x, "b.js", 4),             // unannotated for this rule: fp
                finding(x, "b.js", 4));            // same key: counted once
        CorpusScore s = CorpusScore.score(anns, findings, List.of(x, c, "js/ws-url-injection"));

        assertEquals(new CorpusScore.Row(x, 2, 2, 1, 1, 2), s.row(x));
        assertEquals(new CorpusScore.Row(c, 1, 0, 0, 1, 0), s.row(c));
        assertEquals(new CorpusScore.Row("js/ws-url-injection", 0, 0, 0, 0, 0), s.row("js/ws-url-injection"));
        assertEquals(4, s.errors());
        assertEquals(2, s.falsePositives().size());
        assertTrue(s.falsePositives().get(0).onSafeLine());
        assertFalse(s.falsePositives().get(1).onSafeLine());

        String report = s.format(Map.of("a.js", "l1\nl2\nl3\nl4\nl5\nl6\nel.innerHTML = d;\nl8\nl9\n"));
        assertTrue(report.contains("a.js:7  js/ws-message-xss  | el.innerHTML = d;"), report);
        assertTrue(report.contains("a.js:9  js/ws-message-xss  [line annotated safe]  msg js/ws-message-xss@9"), report);
        assertTrue(report.contains("b.js:4  js/ws-message-xss  [line not annotated]"), report);
    }

    @Test
    void exactMatchHasNoErrors() {
        CorpusScore s = CorpusScore.score(
                List.of(ann(Kind.EXPECT, "js/ws-cleartext", "a.js", 2), ann(Kind.SAFE, "js/ws-cleartext", "a.js", 5)),
                List.of(finding("js/ws-cleartext", "a.js", 2)), List.of("js/ws-cleartext"));
        assertEquals(0, s.errors());
        assertEquals(new CorpusScore.Row("js/ws-cleartext", 1, 1, 1, 0, 0), s.row("js/ws-cleartext"));
    }

    @Test
    void messageSubstringsAndKnownGaps() {
        String x = "js/ws-message-xss";
        List<Annotation> anns = List.of(
                new Annotation("a.js", 1, 2, Kind.EXPECT, x, "@2"),            // message matches: tp
                new Annotation("a.js", 3, 4, Kind.EXPECT, x, "innerHTML"),     // reported, wrong message: fn
                ann(Kind.EXPECT_MISSING, x, "a.js", 6),                        // still missed: fn, no error
                ann(Kind.EXPECT_SPURIOUS, x, "a.js", 8),                       // still reported: fp, no error
                ann(Kind.EXPECT_MISSING, x, "b.js", 2),                        // now reported: fixed
                ann(Kind.EXPECT_SPURIOUS, x, "b.js", 4));                      // no longer reported: fixed
        List<Finding> findings = List.of(finding(x, "a.js", 2), finding(x, "a.js", 4), finding(x, "a.js", 8),
                finding(x, "b.js", 2));
        CorpusScore s = CorpusScore.score(anns, findings, List.of(x));

        assertEquals(new CorpusScore.Row(x, 4, 2, 1, 3, 1), s.row(x));
        assertEquals(1, s.misses().size());
        assertEquals(4, s.misses().get(0).annotation().line());
        assertEquals(List.of(), s.falsePositives(), "a known spurious finding is not an error");
        assertEquals(List.of("b.js:2  js/ws-message-xss  fixed: remove expect-missing (now reported)",
                "b.js:4  js/ws-message-xss  fixed: remove expect-spurious (no longer reported)"), s.fixedGaps());
        assertEquals(3, s.errors());
        String report = s.format(Map.of());
        assertTrue(report.contains("a.js:4  js/ws-message-xss \"innerHTML\"  |"), report);
        assertTrue(report.contains("known gaps that are fixed: 2"), report);
    }

    @Test
    void levelsMustMatch() {
        String x = "java/ws-missing-origin-check";
        List<Annotation> anns = List.of(
                new Annotation("a.java", 1, 2, Kind.EXPECT, x, null, "error"),   // reported at error: tp
                new Annotation("a.java", 3, 4, Kind.EXPECT, x, null, "note"));   // reported at error: fn
        CorpusScore s = CorpusScore.score(anns, List.of(finding(x, "a.java", 2), finding(x, "a.java", 4)), List.of(x));
        assertEquals(1, s.misses().size());
        assertEquals(4, s.misses().get(0).annotation().line());
    }
}

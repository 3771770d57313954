/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.testing;

import io.wsscan.testing.Annotation.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnnotationParserTest {

    private static AnnotationParser.Result parse(String... lines) {
        return AnnotationParser.parse("t.js", String.join("\n", lines));
    }

    private static Annotation a(int commentLine, int line, Kind kind, String id) {
        return new Annotation("t.js", commentLine, line, kind, id);
    }

    @Test
    void expectAndSafeApplyToTheNextCodeLine() {
        AnnotationParser.Result r = parse(
                "var ws = new WebSocket('wss://x');",
                "// expect: js/ws-message-xss",
                "el.innerHTML = e.data;",
                "// safe: js/ws-message-xss",
                "el.textContent = e.data;");
        assertEquals(List.of(), r.problems());
        assertEquals(List.of(a(2, 3, Kind.EXPECT, "js/ws-message-xss"), a(4, 5, Kind.SAFE, "js/ws-message-xss")),
                r.annotations());
    }

    @Test
    void severalIdsAndConsecutiveAnnotationsShareTheLine() {
        AnnotationParser.Result r = parse(
                "// expect: js/ws-cleartext,js/ws-credentials-in-url",
                "  //   safe:   js/ws-url-injection ,  js/ws-sensitive-send  ",
                "var s = new WebSocket('ws://h/x?token=' + t);");
        assertEquals(List.of(), r.problems());
        assertEquals(List.of(
                a(1, 3, Kind.EXPECT, "js/ws-cleartext"),
                a(1, 3, Kind.EXPECT, "js/ws-credentials-in-url"),
                a(2, 3, Kind.SAFE, "js/ws-url-injection"),
                a(2, 3, Kind.SAFE, "js/ws-sensitive-send")), r.annotations());
    }

    @Test
    void blankLinesAndCommentLinesAreSkipped() {
        AnnotationParser.Result r = parse(
                "// expect: js/ws-cleartext",
                "",
                "// The URL is built below.",
                "   ",
                "/* a block comment",
                "   spanning lines */",
                "/** one line */",
                "<!-- an html comment -->",
                "const U = 'ws://feed.example.com';");
        assertEquals(List.of(), r.problems());
        assertEquals(List.of(a(1, 9, Kind.EXPECT, "js/ws-cleartext")), r.annotations());
    }

    @Test
    void codeAfterAClosingBlockCommentIsACodeLine() {
        AnnotationParser.Result r = parse(
                "// safe: js/ws-cleartext",
                "/* legacy */ var u = 'wss://x';");
        assertEquals(List.of(a(1, 2, Kind.SAFE, "js/ws-cleartext")), r.annotations());
    }

    @Test
    void htmlCommentAnnotations() {
        AnnotationParser.Result r = AnnotationParser.parse("p.html", String.join("\r\n",
                "<script>",
                "<!-- expect: js/ws-message-xss -->",
                "  <!--safe:js/ws-cleartext-->",
                "",
                "document.body.innerHTML = e.data;",
                "// expect: js/ws-message-open-redirect",
                "location.href = e.data;",
                "</script>"));
        assertEquals(List.of(), r.problems());
        assertEquals(List.of(
                new Annotation("p.html", 2, 5, Kind.EXPECT, "js/ws-message-xss"),
                new Annotation("p.html", 3, 5, Kind.SAFE, "js/ws-cleartext"),
                new Annotation("p.html", 6, 7, Kind.EXPECT, "js/ws-message-open-redirect")), r.annotations());
    }

    @Test
    void hashCommentsAndOrdinaryCommentsAreNotAnnotations() {
        AnnotationParser.Result r = parse(
                "# expect: js/ws-cleartext",
                "// we expect: nothing here, this is prose",
                "// expected: js/ws-cleartext",
                "var x = 1;");
        assertEquals(List.of(), r.problems());
        assertEquals(List.of(), r.annotations());
    }

    @Test
    void mistakesAreReported() {
        AnnotationParser.Result r = parse(
                "// expect:",
                "a();",
                "// expect: ws-cleartext",
                "b();",
                "c(); // expect: js/ws-cleartext",
                "// Expect: js/ws-cleartext",
                "d();",
                "// expect: js/ws-cleartext",
                "// safe: js/ws-cleartext",
                "e();",
                "// expect: js/a, js/a",
                "f();",
                "<!-- expect: js/ws-cleartext",
                "g();",
                "// safe: js/ws-message-xss");
        List<Integer> lines = r.problems().stream().map(AnnotationParser.Problem::line).toList();
        assertEquals(List.of(1, 3, 5, 6, 9, 11, 13, 15), lines, r.problems().toString());
        assertTrue(r.problems().get(7).message().contains("no code line"), r.problems().toString());
        // the well-formed part of a conflicting pair is still recorded
        assertEquals(List.of(a(8, 10, Kind.EXPECT, "js/ws-cleartext"), a(11, 12, Kind.EXPECT, "js/a")),
                r.annotations());
    }

    @Test
    void ruleIdSyntax() {
        assertTrue(AnnotationParser.RULE_ID.matcher("js/ws-cleartext").matches());
        assertTrue(AnnotationParser.RULE_ID.matcher("java/ws-missing-origin-check").matches());
        assertTrue(!AnnotationParser.RULE_ID.matcher("js/").matches());
        assertTrue(!AnnotationParser.RULE_ID.matcher("JS/ws-cleartext").matches());
        assertTrue(!AnnotationParser.RULE_ID.matcher("js/ws cleartext").matches());
    }

    @Test
    void messageSubstringsAndKnownGaps() {
        AnnotationParser.Result r = parse(
                "// expect: js/ws-message-xss \"innerHTML, via e.data\", js/ws-cleartext",
                "// expect-missing: js/ws-url-injection",
                "<!-- expect-spurious: js/ws-sensitive-send -->",
                "x();");
        assertEquals(List.of(), r.problems());
        assertEquals(List.of(
                new Annotation("t.js", 1, 4, Kind.EXPECT, "js/ws-message-xss", "innerHTML, via e.data"),
                a(1, 4, Kind.EXPECT, "js/ws-cleartext"),
                a(2, 4, Kind.EXPECT_MISSING, "js/ws-url-injection"),
                a(3, 4, Kind.EXPECT_SPURIOUS, "js/ws-sensitive-send")), r.annotations());
    }

    @Test
    void mistakesWithMessagesAndGaps() {
        AnnotationParser.Result r = parse(
                "// safe: js/a \"no\"",
                "a();",
                "// expect: js/a \"\"",
                "b();",
                "// expect: js/a \"open",
                "c();",
                "// expect: js/a",
                "// expect-missing: js/a",
                "d();",
                "e(); // expect-spurious: js/a",
                "// Expect-Missing: js/a",
                "f();");
        List<String> problems = r.problems().stream().map(AnnotationParser.Problem::toString).toList();
        assertEquals(6, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("t.js:1: a level or message substring is only allowed on 'expect'"), problems.toString());
        assertTrue(problems.get(1).startsWith("t.js:3: empty message substring"), problems.toString());
        assertTrue(problems.get(2).startsWith("t.js:5: malformed rule id"), problems.toString());
        assertEquals("t.js:8: 'js/a' is both expect and expect-missing on line 9", problems.get(3));
        assertTrue(problems.get(4).startsWith("t.js:10: annotation after code"), problems.toString());
        assertTrue(problems.get(5).startsWith("t.js:11: annotation keyword must be lower case"), problems.toString());
    }

    @Test
    void levels() {
        AnnotationParser.Result r = parse(
                "// expect: java/a@note \"token\", js/b@error",
                "a();",
                "// expect: js/c@fatal",
                "b();",
                "// safe: js/d@note",
                "c();");
        List<String> problems = r.problems().stream().map(AnnotationParser.Problem::toString).toList();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("t.js:3: unknown level 'fatal' for 'js/c'"), problems.toString());
        assertTrue(problems.get(1).startsWith("t.js:5: a level or message substring is only allowed on 'expect'"), problems.toString());
        assertEquals(List.of(
                new Annotation("t.js", 1, 2, Kind.EXPECT, "java/a", "token", "note"),
                new Annotation("t.js", 1, 2, Kind.EXPECT, "js/b", null, "error")), r.annotations());
    }
}

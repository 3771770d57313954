package io.wsscan.findings;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class SuppressionsTest {

    @Test
    void parsesLineAndBlockComments() {
        assertEquals(new Suppressions.Comment(List.of("js/ws-cleartext"), "lab only"),
                Suppressions.parse("  // wsscan-ignore js/ws-cleartext: lab only"));
        assertEquals(new Suppressions.Comment(List.of("js/a", "js/b"), "why: because"),
                Suppressions.parse("/* wsscan-ignore js/a , js/b: why: because */"));
        assertEquals(new Suppressions.Comment(List.of("java/ws-missing-origin-check"), ""),
                Suppressions.parse("\t// wsscan-ignore java/ws-missing-origin-check"));
        // parse() reads a comment on its own line; a comment after code is found by applyAndMark
        assertNull(Suppressions.parse("foo(); // wsscan-ignore js/a: after code"));
        assertNull(Suppressions.parse("// wsscan-ignore: no id"));
        assertNull(Suppressions.parse("// wsscan-ignore-all"));
        assertNull(Suppressions.parse("// nothing here"));
        assertNull(Suppressions.parse("// wsscan-ignore js/a js/b"));
        assertNull(Suppressions.parse("// wsscan-ignore js/a,"));
        assertNull(Suppressions.parse("//wsscan-ignorejs/a"));
        assertEquals(new Suppressions.Comment(List.of("js/a"), ""), Suppressions.parse("/** wsscan-ignore js/a **/"));
        assertEquals(new Suppressions.Comment(List.of("js/a"), "x"), Suppressions.parse("/* wsscan-ignore js/a: x **/ "));
    }

    @Test
    void theNearestNonBlankLineBeforeCounts() {
        Region r = new Region(4, 1, 4, 2);
        Finding f = new Finding("js/a", Finding.Level.ERROR, "f.js", r, "m", List.of(), null);
        String text = "// wsscan-ignore js/a: r\n\n  \r\nsink();\n";
        Finding s = Suppressions.apply(text, List.of(f)).get(0);
        assertEquals(new Finding.Suppression("r", 1), s.suppression());

        String crlf = "x\r\n// wsscan-ignore js/a: r\r\nfoo\r\nsink();\r\n";
        assertNull(Suppressions.apply(crlf, List.of(f)).get(0).suppression());

        List<Finding> none = List.of(f);
        assertSame(none, Suppressions.apply("no comments", none));
    }

    @Test
    void extraSuppressorsAreConsulted() {
        Finding f = new Finding("java/x", Finding.Level.ERROR, "A.java", new Region(2, 1, 2, 2), "m", List.of(), null);
        Suppressions.Suppressor annotation = x -> new Finding.Suppression("@SuppressWarnings", 1);
        Finding s = Suppressions.apply(List.of(f), List.of(Suppressions.inlineComments(""), annotation)).get(0);
        assertEquals("@SuppressWarnings", s.suppression().reason());
    }

    /** A comment naming thousands of ids is parsed in linear time, without overflowing the stack. */
    @Test
    void thousandsOfIdsDoNotOverflow() {
        StringBuilder ids = new StringBuilder("js/ws-cleartext");
        for (int i = 0; i < 5000; i++) ids.append(" , js/rule-").append(i);
        Suppressions.Comment c = Suppressions.parse("// wsscan-ignore " + ids + ": many");
        assertEquals(5001, c.ids().size());
        assertEquals("many", c.reason());
        Finding f = new Finding("js/ws-cleartext", Finding.Level.ERROR, "a.js", new Region(2, 1, 2, 5), "m", List.of(), null);
        String text = "// wsscan-ignore " + ids + "\nnew WebSocket('ws://x');\n";
        assertEquals(1, Suppressions.apply(text, List.of(f)).stream().filter(Finding::suppressed).count());
    }

    private static Finding at(String rule, int line) {
        return new Finding(rule, Finding.Level.ERROR, "f.js", new Region(line, 1, line, 2), "m", List.of(), null);
    }

    @Test
    void aCommentAfterCodeCoversItsOwnLineAndAFileCommentCoversTheFile() {
        String text = String.join("\n",
                "ws.send(token); // wsscan-ignore js/ws-sensitive-send: the login itself",
                "ws.send(card);",
                "el.innerHTML = x; /* wsscan-ignore js/ws-message-xss */",
                "<!-- wsscan-ignore js/ws-cleartext: kiosk LAN -->",
                "new WebSocket('ws://kiosk.lan/');",
                "// wsscan-ignore-file java/ws-missing-origin-check: fixture",
                "");
        Suppressions.Applied a = Suppressions.applyAndMark(text, List.of(at("js/ws-sensitive-send", 1), at("js/ws-sensitive-send", 2),
                at("js/ws-message-xss", 3), at("js/ws-cleartext", 5), at("java/ws-missing-origin-check", 2)));
        assertEquals(List.of(true, false, true, true, true), a.findings().stream().map(Finding::suppressed).toList());
        assertEquals("the login itself", a.findings().get(0).suppression().reason());
        assertEquals("kiosk LAN", a.findings().get(3).suppression().reason());
        // the same comment above a line does not reach two lines down
        assertFalse(Suppressions.applyAndMark("// wsscan-ignore js/a\nfoo();\nsink();\n", List.of(at("js/a", 3))).findings().get(0).suppressed());
        // the word in a string is not a comment
        assertTrue(Suppressions.applyAndMark("log('wsscan-ignore js/a'); sink();\n", List.of(at("js/a", 1))).marks().isEmpty());
    }

    @Test
    void commentsThatSuppressNothingAreSaid() {
        String text = String.join("\n",
                "// wsscan-ignore",
                "a();",
                "// wsscan-ignore js/ws-mesage-xss: typo",
                "b();",
                "c(); // wsscan-ignore js/ws-cleartext: nothing here",
                "// wsscan-ignore-file: no id",
                "");
        Suppressions.Applied a = Suppressions.applyAndMark(text, List.of(at("js/ws-message-xss", 4)));
        assertFalse(a.findings().get(0).suppressed(), "a misspelled id suppresses nothing");
        java.util.Set<String> known = java.util.Set.of("js/ws-message-xss", "js/ws-cleartext");
        java.util.function.UnaryOperator<String> near = id -> io.wsscan.rules.Spelling.nearMiss(id, known);
        List<String> problems = Suppressions.problems("f.js", a.marks(), known, false, near).stream()
                .map(n -> n.line() + " " + n.kind() + " " + n.message()).toList();
        assertEquals(List.of(
                "1 suppression wsscan-ignore without a rule id suppresses nothing: write wsscan-ignore RULE[, RULE]: reason",
                "3 suppression wsscan-ignore names 'js/ws-mesage-xss' (did you mean 'js/ws-message-xss'?), which no rule has, so it suppresses nothing",
                "6 suppression wsscan-ignore-file without a rule id suppresses nothing: write wsscan-ignore-file RULE[, RULE]: reason"),
                problems);
        List<String> unused = Suppressions.problems("f.js", a.marks(), known, true, near).stream()
                .filter(n -> n.message().contains("suppressed no finding")).map(n -> n.line() + " " + n.message()).toList();
        assertEquals(List.of("5 wsscan-ignore js/ws-cleartext: suppressed no finding in this scan"), unused);
        assertFalse(Suppressions.problems("f.js", a.marks(), known, true, near).get(0).fileSkipped());
    }
}

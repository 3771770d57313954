package io.wsscan.findings;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertNull(Suppressions.parse("foo(); // wsscan-ignore js/a: trailing comments do not count"));
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
}

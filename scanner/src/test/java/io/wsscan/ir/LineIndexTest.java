package io.wsscan.ir;

import io.wsscan.findings.Region;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineIndexTest {

    /** Line and column of an offset as "line:column". */
    private static String at(LineIndex idx, int offset) {
        return idx.line(offset) + ":" + idx.column(offset);
    }

    @Test
    void lfLinesAndColumns() {
        String text = "var a;\nvar bb;\n\nws.send(x);\n";
        LineIndex idx = new LineIndex(text);
        assertEquals(5, idx.lineCount(), "four LF-terminated lines and the empty line after the last LF");
        assertEquals("1:1", at(idx, 0));
        assertEquals("1:5", at(idx, text.indexOf(" a;") + 1));
        assertEquals("1:7", at(idx, 6), "the LF itself belongs to the line it ends");
        assertEquals("2:1", at(idx, 7));
        assertEquals("2:5", at(idx, text.indexOf("bb")));
        assertEquals("3:1", at(idx, text.indexOf("\n\n") + 1), "an empty line");
        assertEquals("4:1", at(idx, text.indexOf("ws.")));
        assertEquals("4:4", at(idx, text.indexOf("send")));
        assertEquals("5:1", at(idx, text.length()), "end of text after a final LF is the start of an empty line");
        assertEquals(0, idx.lineStart(1));
        assertEquals(7, idx.lineStart(2));
        assertEquals(text.indexOf("ws."), idx.lineStart(4));
    }

    @Test
    void crlfCountsAsOneLineBreak() {
        String text = "var a;\r\nvar b;\r\nc();";
        LineIndex idx = new LineIndex(text);
        assertEquals(3, idx.lineCount());
        assertEquals("1:7", at(idx, 6), "the CR of a CRLF stays on its line");
        assertEquals("1:8", at(idx, 7), "so does the LF");
        assertEquals("2:1", at(idx, 8));
        assertEquals("2:5", at(idx, text.indexOf('b')));
        assertEquals("3:1", at(idx, text.indexOf("c()")));
        assertEquals(text.indexOf("c()"), idx.lineStart(3));
    }

    @Test
    void loneCrIsALineBreak() {
        String text = "a = 1;\rb = 2;\rc = 3;";
        LineIndex idx = new LineIndex(text);
        assertEquals(3, idx.lineCount());
        assertEquals("2:1", at(idx, text.indexOf('b')));
        assertEquals("3:1", at(idx, text.indexOf('c')));
        assertEquals("3:5", at(idx, text.indexOf('3')));
    }

    @Test
    void mixedLineEndings() {
        // LF, CRLF, lone CR and a CR at the very end of the text
        String text = "a\nb\r\nc\rd\r";
        LineIndex idx = new LineIndex(text);
        assertEquals(5, idx.lineCount());
        assertEquals(List.of("1:1", "2:1", "3:1", "4:1", "5:1"),
                List.of(at(idx, 0), at(idx, 2), at(idx, 5), at(idx, 7), at(idx, 9)));
        assertEquals(9, idx.lineStart(5));
    }

    @Test
    void lastLineWithoutNewline() {
        String text = "first\nlast";
        LineIndex idx = new LineIndex(text);
        assertEquals(2, idx.lineCount());
        assertEquals("2:1", at(idx, 6));
        assertEquals("2:4", at(idx, 9), "the final character");
        assertEquals("2:5", at(idx, text.length()), "the end of the text is one past the last column");
    }

    @Test
    void offsetsOutsideTheTextAreClamped() {
        String text = "ab\ncd";
        LineIndex idx = new LineIndex(text);
        assertEquals("2:3", at(idx, 5));
        assertEquals("2:3", at(idx, 6), "one past the end");
        assertEquals("2:3", at(idx, 1000), "far past the end");
        assertEquals("1:1", at(idx, -1), "before the start");
        assertEquals(0, idx.lineStart(0), "line numbers below 1 clamp to the first line");
        assertEquals(3, idx.lineStart(99), "line numbers past the end clamp to the last line");
    }

    @Test
    void emptyText() {
        LineIndex idx = new LineIndex("");
        assertEquals(1, idx.lineCount());
        assertEquals("1:1", at(idx, 0));
        assertEquals("1:1", at(idx, 10));
        assertEquals(new Region(1, 1, 1, 1), idx.region(0, 0));
    }

    @Test
    void manyLinesGrowTheTable() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 300; i++) sb.append("line").append(i).append('\n');
        String text = sb.toString();
        LineIndex idx = new LineIndex(text);
        assertEquals(301, idx.lineCount());
        int at = text.indexOf("line250");
        assertEquals("251:1", at(idx, at));
        assertEquals("251:5", at(idx, at + 4));
        assertEquals(at, idx.lineStart(251));
    }

    @Test
    void regionEndIsExclusive() {
        String text = "let ws = new WebSocket(u);\nws.close();";
        LineIndex idx = new LineIndex(text);
        int s = text.indexOf("ws");
        Region r = idx.region(s, s + 2);
        assertEquals(new Region(1, 5, 1, 7), r, "a two-character token at column 5 is 5..7");
        assertEquals("ws", text.substring(s, s + 2));

        // a region that ends at the end of its line ends at the column of the line break
        Region line1 = idx.region(0, text.indexOf('\n'));
        assertEquals(new Region(1, 1, 1, 27), line1);
        // including the line break moves the end to column 1 of the next line
        assertEquals(new Region(1, 1, 2, 1), idx.region(0, text.indexOf('\n') + 1));

        int c = text.indexOf("close");
        assertEquals(new Region(2, 4, 2, 9), idx.region(c, c + "close".length()));
        assertEquals(new Region(1, 1, 2, 12), idx.region(0, text.length()));
    }

    @Test
    void regionWithEndBeforeStartCollapses() {
        LineIndex idx = new LineIndex("abc\ndef");
        assertEquals(new Region(2, 2, 2, 2), idx.region(5, 1));
    }

    @Test
    void regionOfANode() {
        String text = "a();\r\n  b = 'x';";
        LineIndex idx = new LineIndex(text);
        int s = text.indexOf("'x'");
        Node str = Node.leaf(Kind.STRING, s, s + 3, "x");
        assertEquals(new Region(2, 7, 2, 10), idx.region(str));
        Node empty = Node.empty(s);
        assertEquals(new Region(2, 7, 2, 7), idx.region(empty));
    }
}

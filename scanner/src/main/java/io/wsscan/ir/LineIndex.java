package io.wsscan.ir;

import io.wsscan.findings.Region;

import java.util.Arrays;

/** Maps character offsets of a file's text to 1-based lines and columns (UTF-16 units, like SARIF). */
public final class LineIndex {

    private final int[] lineStarts;
    private final int length;

    public LineIndex(CharSequence text) {
        int[] starts = new int[64];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0, len = text.length(); i < len; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= len || text.charAt(i + 1) != '\n'))) {
                if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                starts[n++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, n);
        this.length = text.length();
    }

    /** 1-based line of an offset. */
    public int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, length)));
        return (i >= 0 ? i : -i - 2) + 1;
    }

    /** 1-based column of an offset. */
    public int column(int offset) {
        int o = Math.max(0, Math.min(offset, length));
        return o - lineStarts[line(o) - 1] + 1;
    }

    public int lineStart(int line) {
        return lineStarts[Math.max(0, Math.min(line - 1, lineStarts.length - 1))];
    }

    public int lineCount() {
        return lineStarts.length;
    }

    public Region region(int start, int end) {
        int e = Math.max(start, end);
        return new Region(line(start), column(start), line(e), column(e));
    }

    public Region region(Node n) {
        return region(n.start, n.end);
    }
}

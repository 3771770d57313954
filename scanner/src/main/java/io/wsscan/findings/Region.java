package io.wsscan.findings;

/**
 * A span of source text. Lines are 1-based; columns are 1-based UTF-16 code units; the end column is
 * exclusive (SARIF's convention), so a one-character token at column 5 is {@code 5..6}.
 */
public record Region(int startLine, int startColumn, int endLine, int endColumn) implements Comparable<Region> {

    public static final Region NONE = new Region(1, 1, 1, 1);

    @Override
    public int compareTo(Region o) {
        int c = Integer.compare(startLine, o.startLine);
        if (c == 0) c = Integer.compare(startColumn, o.startColumn);
        if (c == 0) c = Integer.compare(endLine, o.endLine);
        if (c == 0) c = Integer.compare(endColumn, o.endColumn);
        return c;
    }

    @Override
    public String toString() {
        return startLine + ":" + startColumn + "-" + endLine + ":" + endColumn;
    }
}

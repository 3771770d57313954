package io.wsscan.java;

import java.util.Arrays;

/**
 * A Java file's text as JavaParser reads it fastest: comments become one space, runs of spaces and tabs
 * become one, line breaks stay. JavaParser makes a token of every whitespace character (it keeps them for
 * lexical preservation). On the Java bench set this text is about half as long (13.7 of 25.7 M chars) and
 * the front end takes about 5 % less CPU; where long runs of blanks are left (a text whose method bodies
 * are blanked) parsing costs a quarter of the uncompacted text's. Literals (strings, characters, text
 * blocks) are kept as written. Lines are unchanged; {@link #column} maps a column of this text back to
 * the file's, and the front end gives every node its range in the file's columns.
 */
final class CompactText {

    /** The text to parse. */
    final String text;
    /** Per line (1-based; null when nothing on it moved): compact columns where characters were dropped before. */
    private final int[][] at;
    /** Per line: how many characters were dropped before each of {@link #at}'s columns. */
    private final int[][] dropped;

    private CompactText(String text, int[][] at, int[][] dropped) {
        this.text = text;
        this.at = at;
        this.dropped = dropped;
    }

    /** The file's column (1-based) of column {@code col} of line {@code line} of the compact text. */
    int column(int line, int col) {
        if (line < 1 || line >= at.length || at[line] == null) return col;
        int[] cols = at[line];
        int i = Arrays.binarySearch(cols, col);
        if (i < 0) i = -i - 2; // the last breakpoint at or before col
        return i < 0 ? col : col + dropped[line][i];
    }

    /** The text as it is, every column its own. */
    static CompactText unchanged(String src) {
        return new CompactText(src, new int[0][], new int[0][]);
    }

    static CompactText of(String src) {
        int n = src.length();
        StringBuilder out = new StringBuilder(n);
        Lines lines = new Lines();
        int col = 1; // the next compact column of the current line
        int droppedOnLine = 0;
        int line = 1;
        boolean space = false; // the last character kept on this line is a space
        int i = 0;
        while (i < n) {
            char c = src.charAt(i);
            if (c == '\n' || c == '\r') {
                out.append(c);
                if (c == '\r' && i + 1 < n && src.charAt(i + 1) == '\n') out.append(src.charAt(++i));
                i++;
                line++;
                col = 1;
                droppedOnLine = 0;
                space = false;
                continue;
            }
            int end = literalOrComment(src, i);
            if (end > i && c != '/') { // a literal: as written (a text block may span lines)
                for (int k = i; k < end; k++) {
                    char d = src.charAt(k);
                    out.append(d);
                    if (d == '\n' || (d == '\r' && !(k + 1 < end && src.charAt(k + 1) == '\n'))) {
                        line++;
                        col = 1;
                        droppedOnLine = 0;
                    } else if (d != '\r') {
                        col++;
                    }
                }
                space = false;
                i = end;
                continue;
            }
            boolean blank = c == ' ' || c == '\t' || c == '\f';
            if (end > i || blank) {
                // a comment or a space: one space where none is yet, line breaks inside kept
                int stop = end > i ? end : i + 1;
                for (int k = i; k < stop; k++) {
                    char d = src.charAt(k);
                    if (d == '\n' || d == '\r') {
                        out.append(d);
                        if (!(d == '\r' && k + 1 < stop && src.charAt(k + 1) == '\n')) {
                            line++;
                            col = 1;
                            droppedOnLine = 0;
                            space = false;
                        }
                    } else if (!space) {
                        out.append(' ');
                        col++;
                        space = true;
                    } else {
                        droppedOnLine++;
                        lines.mark(line, col, droppedOnLine);
                    }
                }
                i = stop;
                continue;
            }
            out.append(c);
            col++;
            space = false;
            i++;
        }
        if (out.length() == n) return unchanged(src);
        return new CompactText(out.toString(), lines.at(line), lines.dropped(line));
    }

    /** The breakpoints as they are found: a line's columns grow, so each mark extends or replaces the last. */
    private static final class Lines {
        private int[][] at = new int[64][];
        private int[][] dropped = new int[64][];
        private int[] size = new int[64];

        void mark(int line, int col, int count) {
            if (line >= at.length) {
                int len = Math.max(line + 1, at.length * 2);
                at = Arrays.copyOf(at, len);
                dropped = Arrays.copyOf(dropped, len);
                size = Arrays.copyOf(size, len);
            }
            if (at[line] == null) {
                at[line] = new int[4];
                dropped[line] = new int[4];
            }
            int s = size[line];
            if (s > 0 && at[line][s - 1] == col) { // more dropped before the same kept column
                dropped[line][s - 1] = count;
                return;
            }
            if (s == at[line].length) {
                at[line] = Arrays.copyOf(at[line], s * 2);
                dropped[line] = Arrays.copyOf(dropped[line], s * 2);
            }
            at[line][s] = col;
            dropped[line][s] = count;
            size[line] = s + 1;
        }

        int[][] at(int lines) {
            int[][] out = new int[Math.min(at.length, lines + 1)][];
            for (int l = 0; l < out.length; l++) if (at[l] != null) out[l] = Arrays.copyOf(at[l], size[l]);
            return out;
        }

        int[][] dropped(int lines) {
            int[][] out = new int[Math.min(dropped.length, lines + 1)][];
            for (int l = 0; l < out.length; l++) if (dropped[l] != null) out[l] = Arrays.copyOf(dropped[l], size[l]);
            return out;
        }
    }

    /** The end (exclusive) of the comment or literal starting at {@code i}; {@code i} when none starts there. */
    static int literalOrComment(CharSequence s, int i) {
        int n = s.length();
        char c = s.charAt(i);
        if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
            int j = i + 2;
            while (j < n && s.charAt(j) != '\n' && s.charAt(j) != '\r') j++;
            return j;
        }
        if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
            int j = i + 2;
            while (j + 1 < n && !(s.charAt(j) == '*' && s.charAt(j + 1) == '/')) j++;
            return Math.min(n, j + 2);
        }
        if (c == '"' && i + 2 < n && s.charAt(i + 1) == '"' && s.charAt(i + 2) == '"') {
            int j = i + 3;
            while (j + 2 < n && !(s.charAt(j) == '"' && s.charAt(j + 1) == '"' && s.charAt(j + 2) == '"' && s.charAt(j - 1) != '\\')) j++;
            return Math.min(n, j + 3);
        }
        if (c == '"' || c == '\'') {
            int j = i + 1;
            while (j < n && s.charAt(j) != c && s.charAt(j) != '\n') j += s.charAt(j) == '\\' ? 2 : 1;
            return Math.min(n, j + 1);
        }
        return i;
    }
}

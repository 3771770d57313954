/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.html;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text scanning for the markup of Svelte and Astro components, whose expressions are written in
 * braces ({@code {x}}, {@code {@html x}}, {@code attr={x}}) and whose Astro frontmatter sits between
 * {@code ---} lines. Kept apart from {@link ScriptExtractor}, which decides what becomes code.
 */
final class Components {

    /** {@code #each list as alias[, index][ (key)]}: the list and the alias (a name or a pattern). */
    static final Pattern EACH = Pattern.compile(
            "#each\\s+(.+?)\\s+as\\s+([\\w$]+|\\{[^}]*\\}|\\[[^\\]]*\\])\\s*(?:,\\s*[\\w$]+)?\\s*(?:\\(.*\\))?\\s*");
    /** Longest markup expression followed; longer ones are text. */
    private static final int MAX_EXPRESSION = 8192;

    private Components() {
    }

    /**
     * The markup expressions {@code [open, close)} (the '{' and the index after its '}') outside
     * {@code <script>}, {@code <style>} and comments, in order; Astro's frontmatter is not markup.
     */
    static List<int[]> markupBlocks(String s) {
        List<int[]> out = new ArrayList<>();
        int[] fm = frontmatter(s);
        int i = fm == null ? 0 : fm[1] + 3;
        int n = s.length();
        // one pass with a stack of open braces: linear however many braces never close
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        while (i < n) {
            char c = s.charAt(i);
            if (open.isEmpty() && c == '<') {
                if (s.startsWith("<!--", i)) {
                    int e = s.indexOf("-->", i + 4);
                    i = e < 0 ? n : e + 3;
                    continue;
                }
                int ne = TemplateTags.tagNameEnd(s, i + 1);
                String name = s.substring(i + 1, ne).toLowerCase(java.util.Locale.ROOT);
                if (name.equals("script") || name.equals("style")) {
                    int close = TemplateTags.indexOfIgnoreCase(s, "</" + name, ne);
                    i = close < 0 ? n : close + 2;
                    continue;
                }
            } else if (!open.isEmpty() && (c == '\'' || c == '"' || c == '`')) {
                // a string inside an expression; an unclosed one is a plain character
                int q = ServerSyntax.quoteEnd(s, i, (int) Math.min(n, (long) i + MAX_EXPRESSION));
                if (q > 0 && (c == '`' || s.substring(i, q).indexOf('\n') < 0)) i = q;
            } else if (c == '{') {
                open.push(i);
            } else if (c == '}' && !open.isEmpty()) {
                int start = open.pop();
                if (open.isEmpty() && i + 1 - start <= MAX_EXPRESSION) out.add(new int[] {start, i + 1});
            }
            if (!open.isEmpty() && i - open.peekLast() > MAX_EXPRESSION) open.clear(); // too long: text
            i++;
        }
        return out;
    }

    /**
     * For the HTML parser: markup expressions become blanks, and an attribute's expression
     * ({@code attr={x}}) a quoted value of blanks, so that {@code <} and {@code >} in them do not
     * make tags; Astro's frontmatter is blanked.
     */
    static void blankMarkupExpressions(String s, char[] p) {
        int[] fm = frontmatter(s);
        if (fm != null) ServerSyntax.blank(p, 0, fm[1] + 3);
        for (int[] b : markupBlocks(s)) {
            ServerSyntax.blank(p, b[0], b[1]);
            if (b[0] > 0 && s.charAt(b[0] - 1) == '=') {
                p[b[0]] = '"';
                p[b[1] - 1] = '"';
            }
        }
    }

    /**
     * Astro's frontmatter: the code between a {@code ---} first line and the next {@code ---} line, as
     * {@code [start, end)} where {@code end} is the start of the closing fence; null when there is none.
     */
    static int[] frontmatter(String s) {
        int i = 0;
        if (s.startsWith("\uFEFF")) i = 1;
        while (i < s.length() && (s.charAt(i) == '\n' || s.charAt(i) == '\r' || s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
        if (!s.startsWith("---", i)) return null;
        int start = i + 3;
        int k = start;
        while (true) {
            int nl = s.indexOf('\n', k);
            if (nl < 0) return null;
            int line = nl + 1;
            if (s.startsWith("---", line)) return new int[] {start, line};
            k = line;
        }
    }
}

/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.html;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Server constructs found once in the whole page, for syntax that a construct at a time cannot tell:
 * Razor control blocks ({@link #razor}) and PHP echoes of script text ({@link PhpEchoes}).
 *
 * <p>Razor: the pieces of control blocks ({@code @if (a) { ... } else { ... }}, {@code @foreach},
 * {@code @section Scripts { ... }}) that are server code, found once in the whole page: the header up
 * to its {@code {}, the C# statements between pieces of markup, the {@code <text>} tags, and the
 * closing {@code }} with any {@code else} / {@code catch} header after it. What is left is the markup
 * the server writes (a {@code <script>} of a section, a {@code <text>} or {@code @:} line of
 * JavaScript), as Razor's own parser sees it: in code, a tag starts markup up to its end tag; a
 * section's body is markup up to the first {@code }} outside tags and scripts.
 */
final class Pieces {

    /** No blocks (every kind but Razor). */
    static final Pieces NONE = new Pieces(Map.of());

    /** Keywords that open a control block after {@code @}. */
    static final Set<String> KEYWORDS = Set.of("if", "foreach", "for", "while", "switch", "using", "lock", "try", "do",
            "section");
    private static final Set<String> CONTINUATIONS = Set.of("else", "catch", "finally");
    /** Deepest nesting of blocks followed; deeper ones stay text. */
    private static final int MAX_DEPTH = 64;

    private final Map<Integer, ServerSyntax.Construct> byStart;

    Pieces(Map<Integer, ServerSyntax.Construct> byStart) {
        this.byStart = byStart;
    }

    /** The construct of a block that starts at {@code i}, or null. */
    ServerSyntax.Construct at(int i) {
        return byStart.isEmpty() ? null : byStart.get(i);
    }

    /** The pieces a page of this kind needs found in advance (none for most kinds). */
    static Pieces find(String s, TemplateKind kind) {
        if (kind == TemplateKind.RAZOR) return razor(s);
        if (kind == TemplateKind.PHP_PAGE || kind == TemplateKind.BLADE) {
            Map<Integer, ServerSyntax.Construct> php = PhpEchoes.find(s);
            return php.isEmpty() ? NONE : new Pieces(php);
        }
        return NONE;
    }

    /** The block pieces of a Razor page. */
    static Pieces razor(String s) {
        TreeMap<Integer, ServerSyntax.Construct> out = new TreeMap<>();
        new Walker(s, out).markup(0, s.length(), false, 0);
        return out.isEmpty() ? NONE : new Pieces(out);
    }

    private record Walker(String s, TreeMap<Integer, ServerSyntax.Construct> out) {

        private void add(int start, int end) {
            if (end > start) out.put(start, new ServerSyntax.Construct(start, end, false));
        }

        /**
         * Markup {@code [from, to)}: finds the control blocks in it. In a section body ({@code section})
         * the first {@code }} outside tags ends it; returns that index (or {@code to}).
         */
        int markup(int from, int to, boolean section, int depth) {
            int i = from;
            while (i < to) {
                char c = s.charAt(i);
                if (c == '}' && section) return i;
                if (c == '<' && i + 1 < to && Character.isLetter(s.charAt(i + 1))) {
                    int te = TemplateTags.tagEnd(s, i + 1);
                    if (te < 0) return to;
                    int ne = TemplateTags.tagNameEnd(s, i + 1);
                    String name = s.substring(i + 1, ne).toLowerCase(java.util.Locale.ROOT);
                    if (name.equals("script") || name.equals("style")) {
                        // raw text: its braces are JavaScript's, but @-transitions inside are found by ServerSyntax
                        int close = TemplateTags.indexOfIgnoreCase(s, "</" + name, te);
                        int end = close < 0 ? to : Math.min(close, to);
                        blocksIn(te, end, depth);
                        i = end;
                        continue;
                    }
                    i = te;
                    continue;
                }
                if (c == '@' && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
                    int next = block(i, to, depth);
                    if (next > i) {
                        i = next;
                        continue;
                    }
                    if (i + 1 < to && s.charAt(i + 1) == '*') {
                        int e = s.indexOf("*@", i + 2);
                        i = e < 0 ? to : e + 2;
                        continue;
                    }
                }
                i++;
            }
            return to;
        }

        /** Control blocks inside a script's raw text (no tags there). */
        private void blocksIn(int from, int to, int depth) {
            for (int i = from; i < to; i++) {
                if (s.charAt(i) == '@' && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
                    int next = block(i, to, depth);
                    if (next > i) i = next - 1;
                }
            }
        }

        /** A control block starting with {@code @keyword} at {@code at}: records its pieces and returns its end, or {@code at}. */
        private int block(int at, int to, int depth) {
            if (depth >= MAX_DEPTH) return at;
            int e = at + 1;
            while (e < to && Character.isLetter(s.charAt(e))) e++;
            String word = s.substring(at + 1, e);
            if (!KEYWORDS.contains(word)) return at;
            int brace = headerBrace(e, to);
            if (brace < 0) return at;
            add(at, brace + 1);
            boolean section = word.equals("section");
            int i = brace + 1;
            while (true) {
                int close = section ? markup(i, to, true, depth + 1) : code(i, to, depth + 1);
                if (close >= to) return to;
                // the closing brace, and an else / catch / finally header that continues the block
                int p = close + 1;
                while (p < to && Character.isWhitespace(s.charAt(p))) p++;
                int w = p;
                while (w < to && Character.isLetter(s.charAt(w))) w++;
                if (!CONTINUATIONS.contains(s.substring(p, w))) {
                    add(close, close + 1);
                    return close + 1;
                }
                int next = headerBrace(w, to);
                if (next < 0) {
                    add(close, close + 1);
                    return close + 1;
                }
                add(close, next + 1);
                i = next + 1;
            }
        }

        /**
         * The '{' that ends a block header after {@code p}: a condition in parentheses, a section name,
         * {@code if} after {@code else}; -1 when something else comes first (then it is not a block).
         */
        private int headerBrace(int p, int to) {
            int limit = Math.min(to, p + 1000);
            for (int k = p; k < limit; k++) {
                char c = s.charAt(k);
                if (c == '{') return k;
                if (c == '(') {
                    int close = ServerSyntax.parens(s, k + 1);
                    if (close < 0) return -1;
                    k = close - 1;
                } else if (!Character.isWhitespace(c) && !Character.isLetterOrDigit(c) && c != '_' && c != '.') {
                    return -1;
                }
            }
            return -1;
        }

        /**
         * C# code of a block body from {@code from}: statements are server code, a tag starts markup up
         * to its end tag ({@code <text>} tags themselves are server code), {@code @:} starts a line of
         * markup. Returns the index of the closing '}', or {@code to}.
         */
        private int code(int from, int to, int depth) {
            int run = from;
            int braces = 0;
            int next;
            int i = from;
            while (i < to) {
                char c = s.charAt(i);
                if (c == '"' || c == '\'') {
                    int q = quoteEnd(i, to);
                    if (q < 0) return to;
                    i = q + 1;
                } else if (c == '/' && i + 1 < to && s.charAt(i + 1) == '/') {
                    int eol = s.indexOf('\n', i);
                    i = eol < 0 ? to : eol;
                } else if (c == '{') {
                    braces++;
                    i++;
                } else if (c == '}') {
                    if (braces == 0) {
                        add(run, i);
                        return i;
                    }
                    braces--;
                    i++;
                } else if (c == '@' && i + 1 < to && s.charAt(i + 1) == ':') {
                    add(run, i + 2);
                    int eol = s.indexOf('\n', i);
                    int end = eol < 0 ? to : Math.min(eol, to);
                    markup(i + 2, end, false, depth);
                    i = run = end;
                } else if (c == '@' && (next = block(i, to, depth)) > i) {
                    // a nested block written with its own transition (its pieces are recorded once)
                    add(run, i);
                    i = run = next;
                } else if (c == '<' && i + 1 < to && Character.isLetter(s.charAt(i + 1))) {
                    add(run, i);
                    int ne = TemplateTags.tagNameEnd(s, i + 1);
                    String name = s.substring(i + 1, ne);
                    int te = TemplateTags.tagEnd(s, ne);
                    if (te < 0) return to;
                    int close = TemplateTags.indexOfIgnoreCase(s, "</" + name, te);
                    int closeEnd = close < 0 ? -1 : TemplateTags.tagEnd(s, close + 2);
                    if (closeEnd < 0 || closeEnd > to) closeEnd = te; // a tag without an end tag
                    if (name.equals("text")) {
                        add(i, te);
                        markup(te, close < 0 ? te : close, false, depth);
                        if (close >= 0) add(close, closeEnd);
                    } else {
                        markup(i, closeEnd, false, depth);
                    }
                    i = run = closeEnd;
                } else {
                    i++;
                }
            }
            return to;
        }

        private int quoteEnd(int k, int to) {
            char q = s.charAt(k);
            for (int j = k + 1; j < to; j++) {
                char c = s.charAt(j);
                if (c == '\\') j++;
                else if (c == q) return j;
                else if (c == '\n') return -1;
            }
            return -1;
        }
    }
}

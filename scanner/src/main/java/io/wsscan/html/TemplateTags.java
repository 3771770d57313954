/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A light scanner of the raw template text for the few things that must be found before, or apart
 * from, the HTML parser: tag names and ends, the top-level {@code <template>} blocks of a Vue
 * component, and XHTML's self-closing {@code <script/>}. It is separate from {@link ScriptExtractor}
 * because it works on plain strings without jsoup and holds no state of an extraction.
 */
final class TemplateTags {

    private TemplateTags() {
    }

    /**
     * Blanks the content of top-level {@code <template>} blocks of a Vue component (Vue syntax such as
     * {@code <textarea/>} derails an HTML parser, and none of it is JavaScript the page runs as is).
     */
    static void blankVueTemplates(String s, char[] p) {
        for (int[] t : vueTemplateRanges(s)) ServerSyntax.blank(p, t[0], t[1]);
    }

    /**
     * The content ranges {@code [start, end)} of the top-level {@code <template>} blocks of a Vue
     * component, with a third element 1 when the template is HTML (no {@code lang}, or {@code html}),
     * 0 for Pug and other languages.
     */
    static List<int[]> vueTemplateRanges(String s) {
        List<int[]> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            int lt = s.indexOf('<', i);
            if (lt < 0) break;
            if (s.startsWith("<!--", lt)) {
                int e = s.indexOf("-->", lt + 4);
                if (e < 0) break;
                i = e + 3;
                continue;
            }
            int ne = tagNameEnd(s, lt + 1);
            if (ne == lt + 1) {
                i = lt + 1;
                continue;
            }
            String name = s.substring(lt + 1, ne).toLowerCase(Locale.ROOT);
            int te = tagEnd(s, ne);
            if (te < 0) break;
            if (s.charAt(te - 2) == '/') {
                i = te;
                continue;
            }
            if (name.equals("template")) {
                int close = templateClose(s, te);
                int stop = close < 0 ? n : close;
                String lang = StartTag.read(s, lt, te).value("lang");
                boolean html = lang == null || lang.isBlank() || lang.strip().equalsIgnoreCase("html");
                out.add(new int[] {te, stop, html ? 1 : 0});
                i = stop + 1;
            } else {
                int close = indexOfIgnoreCase(s, "</" + name, te);
                i = close < 0 ? n : close + 2;
            }
        }
        return out;
    }

    /** Start of the {@code </template} that closes a template whose content starts at {@code from}. */
    private static int templateClose(String s, int from) {
        int depth = 1;
        int k = from;
        while (true) {
            int lt = s.indexOf('<', k);
            if (lt < 0) return -1;
            if (s.startsWith("<!--", lt)) {
                int e = s.indexOf("-->", lt + 4);
                if (e < 0) return -1;
                k = e + 3;
            } else if (s.startsWith("</template", lt) && tagNameEnd(s, lt + 2) == lt + 10) {
                if (--depth == 0) return lt;
                k = lt + 10;
            } else if (s.startsWith("<template", lt) && tagNameEnd(s, lt + 1) == lt + 9) {
                int te = tagEnd(s, lt + 9);
                if (te < 0) return -1;
                if (s.charAt(te - 2) != '/') depth++;
                k = te;
            } else {
                k = lt + 1;
            }
        }
    }

    /** XHTML: {@code <script src="..."/>} is complete; to an HTML parser it would swallow what follows. */
    static void blankSelfClosingScripts(String s, char[] p) {
        int k = 0;
        while ((k = indexOfIgnoreCase(s, "<script", k)) >= 0) {
            int ne = tagNameEnd(s, k + 1);
            if (ne == k + 7) {
                int te = tagEnd(s, ne);
                if (te < 0) return;
                if (s.charAt(te - 2) == '/') ServerSyntax.blank(p, k, te);
                k = te;
            } else {
                k += 7;
            }
        }
    }

    /** End of a tag name ({@code [A-Za-z][A-Za-z0-9-]*}) starting at {@code p}, or {@code p}. */
    static int tagNameEnd(String s, int p) {
        if (p >= s.length() || !isAsciiLetter(s.charAt(p))) return p;
        int q = p + 1;
        while (q < s.length() && (isAsciiLetter(s.charAt(q)) || Character.isDigit(s.charAt(q)) || s.charAt(q) == '-')) q++;
        return q;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Index after the '>' that ends a tag, skipping quoted attribute values; -1 if none. */
    static int tagEnd(String s, int from) {
        for (int k = from; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '"' || c == '\'') {
                int close = s.indexOf(c, k + 1);
                if (close < 0) return -1;
                k = close;
            } else if (c == '>') {
                return k + 1;
            }
        }
        return -1;
    }

    static int indexOfIgnoreCase(String s, String what, int from) {
        int max = s.length() - what.length();
        for (int k = Math.max(0, from); k <= max; k++) {
            if (s.regionMatches(true, k, what, 0, what.length())) return k;
        }
        return -1;
    }
}

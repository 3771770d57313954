/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.html;

import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The attributes of one start tag with their exact offsets, read from the source text the way the HTML
 * tokenizer reads them (names up to whitespace, '/', '>' or '='; values quoted or unquoted). jsoup
 * tells where the tag is; this class tells where each attribute name and value is.
 */
final class StartTag {

    /**
     * One attribute.
     *
     * @param name       lower-cased name
     * @param valueStart first character of the value (after the opening quote); -1 without a value
     * @param valueEnd   end of the value: the closing quote, or the character after an unquoted value
     * @param quoted     whether the value is in quotes
     * @param raw        the value as written (entities not decoded)
     */
    record Attr(String name, int nameStart, int valueStart, int valueEnd, boolean quoted, String raw) {

        /** The value with character references decoded, as the browser sees it ("" without a value). */
        String value() {
            return raw.isEmpty() ? "" : Parser.unescapeEntities(raw, true);
        }

        /** True when decoding changes the value (it contains character references). */
        boolean encoded() {
            return raw.indexOf('&') >= 0 && !raw.equals(value());
        }
    }

    final int start;
    final int end;
    final List<Attr> attrs;

    private StartTag(int start, int end, List<Attr> attrs) {
        this.start = start;
        this.end = end;
        this.attrs = attrs;
    }

    /** The first attribute with this (lower-case) name, as the HTML parser keeps it, or null. */
    Attr attr(String name) {
        for (Attr a : attrs) if (a.name.equals(name)) return a;
        return null;
    }

    /** The decoded value of an attribute, or null when it is absent. */
    String value(String name) {
        Attr a = attr(name);
        return a == null ? null : a.value();
    }

    /**
     * Reads the start tag {@code [start, end)} ({@code s.charAt(start) == '<'}, {@code end} just after
     * its '>' or the end of the text).
     */
    static StartTag read(String s, int start, int end) {
        List<Attr> attrs = new ArrayList<>();
        int i = start + 1;
        while (i < end && !isSpace(s.charAt(i)) && s.charAt(i) != '/' && s.charAt(i) != '>') i++;
        while (i < end) {
            char c = s.charAt(i);
            if (isSpace(c) || c == '/') {
                i++;
                continue;
            }
            if (c == '>') break;
            int nameStart = i;
            i++; // the first character may be '='
            while (i < end && !isSpace(s.charAt(i)) && "/>=".indexOf(s.charAt(i)) < 0) i++;
            String name = s.substring(nameStart, i).toLowerCase(Locale.ROOT);
            int j = i;
            while (j < end && isSpace(s.charAt(j))) j++;
            int valueStart = -1, valueEnd = -1;
            boolean quoted = false;
            if (j < end && s.charAt(j) == '=') {
                j++;
                while (j < end && isSpace(s.charAt(j))) j++;
                if (j < end && (s.charAt(j) == '"' || s.charAt(j) == '\'')) {
                    int close = s.indexOf(s.charAt(j), j + 1);
                    if (close < 0 || close >= end) close = Math.max(j + 1, end - 1);
                    valueStart = j + 1;
                    valueEnd = close;
                    quoted = true;
                    i = close + 1;
                } else {
                    valueStart = j;
                    while (j < end && !isSpace(s.charAt(j)) && s.charAt(j) != '>') j++;
                    valueEnd = j;
                    i = j;
                }
            }
            if (attr(attrs, name) == null) {
                String raw = valueStart < 0 ? "" : s.substring(valueStart, valueEnd);
                attrs.add(new Attr(name, nameStart, valueStart, valueEnd, quoted, raw));
            }
        }
        return new StartTag(start, end, attrs);
    }

    private static Attr attr(List<Attr> attrs, String name) {
        for (Attr a : attrs) if (a.name.equals(name)) return a;
        return null;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}

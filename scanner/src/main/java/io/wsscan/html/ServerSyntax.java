/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.html;

/**
 * Recognises server-side template syntax that the server replaces before the browser sees the page:
 * JSP scriptlets, directives, comments, EL and custom tags; FreeMarker directives, macros and
 * interpolations; JSF EL in XHTML. Each construct is a range of the template text and either produces
 * output (an expression: {@code <%= x %>}, {@code ${x}}, {@code <c:out .../>}) or not (a scriptlet, a
 * directive, a comment, the start or end tag of a body tag).
 */
final class ServerSyntax {

    /** A construct {@code [start, end)}; {@code output} when the server writes a value in its place. */
    record Construct(int start, int end, boolean output) {
    }

    /** Longest EL expression or tag looked at; longer ones are treated as text (bounds the work). */
    private static final int MAX_SCAN = 8192;

    private ServerSyntax() {
    }

    /**
     * The server construct starting at {@code i}, or null.
     *
     * @param inScript also recognise JSP custom tags ({@code <c:out value="..."/>}); outside scripts
     *                 they are elements the HTML parser reads
     */
    static Construct at(String s, int i, TemplateKind kind, boolean inScript) {
        char c = s.charAt(i);
        if (c != '<' && c != '$' && c != '#') return null;
        return switch (kind) {
            case JSP -> jsp(s, i, inScript);
            case XHTML -> c == '<' ? null : el(s, i);
            case FREEMARKER -> freemarker(s, i);
            default -> null;
        };
    }

    private static Construct jsp(String s, int i, boolean inScript) {
        if (s.charAt(i) != '<') return el(s, i);
        if (s.startsWith("<%--", i)) return new Construct(i, endAfter(s, "--%>", i + 4), false);
        if (s.startsWith("<%", i)) {
            boolean output = i + 2 < s.length() && s.charAt(i + 2) == '=';
            return new Construct(i, endAfter(s, "%>", i + 2), output);
        }
        if (!inScript) return null;
        if (s.startsWith("<jsp:expression>", i)) return new Construct(i, endAfter(s, "</jsp:expression>", i), true);
        if (s.startsWith("<jsp:scriptlet>", i)) return new Construct(i, endAfter(s, "</jsp:scriptlet>", i), false);
        if (s.startsWith("<jsp:declaration>", i)) return new Construct(i, endAfter(s, "</jsp:declaration>", i), false);
        return customTag(s, i);
    }

    /** JSP custom tag ({@code <c:out value="${x}"/>}, {@code <c:if test="...">}, {@code </c:if>}). */
    private static Construct customTag(String s, int i) {
        int n = s.length();
        int p = i + 1;
        boolean closing = p < n && s.charAt(p) == '/';
        if (closing) p++;
        int q = name(s, p);
        if (q == p || q >= n || s.charAt(q) != ':') return null;
        int r = name(s, q + 1);
        if (r == q + 1) return null;
        p = r;
        int limit = Math.min(n, i + MAX_SCAN);
        // attributes: name="value" or name='value' only, so that JavaScript such as `a<b:c` never matches
        while (true) {
            int ws = p;
            while (p < limit && Character.isWhitespace(s.charAt(p))) p++;
            if (p >= limit) return null;
            char c = s.charAt(p);
            if (c == '>') return new Construct(i, p + 1, false);
            if (c == '/' && p + 1 < limit && s.charAt(p + 1) == '>') return new Construct(i, p + 2, !closing);
            if (closing || ws == p) return null;
            int a = name(s, p);
            if (a == p) return null;
            p = a;
            while (p < limit && Character.isWhitespace(s.charAt(p))) p++;
            if (p >= limit || s.charAt(p) != '=') return null;
            p++;
            while (p < limit && Character.isWhitespace(s.charAt(p))) p++;
            if (p >= limit || (s.charAt(p) != '"' && s.charAt(p) != '\'')) return null;
            int close = s.indexOf(s.charAt(p), p + 1);
            if (close < 0 || close >= limit) return null;
            p = close + 1;
        }
    }

    /** End of an XML-ish name ({@code [A-Za-z_][\w.-]*}) starting at p, or p when there is none. */
    private static int name(String s, int p) {
        int n = s.length();
        if (p >= n || !(Character.isLetter(s.charAt(p)) || s.charAt(p) == '_')) return p;
        int q = p + 1;
        while (q < n) {
            char c = s.charAt(q);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.') q++;
            else break;
        }
        return q;
    }

    /** EL {@code ${...}} or {@code #{...}} (JSP, JSF); an escaped {@code \${} is text. */
    private static Construct el(String s, int i) {
        char c = s.charAt(i);
        if ((c != '$' && c != '#') || i + 1 >= s.length() || s.charAt(i + 1) != '{') return null;
        if (i > 0 && s.charAt(i - 1) == '\\') return null;
        int end = braces(s, i + 2);
        return end < 0 ? null : new Construct(i, end, true);
    }

    /** Index after the '}' closing a brace opened just before {@code p}, skipping quoted strings; -1 if none. */
    private static int braces(String s, int p) {
        int depth = 1;
        int limit = Math.min(s.length(), p + MAX_SCAN);
        for (int k = p; k < limit; k++) {
            char c = s.charAt(k);
            if (c == '\'' || c == '"') {
                int close = quoteEnd(s, k, limit);
                if (close < 0) return -1;
                k = close;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return k + 1;
            }
        }
        return -1;
    }

    /** Index of the quote closing the one at {@code k} (backslash escapes), or -1. */
    private static int quoteEnd(String s, int k, int limit) {
        char q = s.charAt(k);
        for (int j = k + 1; j < limit; j++) {
            char c = s.charAt(j);
            if (c == '\\') j++;
            else if (c == q) return j;
        }
        return -1;
    }

    private static Construct freemarker(String s, int i) {
        char c = s.charAt(i);
        if (c != '<') return el(s, i);
        if (s.startsWith("<#--", i)) return new Construct(i, endAfter(s, "-->", i + 4), false);
        int p = i + 1;
        boolean closing = p < s.length() && s.charAt(p) == '/';
        if (closing) p++;
        if (p + 1 >= s.length()) return null;
        char sigil = s.charAt(p);
        if ((sigil != '#' && sigil != '@') || !Character.isLetter(s.charAt(p + 1))) return null;
        int end = directiveEnd(s, p + 1);
        if (end < 0) return null;
        boolean selfClosing = s.charAt(end - 2) == '/';
        // a user macro call writes its output; directives (<#if>, <#list>, <#assign>) and body tags do not
        return new Construct(i, end, sigil == '@' && selfClosing && !closing);
    }

    /** Index after the '>' ending a FreeMarker tag: the first one outside quotes and parentheses. */
    private static int directiveEnd(String s, int p) {
        int depth = 0;
        int limit = Math.min(s.length(), p + MAX_SCAN);
        for (int k = p; k < limit; k++) {
            char c = s.charAt(k);
            if (c == '"' || c == '\'') {
                int close = quoteEnd(s, k, limit);
                if (close < 0) return -1;
                k = close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth > 0) depth--;
            } else if (c == '>' && depth == 0) {
                return k + 1;
            }
        }
        return -1;
    }

    /** Index after {@code end} found from {@code from}, or the end of the text when it never closes. */
    private static int endAfter(String s, String end, int from) {
        int k = s.indexOf(end, from);
        return k < 0 ? s.length() : k + end.length();
    }

    /** The template text with every server construct blanked (line breaks kept), for the HTML parser. */
    static char[] blankAll(String s, TemplateKind kind) {
        char[] out = s.toCharArray();
        if (kind != TemplateKind.JSP && kind != TemplateKind.XHTML && kind != TemplateKind.FREEMARKER) return out;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            Construct k = at(s, i, kind, false);
            if (k == null) continue;
            blank(out, k.start(), k.end());
            i = k.end() - 1;
        }
        return out;
    }

    /** Replaces {@code [from, to)} with spaces, keeping line breaks. */
    static void blank(char[] out, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!isLineBreak(out[k])) out[k] = ' ';
        }
    }

    static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }
}

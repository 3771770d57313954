/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.html;

/**
 * The masked output of one extraction: a text of the template's length that is blank except where
 * script code was copied, with server-side syntax inside that code replaced by placeholders, and the
 * positions already written (which wrappers must never overwrite). {@link ScriptExtractor} decides
 * <em>what</em> is code; this class copies it faithfully, so that the server-syntax and lexing rules
 * live in one place apart from the HTML and Vue walking.
 */
final class MaskedCode {

    /**
     * What a server-side expression in code becomes: an identifier no page defines, so that the
     * analysis sees an unknown value (shown as {@code ${…}} in messages); {@code 0} where it is shorter.
     */
    static final String PLACEHOLDER = "_$_";
    /** How far from the code a wrapper's opening or closing may be written. */
    static final int MAX_WRAPPER_DISTANCE = 400;

    private final String raw;
    private final TemplateKind kind;
    private final boolean firstBranchOnly;
    private final Pieces pieces;
    private final char[] out;
    /** Positions that belong to emitted code (or its separators); wrappers never overwrite them. */
    private final boolean[] taken;
    private int skippedBranches;

    MaskedCode(String raw, TemplateKind kind, boolean firstBranchOnly, Pieces pieces) {
        this.raw = raw;
        this.kind = kind;
        this.firstBranchOnly = firstBranchOnly;
        this.pieces = pieces;
        this.out = new char[raw.length()];
        for (int i = 0; i < out.length; i++) {
            char c = raw.charAt(i);
            out[i] = ServerSyntax.isLineBreak(c) ? c : ' ';
        }
        this.taken = new boolean[raw.length()];
    }

    /** The masked text so far. */
    String text() {
        return new String(out);
    }

    /** How many later branches of server-side conditionals were blanked (only with {@code firstBranchOnly}). */
    int skippedBranches() {
        return skippedBranches;
    }

    /** True when nothing has been written at {@code p}. */
    boolean free(int p) {
        return !taken[p];
    }

    /** Writes {@code c} at {@code p} and marks it taken. */
    void put(int p, char c) {
        out[p] = c;
        taken[p] = true;
    }

    /** Blanks the output {@code [from, to)} again (line breaks stay). */
    void revert(int from, int to) {
        ServerSyntax.blank(out, from, to);
    }

    /**
     * End (exclusive) of the nearest run of {@code length} free positions on one line before
     * {@code before}, with only free positions between it and {@code before}; -1 if there is none.
     */
    int freeRunBefore(int before, int length) {
        int limit = Math.max(0, before - MAX_WRAPPER_DISTANCE);
        int runEnd = before, n = 0;
        for (int p = before - 1; p >= limit && !taken[p]; p--) {
            if (ServerSyntax.isLineBreak(raw.charAt(p))) {
                runEnd = p;
                n = 0;
            } else if (++n == length) {
                return runEnd;
            }
        }
        return -1;
    }

    /**
     * Copies the code {@code [cs, ce)} of the source into the output, replacing server-side syntax
     * with placeholders, and blanks a line comment it ends in (it would swallow the separator).
     */
    JsLexer emit(int cs, int ce) {
        JsLexer lx = new JsLexer();
        Branches branches = firstBranchOnly ? new Branches() : null;
        boolean cdata = false;
        int i = cs;
        while (i < ce) {
            ServerSyntax.Construct k = ServerSyntax.at(raw, i, kind, true, pieces);
            if (k == null && kind == TemplateKind.HTML) k = curly(i, ce);
            if (branches != null && (k != null || branches.skipping())) {
                // a later branch of a server-side conditional: blank up to the construct that ends it
                boolean skipped = branches.skipping();
                if (k == null) {
                    i++;
                    continue;
                }
                int e = Math.min(k.end(), ce);
                branches.construct(raw.substring(i, e));
                if (skipped || branches.skipping()) {
                    i = e;
                    continue;
                }
            }
            if (k == null && lx.state() == JsLexer.State.CODE) {
                k = thymeleaf(i, ce);
                if (k == null && raw.startsWith("<![CDATA[", i)) {
                    k = new ServerSyntax.Construct(i, i + 9, false);
                    cdata = true;
                } else if (k == null && cdata && raw.startsWith("]]>", i)) {
                    k = new ServerSyntax.Construct(i, i + 3, false);
                    cdata = false;
                }
            }
            if (k != null) {
                int e = Math.min(k.end(), ce);
                placeholder(lx, i, e, k.output());
                i = e;
                continue;
            }
            int j = lx.advance(raw, i, ce);
            for (int p = i; p < j; p++) out[p] = raw.charAt(p);
            i = j;
        }
        for (int p = cs; p < ce; p++) taken[p] = true;
        if (branches != null) skippedBranches += branches.skipped();
        if (lx.state() == JsLexer.State.LINE_COMMENT) ServerSyntax.blank(out, lx.lineCommentStart(), ce);
        return lx;
    }

    /** Writes the placeholder for server-side syntax {@code [from, to)} (the output is blank there). */
    private void placeholder(JsLexer lx, int from, int to, boolean output) {
        JsLexer.State st = lx.state();
        if (output && st == JsLexer.State.CODE) {
            boolean room = to - from >= PLACEHOLDER.length();
            for (int k = from; room && k < from + PLACEHOLDER.length(); k++) room = !ServerSyntax.isLineBreak(raw.charAt(k));
            String value = room ? PLACEHOLDER : "0";
            value.getChars(0, value.length(), out, from);
            lx.operand();
        }
        boolean inString = st == JsLexer.State.SINGLE || st == JsLexer.State.DOUBLE;
        for (int p = from; p < to; p++) {
            char c = raw.charAt(p);
            if (!ServerSyntax.isLineBreak(c)) continue;
            if (inString) {
                // keep the string literal valid across the line break: a line continuation
                boolean lfOfCrlf = c == '\n' && p > from && raw.charAt(p - 1) == '\r';
                if (!lfOfCrlf && p - 1 > from && !ServerSyntax.isLineBreak(raw.charAt(p - 1))) out[p - 1] = '\\';
            } else {
                lx.lineBreak();
            }
        }
    }

    /**
     * Curly-brace template syntax of HTML templates (Jinja, Django, Twig, Nunjucks, Liquid,
     * Handlebars, Go): {@code {% tag %}} and {@code {# comment #}} anywhere in a script,
     * {@code {{ expr }}} when it is short, on one line and holds no {@code ;} or {@code {} (so that
     * nested JavaScript blocks are never taken for it).
     */
    private ServerSyntax.Construct curly(int i, int ce) {
        if (raw.charAt(i) != '{' || i + 1 >= ce) return null;
        char c = raw.charAt(i + 1);
        if (c == '%' || c == '#') {
            int k = raw.indexOf(c == '%' ? "%}" : "#}", i + 2);
            if (k < 0 || k + 2 > ce || k - i > 4096) return null;
            return new ServerSyntax.Construct(i, k + 2, false);
        }
        if (c != '{') return null;
        boolean triple = i + 2 < ce && raw.charAt(i + 2) == '{';
        String close = triple ? "}}}" : "}}";
        int from = i + close.length();
        int k = raw.indexOf(close, from);
        if (k < 0 || k + close.length() > ce || k - i > 200) return null;
        for (int p = from; p < k; p++) {
            char d = raw.charAt(p);
            if (d == ';' || d == '{' || d == '}' || ServerSyntax.isLineBreak(d)) return null;
        }
        String inner = raw.substring(from, k).strip();
        if (inner.isEmpty()) return null;
        // Handlebars/Mustache blocks, inverted sections, comments and {{else}} write nothing
        boolean output = "#/^!".indexOf(inner.charAt(0)) < 0 && !inner.equals("else") && !inner.startsWith("else ");
        return new ServerSyntax.Construct(i, k + close.length(), output);
    }

    /** Thymeleaf inlined expression in code: {@code [[${x}]]} or {@code [(${x})]}. */
    private ServerSyntax.Construct thymeleaf(int i, int ce) {
        if (i + 4 >= ce || raw.charAt(i) != '[' || (raw.charAt(i + 1) != '[' && raw.charAt(i + 1) != '(')) return null;
        int p = i + 2;
        while (p < ce && (raw.charAt(p) == ' ' || raw.charAt(p) == '\t')) p++;
        if (p + 1 >= ce || "$*#@~".indexOf(raw.charAt(p)) < 0 || raw.charAt(p + 1) != '{') return null;
        String close = raw.charAt(i + 1) == '[' ? "]]" : ")]";
        int k = raw.indexOf(close, p + 2);
        if (k < 0 || k + 2 > ce || k - i > 4096) return null;
        return new ServerSyntax.Construct(i, k + 2, true);
    }
}

/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Script text that a PHP page writes from inside its PHP code: a heredoc or nowdoc that is echoed
 * ({@code echo <<<JS ... JS;}) or holds a {@code <script>}, and the string literals of an
 * {@code echo} / {@code print} statement when one of them holds a {@code <script>}
 * ({@code echo '<script>var u = "' . $url . '";</script>';}). Their text is what the browser gets, so
 * it is left in place as markup and code; the PHP around it becomes constructs, a value where PHP
 * code sits between two exposed pieces ({@code ' . $url . '}) and in heredoc interpolations
 * ({@code {$x}}, {@code $x->y}).
 *
 * <p>How far this goes: quoted strings with a backslash escape are not exposed (their text is not the
 * output), nor are strings assigned to variables and echoed later, nor strings that hold script code
 * without a {@code <script>} tag; heredocs are exposed when echoed directly or when they hold a
 * {@code <script>}.
 */
final class PhpEchoes {

    private PhpEchoes() {
    }

    /** The constructs of the PHP blocks that expose script text, by start; empty when there are none. */
    static Map<Integer, ServerSyntax.Construct> find(String s) {
        TreeMap<Integer, ServerSyntax.Construct> out = new TreeMap<>();
        int i = 0;
        while ((i = s.indexOf("<?", i)) >= 0) {
            int code = s.startsWith("<?php", i) ? i + 5 : s.startsWith("<?=", i) ? i + 3 : i + 2;
            int close = ServerSyntax.phpEnd(s, code);
            int end = close < 0 ? s.length() : close + 2;
            List<int[]> exposed = block(s, code, close < 0 ? s.length() : close, s.startsWith("<?=", i));
            if (!exposed.isEmpty()) tile(s, i, end, exposed, out);
            i = end;
        }
        return out;
    }

    /** The constructs around the exposed ranges of the block {@code [start, end)}, and interpolations inside them. */
    private static void tile(String s, int start, int end, List<int[]> exposed, TreeMap<Integer, ServerSyntax.Construct> out) {
        int from = start;
        for (int k = 0; k < exposed.size(); k++) {
            int[] e = exposed.get(k);
            if (e[0] > from) {
                String gap = s.substring(from, e[0]);
                // PHP code between two pieces of output writes a value there ($url in '...' . $url . '...')
                boolean value = k > 0 && (gap.indexOf('$') >= 0 || gap.indexOf('(') >= 0);
                out.put(from, new ServerSyntax.Construct(from, e[0], value));
            }
            if (e[2] == 1) interpolations(s, e[0], e[1], out);
            from = e[1];
        }
        if (end > from) out.put(from, new ServerSyntax.Construct(from, end, false));
    }

    /**
     * The exposed ranges {@code [start, end, interpolates]} of the PHP code {@code [p, end)}, statement
     * by statement; {@code echoBlock} for {@code <?= ... ?>}, whose first statement is an echo.
     */
    private static List<int[]> block(String s, int p, int end, boolean echoBlock) {
        List<int[]> out = new ArrayList<>();
        List<int[]> literals = new ArrayList<>();
        int stmt = p;
        boolean echo = echoBlock;
        int k = p;
        while (k < end) {
            char c = s.charAt(k);
            if (c == '\'' || c == '"') {
                int q = ServerSyntax.quoteEnd(s, k, end);
                if (q < 0) break;
                literals.add(new int[] {k + 1, q, c == '"' ? 1 : 0});
                k = q + 1;
            } else if (c == '<' && s.startsWith("<<<", k)) {
                int[] h = heredoc(s, k, end);
                if (h == null) break;
                boolean script = containsScript(s, h[0], h[1]);
                if (script || echo || startsWithEcho(s, stmt, k)) out.add(new int[] {h[0], h[1], h[2]});
                k = h[3];
            } else if (c == '/' && k + 1 < end && s.charAt(k + 1) == '*') {
                int e = s.indexOf("*/", k + 2);
                k = e < 0 ? end : e + 2;
            } else if (c == '#' || c == '/' && k + 1 < end && s.charAt(k + 1) == '/') {
                int e = s.indexOf('\n', k);
                k = e < 0 || e > end ? end : e;
            } else if (c == ';') {
                statement(s, echo || startsWithEcho(s, stmt, k), literals, out);
                literals.clear();
                echo = false;
                stmt = ++k;
            } else {
                k++;
            }
        }
        statement(s, echo || startsWithEcho(s, stmt, end), literals, out);
        out.sort((a, b) -> Integer.compare(a[0], b[0]));
        return out;
    }

    /** An echo statement's literals are exposed when one holds a {@code <script>} and none has a backslash escape. */
    private static void statement(String s, boolean echo, List<int[]> literals, List<int[]> out) {
        if (!echo || literals.isEmpty()) return;
        boolean script = false;
        for (int[] l : literals) {
            if (s.substring(l[0], l[1]).indexOf('\\') >= 0) return;
            script |= containsScript(s, l[0], l[1]);
        }
        if (script) out.addAll(literals);
    }

    private static boolean startsWithEcho(String s, int stmt, int at) {
        String head = s.substring(stmt, Math.min(at, stmt + 40)).strip().toLowerCase(Locale.ROOT);
        return head.startsWith("echo") || head.startsWith("print");
    }

    private static boolean containsScript(String s, int from, int to) {
        return TemplateTags.indexOfIgnoreCase(s.substring(from, to), "<script", 0) >= 0;
    }

    /**
     * A heredoc or nowdoc at {@code <<<}: {@code [bodyStart, bodyEnd, interpolates, after]}, where the
     * body ends before the line with the closing label; null when it does not close before {@code end}.
     */
    private static int[] heredoc(String s, int at, int end) {
        int after = ServerSyntax.heredocEnd(s, at + 3);
        if (after < 0 || after > end) return null;
        int nl = s.indexOf('\n', at);
        if (nl < 0 || nl >= after) return null;
        int bodyEnd = s.lastIndexOf('\n', after - 1);
        if (bodyEnd < nl) bodyEnd = nl;
        String label = s.substring(at + 3, nl).strip();
        return new int[] {nl + 1, bodyEnd, label.startsWith("'") ? 0 : 1, after};
    }

    /** {@code {$expr}} and {@code $name->prop} / {@code $name[key]} inside an interpolating body are values. */
    private static void interpolations(String s, int from, int to, TreeMap<Integer, ServerSyntax.Construct> out) {
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (k > from && s.charAt(k - 1) == '\\') continue;
            if (c == '{' && k + 1 < to && s.charAt(k + 1) == '$') {
                int e = ServerSyntax.razorCode(s, k + 1);
                if (e > 0 && e <= to) {
                    out.put(k, new ServerSyntax.Construct(k, e, true));
                    k = e - 1;
                }
            } else if (c == '$' && k + 1 < to && (Character.isLetter(s.charAt(k + 1)) || s.charAt(k + 1) == '_')) {
                int e = k + 2;
                while (e < to && (Character.isLetterOrDigit(s.charAt(e)) || s.charAt(e) == '_')) e++;
                if (s.startsWith("->", e) && e + 2 < to && Character.isLetter(s.charAt(e + 2))) {
                    e += 3;
                    while (e < to && (Character.isLetterOrDigit(s.charAt(e)) || s.charAt(e) == '_')) e++;
                } else if (e < to && s.charAt(e) == '[') {
                    int b = s.indexOf(']', e);
                    if (b > 0 && b < to && b - e < 64) e = b + 1;
                }
                out.put(k, new ServerSyntax.Construct(k, e, true));
                k = e - 1;
            }
        }
    }
}

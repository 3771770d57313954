/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.html;

/**
 * Recognises server-side template syntax that the server replaces before the browser sees the page:
 * JSP scriptlets, directives, comments, EL and custom tags; FreeMarker directives, macros and
 * interpolations; JSF EL in XHTML; the delimiter pairs of each {@link TemplateKind} (PHP, ERB, EJS,
 * ASP.NET, GSP, Handlebars, Twig, Jinja, Liquid, Blade); Blade directives; Razor transitions and code
 * blocks ({@link Pieces}). Each construct is a range of the template text and either produces
 * output (an expression: {@code <%= x %>}, {@code ${x}}, {@code <c:out .../>}) or not (a scriptlet, a
 * directive, a comment, the start or end tag of a body tag).
 */
final class ServerSyntax {

    /** A construct {@code [start, end)}; {@code output} when the server writes a value in its place. */
    record Construct(int start, int end, boolean output) {
    }

    /** Whether a delimited construct writes a value: never, always, or when its content says so. */
    enum Output { NONE, VALUE, BY_CONTENT }

    /** How the closing delimiter is found: the first one, one outside quotes and nested braces, or PHP-aware. */
    enum Scan { PLAIN, BRACES, PHP }

    /** A pair of delimiters of a template language ({@code <?= ... ?>}, <code>{{ ... }}</code>). */
    record Delim(String open, String close, Output output, Scan scan) {
    }

    /** Blade directives recognised after an {@code @} (others, e-mail addresses, decorators, are text). */
    private static final java.util.Set<String> BLADE_DIRECTIVES = java.util.Set.of(("if elseif else endif unless endunless "
            + "isset endisset empty endempty auth endauth guest endguest foreach endforeach for endfor forelse endforelse "
            + "while endwhile switch case break default endswitch continue json js csrf method include includeIf "
            + "includeWhen each section endsection yield show stop push endpush prepend endprepend stack once endonce "
            + "php endphp lang choice can endcan cannot endcannot env endenv production endproduction props class style "
            + "vite verbatim endverbatim error enderror checked selected disabled readonly required").split(" "));
    /** Blade directives that write a value ({@code @json($x)} in a script is a JavaScript value). */
    private static final java.util.Set<String> BLADE_OUTPUT = java.util.Set.of("json", "js", "lang", "choice");
    /** Razor keywords whose statement ends at the end of the line ({@code @model T}, {@code @using X.Y}). */
    private static final java.util.Set<String> RAZOR_LINE = java.util.Set.of("model", "using", "inject", "page",
            "addTagHelper", "removeTagHelper", "tagHelperPrefix", "layout", "implements", "inherits", "namespace",
            "attribute", "rendermode", "preservewhitespace", "typeparam");

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
        return at(s, i, kind, inScript, Pieces.NONE);
    }

    /** As {@link #at(String, int, TemplateKind, boolean)}, with the pieces found in advance in the whole text. */
    static Construct at(String s, int i, TemplateKind kind, boolean inScript, Pieces pieces) {
        Construct piece = pieces.at(i);
        if (piece != null) return piece;
        char c = s.charAt(i);
        TemplateKind.Flags f = kind.flags();
        switch (f) {
            case JSP:
                return c == '<' || c == '$' || c == '#' ? jsp(s, i, inScript) : null;
            case FREEMARKER:
                return c == '<' || c == '$' || c == '#' ? freemarker(s, i) : null;
            case RAZOR:
                return c == '@' ? razor(s, i) : null;
            default:
                break;
        }
        if (c != '<' && c != '{' && c != '$' && c != '#' && c != '@' && c != '%') return null;
        for (Delim d : kind.delims()) {
            if (s.startsWith(d.open(), i)) {
                Construct k = delimited(s, i, d);
                if (k != null) return k;
            }
        }
        if (f.el() && (c == '$' || c == '#')) return el(s, i);
        if (f.customTags() && inScript && c == '<') return customTag(s, i);
        if (f == TemplateKind.Flags.BLADE && c == '@') return blade(s, i);
        return null;
    }

    /** A construct between a pair of delimiters; null when it never closes (then it is text). */
    private static Construct delimited(String s, int i, Delim d) {
        int from = i + d.open().length();
        int close = switch (d.scan()) {
            case PLAIN -> s.indexOf(d.close(), from);
            case BRACES -> closeOutsideBraces(s, from, d.close());
            case PHP -> phpEnd(s, from);
        };
        // PHP code runs to the end of the file when its block is never closed
        int end = close < 0 ? (d.scan() == Scan.PHP ? s.length() : -1) : close + d.close().length();
        if (end < 0) return null;
        boolean output = switch (d.output()) {
            case NONE -> false;
            case VALUE -> true;
            case BY_CONTENT -> writes(d.open(), s.substring(from, Math.max(from, Math.min(close < 0 ? end : close, from + 64))).strip());
        };
        return new Construct(i, end, output);
    }

    /** Whether a PHP block ({@code echo}, {@code print}) or a Handlebars tag (not a block, partial or comment) writes. */
    private static boolean writes(String open, String content) {
        if (content.isEmpty()) return false;
        String lower = content.toLowerCase(java.util.Locale.ROOT);
        if (open.startsWith("<?")) return lower.startsWith("echo") || lower.startsWith("print");
        return "#/^!>".indexOf(content.charAt(0)) < 0 && !lower.equals("else") && !lower.startsWith("else ");
    }

    /**
     * Index of {@code close} after {@code p} that is outside quotes and outside braces opened after
     * {@code p} (<code>{{ {'a': 1}|json_encode }}</code>); -1 when there is none within {@link #MAX_SCAN}.
     */
    private static int closeOutsideBraces(String s, int p, String close) {
        int depth = 0;
        int limit = Math.min(s.length(), p + MAX_SCAN);
        for (int k = p; k < limit; k++) {
            char c = s.charAt(k);
            if (depth == 0 && s.startsWith(close, k)) return k;
            if (c == '\'' || c == '"') {
                int q = quoteEnd(s, k, limit);
                if (q < 0) return -1;
                k = q;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            }
        }
        return -1;
    }

    /**
     * Index of the {@code ?>} that ends PHP code starting at {@code p}: not inside a string, a block
     * comment or a heredoc; a line comment ends at it ({@code // x ?>} closes the block). -1 if none.
     */
    static int phpEnd(String s, int p) {
        int n = s.length();
        for (int k = p; k < n; k++) {
            char c = s.charAt(k);
            if (c == '?' && k + 1 < n && s.charAt(k + 1) == '>') return k;
            if (c == '\'' || c == '"' || c == '`') {
                int q = quoteEnd(s, k, n);
                if (q < 0) return -1;
                k = q;
            } else if (c == '/' && k + 1 < n && s.charAt(k + 1) == '*') {
                int e = s.indexOf("*/", k + 2);
                if (e < 0) return -1;
                k = e + 1;
            } else if (c == '#' || c == '/' && k + 1 < n && s.charAt(k + 1) == '/') {
                if (c == '#' && k + 1 < n && s.charAt(k + 1) == '[') continue; // an attribute, #[Attr]
                while (k < n && s.charAt(k) != '\n' && !(s.charAt(k) == '?' && k + 1 < n && s.charAt(k + 1) == '>')) k++;
                if (k < n && s.charAt(k) == '?') return k;
            } else if (c == '<' && s.startsWith("<<<", k)) {
                int e = heredocEnd(s, k + 3);
                if (e < 0) return -1;
                k = e - 1;
            }
        }
        return -1;
    }

    /** End of a heredoc or nowdoc whose label follows {@code <<<} at {@code p}: after its closing label; -1 if none. */
    static int heredocEnd(String s, int p) {
        int k = p;
        while (k < s.length() && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) k++;
        boolean quoted = k < s.length() && (s.charAt(k) == '\'' || s.charAt(k) == '"');
        if (quoted) k++;
        int ls = k;
        while (k < s.length() && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_')) k++;
        if (k == ls) return -1;
        String label = s.substring(ls, k);
        int line = s.indexOf('\n', k);
        while (line >= 0) {
            int b = line + 1;
            while (b < s.length() && (s.charAt(b) == ' ' || s.charAt(b) == '\t')) b++;
            int e = b + label.length();
            if (s.startsWith(label, b) && (e >= s.length() || !(Character.isLetterOrDigit(s.charAt(e)) || s.charAt(e) == '_'))) {
                return e;
            }
            line = s.indexOf('\n', b);
        }
        return -1;
    }

    /** A Blade directive ({@code @if(...)}, {@code @json($x)}, {@code @endforeach}); null for other {@code @}. */
    private static Construct blade(String s, int i) {
        if (i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '@' || s.charAt(i - 1) == '.')) return null;
        int e = identEnd(s, i + 1);
        if (e == i + 1 || !BLADE_DIRECTIVES.contains(s.substring(i + 1, e))) return null;
        String name = s.substring(i + 1, e);
        int p = e;
        while (p < s.length() && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) p++;
        if (p < s.length() && s.charAt(p) == '(') {
            int close = parens(s, p + 1);
            if (close > 0) e = close;
        }
        if (name.equals("php") && e == identEnd(s, i + 1)) {
            // @php ... @endphp: a block of PHP
            int end = s.indexOf("@endphp", e);
            if (end >= 0) e = end + 7;
        }
        return new Construct(i, e, BLADE_OUTPUT.contains(name));
    }

    /**
     * A Razor transition that the page holds as a whole: {@code @* comment *@}, {@code @@},
     * {@code @(expr)}, {@code @{ code }}, {@code @:} (the rest of the line is text), a directive
     * ({@code @model}, {@code @using X}) to the end of its line, {@code @functions { }} /
     * {@code @code { }}, and an implicit expression ({@code @Model.Url}, {@code @Html.Raw(x)},
     * {@code @item.Name[0]}). Control blocks ({@code @if (...) { }}) are {@link Pieces}.
     */
    private static Construct razor(String s, int i) {
        int n = s.length();
        if (i + 1 >= n) return null;
        char c = s.charAt(i + 1);
        // after a letter or digit only an explicit expression is one (Age@(joe.Age)); name@host is an e-mail address
        if (c != '(' && i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '_')) return null;
        if (c == '*') return new Construct(i, endAfter(s, "*@", i + 2), false);
        if (c == '@') return new Construct(i, i + 2, false);
        if (c == ':') return new Construct(i, i + 2, false);
        if (c == '(') {
            int close = parens(s, i + 2);
            return close < 0 ? null : new Construct(i, close, true);
        }
        if (c == '{') {
            int close = razorCode(s, i + 2);
            return close < 0 ? null : new Construct(i, close, false);
        }
        int e = identEnd(s, i + 1);
        if (e == i + 1) return null;
        String word = s.substring(i + 1, e);
        if (RAZOR_LINE.contains(word) && !(word.equals("using") && s.startsWith("(", skipBlanks(s, e)))) {
            int eol = s.indexOf('\n', e);
            return new Construct(i, eol < 0 ? n : eol, false);
        }
        if (word.equals("functions") || word.equals("code")) {
            int b = skipBlanks(s, e);
            if (b < n && s.charAt(b) == '{') {
                int close = razorCode(s, b + 1);
                if (close > 0) return new Construct(i, close, false);
            }
        }
        if (Pieces.KEYWORDS.contains(word)) return null; // a control block: Pieces has its pieces
        // implicit expression: identifiers, member access, calls and indexers, no spaces
        int p = e;
        while (p < n) {
            char d = s.charAt(p);
            if (d == '.' && p + 1 < n && Character.isJavaIdentifierStart(s.charAt(p + 1))) {
                p = identEnd(s, p + 1);
            } else if (d == '(') {
                int close = parens(s, p + 1);
                if (close < 0) break;
                p = close;
            } else if (d == '[') {
                int close = s.indexOf(']', p);
                if (close < 0 || close - p > 200) break;
                p = close + 1;
            } else {
                break;
            }
        }
        return new Construct(i, p, true);
    }

    private static int skipBlanks(String s, int p) {
        while (p < s.length() && Character.isWhitespace(s.charAt(p))) p++;
        return p;
    }

    private static int identEnd(String s, int p) {
        if (p >= s.length() || !Character.isJavaIdentifierStart(s.charAt(p)) || s.charAt(p) == '$') return p;
        int q = p + 1;
        while (q < s.length() && Character.isJavaIdentifierPart(s.charAt(q)) && s.charAt(q) != '$') q++;
        return q;
    }

    /** Index after the ')' closing a parenthesis opened just before {@code p}, skipping quoted strings; -1 if none. */
    static int parens(String s, int p) {
        return balanced(s, p, '(', ')');
    }

    /** Index after the '}' closing a C# / PHP block opened just before {@code p}, skipping strings; -1 if none. */
    static int razorCode(String s, int p) {
        return balanced(s, p, '{', '}');
    }

    private static int balanced(String s, int p, char open, char close) {
        return balancedWithin(s, p, open, close, MAX_SCAN * 8);
    }

    /** As {@link #balanced}, looking at most {@code max} characters ahead. */
    static int balancedWithin(String s, int p, char open, char close, int max) {
        int depth = 1;
        int limit = (int) Math.min(s.length(), (long) p + max);
        for (int k = p; k < limit; k++) {
            char c = s.charAt(k);
            if (c == '\'' || c == '"') {
                int q = quoteEnd(s, k, limit);
                if (q < 0) return -1;
                k = q;
            } else if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return k + 1;
            }
        }
        return -1;
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
    static int quoteEnd(String s, int k, int limit) {
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
    static char[] blankAll(String s, TemplateKind kind, Pieces pieces) {
        char[] out = s.toCharArray();
        if (!kind.hasServerSyntax()) return out;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            Construct k = at(s, i, kind, false, pieces);
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

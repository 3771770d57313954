package io.wsscan.js;

/**
 * Small lexical helpers over JavaScript source text: skipping whitespace and comments between tokens
 * (to find the few token positions Closure's parse tree does not record, such as the {@code async}
 * or {@code static} keyword in front of a class member), and cooking string and template literals
 * (Closure's and tree-sitter's trees keep literal tokens raw; both front ends cook them here).
 */
public final class JsText {

    private JsText() {
    }

    public static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }

    public static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\u00A0' || c == '\uFEFF'
                || isLineTerminator(c) || (c > 127 && Character.getType(c) == Character.SPACE_SEPARATOR);
    }

    /** The first offset at or after {@code pos} that is not whitespace or inside a comment. */
    public static int skipTrivia(String text, int pos) {
        int n = text.length();
        int p = pos;
        while (p < n) {
            char c = text.charAt(p);
            if (isWhitespace(c)) {
                p++;
            } else if (c == '/' && p + 1 < n && text.charAt(p + 1) == '/') {
                p += 2;
                while (p < n && !isLineTerminator(text.charAt(p))) p++;
            } else if (c == '/' && p + 1 < n && text.charAt(p + 1) == '*') {
                int close = text.indexOf("*/", p + 2);
                p = close < 0 ? n : close + 2;
            } else {
                break;
            }
        }
        return p;
    }

    /**
     * The offset of the first {@code ch} at or after {@code pos}, stepping over whitespace, comments
     * and any other characters; {@code fallback} when there is none. Only used on stretches that
     * hold no string, template or regular expression literal.
     */
    public static int find(String text, int pos, char ch, int fallback) {
        int p = skipTrivia(text, pos);
        while (p < text.length()) {
            if (text.charAt(p) == ch) return p;
            p = skipTrivia(text, p + 1);
        }
        return fallback;
    }

    /** Whether {@code ch} occurs outside comments in {@code [from, to)}. */
    public static boolean occurs(String text, int from, int to, char ch) {
        int p = skipTrivia(text, from);
        while (p < to) {
            if (text.charAt(p) == ch) return true;
            p = skipTrivia(text, p + 1);
        }
        return false;
    }

    /** Cooked value of a string literal token, quotes included in {@code raw}. */
    public static String cookString(String raw) {
        if (raw.length() < 2) return raw;
        return cook(raw, 1, raw.length() - 1, false);
    }

    /** Cooked value of a template portion's raw characters (between the delimiters). */
    public static String cookTemplate(String raw) {
        return cook(raw, 0, raw.length(), true);
    }

    /** Cooked value of {@code s[from, to)}: escapes resolved; in templates CR/CRLF become LF. */
    public static String cook(String s, int from, int to, boolean template) {
        int firstSpecial = -1;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\\' || (template && c == '\r')) {
                firstSpecial = i;
                break;
            }
        }
        if (firstSpecial < 0) return s.substring(from, to);
        StringBuilder sb = new StringBuilder(to - from);
        sb.append(s, from, firstSpecial);
        int i = firstSpecial;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '\r' && template) { // template line terminators are normalised to \n
                sb.append('\n');
                i += i + 1 < to && s.charAt(i + 1) == '\n' ? 2 : 1;
                continue;
            }
            if (c != '\\' || i + 1 >= to) {
                sb.append(c);
                i++;
                continue;
            }
            char e = s.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'v' -> sb.append('\u000B');
                case '\r' -> { // line continuation
                    if (i < to && s.charAt(i) == '\n') i++;
                }
                case '\n', '\u2028', '\u2029' -> {
                }
                case 'x' -> {
                    int v = hex(s, i, Math.min(i + 2, to));
                    if (v >= 0 && i + 2 <= to) {
                        sb.append((char) v);
                        i += 2;
                    } else {
                        sb.append('x');
                    }
                }
                case 'u' -> {
                    if (i < to && s.charAt(i) == '{') {
                        int close = s.indexOf('}', i);
                        int v = close < 0 || close > to ? -1 : hex(s, i + 1, close);
                        if (v >= 0 && v <= 0x10FFFF) {
                            sb.appendCodePoint(v);
                            i = close + 1;
                        } else {
                            sb.append('u');
                        }
                    } else {
                        int v = i + 4 <= to ? hex(s, i, i + 4) : -1;
                        if (v >= 0) {
                            sb.append((char) v);
                            i += 4;
                        } else {
                            sb.append('u');
                        }
                    }
                }
                default -> {
                    if (e >= '0' && e <= '7') { // \0 and legacy octal escapes (up to \377)
                        int v = e - '0';
                        int max = e <= '3' ? 2 : 1;
                        for (int k = 0; k < max && i < to && s.charAt(i) >= '0' && s.charAt(i) <= '7'; k++, i++) {
                            v = v * 8 + (s.charAt(i) - '0');
                        }
                        sb.append((char) v);
                    } else {
                        sb.append(e);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static int hex(String s, int from, int to) {
        if (from >= to) return -1;
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0 || v > 0x10FFFF) return -1;
            v = v * 16 + d;
        }
        return v;
    }
}

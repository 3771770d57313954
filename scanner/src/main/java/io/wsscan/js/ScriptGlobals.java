package io.wsscan.js;

import io.wsscan.engine.GlobalNames;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads, from the text and without parsing, which global names a classic script defines and
 * mentions ({@link GlobalNames}), so that the scan can plan which scripts of a page (or of a folder
 * tree) to analyse as one program. A file that is a module (ES {@code import}/{@code export},
 * CommonJS, AMD) is not a classic script: its top-level names are its own.
 *
 * <p>A mistake here only makes a unit larger or smaller; the analysis itself resolves the names.
 */
public final class ScriptGlobals {

    /** Words that show a module of some kind; checked before any lexing (most npm files stop here). */
    private static final List<String> MODULE_MARKS = List.of("require(", "module.exports", "exports.", "define(");
    /** Names of the global object itself. */
    private static final Set<String> GLOBAL_OBJECTS = Set.of("window", "self", "globalThis");
    private static final Set<String> DECLARING = Set.of("var", "let", "const");
    /** Keywords after which a '/' starts a regular expression. */
    private static final Set<String> BEFORE_EXPRESSION = Set.of("return", "typeof", "instanceof", "in", "of",
            "new", "delete", "void", "throw", "case", "do", "else", "yield", "await");

    private ScriptGlobals() {
    }

    /** The shared names of a classic script; null when the text is a module (or not a plain script). */
    public static GlobalNames read(String text) {
        for (String mark : MODULE_MARKS) if (text.contains(mark)) return null;
        List<Token> tokens = tokens(text);
        if (tokens == null) return null;
        Set<String> declared = new HashSet<>(), namespaces = new HashSet<>(), mentioned = new HashSet<>();
        // names declared inside functions (and parameters): their uses are most likely local, and a
        // name written as window.X is a global wherever it is
        Set<String> locals = new HashSet<>(), windowNames = new HashSet<>();
        boolean inVar = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.word()) {
                if (t.is(";") && t.depth == 0) inVar = false;
                if (t.is(",") && t.depth == 0 && inVar && i + 1 < tokens.size() && tokens.get(i + 1).word()) {
                    define(tokens, i + 1, declared, namespaces);
                }
                continue;
            }
            Token prev = i > 0 ? tokens.get(i - 1) : null;
            if (prev != null && prev.is(".")) {
                // window.App: a global by its property name
                Token object = i > 1 ? tokens.get(i - 2) : null;
                if (object != null && object.word() && GLOBAL_OBJECTS.contains(object.text)
                        && (i < 3 || !tokens.get(i - 3).is("."))) {
                    windowNames.add(t.text);
                    if (next(tokens, i, "=")) define(tokens, i, declared, namespaces);
                }
                continue;
            }
            if (t.depth == 0 && (t.text.equals("import") || t.text.equals("export")) && !next(tokens, i, "(")
                    && !next(tokens, i, ".")) {
                return null;
            }
            if (t.text.equals("function") || t.text.equals("catch")) parameters(tokens, i, locals);
            if (next(tokens, i, ":") && prev != null && (prev.is("{") || prev.is(","))) continue; // a property key
            mentioned.add(t.text);
            if (t.depth != 0) {
                if ((DECLARING.contains(t.text) || t.text.equals("function") || t.text.equals("class"))
                        && i + 1 < tokens.size() && tokens.get(i + 1).word()) {
                    locals.add(tokens.get(i + 1).text);
                }
                continue;
            }
            if (DECLARING.contains(t.text) && i + 1 < tokens.size() && tokens.get(i + 1).word()) {
                inVar = true;
                define(tokens, i + 1, declared, namespaces);
            } else if ((t.text.equals("function") || t.text.equals("class"))) {
                int k = i + 1 < tokens.size() && tokens.get(i + 1).is("*") ? i + 2 : i + 1;
                if (k < tokens.size() && tokens.get(k).word()) declared.add(tokens.get(k).text);
            } else if (next(tokens, i, "=") && (prev == null || t.lineStart || prev.is(";") || prev.is("}"))) {
                define(tokens, i, declared, namespaces); // an assignment to an undeclared name makes a global
            }
        }
        mentioned.removeAll(locals);
        mentioned.addAll(windowNames);
        return new GlobalNames(Set.copyOf(declared), Set.copyOf(namespaces), Set.copyOf(mentioned));
    }

    /** The parameter names of the function (or catch clause) whose keyword is at {@code i}. */
    private static void parameters(List<Token> tokens, int i, Set<String> locals) {
        int k = i + 1;
        while (k < tokens.size() && k <= i + 3 && !tokens.get(k).is("(")) k++;
        if (k >= tokens.size() || !tokens.get(k).is("(")) return;
        int depth = tokens.get(k).depth;
        for (int j = k + 1; j < tokens.size() && tokens.get(j).depth > depth; j++) {
            Token p = tokens.get(j - 1);
            if (tokens.get(j).word() && (p.is("(") || p.is(",") || p.is("{") || p.is("["))) locals.add(tokens.get(j).text);
        }
    }

    /** Declares the name at {@code i}; a namespace when its value starts with itself ({@code App = App || {}}). */
    private static void define(List<Token> tokens, int i, Set<String> declared, Set<String> namespaces) {
        String name = tokens.get(i).text;
        declared.add(name);
        if (!next(tokens, i, "=")) return;
        int k = i + 2;
        if (k + 1 < tokens.size() && tokens.get(k).word() && GLOBAL_OBJECTS.contains(tokens.get(k).text)
                && tokens.get(k + 1).is(".")) {
            k += 2;
        }
        if (k + 1 < tokens.size() && tokens.get(k).is(name) && tokens.get(k + 1).is("||")) namespaces.add(name);
    }

    private static boolean next(List<Token> tokens, int i, String text) {
        return i + 1 < tokens.size() && tokens.get(i + 1).is(text);
    }

    /** A word (identifier or keyword) or punctuator, with the bracket depth it is at. */
    private record Token(String text, boolean word, int depth, boolean lineStart) {
        boolean is(String s) {
            return text.equals(s);
        }
    }

    /** The tokens of code (strings, comments and regular expressions left out); null when unbalanced badly. */
    private static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int depth = 0;
        // brace depth inside each open ${...} of a template literal, innermost last
        int[] subs = new int[8];
        int subDepth = 0;
        boolean lineStart = true;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                lineStart = true;
                i++;
                continue;
            }
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
                continue;
            }
            if (Character.isJavaIdentifierStart(c)) {
                int e = i + 1;
                while (e < n && Character.isJavaIdentifierPart(s.charAt(e))) e++;
                out.add(new Token(s.substring(i, e), true, depth, lineStart));
                lineStart = false;
                i = e;
                continue;
            }
            if (c >= '0' && c <= '9') {
                int e = i + 1;
                while (e < n && (Character.isLetterOrDigit(s.charAt(e)) || s.charAt(e) == '.' || s.charAt(e) == '_')) e++;
                out.add(new Token("0", false, depth, lineStart));
                lineStart = false;
                i = e;
                continue;
            }
            char next = i + 1 < n ? s.charAt(i + 1) : 0;
            if (c == '/' && next == '/') {
                while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r') i++;
                continue;
            }
            if (c == '/' && next == '*') {
                int e = s.indexOf("*/", i + 2);
                if (e < 0) return out;
                for (int k = i; k < e; k++) if (s.charAt(k) == '\n') lineStart = true;
                i = e + 2;
                continue;
            }
            if (c == '\'' || c == '"') {
                i = skipString(s, i + 1, c);
                out.add(new Token("\"", false, depth, lineStart));
                lineStart = false;
                continue;
            }
            if (c == '`' || c == '}' && subDepth > 0 && subs[subDepth - 1] == 0) {
                if (c == '}') subDepth--;
                int e = skipTemplate(s, i + 1);
                if (e < 0) return out;
                if (s.charAt(e) == '$') {
                    if (subDepth == subs.length) subs = java.util.Arrays.copyOf(subs, subDepth * 2);
                    subs[subDepth++] = 0;
                    i = e + 2;
                } else {
                    out.add(new Token("\"", false, depth, lineStart));
                    i = e + 1;
                }
                lineStart = false;
                continue;
            }
            if (c == '/' && regexAllowed(out)) {
                i = skipRegex(s, i + 1);
                out.add(new Token("\"", false, depth, lineStart));
                lineStart = false;
                continue;
            }
            String op = String.valueOf(c);
            if ((c == '=' || c == '!') && next == '=') op = s.startsWith("==", i + 1) ? c + "==" : c + "=";
            else if (c == '=' && next == '>') op = "=>";
            else if ((c == '|' || c == '&' || c == '?') && next == c) op = c + "" + c;
            switch (c) {
                case '(', '[' -> depth++;
                case ')', ']' -> depth = Math.max(0, depth - 1);
                case '{' -> {
                    depth++;
                    if (subDepth > 0) subs[subDepth - 1]++;
                }
                case '}' -> {
                    depth = Math.max(0, depth - 1);
                    if (subDepth > 0) subs[subDepth - 1]--;
                }
                default -> {
                }
            }
            out.add(new Token(op, false, c == '{' || c == '(' || c == '[' ? depth - 1 : depth, lineStart));
            lineStart = false;
            i += op.length();
        }
        return out;
    }

    private static int skipString(String s, int i, char quote) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\') i += 2;
            else if (c == quote) return i + 1;
            else if (c == '\n') return i; // unterminated: recover at the line end
            else i++;
        }
        return n;
    }

    /** The closing backquote, or the '$' of a '${' in template text from {@code i}; -1 when unterminated. */
    private static int skipTemplate(String s, int i) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\') i += 2;
            else if (c == '`') return i;
            else if (c == '$' && i + 1 < n && s.charAt(i + 1) == '{') return i;
            else i++;
        }
        return -1;
    }

    private static int skipRegex(String s, int i) {
        int n = s.length();
        boolean inClass = false;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '\n') return i;
            if (inClass) {
                if (c == ']') inClass = false;
            } else if (c == '[') {
                inClass = true;
            } else if (c == '/') {
                return i + 1;
            }
            i++;
        }
        return n;
    }

    /** Whether a '/' here starts a regular expression, judged by the token before it. */
    private static boolean regexAllowed(List<Token> out) {
        if (out.isEmpty()) return true;
        Token last = out.get(out.size() - 1);
        if (last.word()) return BEFORE_EXPRESSION.contains(last.text);
        if (last.text.equals("\"") || last.text.equals("0") || last.is(")") || last.is("]") || last.is("}")) return false;
        return true;
    }
}

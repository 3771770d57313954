/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.html;

import java.util.Set;

/**
 * Just enough of a JavaScript tokenizer to know, at each character of a script, whether it is in code,
 * a string, a template literal, a comment or a regular expression. The extractor needs this to choose a
 * placeholder for server-side syntax inside scripts (an expression in code, blanks inside a string) and
 * to see how a script ends (in a line comment, with an unterminated string, with unbalanced brackets).
 * Regular expressions are told from division by the previous token, as usual.
 */
final class JsLexer {

    enum State { CODE, SINGLE, DOUBLE, TEMPLATE, LINE_COMMENT, BLOCK_COMMENT, REGEX, REGEX_CLASS }

    /** Keywords after which a '/' starts a regular expression. */
    private static final Set<String> BEFORE_EXPRESSION = Set.of("return", "typeof", "instanceof", "in", "of",
            "new", "delete", "void", "throw", "case", "do", "else", "yield", "await");

    private State state = State.CODE;
    /** Brace depth inside each open {@code ${...}} of a template literal, innermost last. */
    private int[] substitutions = new int[4];
    private int substitutionDepth;
    /** Open (, [ and { in code, outside template substitutions' own braces. */
    private int brackets;
    /** Last significant character in code (0 at the start), and the identifier it ended, if any. */
    private char last;
    private final StringBuilder word = new StringBuilder();
    private String lastWord = "";
    /** Only whitespace since the last line break (for the HTML-like comment {@code -->}). */
    private boolean lineStart = true;
    /** Where the current line comment started, or -1. */
    private int lineCommentStart = -1;

    State state() {
        return state;
    }

    /** Where the line comment the lexer is in started (valid in {@link State#LINE_COMMENT}). */
    int lineCommentStart() {
        return lineCommentStart;
    }

    /** True when the code seen so far is complete: in code, no open template or bracket. */
    boolean balanced() {
        return (state == State.CODE || state == State.LINE_COMMENT) && substitutionDepth == 0 && brackets == 0;
    }

    /** An operand was written in code (a placeholder for a server-side expression). */
    void operand() {
        endWord();
        lastWord = "";
        last = '0';
        lineStart = false;
    }

    /** A line break was passed inside a blanked construct. */
    void lineBreak() {
        if (state == State.LINE_COMMENT || state == State.REGEX || state == State.REGEX_CLASS) state = State.CODE;
        endWord();
        lineStart = true;
    }

    /**
     * Consumes the character(s) at {@code i} (never beyond {@code end}) and returns the index after
     * them: one character, or two for a comment opener or an escape.
     */
    int advance(String s, int i, int end) {
        char c = s.charAt(i);
        char next = i + 1 < end ? s.charAt(i + 1) : 0;
        switch (state) {
            case CODE:
                return code(s, i, end, c, next);
            case SINGLE:
            case DOUBLE:
                if (c == '\\') return escape(s, i, end);
                if (c == (state == State.SINGLE ? '\'' : '"')) {
                    state = State.CODE;
                    last = '"';
                } else if (ServerSyntax.isLineBreak(c)) {
                    state = State.CODE; // unterminated string; recover at the line end
                    lineStart = true;
                }
                return i + 1;
            case TEMPLATE:
                if (c == '\\') return escape(s, i, end);
                if (c == '`') {
                    state = State.CODE;
                    last = '"';
                    return i + 1;
                }
                if (c == '$' && next == '{') {
                    push();
                    state = State.CODE;
                    last = '{';
                    return i + 2;
                }
                return i + 1;
            case LINE_COMMENT:
                if (ServerSyntax.isLineBreak(c)) {
                    state = State.CODE;
                    lineStart = true;
                }
                return i + 1;
            case BLOCK_COMMENT:
                if (c == '*' && next == '/') {
                    state = State.CODE;
                    return i + 2;
                }
                if (ServerSyntax.isLineBreak(c)) lineStart = true;
                return i + 1;
            case REGEX:
            case REGEX_CLASS:
                if (c == '\\') return escape(s, i, end);
                if (ServerSyntax.isLineBreak(c)) {
                    state = State.CODE;
                    lineStart = true;
                } else if (state == State.REGEX_CLASS) {
                    if (c == ']') state = State.REGEX;
                } else if (c == '[') {
                    state = State.REGEX_CLASS;
                } else if (c == '/') {
                    state = State.CODE;
                    last = ')';
                }
                return i + 1;
            default:
                throw new IllegalStateException(state.name());
        }
    }

    private int code(String s, int i, int end, char c, char next) {
        if (isWordChar(c)) {
            word.append(c);
            last = c;
            lineStart = false;
            return i + 1;
        }
        endWord();
        if (Character.isWhitespace(c) || c == '\uFEFF') {
            if (ServerSyntax.isLineBreak(c)) lineStart = true;
            return i + 1;
        }
        if (c == '/' && next == '/') return lineComment(i);
        if (c == '/' && next == '*') {
            state = State.BLOCK_COMMENT;
            return i + 2;
        }
        if (c == '<' && s.startsWith("<!--", i) && i + 4 <= end) return lineComment(i);
        if (c == '-' && lineStart && s.startsWith("-->", i) && i + 3 <= end) return lineComment(i);
        lineStart = false;
        switch (c) {
            case '\'' -> state = State.SINGLE;
            case '"' -> state = State.DOUBLE;
            case '`' -> state = State.TEMPLATE;
            case '/' -> {
                if (regexAllowed()) {
                    state = State.REGEX;
                    return i + 1;
                }
            }
            case '(', '[' -> brackets++;
            case ')', ']' -> brackets--;
            case '{' -> {
                if (substitutionDepth > 0) substitutions[substitutionDepth - 1]++;
                else brackets++;
            }
            case '}' -> {
                if (substitutionDepth > 0) {
                    if (substitutions[substitutionDepth - 1] == 0) {
                        substitutionDepth--;
                        state = State.TEMPLATE;
                        return i + 1;
                    }
                    substitutions[substitutionDepth - 1]--;
                } else {
                    brackets--;
                }
            }
            default -> {
            }
        }
        last = c;
        return i + 1;
    }

    private int lineComment(int i) {
        state = State.LINE_COMMENT;
        lineCommentStart = i;
        return i + 1;
    }

    private int escape(String s, int i, int end) {
        if (i + 1 >= end) return i + 1;
        if (s.charAt(i + 1) == '\r' && i + 2 < end && s.charAt(i + 2) == '\n') return i + 3;
        return i + 2;
    }

    private boolean regexAllowed() {
        if (last == 0) return true;
        if (isWordChar(last)) return BEFORE_EXPRESSION.contains(lastWord);
        return "(,=:[!&|?{};+-*%<>~^".indexOf(last) >= 0;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '$' || c == '_';
    }

    private void endWord() {
        if (word.length() > 0) {
            lastWord = word.toString();
            word.setLength(0);
        }
    }

    private void push() {
        if (substitutionDepth == substitutions.length) {
            substitutions = java.util.Arrays.copyOf(substitutions, substitutionDepth * 2);
        }
        substitutions[substitutionDepth++] = 0;
    }
}

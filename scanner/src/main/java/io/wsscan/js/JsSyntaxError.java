package io.wsscan.js;

/** A JavaScript front end rejected a file: its first error, with a 1-based line and column. */
public final class JsSyntaxError extends Exception {
    public final int line;
    public final int column;

    public JsSyntaxError(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }
}

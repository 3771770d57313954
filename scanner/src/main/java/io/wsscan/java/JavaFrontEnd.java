package io.wsscan.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParseStart;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.Provider;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import io.wsscan.ir.Nesting;

import java.util.ArrayDeque;

/**
 * Reads one Java file with JavaParser (the Java 21 grammar, unvalidated). Each call makes its own parser, so the front
 * end is safe to use from several threads. Never throws for bad input other than {@link Failure}.
 */
public final class JavaFrontEnd {

    /** Java files larger than this are not parsed: JavaParser needs about a hundred times the text in heap. */
    public static final int MAX_CHARS = 4 * 1024 * 1024;

    /** A file JavaParser could not read; line and column are 1-based (0 when unknown). */
    public static final class Failure extends Exception {
        public final int line;
        public final int column;
        /** Notification kind: {@code parse-error}, {@code too-deep}, {@code too-large} or {@code time-budget}. */
        public final String kind;

        public Failure(String message, int line, int column) {
            this("parse-error", message, line, column);
        }

        public Failure(String kind, String message, int line, int column) {
            super(message);
            this.kind = kind;
            this.line = line;
            this.column = column;
        }
    }

    private static final java.util.regex.Pattern VAR = java.util.regex.Pattern.compile("\\bvar\\b");

    /** Parses with no time limit. */
    public CompilationUnit parse(String text) throws Failure {
        return parse(text, Long.MAX_VALUE);
    }

    /**
     * Parses, giving up when {@code deadlineNanos} ({@link System#nanoTime()}) passes or the thread is
     * interrupted: the parser reads its text through a check of both, so the work stops, not only the
     * waiting for it. Nesting deeper than {@link Nesting#MAX} is refused whether or not the parser's own
     * stack overflowed first, so the outcome does not depend on the JIT.
     */
    public CompilationUnit parse(String text, long deadlineNanos) throws Failure {
        if (text.length() > MAX_CHARS) {
            throw new Failure("too-large", "Java files over " + (MAX_CHARS >> 20) + " MB are not parsed (JavaParser needs"
                    + " about a hundred times the file's size in memory)", 0, 0);
        }
        ParserConfiguration cfg = new ParserConfiguration()
                // RAW: the grammar of the newest level without its validators, which cost as much as the parse
                // itself and only report code javac would refuse (the analysis needs none of it); Java 21's
                // post-processing (var as a type) is applied below
                .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
                // comments are not needed for analysis (suppression comments are read from the text)
                .setAttributeComments(false);
        Bounded input = new Bounded(text, deadlineNanos);
        ParseResult<CompilationUnit> r;
        try {
            r = new JavaParser(cfg).parse(ParseStart.COMPILATION_UNIT, input);
        } catch (StackOverflowError e) {
            throw new Failure("too-deep", Nesting.MESSAGE, 0, 0);
        } catch (OutOfMemoryError e) {
            throw new Failure("too-large", "JavaParser ran out of memory on this file", 0, 0);
        } catch (RuntimeException e) {
            if (input.expired) throw expired();
            throw new Failure("JavaParser failed: " + e.getClass().getSimpleName(), 0, 0);
        }
        if (input.expired) throw expired();
        if (r.isSuccessful() && r.getResult().isPresent()) {
            // it only turns 'var' into a type of its own: a file without the word has nothing for it
            if (VAR.matcher(text).find()) new com.github.javaparser.ast.validator.postprocessors.Java21PostProcessor().postProcess(r, cfg);
            CompilationUnit cu = r.getResult().get();
            if (depth(cu) > Nesting.MAX) throw new Failure("too-deep", Nesting.MESSAGE, 0, 0);
            return cu;
        }
        Problem p = r.getProblems().isEmpty() ? null : r.getProblems().get(0);
        int line = 0, col = 0;
        if (p != null && p.getLocation().isPresent()) {
            var begin = p.getLocation().get().getBegin().getRange();
            if (begin.isPresent()) {
                line = begin.get().begin.line;
                col = begin.get().begin.column;
            }
        }
        String msg = p == null ? "unknown syntax error" : p.getMessage().lines().findFirst().orElse("syntax error");
        throw new Failure(msg, line, col);
    }

    private static Failure expired() {
        return new Failure("time-budget", "parsing took longer than the per-file time budget", 0, 0);
    }

    /** The depth of the tree, walked without recursion. */
    static int depth(Node root) {
        int max = 0;
        ArrayDeque<Node> nodes = new ArrayDeque<>();
        ArrayDeque<Integer> depths = new ArrayDeque<>();
        nodes.push(root);
        depths.push(1);
        while (!nodes.isEmpty()) {
            Node n = nodes.pop();
            int d = depths.pop();
            if (d > max) max = d;
            for (Node kid : n.getChildNodes()) {
                nodes.push(kid);
                depths.push(d + 1);
            }
        }
        return max;
    }

    /** The text as the parser reads it, with the deadline and the thread's interrupt checked on each read. */
    private static final class Bounded implements Provider {
        private final String text;
        private final long deadline;
        private int pos;
        boolean expired;

        Bounded(String text, long deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override
        public int read(char[] buffer, int offset, int len) throws java.io.IOException {
            if (Thread.currentThread().isInterrupted() || (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0)) {
                expired = true;
                throw new java.io.IOException("time budget");
            }
            if (pos >= text.length()) return -1;
            int n = Math.min(len, text.length() - pos);
            text.getChars(pos, pos + n, buffer, offset);
            pos += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}

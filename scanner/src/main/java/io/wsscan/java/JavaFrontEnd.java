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
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one Java file with JavaParser (language level 21, not validated). Each call makes its own parser, so the front
 * end is safe to use from several threads. Never throws for bad input other than {@link Failure}.
 */
public final class JavaFrontEnd {

    /** Java files larger than this are not parsed: JavaParser needs about a hundred times the text in heap. */
    public static final int MAX_CHARS = 4 * 1024 * 1024;

    /** Whether the parser reads the {@link CompactText} (off only to check that it changes no position). */
    private final boolean compacting;

    public JavaFrontEnd() {
        this(true);
    }

    JavaFrontEnd(boolean compacting) {
        this.compacting = compacting;
    }

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
        return parseNodes(text, deadlineNanos).cu();
    }

    /** A parsed file and all its nodes in pre-order (the walk that measured its depth, kept for the analyses). */
    public record Parsed(CompilationUnit cu, List<Node> preorder) {
    }

    /** As {@link #parse(String, long)}, with the nodes. */
    public Parsed parseNodes(String text, long deadlineNanos) throws Failure {
        if (text.length() > MAX_CHARS) {
            throw new Failure("too-large", "Java files over " + (MAX_CHARS >> 20) + " MB are not parsed (JavaParser needs"
                    + " about a hundred times the file's size in memory)", 0, 0);
        }
        ParserConfiguration cfg = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                // comments are not needed for analysis (suppression comments are read from the text)
                .setAttributeComments(false);
        // The Java 21 grammar without the processors that run after the parse: the level's validators cost
        // as much as the parse itself and only report code javac would refuse (the analysis needs none of
        // it); the others do nothing with this configuration (comments, symbol resolution, lexical
        // preservation). The level's post-processing, 'var' as a type of its own, is applied below.
        cfg.getProcessors().clear();
        CompactText compact = compacting ? CompactText.of(text) : CompactText.unchanged(text);
        Bounded input = new Bounded(compact.text, deadlineNanos);
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
            try {
                // it only turns 'var' into a type of its own: a file without the word has nothing for it
                if (mentionsVar(text)) new com.github.javaparser.ast.validator.postprocessors.Java21PostProcessor().postProcess(r, cfg);
            } catch (StackOverflowError e) {
                throw new Failure("too-deep", Nesting.MESSAGE, 0, 0);
            }
            CompilationUnit cu = r.getResult().get();
            List<Node> nodes = new ArrayList<>();
            if (preorder(cu, nodes) > Nesting.MAX) throw new Failure("too-deep", Nesting.MESSAGE, 0, 0);
            dropTokens(nodes, compact);
            return new Parsed(cu, nodes);
        }
        Problem p = r.getProblems().isEmpty() ? null : r.getProblems().get(0);
        int line = 0, col = 0;
        if (p != null && p.getLocation().isPresent()) {
            var begin = p.getLocation().get().getBegin().getRange();
            if (begin.isPresent()) {
                line = begin.get().begin.line;
                col = compact.column(line, begin.get().begin.column);
            }
        }
        String msg = p == null ? "unknown syntax error" : p.getMessage().lines().findFirst().orElse("syntax error");
        throw new Failure(msg, line, col);
    }

    private static Failure expired() {
        return new Failure("time-budget", "parsing took longer than the per-file time budget", 0, 0);
    }

    /**
     * Adds the tree's nodes to {@code out} in pre-order (children in order, as findAll walks) and returns its
     * depth, walked without recursion.
     */
    static int preorder(Node root, List<Node> out) {
        int max = 0;
        ArrayDeque<Node> nodes = new ArrayDeque<>();
        int[] depths = new int[64];
        int top = 0;
        nodes.push(root);
        depths[top++] = 1;
        while (!nodes.isEmpty()) {
            Node n = nodes.pop();
            int d = depths[--top];
            out.add(n);
            if (d > max) max = d;
            List<Node> kids = n.getChildNodes();
            for (int i = kids.size() - 1; i >= 0; i--) {
                nodes.push(kids.get(i));
                if (top == depths.length) depths = java.util.Arrays.copyOf(depths, top * 2);
                depths[top++] = d + 1;
            }
        }
        return max;
    }

    /**
     * Keeps each node's range, in the file's columns, and lets its tokens go: the parser links every
     * token of the file into one list that any node's token range holds on to, most of a tree's memory,
     * and nothing after the parse reads tokens (JavaParser computes a range only while it has the tokens,
     * hence parse, then drop).
     */
    private static void dropTokens(List<Node> nodes, CompactText compact) {
        for (Node n : nodes) {
            com.github.javaparser.Range r = n.getRange().orElse(null);
            n.setTokenRange(null);
            if (r != null) {
                int b = compact.column(r.begin.line, r.begin.column), e = compact.column(r.end.line, r.end.column);
                if (b != r.begin.column || e != r.end.column) {
                    r = new com.github.javaparser.Range(new com.github.javaparser.Position(r.begin.line, b),
                            new com.github.javaparser.Position(r.end.line, e));
                }
            }
            n.setRange(r);
        }
    }

    /** Whether the word {@code var} occurs (an indexOf loop: a regular expression costs more than the rest of the check). */
    static boolean mentionsVar(String text) {
        for (int i = text.indexOf("var"); i >= 0; i = text.indexOf("var", i + 3)) {
            boolean before = i == 0 || !Character.isJavaIdentifierPart(text.charAt(i - 1));
            boolean after = i + 3 >= text.length() || !Character.isJavaIdentifierPart(text.charAt(i + 3));
            if (before && after) return true;
        }
        return false;
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

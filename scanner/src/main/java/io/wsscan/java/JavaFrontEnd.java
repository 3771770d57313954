package io.wsscan.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;

/**
 * Reads one Java file with JavaParser (language level 21). Each call makes its own parser, so the front
 * end is safe to use from several threads. Never throws for bad input other than {@link Failure}.
 */
public final class JavaFrontEnd {

    /** A file JavaParser could not read; line and column are 1-based (0 when unknown). */
    public static final class Failure extends Exception {
        public final int line;
        public final int column;

        public Failure(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    public CompilationUnit parse(String text) throws Failure {
        ParserConfiguration cfg = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                // comments are not needed for analysis (suppression comments are read from the text)
                .setAttributeComments(false);
        ParseResult<CompilationUnit> r;
        try {
            r = new JavaParser(cfg).parse(text);
        } catch (RuntimeException | StackOverflowError e) {
            throw new Failure("JavaParser failed: " + e.getClass().getSimpleName(), 0, 0);
        }
        if (r.isSuccessful() && r.getResult().isPresent()) return r.getResult().get();
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
}

package io.wsscan.js.closure;

import com.google.javascript.jscomp.parsing.parser.Parser;
import com.google.javascript.jscomp.parsing.parser.SourceFile;
import com.google.javascript.jscomp.parsing.parser.trees.ProgramTree;
import com.google.javascript.jscomp.parsing.parser.util.ErrorReporter;
import com.google.javascript.jscomp.parsing.parser.util.SourcePosition;
import io.wsscan.ir.IrFile;
import io.wsscan.ir.LineIndex;
import io.wsscan.ir.Nesting;
import io.wsscan.ir.Node;
import io.wsscan.js.JsSyntaxError;

/**
 * Closure Compiler's JavaScript parser (v20240317, the last release that runs on Java 17) as the
 * second JS front end: modern syntax Rhino rejects (classes, async/await, modules, call spread,
 * optional chaining, class fields, ...). Parser only: nothing is compiled, checked or executed.
 *
 * <p><b>Why the parse tree and not {@code com.google.javascript.rhino.Node}.</b> Closure's public
 * entry point {@code ParserRunner.parse} turns the parse tree into {@code rhino.Node}s, whose
 * position is a packed line/column pair with the column clamped to 4095
 * ({@code Node.setLinenoCharno}); {@code getSourceOffset()} is then wrong for everything past column
 * 4095 — that is, for nearly every node of a minified bundle, which is exactly where hidden
 * endpoints live. The parser's own tree ({@code parsing.parser.trees}), which {@code ParserRunner}
 * builds first, records exact character offsets into the text (UTF-16 units, the same offsets the
 * IR uses), so this front end runs {@code Parser.parseProgram()} itself and lowers that tree. It
 * also skips the conversion pass and its JSDoc parsing, which makes it faster. What the conversion
 * adds on top of the parser — early-error checks such as invalid label targets and a language-level
 * gate — is not needed to analyse code (the parser still rejects every syntax error).
 *
 * <p>Configuration: the newest parser mode ({@code ES8_OR_GREATER}: every feature the parser knows,
 * ES2021 and parts of later editions), sloppy mode (scripts, not only modules), warnings ignored,
 * the first error reported as a {@link JsSyntaxError}. A leading {@code #!} line is read by the parser
 * as a comment. Private names ({@code #x}) are a syntax error in this release.
 */
public final class ClosureFrontEnd {


    private static final Parser.Config CONFIG = new Parser.Config(Parser.Config.Mode.ES8_OR_GREATER, false);

    public IrFile parse(String relPath, String text) throws JsSyntaxError {
        LineIndex lines = new LineIndex(text);
        ProgramTree tree = syntaxTree(relPath, text, lines);
        Node program;
        try {
            program = new Lowering(text).program(tree);
        } catch (Nesting.TooDeep | StackOverflowError e) {
            throw new JsSyntaxError(Nesting.MESSAGE, 1, 1);
        }
        return new IrFile(relPath, text, program, lines, "closure");
    }

    /** Only whether the parser accepts the file (the first syntax error if not), without lowering it. */
    public void check(String relPath, String text) throws JsSyntaxError {
        syntaxTree(relPath, text, null);
    }

    /** {@code lines} may be null: made only when there is an error to place. */
    private static ProgramTree syntaxTree(String relPath, String text, LineIndex lines) throws JsSyntaxError {
        FirstError errors = new FirstError();
        ProgramTree tree;
        try {
            tree = new Parser(CONFIG, errors, new SourceFile(relPath, text)).parseProgram();
        } catch (StackOverflowError e) {
            throw new JsSyntaxError(Nesting.MESSAGE, 1, 1);
        } catch (RuntimeException e) {
            if (errors.message != null) throw errors.toSyntaxError(lines != null ? lines : new LineIndex(text));
            throw new JsSyntaxError("the parser failed (" + e.getClass().getSimpleName() + ")", 1, 1);
        }
        if (errors.message != null) throw errors.toSyntaxError(lines != null ? lines : new LineIndex(text));
        return tree;
    }

    /** Keeps the parser's first error; warnings are ignored. */
    private static final class FirstError extends ErrorReporter {
        String message;
        SourcePosition position;

        @Override
        protected void reportError(SourcePosition at, String message) {
            if (this.message == null) {
                this.message = message;
                this.position = at;
            }
        }

        @Override
        protected void reportWarning(SourcePosition at, String message) {
        }

        JsSyntaxError toSyntaxError(LineIndex lines) {
            // Closure catches its own stack overflow; where it happened depends on the JIT
            if (message != null && message.startsWith("Too deep recursion")) return new JsSyntaxError(Nesting.MESSAGE, 1, 1);
            if (position == null) return new JsSyntaxError(message, 1, 1);
            int offset = position.offset;
            return new JsSyntaxError(message == null ? "syntax error" : message, lines.line(offset), lines.column(offset));
        }
    }
}

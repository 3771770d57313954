package io.wsscan.js.treesitter;

import io.wsscan.ir.IrFile;
import io.wsscan.ir.LineIndex;
import io.wsscan.ir.Node;

import java.util.List;
import java.util.Locale;

/**
 * tree-sitter as the third JS front end: TypeScript ({@code .ts .mts .cts}), TSX, JSX, and the
 * error-tolerant last resort for JavaScript that Rhino and Closure both reject. Native code is
 * used through {@code io.github.bonede:tree-sitter} 0.25.3 with the TypeScript (0.23.2) and
 * JavaScript (0.23.1, with JSX) grammars.
 *
 * <p><b>Safety.</b> The native code runs in worker processes ({@link TreeSitterProcess},
 * {@link NativeTrees}): a crash there ends only the worker, and the file is reported as
 * {@code parser-crash}. The worker copies the tree into plain Java {@link TNode}s and sends them
 * over a pipe ({@link TreeWire}); the lowering here never touches native objects. The copy stops at
 * {@link #MAX_DEPTH}; the deeper parts are dropped with a note, and the lowering also guards against
 * stack overflow.
 *
 * <p><b>Offsets.</b> tree-sitter reports UTF-8 byte offsets; {@link Utf8Offsets} maps them to the
 * UTF-16 char offsets of the IR exactly, and a tree whose root does not end at the expected byte
 * count is refused rather than lowered with wrong positions.
 *
 * <p><b>TSX.</b> {@code .tsx} files are read with tree-sitter's TSX grammar (see {@link NativeTrees}).
 */
public final class TreeSitterFrontEnd {

    /** Which grammar a file needs. */
    public enum Dialect { TYPESCRIPT, TSX, JAVASCRIPT }

    /** A part of the file tree-sitter could not parse ({@code missing} for an inserted token). */
    public record ErrorRange(int start, int end, boolean missing, String what) {
    }

    /** The lowered file and the ranges tree-sitter could not parse (empty for a clean parse). */
    public record Result(IrFile ir, List<ErrorRange> errors, boolean truncated) {
    }

    /** Thrown when tree-sitter cannot be used for this file (native library missing, internal failure). */
    public static final class Failure extends Exception {
        /** {@link #kind()} of a failure where tree-sitter's process crashed on the file. */
        public static final String CRASH = "parser-crash";

        private final String kind;

        public Failure(String message, Throwable cause) {
            this("parse-error", message, cause);
        }

        public Failure(String kind, String message, Throwable cause) {
            super(message, cause);
            this.kind = kind;
        }

        /** The notification kind for the file: {@code parse-error} or {@link #CRASH}. */
        public String kind() {
            return kind;
        }
    }

    /** Thrown when the scan's time budget interrupts tree-sitter (its worker process is ended). */
    public static final class Interrupted extends RuntimeException {
        public Interrupted() {
            super("tree-sitter was interrupted", null, false, false);
        }
    }

    /** Nodes deeper than this in the tree-sitter tree are not copied (they become UNKNOWN). */
    static final int MAX_DEPTH = 1000;
    public static final int MAX_DEPTH_LEVELS = MAX_DEPTH;
    /** At most this many error ranges are kept per file. */
    static final int MAX_ERRORS = 50;

    public static final String NAME = "tree-sitter";

    /** The dialect for a file name, or null when tree-sitter is not the front end for it. */
    public static Dialect dialectOf(String relPath) {
        String p = relPath.toLowerCase(Locale.ROOT);
        if (p.endsWith(".ts") || p.endsWith(".mts") || p.endsWith(".cts")) return Dialect.TYPESCRIPT;
        if (p.endsWith(".tsx")) return Dialect.TSX;
        if (p.endsWith(".jsx") || p.endsWith(".js") || p.endsWith(".mjs") || p.endsWith(".cjs")) return Dialect.JAVASCRIPT;
        return null;
    }

    /** Parses and lowers one file. Never throws for bad input: syntax errors come back as error ranges. */
    public Result parse(String relPath, String text, Dialect dialect) throws Failure {
        NativeTrees.Copy copy = read(text, dialect, true);
        Node program;
        try {
            program = new TreeSitterLowering(text).program(copy.root);
        } catch (io.wsscan.ir.Nesting.TooDeep | StackOverflowError e) {
            throw new Failure("too-deep", io.wsscan.ir.Nesting.MESSAGE, e);
        } catch (io.wsscan.ir.Nesting.Interrupted e) {
            throw e;
        } catch (RuntimeException e) {
            throw new Failure("the tree-sitter lowering failed (" + e + ")", e);
        }
        return new Result(new IrFile(relPath, text, program, new LineIndex(text), NAME), copy.errors, copy.truncated);
    }

    /**
     * Parses one file for its error ranges only, without copying or lowering the tree (a result
     * without IR): for files that no model applies to. The ranges are the ones {@link #parse} finds.
     */
    public Result check(String relPath, String text, Dialect dialect) throws Failure {
        NativeTrees.Copy copy = read(text, dialect, false);
        return new Result(null, copy.errors, false);
    }

    private static NativeTrees.Copy read(String text, Dialect dialect, boolean whole) throws Failure {
        try {
            return TreeSitterProcess.pool().read(text, dialect, whole);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted();
        }
    }

}

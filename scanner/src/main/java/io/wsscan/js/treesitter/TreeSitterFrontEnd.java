package io.wsscan.js.treesitter;

import io.wsscan.ir.IrFile;
import io.wsscan.ir.LineIndex;
import io.wsscan.ir.Node;
import org.treesitter.TSInputEncoding;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSSymbolType;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterTypescript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * tree-sitter as the third JS front end: TypeScript ({@code .ts .mts .cts}), TSX, JSX, and the
 * error-tolerant last resort for JavaScript that Rhino and Closure both reject. Native code is
 * used through {@code io.github.bonede:tree-sitter} 0.25.3 with the TypeScript (0.23.2) and
 * JavaScript (0.23.1, with JSX) grammars.
 *
 * <p><b>Safety.</b> A crash in native code ends the JVM, so only these entry points are used:
 * {@code TSParser.parseStringEncoding(null, text, UTF8)} (the text goes in directly; never the
 * {@code parse(byte[], .., reader, ..)} form, which crashes on a null reader), then one
 * {@link TSTreeCursor} walk that copies the tree into plain Java {@link TNode}s. No parse timeout
 * or cancellation flag is set, because the binding would then wrap a null tree pointer. Each
 * thread has its own parser ({@link ThreadLocal}); trees and cursors are local to one call and are
 * freed by the binding's cleaner once unreachable. The copy is iterative and stops at
 * {@link #MAX_DEPTH}; the deeper parts become UNKNOWN nodes with a note, and the lowering also
 * guards against stack overflow.
 *
 * <p><b>Offsets.</b> tree-sitter reports UTF-8 byte offsets; {@link Utf8Offsets} maps them to the
 * UTF-16 char offsets of the IR exactly, and a tree whose root does not end at the expected byte
 * count is refused rather than lowered with wrong positions.
 *
 * <p><b>TSX.</b> The TypeScript jar of this binding holds only the TypeScript grammar, not TSX. A
 * {@code .tsx} file is therefore parsed with the JavaScript (JSX) grammar, and with the TypeScript
 * grammar when that fails; the TypeScript tree is used only when it parses cleanly or has under a
 * quarter of the JavaScript tree's error bytes. The other grammar's constructs then show up as error
 * ranges (reported as notes): type annotations in TSX are partly lost, JSX in TS-chosen files too.
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
        public Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Nodes deeper than this in the tree-sitter tree are not copied (they become UNKNOWN). */
    static final int MAX_DEPTH = 1000;
    public static final int MAX_DEPTH_LEVELS = MAX_DEPTH;
    /** At most this many error ranges are kept per file. */
    static final int MAX_ERRORS = 50;

    public static final String NAME = "tree-sitter";

    private static final ThreadLocal<TSParser> PARSER = new ThreadLocal<>();

    /** Grammar and its symbol/field name tables, shared (tree-sitter languages are immutable). */
    private static final class Grammar {
        final TSLanguage language;
        final String[] symbols;
        final boolean[] named;
        final String[] fields;

        Grammar(TSLanguage language) {
            this.language = language;
            int n = language.symbolCount();
            symbols = new String[n];
            named = new boolean[n];
            for (int i = 0; i < n; i++) {
                String s = language.symbolName(i);
                symbols[i] = s == null ? "?" : s.intern();
                named[i] = language.symbolType(i) == TSSymbolType.TSSymbolTypeRegular;
            }
            int f = language.fieldCount();
            fields = new String[f + 1];
            for (int i = 1; i <= f; i++) {
                String s = language.fieldNameForId(i);
                fields[i] = s == null ? null : s.intern();
            }
        }
    }

    private static final class Grammars {
        static final Grammar TS;
        static final Grammar JS;
        static final Throwable FAILURE;

        static {
            Grammar ts = null, js = null;
            Throwable failure = null;
            try {
                ts = new Grammar(new TreeSitterTypescript());
                js = new Grammar(new TreeSitterJavascript());
            } catch (Throwable t) { // UnsatisfiedLinkError on a platform without bundled libraries
                failure = t;
            }
            TS = ts;
            JS = js;
            FAILURE = failure;
        }
    }

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
        Utf8Offsets offsets = new Utf8Offsets(text);
        Copy copy = read(text, offsets, dialect, true);
        Node program;
        try {
            program = new TreeSitterLowering(text).program(copy.root);
        } catch (StackOverflowError e) {
            throw new Failure("the file is nested too deeply to lower", e);
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
        Copy copy = read(text, new Utf8Offsets(text), dialect, false);
        return new Result(null, copy.errors, false);
    }

    private static Copy read(String text, Utf8Offsets offsets, Dialect dialect, boolean whole) throws Failure {
        if (Grammars.FAILURE != null) {
            throw new Failure("tree-sitter is not available on this platform (" + Grammars.FAILURE + ")", Grammars.FAILURE);
        }
        try {
            if (dialect == Dialect.TSX) {
                // JSX carries the sinks, so the JavaScript (JSX) grammar is preferred unless it fails
                // on clearly more of the file than the TypeScript grammar does
                Copy js = copy(text, offsets, Grammars.JS, whole);
                if (js.errorBytes == 0) return js;
                Copy ts = copy(text, offsets, Grammars.TS, whole);
                return ts.errorBytes == 0 || ts.errorBytes * 4 < js.errorBytes ? ts : js;
            }
            return copy(text, offsets, dialect == Dialect.TYPESCRIPT ? Grammars.TS : Grammars.JS, whole);
        } catch (RuntimeException e) {
            throw new Failure("tree-sitter failed (" + e + ")", e);
        }
    }

    private static final class Copy {
        TNode root;
        final List<ErrorRange> errors = new ArrayList<>();
        long errorBytes;
        boolean truncated;
    }

    private static TSParser parser() {
        TSParser p = PARSER.get();
        if (p == null) {
            p = new TSParser();
            PARSER.set(p);
        }
        return p;
    }

    /**
     * Parses with one grammar and copies the tree into TNodes with one iterative cursor walk; or, when
     * not {@code whole}, only visits the nodes that contain an error to collect the error ranges.
     */
    private static Copy copy(String text, Utf8Offsets offsets, Grammar g, boolean whole) {
        TSParser parser = parser();
        if (!parser.setLanguage(g.language)) throw new IllegalStateException("grammar version not supported by the tree-sitter core");
        TSTree tree = parser.parseStringEncoding(null, text, TSInputEncoding.TSInputEncodingUTF8);
        TSNode rootNode = tree.getRootNode();
        if (rootNode.isNull() || rootNode.getEndByte() > offsets.bytes()
                || (text.length() > 0 && rootNode.getEndByte() < offsets.bytes() && !rootNode.hasError()
                    && !onlyTrivia(text, offsets.toChar(rootNode.getEndByte())))) {
            throw new IllegalStateException("tree-sitter's tree does not match the text (" + rootNode.getEndByte()
                    + " of " + offsets.bytes() + " bytes)");
        }
        Copy c = new Copy();
        TSTreeCursor cursor = new TSTreeCursor(rootNode);
        if (!whole) {
            errors(cursor, rootNode, g, offsets, c);
            java.lang.ref.Reference.reachabilityFence(tree);
            return c;
        }
        TNode root = make(cursor, g, offsets, c, 0);
        root = new TNode(root.type, root.named, null, 0, text.length(), false); // the program spans the file
        TNode current = root;
        TNode[] stack = new TNode[64];
        int depth = 0;
        int errorDepth = -1; // depth of the outermost ERROR being copied (nested ones are not reported)
        outer:
        while (true) {
            if (depth < MAX_DEPTH && cursor.gotoFirstChild()) {
                if (depth + 1 >= stack.length) stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                stack[depth++] = current;
                boolean inError = errorDepth >= 0;
                TNode kid = make(cursor, g, offsets, inError ? null : c, depth);
                if (!inError && kid.type == "ERROR") errorDepth = depth;
                current.add(kid);
                current = kid;
                continue;
            }
            if (depth >= MAX_DEPTH && !c.truncated) {
                TSNode n = cursor.currentNode();
                if (n.getChildCount() > 0) c.truncated = true;
            }
            while (true) {
                if (depth == 0) break outer;
                current.seal();
                if (errorDepth == depth) errorDepth = -1;
                if (cursor.gotoNextSibling()) {
                    boolean inError = errorDepth >= 0;
                    TNode kid = make(cursor, g, offsets, inError ? null : c, depth);
                    if (!inError && kid.type == "ERROR") errorDepth = depth;
                    stack[depth - 1].add(kid);
                    current = kid;
                    continue outer;
                }
                cursor.gotoParent();
                current = stack[--depth];
            }
        }
        root.seal();
        c.root = root;
        return c;
    }

    /**
     * The error ranges of a tree in the order of {@link #copy}'s full walk: a pre-order walk that
     * enters only nodes containing an error, and not the inside of an ERROR node (nested ones are not
     * reported there either).
     */
    private static void errors(TSTreeCursor cursor, TSNode rootNode, Grammar g, Utf8Offsets offsets, Copy c) {
        make(cursor, g, offsets, c, 0);
        if (!rootNode.hasError()) return;
        int depth = 0;
        boolean descend = true;
        outer:
        while (true) {
            if (descend && depth < MAX_DEPTH && cursor.gotoFirstChild()) {
                depth++;
            } else {
                while (!cursor.gotoNextSibling()) {
                    if (depth == 0) break outer;
                    cursor.gotoParent();
                    depth--;
                }
            }
            TNode t = make(cursor, g, offsets, c, depth);
            descend = t.type != "ERROR" && cursor.currentNode().hasError();
        }
    }

    private static boolean onlyTrivia(String text, int from) {
        for (int i = from; i < text.length(); i++) if (!Character.isWhitespace(text.charAt(i))) return false;
        return true;
    }

    private static TNode make(TSTreeCursor cursor, Grammar g, Utf8Offsets offsets, Copy errorsTo, int depth) {
        TSNode n = cursor.currentNode();
        int sym = n.getSymbol();
        String type;
        boolean named;
        if (sym >= 0 && sym < g.symbols.length) {
            type = g.symbols[sym];
            named = g.named[sym];
        } else if (sym == 0xFFFF) {
            type = "ERROR";
            named = true;
        } else {
            type = n.getType().intern();
            named = n.isNamed();
        }
        int fid = cursor.currentFieldId();
        String field = fid > 0 && fid < g.fields.length ? g.fields[fid] : null;
        int sb = n.getStartByte(), eb = n.getEndByte();
        boolean missing = sb == eb && n.isMissing();
        TNode t = new TNode(type, named, field, offsets.toChar(sb), offsets.toChar(eb), missing);
        if (errorsTo != null && (missing || type == "ERROR")) {
            if (type == "ERROR") errorsTo.errorBytes += Math.max(1, eb - sb);
            else errorsTo.errorBytes += 1;
            if (errorsTo.errors.size() < MAX_ERRORS) {
                errorsTo.errors.add(new ErrorRange(t.start, t.end, missing, missing ? type : "ERROR"));
            }
        }
        return t;
    }
}

package io.wsscan.js.treesitter;

import org.treesitter.TSInputEncoding;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSSymbolType;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterTsx;
import org.treesitter.TreeSitterTypescript;

import java.util.ArrayList;
import java.util.List;

/**
 * The native side of tree-sitter: parses with {@code io.github.bonede:tree-sitter} 0.25.3 and the
 * TypeScript (0.23.2) and JavaScript (0.23.1, with JSX) grammars, and copies the tree into plain
 * {@link TNode}s in one iterative cursor walk. Runs only inside {@link TreeSitterWorker}'s process,
 * never in the scanner's: a fault in native code (the binding does not check JNI allocations, and a
 * full Java heap made it crash the JVM) can then end only the worker.
 *
 * <p>Only these entry points are used: {@code TSParser.parseStringEncoding(null, text, UTF8)} (never
 * the {@code parse(byte[], .., reader, ..)} form, which crashes on a null reader), then one
 * {@link TSTreeCursor} walk. No parse timeout or cancellation flag is set (the binding would then
 * wrap a null tree pointer): the scanner stops a runaway parse by ending the worker. The tree is kept
 * reachable until its walk is done. The copy stops at {@link TreeSitterFrontEnd#MAX_DEPTH}; deeper
 * parts are dropped and the copy is marked truncated.
 *
 * <p><b>TSX.</b> A {@code .tsx} file is parsed with the TSX grammar (TypeScript with JSX, a jar of
 * its own in this binding); its tree has the TypeScript and the JSX node types both lowerings know.
 */
final class NativeTrees {

    private NativeTrees() {
    }

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
        static final Grammar TSX;
        static final Grammar JS;
        static final Throwable FAILURE;

        static {
            Grammar ts = null, tsx = null, js = null;
            Throwable failure = null;
            try {
                ts = new Grammar(new TreeSitterTypescript());
                tsx = new Grammar(new TreeSitterTsx());
                js = new Grammar(new TreeSitterJavascript());
            } catch (Throwable t) { // UnsatisfiedLinkError on a platform without bundled libraries
                failure = t;
            }
            TS = ts;
            TSX = tsx;
            JS = js;
            FAILURE = failure;
        }
    }

    /** Why the native library or grammars could not be loaded, or null when they are usable. */
    static Throwable unavailable() {
        return Grammars.FAILURE;
    }

    /**
     * Parses with the dialect's grammar and copies the tree ({@code whole}) or only its error ranges.
     *
     * @throws IllegalStateException when tree-sitter's tree does not match the text
     */
    static Copy read(String text, Utf8Offsets offsets, TreeSitterFrontEnd.Dialect dialect, boolean whole) {
        if (Grammars.FAILURE != null) throw new IllegalStateException("tree-sitter is not available on this platform (" + Grammars.FAILURE + ")", Grammars.FAILURE);
        {
            return copy(text, offsets, switch (dialect) {
                case TYPESCRIPT -> Grammars.TS;
                case TSX -> Grammars.TSX;
                case JAVASCRIPT -> Grammars.JS;
            }, whole);
        }
    }

    /** A copied tree (null root when only errors were read), its error ranges, and whether it was cut at {@link TreeSitterFrontEnd#TreeSitterFrontEnd.MAX_DEPTH}. */
    static final class Copy {
        TNode root;
        final List<TreeSitterFrontEnd.ErrorRange> errors = new ArrayList<>();
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
        try {
            return walk(tree, text, offsets, g, whole);
        } finally {
            // the cursor and nodes point into the native tree: it must outlive the walk
            java.lang.ref.Reference.reachabilityFence(tree);
        }
    }

    private static Copy walk(TSTree tree, String text, Utf8Offsets offsets, Grammar g, boolean whole) {
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
            if (depth < TreeSitterFrontEnd.MAX_DEPTH && cursor.gotoFirstChild()) {
                if (depth + 1 >= stack.length) stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                stack[depth++] = current;
                boolean inError = errorDepth >= 0;
                TNode kid = make(cursor, g, offsets, inError ? null : c, depth);
                if (!inError && kid.type == "ERROR") errorDepth = depth;
                current.add(kid);
                current = kid;
                continue;
            }
            if (depth >= TreeSitterFrontEnd.MAX_DEPTH && !c.truncated) {
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
            if (descend && depth < TreeSitterFrontEnd.MAX_DEPTH && cursor.gotoFirstChild()) {
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
            if (errorsTo.errors.size() < TreeSitterFrontEnd.MAX_ERRORS) {
                errorsTo.errors.add(new TreeSitterFrontEnd.ErrorRange(t.start, t.end, missing, missing ? type : "ERROR"));
            }
        }
        return t;
    }
}

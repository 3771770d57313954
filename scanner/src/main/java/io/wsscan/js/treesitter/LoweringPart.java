package io.wsscan.js.treesitter;

import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;
import io.wsscan.js.JsText;

import java.util.List;

/**
 * What the parts of one file's lowering share: the source text, node builders, and the entry points
 * that cross between parts. {@link #stmt} and {@link #expr} go through {@link TreeSitterLowering},
 * whose single {@code Nesting} guards the depth of the whole file, whichever part recurses.
 */
abstract class LoweringPart {

    final TreeSitterLowering lowering;
    final String text;

    LoweringPart(TreeSitterLowering lowering) {
        this.lowering = lowering;
        this.text = lowering.text;
    }

    // ------------------------------------------------------------------ entry points into the parts

    Node stmt(TNode t) {
        return lowering.stmt(t);
    }

    Node expr(TNode t) {
        return lowering.expr(t);
    }

    List<Node> statements(TNode parent) {
        return lowering.statements.of(parent);
    }

    Node pattern(TNode t) {
        return lowering.patterns.lower(t);
    }

    Node key(TNode k) {
        return lowering.expressions.key(k);
    }

    Node exprOrUnknown(TNode t, TNode parent) {
        return t == null ? new Node(Kind.UNKNOWN, parent.end, parent.end, "MISSING", 0, List.of()) : expr(t);
    }

    // ------------------------------------------------------------------ helpers

    static Node node(Kind k, TNode at, String text, int flags, List<Node> kids) {
        return new Node(k, at.start, at.end, text, flags, kids);
    }

    static Node node(Kind k, TNode at, List<Node> kids) {
        return new Node(k, at.start, at.end, null, 0, kids);
    }

    static Node leaf(Kind k, TNode at, String text) {
        return new Node(k, at.start, at.end, text, 0, List.of());
    }

    String src(TNode t) {
        return text.substring(t.start, t.end);
    }

    Node ident(TNode t) {
        return leaf(Kind.IDENT, t, src(t));
    }

    static Node emptyAtEnd(TNode t) {
        return Node.empty(t.end);
    }

    static Node unknown(TNode t, List<Node> kids) {
        return node(Kind.UNKNOWN, t, t.missing ? "MISSING" : t.type, 0, kids);
    }

    // ------------------------------------------------------------------ literals

    static String cookString(String raw) {
        if (raw.length() < 2) return raw;
        return cook(raw, 1, raw.length() - 1, false);
    }

    /** Cooked value of s[from, to): escapes resolved; in templates CR LF and CR read as LF. */
    static String cook(String s, int from, int to, boolean template) {
        return JsText.cook(s, from, to, template);
    }

}

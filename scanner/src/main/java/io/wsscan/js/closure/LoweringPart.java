package io.wsscan.js.closure;

import com.google.javascript.jscomp.parsing.parser.IdentifierToken;
import com.google.javascript.jscomp.parsing.parser.LiteralToken;
import com.google.javascript.jscomp.parsing.parser.Token;
import com.google.javascript.jscomp.parsing.parser.trees.ParseTree;
import com.google.javascript.jscomp.parsing.parser.trees.ParseTreeType;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;

import java.util.List;

/**
 * What the parts of one file's lowering share: the source text, positions and node builders, and
 * the entry points that cross between parts. {@link #stmt}, {@link #expr} and {@link #pattern} go
 * through {@link Lowering}, whose single {@code Nesting} guards the depth of the whole file,
 * whichever part recurses.
 */
abstract class LoweringPart {

    final Lowering lowering;
    final String text;

    LoweringPart(Lowering lowering) {
        this.lowering = lowering;
        this.text = lowering.text;
    }

    // ------------------------------------------------------------------ entry points into the parts

    Node stmt(ParseTree t) {
        return lowering.stmt(t);
    }

    Node expr(ParseTree t) {
        return lowering.expr(t);
    }

    Node pattern(ParseTree t) {
        return lowering.pattern(t);
    }

    List<Node> statements(List<? extends ParseTree> trees) {
        return lowering.statements.of(trees);
    }

    Node optExpr(ParseTree t, ParseTree parent) {
        return t == null || t.type == ParseTreeType.NULL ? emptyAtEnd(parent) : expr(t);
    }

    // ------------------------------------------------------------------ positions

    /**
     * Where a tree starts. Closure starts an untagged template literal after its opening backtick,
     * and with it every tree that begins with one ({@code `a${b}`.trim()}); the IR starts them at
     * the backtick. (A template's own quasis do start after it: see {@link ExpressionLowering#template}.)
     */
    int start(ParseTree t) {
        int s = t.location.start.offset;
        return s > 0 && text.charAt(s - 1) == '`' && t.type != ParseTreeType.TEMPLATE_LITERAL_PORTION ? s - 1 : s;
    }

    static int end(ParseTree t) {
        return t.location.end.offset;
    }

    static int start(Token t) {
        return t.location.start.offset;
    }

    static int end(Token t) {
        return t.location.end.offset;
    }

    Node node(Kind k, ParseTree at, String text, int flags, List<Node> kids) {
        return new Node(k, start(at), end(at), text, flags, kids);
    }

    Node node(Kind k, ParseTree at, List<Node> kids) {
        return node(k, at, null, 0, kids);
    }

    Node leaf(Kind k, ParseTree at, String text) {
        return new Node(k, start(at), end(at), text, 0, List.of());
    }

    static Node ident(Token t) {
        return new Node(Kind.IDENT, start(t), end(t), name(t), 0, List.of());
    }

    static String name(Token t) {
        if (t instanceof IdentifierToken id) return id.value;
        if (t instanceof LiteralToken l) return l.value;
        return t.type.toString();
    }

    static Node emptyAtEnd(ParseTree t) {
        return Node.empty(end(t));
    }
}

package io.wsscan.js.treesitter;

import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;

import java.util.ArrayList;
import java.util.List;

import static io.wsscan.js.treesitter.TreeSitterLowering.isComment;

/**
 * JSX elements, attributes, spread attributes, text and embedded expressions. Separate because JSX
 * is its own small grammar inside expressions, with its own rules for strings (no escapes) and text.
 */
final class JsxLowering extends LoweringPart {

    JsxLowering(TreeSitterLowering lowering) {
        super(lowering);
    }

    /** A JSX element: JSX_ELEMENT named by its tag, with attributes, then children. */
    Node element(TNode t) {
        List<Node> kids = new ArrayList<>();
        TNode open = t.type == "jsx_self_closing_element" ? t : t.field("open_tag");
        String name = "";
        if (open != null) {
            TNode n = open.field("name");
            if (n != null) name = src(n);
            for (TNode a : open.kids) {
                if (a.type == "jsx_attribute") {
                    kids.add(jsxAttribute(a));
                } else if (a.type == "jsx_expression") { // {...props}
                    TNode e = a.firstNamed();
                    if (e != null && e.type == "spread_element") {
                        TNode inner = e.firstNamed();
                        kids.add(node(Kind.JSX_SPREAD_ATTR, a, List.of(inner == null ? unknown(e, List.of()) : expr(inner))));
                    }
                }
            }
        }
        if (t.type == "jsx_element") {
            for (TNode c : t.kids) {
                if (c == open || !c.named || isComment(c) || c.type == "jsx_closing_element" || "close_tag".equals(c.field)) continue;
                switch (c.type) {
                    case "jsx_text", "html_character_reference" -> {
                        String s = src(c);
                        if (!s.isBlank()) kids.add(leaf(Kind.JSX_TEXT, c, s));
                    }
                    case "jsx_expression" -> kids.add(jsxExpression(c));
                    case "jsx_element", "jsx_self_closing_element" -> kids.add(element(c));
                    default -> {
                    }
                }
            }
        }
        return node(Kind.JSX_ELEMENT, t, name, 0, kids);
    }

    private Node jsxAttribute(TNode a) {
        TNode name = null, value = null;
        for (TNode k : a.kids) {
            if (!k.named || isComment(k)) continue;
            if (name == null) name = k;
            else if (value == null) value = k;
        }
        List<Node> kids = new ArrayList<>(1);
        if (value != null) {
            switch (value.type) {
                case "string" -> kids.add(leaf(Kind.STRING, value, jsxString(src(value))));
                case "jsx_expression" -> kids.add(jsxExpression(value));
                case "jsx_element", "jsx_self_closing_element" -> kids.add(element(value));
                default -> kids.add(expr(value));
            }
        }
        return node(Kind.JSX_ATTR, a, name == null ? "" : src(name), 0, kids);
    }

    private Node jsxExpression(TNode c) {
        TNode e = c.firstNamed();
        if (e == null) return node(Kind.JSX_EXPR, c, List.of(Node.empty(c.end)));
        return node(Kind.JSX_EXPR, c, List.of(expr(e)));
    }

    /** JSX attribute strings have no escapes: the value is the text between the quotes. */
    private static String jsxString(String raw) {
        return raw.length() >= 2 ? raw.substring(1, raw.length() - 1) : raw;
    }
}

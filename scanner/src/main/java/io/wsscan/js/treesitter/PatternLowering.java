package io.wsscan.js.treesitter;

import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;

import java.util.ArrayList;
import java.util.List;

import static io.wsscan.js.treesitter.TreeSitterLowering.isComment;

/**
 * Binding and assignment targets: identifiers, object and array patterns, defaults and rest.
 * Separate because the same tree-sitter nodes (an object, an identifier) mean a target here and a
 * value in the expression part; anything that is not a pattern is lowered as an expression.
 */
final class PatternLowering extends LoweringPart {

    PatternLowering(TreeSitterLowering lowering) {
        super(lowering);
    }

    /** One binding or assignment target; other parts reach it through {@link LoweringPart#pattern}. */
    Node lower(TNode t) {
        if (t.missing) return unknown(t, List.of());
        switch (t.type) {
            case "identifier":
            case "shorthand_property_identifier_pattern":
            case "undefined":
                return ident(t);
            case "parenthesized_expression": {
                TNode e = t.firstNamed();
                return e == null ? unknown(t, List.of()) : pattern(e);
            }
            case "non_null_expression": {
                TNode e = TypeScriptLowering.firstValue(t);
                return e == null ? unknown(t, List.of()) : pattern(e);
            }
            case "object_pattern": {
                List<Node> kids = new ArrayList<>();
                for (TNode f : t.kids) {
                    if (!f.named || isComment(f)) continue;
                    kids.add(patternProperty(f));
                }
                return node(Kind.OBJECT_PATTERN, t, kids);
            }
            case "array_pattern":
                return node(Kind.ARRAY_PATTERN, t, lowering.expressions.elements(t, true));
            case "assignment_pattern":
                return node(Kind.ASSIGN_PATTERN, t, List.of(patternOrUnknown(t.field("left"), t), exprOrUnknown(t.field("right"), t)));
            case "rest_pattern":
                return node(Kind.REST, t, List.of(patternOrUnknown(t.firstNamed(), t)));
            case "required_parameter":
            case "optional_parameter": {
                Node n = lowering.declarations.parameter(t);
                return n == null ? unknown(t, List.of()) : n;
            }
            default:
                return expr(t);
        }
    }

    private Node patternOrUnknown(TNode t, TNode parent) {
        return t == null ? new Node(Kind.UNKNOWN, parent.end, parent.end, "MISSING", 0, List.of()) : pattern(t);
    }

    private Node patternProperty(TNode f) {
        switch (f.type) {
            case "shorthand_property_identifier_pattern":
                return node(Kind.PROPERTY, f, null, Node.SHORTHAND, List.of(ident(f), ident(f)));
            case "pair_pattern": {
                TNode k = f.field("key");
                int flags = k != null && k.type == "computed_property_name" ? Node.COMPUTED : 0;
                return node(Kind.PROPERTY, f, null, flags, List.of(k == null ? unknown(f, List.of()) : key(k),
                        patternOrUnknown(f.field("value"), f)));
            }
            case "object_assignment_pattern": { // {a = 1}
                TNode left = f.field("left");
                Node target = patternOrUnknown(left, f);
                Node key = new Node(Kind.IDENT, target.start, target.end, target.text, 0, List.of());
                Node ap = node(Kind.ASSIGN_PATTERN, f, List.of(target, exprOrUnknown(f.field("right"), f)));
                return node(Kind.PROPERTY, f, null, Node.SHORTHAND, List.of(key, ap));
            }
            default:
                return pattern(f);
        }
    }
}

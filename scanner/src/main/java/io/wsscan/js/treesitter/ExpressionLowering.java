package io.wsscan.js.treesitter;

import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.wsscan.js.treesitter.TreeSitterLowering.isComment;

/**
 * Expressions: literals, operators, calls, member access, arrays, objects, templates and property
 * keys. Parentheses are dropped and literals carry cooked values. TypeScript's type operators lower
 * to their operand; functions, classes and JSX are handed to their parts.
 */
final class ExpressionLowering extends LoweringPart {

    ExpressionLowering(TreeSitterLowering lowering) {
        super(lowering);
    }

    private static final Set<String> EXPRESSIONS = Set.of("identifier", "this", "super", "number", "string",
            "template_string", "regex", "true", "false", "null", "undefined", "array", "object", "function_expression",
            "function", "generator_function", "arrow_function", "class", "call_expression", "new_expression",
            "member_expression", "subscript_expression", "binary_expression", "assignment_expression",
            "augmented_assignment_expression", "ternary_expression", "sequence_expression", "unary_expression",
            "update_expression", "await_expression", "yield_expression", "parenthesized_expression",
            "as_expression", "satisfies_expression", "non_null_expression", "type_assertion", "jsx_element",
            "jsx_self_closing_element", "meta_property", "instantiation_expression");

    static boolean isExpression(TNode t) {
        return EXPRESSIONS.contains(t.type);
    }

    /** A property key: identifier, string, number, private name, or the expression of a computed key. */
    Node key(TNode k) {
        switch (k.type) {
            case "string":
                return leaf(Kind.STRING, k, cookString(src(k)));
            case "number": {
                String n = src(k);
                return leaf(n.endsWith("n") ? Kind.BIGINT : Kind.NUMBER, k, n);
            }
            case "private_property_identifier":
                return leaf(Kind.PRIVATE_NAME, k, src(k).substring(1));
            case "computed_property_name": {
                TNode e = k.firstNamed();
                return e == null ? unknown(k, List.of()) : expr(e);
            }
            default:
                return ident(k);
        }
    }

    /** One expression; called by {@link TreeSitterLowering#expr}, which guards the depth. */
    Node lower(TNode t) {
        if (t.missing) return unknown(t, List.of());
        switch (t.type) {
            case "parenthesized_expression": {
                TNode e = t.firstNamed();
                return e == null ? unknown(t, List.of()) : expr(e);
            }
            case "identifier":
            case "property_identifier":
            case "shorthand_property_identifier":
            case "undefined":
                return ident(t);
            case "this":
                return leaf(Kind.THIS, t, null);
            case "super":
                return leaf(Kind.SUPER, t, null);
            case "number": {
                String n = src(t);
                return leaf(n.endsWith("n") ? Kind.BIGINT : Kind.NUMBER, t, n);
            }
            case "string":
                return leaf(Kind.STRING, t, cookString(src(t)));
            case "template_string":
                return template(t);
            case "regex": {
                TNode p = t.field("pattern");
                TNode f = t.field("flags");
                return node(Kind.REGEX, t, p == null ? "" : src(p), 0,
                        List.of(new Node(Kind.STRING, t.end, t.end, f == null ? "" : src(f), 0, List.of())));
            }
            case "true":
            case "false":
                return leaf(Kind.BOOLEAN, t, t.type);
            case "null":
                return leaf(Kind.NULL, t, null);
            case "array":
                return node(Kind.ARRAY, t, elements(t, false));
            case "object":
                return object(t);
            case "function_expression":
            case "function":
            case "generator_function":
            case "arrow_function":
                return lowering.declarations.function(t, 0);
            case "class":
                return lowering.declarations.classNode(t, false);
            case "call_expression":
                return call(t);
            case "new_expression": {
                List<Node> kids = new ArrayList<>();
                kids.add(exprOrUnknown(t.field("constructor"), t));
                TNode args = t.field("arguments");
                if (args != null) arguments(args, kids);
                return node(Kind.NEW, t, kids);
            }
            case "member_expression": {
                TNode prop = t.field("property");
                int flags = optional(t) ? Node.OPTIONAL : 0;
                return node(Kind.MEMBER, t, prop == null ? "" : src(prop), flags, List.of(exprOrUnknown(t.field("object"), t)));
            }
            case "subscript_expression": {
                TNode index = t.field("index");
                Node prop = exprOrUnknown(index, t);
                int flags = Node.COMPUTED | (optional(t) ? Node.OPTIONAL : 0);
                return node(Kind.MEMBER, t, prop.kind == Kind.STRING ? prop.text : null, flags,
                        List.of(exprOrUnknown(t.field("object"), t), prop));
            }
            case "binary_expression": {
                TNode op = t.field("operator");
                String o = op == null ? "?" : src(op);
                Kind k = o.equals("&&") || o.equals("||") || o.equals("??") ? Kind.LOGICAL : Kind.BINARY;
                return node(k, t, o, 0, List.of(exprOrUnknown(t.field("left"), t), exprOrUnknown(t.field("right"), t)));
            }
            case "assignment_expression":
            case "augmented_assignment_expression": {
                TNode op = t.field("operator");
                String o = op != null ? src(op) : "=";
                TNode left = t.field("left");
                return node(Kind.ASSIGN, t, o, 0, List.of(left == null ? unknown(t, List.of()) : pattern(left),
                        exprOrUnknown(t.field("right"), t)));
            }
            case "ternary_expression":
                return node(Kind.CONDITIONAL, t, List.of(exprOrUnknown(t.field("condition"), t),
                        exprOrUnknown(t.field("consequence"), t), exprOrUnknown(t.field("alternative"), t)));
            case "sequence_expression": {
                List<Node> kids = new ArrayList<>();
                sequence(t, kids);
                return node(Kind.SEQUENCE, t, kids);
            }
            case "unary_expression": {
                TNode op = t.field("operator");
                return node(Kind.UNARY, t, op == null ? "?" : src(op), 0, List.of(exprOrUnknown(t.field("argument"), t)));
            }
            case "update_expression": {
                TNode op = t.field("operator");
                TNode arg = t.field("argument");
                boolean prefix = op != null && arg != null && op.start < arg.start;
                return node(Kind.UPDATE, t, op == null ? "++" : src(op), prefix ? Node.PREFIX : 0, List.of(exprOrUnknown(arg, t)));
            }
            case "spread_element":
                return node(Kind.SPREAD, t, List.of(exprOrUnknown(t.firstNamed(), t)));
            case "await_expression":
                return node(Kind.AWAIT, t, List.of(exprOrUnknown(t.firstNamed(), t)));
            case "yield_expression": {
                TNode e = t.firstNamed();
                return node(Kind.YIELD, t, null, t.hasToken("*") ? Node.DELEGATE : 0, List.of(e == null ? emptyAtEnd(t) : expr(e)));
            }
            case "meta_property":
                return leaf(Kind.META_PROPERTY, t, src(t).replaceAll("\\s+", ""));
            case "as_expression":
            case "satisfies_expression":
            case "non_null_expression":
            case "type_assertion":
            case "instantiation_expression": {
                TNode e = TypeScriptLowering.firstValue(t);
                return e == null ? unknown(t, List.of()) : expr(e);
            }
            case "jsx_element":
            case "jsx_self_closing_element":
                return lowering.jsx.element(t);
            case "object_pattern":
            case "array_pattern":
            case "assignment_pattern":
            case "rest_pattern":
                return pattern(t);
            case "ERROR": {
                List<Node> kids = new ArrayList<>();
                for (TNode k : t.kids) if (k.named && !k.missing && (isExpression(k) || k.type == "ERROR")) kids.add(expr(k));
                return node(Kind.UNKNOWN, t, "ERROR", 0, kids);
            }
            default: {
                List<Node> kids = new ArrayList<>();
                for (TNode k : t.kids) if (k.named && !k.missing && isExpression(k)) kids.add(expr(k));
                return unknown(t, kids);
            }
        }
    }

    private static boolean optional(TNode t) {
        for (TNode k : t.kids) if (k.type == "optional_chain") return true;
        return false;
    }

    private void sequence(TNode t, List<Node> out) {
        for (TNode k : t.kids) {
            if (!k.named || isComment(k)) continue;
            if (k.type == "sequence_expression") sequence(k, out);
            else out.add(expr(k));
        }
    }

    private Node call(TNode t) {
        TNode callee = t.field("function");
        TNode args = t.field("arguments");
        if (callee != null && callee.type == "import") {
            TNode a = args == null ? null : args.firstNamed();
            return node(Kind.IMPORT_CALL, t, List.of(a == null ? emptyAtEnd(t) : expr(a)));
        }
        if (args != null && args.type == "template_string") {
            return node(Kind.TAGGED_TEMPLATE, t, List.of(exprOrUnknown(callee, t), template(args)));
        }
        if (callee != null && callee.type == "await_expression" && t.field("type_arguments") != null) {
            // tree-sitter-typescript reads "await f<T>(x)" as "(await f)<T>(x)": the IR has await (f(x))
            TNode inner = callee.firstNamed();
            if (inner != null) {
                List<Node> kids = new ArrayList<>();
                kids.add(expr(inner));
                if (args != null) arguments(args, kids);
                Node c = new Node(Kind.CALL, inner.start, t.end, null, optional(t) ? Node.OPTIONAL : 0, kids);
                return node(Kind.AWAIT, t, List.of(c));
            }
        }
        List<Node> kids = new ArrayList<>();
        kids.add(exprOrUnknown(callee, t));
        if (args != null) arguments(args, kids);
        return node(Kind.CALL, t, null, optional(t) ? Node.OPTIONAL : 0, kids);
    }

    private void arguments(TNode args, List<Node> out) {
        for (TNode a : args.kids) if (a.named && !isComment(a) && !a.missing) out.add(expr(a));
    }

    /** Array elements or pattern elements, with an EMPTY covering the ',' of each hole. */
    List<Node> elements(TNode t, boolean pattern) {
        List<Node> out = new ArrayList<>();
        boolean afterElement = false;
        for (TNode k : t.kids) {
            if (isComment(k)) continue;
            if (!k.named) {
                if (k.type == ",") {
                    if (!afterElement) out.add(new Node(Kind.EMPTY, k.start, k.end, null, 0, List.of()));
                    afterElement = false;
                }
                continue;
            }
            out.add(pattern ? pattern(k) : expr(k));
            afterElement = true;
        }
        return out;
    }

    private Node object(TNode t) {
        List<Node> kids = new ArrayList<>();
        for (TNode m : t.kids) {
            if (!m.named || isComment(m)) continue;
            switch (m.type) {
                case "pair": {
                    TNode k = m.field("key");
                    TNode v = m.field("value");
                    int flags = k != null && k.type == "computed_property_name" ? Node.COMPUTED : 0;
                    kids.add(node(Kind.PROPERTY, m, null, flags, List.of(k == null ? unknown(m, List.of()) : key(k), exprOrUnknown(v, m))));
                    break;
                }
                case "shorthand_property_identifier":
                    kids.add(node(Kind.PROPERTY, m, null, Node.SHORTHAND, List.of(ident(m), ident(m))));
                    break;
                case "method_definition": {
                    Node n = lowering.declarations.method(m, false);
                    if (n != null) kids.add(n);
                    break;
                }
                case "spread_element":
                    kids.add(expr(m));
                    break;
                default:
                    kids.add(expr(m));
            }
        }
        return node(Kind.OBJECT, t, kids);
    }

    /** TEMPLATE [STRING, expr, STRING, ..., STRING]; quasis cover their characters only. */
    private Node template(TNode t) {
        List<Node> kids = new ArrayList<>();
        int qs = t.start + 1;
        for (TNode k : t.kids) {
            if (k.type != "template_substitution") continue;
            kids.add(quasi(qs, k.start));
            TNode e = k.firstNamed();
            kids.add(e == null ? unknown(k, List.of()) : expr(e));
            qs = k.end;
        }
        int close = Math.max(qs, t.end - (t.end > qs && text.charAt(t.end - 1) == '`' ? 1 : 0));
        kids.add(quasi(qs, close));
        return node(Kind.TEMPLATE, t, kids);
    }

    private Node quasi(int s, int e) {
        e = Math.max(s, e);
        return new Node(Kind.STRING, s, e, cook(text, s, e, true), 0, List.of());
    }
}

package io.wsscan.js.treesitter;

import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.wsscan.js.treesitter.TreeSitterLowering.isComment;

/**
 * TypeScript-only constructs: which nodes carry only types and are skipped, enums (as
 * {@code const E = {A: value, ...}}), namespaces (as a BLOCK of their body), parameter properties,
 * the operand of type operators, and the TYPE_HINT nodes taken from type annotations. Kept apart so
 * that the JavaScript parts read as JavaScript and what TypeScript adds is in one place.
 */
final class TypeScriptLowering extends LoweringPart {

    TypeScriptLowering(TreeSitterLowering lowering) {
        super(lowering);
    }

    /** TypeScript nodes that carry only types (or modifiers) and are skipped without being walked. */
    static final Set<String> TYPE_ONLY = Set.of("type_annotation", "type_arguments", "type_parameters",
            "type_predicate_annotation", "asserts_annotation", "omitting_type_annotation", "adding_type_annotation",
            "opting_type_annotation", "accessibility_modifier", "override_modifier", "decorator", "implements_clause");

    /** TypeScript statements that declare only types. */
    static final Set<String> TYPE_STATEMENTS = Set.of("interface_declaration", "type_alias_declaration",
            "ambient_declaration", "function_signature", "abstract_method_signature", "method_signature",
            "index_signature", "property_signature", "call_signature", "construct_signature", "import_alias");

    /** namespace N { ... } and declare module 'x' { ... }: the body's statements as a BLOCK. */
    Node namespace(TNode ns, TNode range) {
        TNode body = ns.field("body");
        return node(Kind.BLOCK, range, body == null ? List.of() : statements(body));
    }

    Node enumDecl(TNode t, int start, int end) {
        TNode name = t.field("name");
        TNode body = t.field("body");
        List<Node> props = new ArrayList<>();
        long next = 0;
        boolean numeric = true;
        if (body != null) {
            for (TNode m : body.kids) {
                if (!m.named || isComment(m)) continue;
                TNode key = m.type == "enum_assignment" ? m.field("name") : m;
                TNode value = m.type == "enum_assignment" ? m.field("value") : null;
                if (key == null) continue;
                Node v;
                if (value != null) {
                    v = expr(value);
                    numeric = false;
                    if (v.kind == Kind.NUMBER) {
                        try {
                            next = Long.parseLong(v.text) + 1;
                            numeric = true;
                        } catch (NumberFormatException ignored) {
                        }
                    }
                } else {
                    v = numeric ? new Node(Kind.NUMBER, key.end, key.end, Long.toString(next++), 0, List.of())
                            : new Node(Kind.UNDEFINED, key.end, key.end, null, 0, List.of());
                }
                props.add(node(Kind.PROPERTY, m, List.of(key(key), v)));
            }
        }
        Node obj = body == null ? Node.empty(end) : node(Kind.OBJECT, body, props);
        Node id = name == null ? Node.empty(start) : ident(name);
        Node d = new Node(Kind.DECLARATOR, id.start, obj.end, null, 0, List.of(id, obj));
        return new Node(Kind.VAR_DECL, start, end, "const", 0, List.of(d));
    }

    /**
     * TypeScript parameter properties ({@code constructor(private ws: WebSocket)}) assign the
     * parameter to a field of the same name before the body runs: lowered as {@code this.ws = ws;}
     * statements at the parameter's position, first in the body.
     */
    Node withParameterProperties(Node block, TNode params, boolean singleParam) {
        if (params == null || singleParam) return block;
        List<Node> assigns = new ArrayList<>();
        for (TNode p : params.kids) {
            if (p.type != "required_parameter" && p.type != "optional_parameter") continue;
            boolean property = false;
            for (TNode k : p.kids) property |= k.type == "accessibility_modifier" || k.type == "readonly" || k.type == "override_modifier";
            TNode pat = p.field("pattern");
            if (!property || pat == null || pat.type != "identifier") continue;
            String name = src(pat);
            Node self = new Node(Kind.THIS, pat.start, pat.start, null, 0, List.of());
            Node member = new Node(Kind.MEMBER, pat.start, pat.end, name, 0, List.of(self));
            Node assign = new Node(Kind.ASSIGN, pat.start, pat.end, "=", 0, List.of(member, ident(pat)));
            assigns.add(new Node(Kind.EXPR_STMT, pat.start, pat.end, null, 0, List.of(assign)));
        }
        if (assigns.isEmpty()) return block;
        assigns.addAll(block.kids());
        return new Node(Kind.BLOCK, block.start, block.end, block.text, block.flags, assigns);
    }

    /**
     * The named type of a TypeScript annotation ({@code ws: WebSocket}, {@code conn?: signalR.HubConnection},
     * {@code s: Subject<T> | null}) as a TYPE_HINT node, or null. Models map type names to API types, so a
     * socket handed in from elsewhere (dependency injection, a caller outside the scan) is still known.
     */
    Node typeHint(TNode owner) {
        TNode ta = owner.field("type");
        if (ta == null || ta.type != "type_annotation") return null;
        TNode t = namedType(ta.firstNamed(), 0);
        return t == null ? null : new Node(Kind.TYPE_HINT, t.start, t.end, src(t), 0, List.of());
    }

    private TNode namedType(TNode t, int depth) {
        if (t == null || depth > 4) return null;
        switch (t.type) {
            case "type_identifier", "nested_type_identifier":
                return t;
            case "generic_type":
                return namedType(t.field("name"), depth + 1);
            case "union_type", "parenthesized_type":
                for (TNode k : t.named()) {
                    TNode n = namedType(k, depth + 1);
                    if (n != null) return n;
                }
                return null;
            default:
                return null;
        }
    }

    /** Decorators and TypeScript-only modifiers, which a member's or declaration's range does not start at. */
    static boolean isTypeModifier(TNode k) {
        if (k.named) return TYPE_ONLY.contains(k.type);
        return k.type == "readonly" || k.type == "declare" || k.type == "abstract" || k.type == "override"
                || k.type == "public" || k.type == "private" || k.type == "protected";
    }

    /** The operand of a TypeScript type operator: its first named child that is not a type. */
    static TNode firstValue(TNode t) {
        TNode e = t.field("expression");
        if (e != null) return e;
        e = t.field("function");
        if (e != null) return e;
        for (TNode k : t.kids) {
            if (!k.named || isComment(k) || TYPE_ONLY.contains(k.type)) continue;
            if (t.type != "non_null_expression" && t.type != "type_assertion" && k != t.kids[0] && t.type != "instantiation_expression") {
                return null; // as/satisfies: only the first named child is the value
            }
            if (t.type == "type_assertion" && k.type.endsWith("_type")) continue;
            return k;
        }
        return null;
    }
}

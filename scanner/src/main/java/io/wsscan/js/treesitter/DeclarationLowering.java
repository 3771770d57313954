package io.wsscan.js.treesitter;

import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;

import java.util.ArrayList;
import java.util.List;

import static io.wsscan.js.treesitter.TreeSitterLowering.isComment;

/**
 * Functions (declarations, expressions, generators, arrows), their parameters, classes and their
 * members, and the methods of classes and object literals. Separate because a FUNCTION's shape (an
 * empty PARAMS at its start, a method spanning from '(' to '}') is the same wherever it occurs.
 */
final class DeclarationLowering extends LoweringPart {

    DeclarationLowering(TreeSitterLowering lowering) {
        super(lowering);
    }

    /** function declarations and expressions, generators and arrows. */
    Node function(TNode f, int extraFlags) {
        int flags = extraFlags;
        if (f.type == "arrow_function") flags |= Node.ARROW;
        if (f.hasToken("async")) flags |= Node.ASYNC;
        if (f.hasToken("*")) flags |= Node.GENERATOR;
        TNode name = f.type == "arrow_function" ? null : f.field("name");
        TNode single = f.field("parameter");
        int start = f.start;
        for (TNode k : f.kids) { // a generic arrow starts at its parameters, not at "<T>"
            if (!isComment(k) && !TypeScriptLowering.isTypeModifier(k)) {
                start = k.start;
                break;
            }
        }
        return functionNode(start, f.end, name == null ? null : src(name), flags,
                single != null ? single : f.field("parameters"), single != null, f.field("body"), f);
    }

    private Node functionNode(int start, int end, String name, int flags, TNode params, boolean singleParam, TNode body, TNode at) {
        List<Node> ps = new ArrayList<>();
        if (params != null) {
            if (singleParam) ps.add(pattern(params));
            else for (TNode p : params.kids) {
                if (!p.named || isComment(p) || TypeScriptLowering.TYPE_ONLY.contains(p.type)) continue;
                Node n = parameter(p);
                if (n != null) ps.add(n);
            }
        }
        Node paramsNode = new Node(Kind.PARAMS, start, start, null, 0, ps);
        Node bodyNode;
        if (body == null) {
            bodyNode = Node.empty(end);
        } else if (body.type == "statement_block") {
            bodyNode = lowering.typeScript.withParameterProperties(stmt(body), params, singleParam);
        } else {
            flags |= Node.EXPRESSION_BODY;
            bodyNode = expr(body);
        }
        return new Node(Kind.FUNCTION, start, end, name, flags, List.of(paramsNode, bodyNode));
    }

    /** One formal parameter (TypeScript wraps them in required_parameter / optional_parameter). */
    Node parameter(TNode p) {
        if (p.type == "required_parameter" || p.type == "optional_parameter") {
            TNode pat = p.field("pattern");
            if (pat == null) return null;
            if (pat.type == "this") return null; // TypeScript "this: T" parameter
            TNode value = p.field("value");
            Node target = pattern(pat);
            if (value == null) {
                // a typed parameter without default: the type stands in as a default value
                Node hint = pat.type == "identifier" ? lowering.typeScript.typeHint(p) : null;
                return hint == null ? target : new Node(Kind.ASSIGN_PATTERN, pat.start, hint.end, null, 0, List.of(target, hint));
            }
            return new Node(Kind.ASSIGN_PATTERN, pat.start, value.end, null, 0, List.of(target, expr(value)));
        }
        return pattern(p);
    }

    Node classNode(TNode c, boolean declaration) {
        List<Node> kids = new ArrayList<>();
        TNode body = c.field("body");
        TNode heritage = null;
        for (TNode k : c.kids) if (k.type == "class_heritage") heritage = k;
        Node superClass = null;
        if (heritage != null) {
            TNode ext = null;
            for (TNode k : heritage.kids) if (k.type == "extends_clause") ext = k;
            if (ext != null) {
                TNode v = ext.field("value");
                if (v != null) superClass = expr(v);
            } else {
                TNode v = heritage.firstNamed();
                if (v != null && v.type != "implements_clause") superClass = expr(v);
            }
        }
        int open = body != null ? body.start : c.end;
        kids.add(superClass == null ? Node.empty(open) : superClass);
        if (body != null) {
            TNode[] ms = body.kids;
            List<TNode> decorators = new ArrayList<>();
            for (int i = 0; i < ms.length; i++) {
                TNode m = ms[i];
                if (m.type == "decorator") decorators.add(m); // the grammar puts a member's decorators before it
                if (!m.named || isComment(m) || TypeScriptLowering.TYPE_ONLY.contains(m.type)) continue;
                // a field's ';' is a sibling in the class body; the IR member includes it
                int end = m.end;
                if (i + 1 < ms.length && ms[i + 1].type == ";" && !ms[i + 1].missing) end = ms[i + 1].end;
                Node n = classMember(m, end);
                if (n != null) kids.add(n);
                for (TNode k : m.kids) if (k.type == "decorator") decorators.add(k);
                if (n != null && n.kind == Kind.PROPERTY && n.has(Node.METHOD)) {
                    for (TNode d : decorators) {
                        Node listener = hostListener(d, n);
                        if (listener != null) kids.add(listener);
                    }
                }
                decorators.clear();
            }
        }
        TNode name = c.field("name");
        int start = c.start;
        for (TNode k : c.kids) {
            if (!isComment(k) && !TypeScriptLowering.isTypeModifier(k)) {
                start = k.start;
                break;
            }
        }
        return new Node(Kind.CLASS, start, c.end, name == null ? null : src(name), declaration ? Node.DECLARATION : 0, kids);
    }

    private Node classMember(TNode m, int end) {
        switch (m.type) {
            case "method_definition":
                return method(m, true);
            case "field_definition":
            case "public_field_definition": {
                if (m.hasToken("declare") || m.hasToken("abstract")) return null;
                int flags = m.hasToken("static") ? Node.STATIC : 0;
                TNode prop = m.field("property");
                if (prop == null) prop = m.field("name");
                if (prop == null) return null;
                TNode value = m.field("value");
                boolean computed = prop.type == "computed_property_name";
                if (computed) flags |= Node.COMPUTED;
                int start = memberStart(m);
                Node hint = value == null ? lowering.typeScript.typeHint(m) : null;
                Node v = value != null ? expr(value) : hint != null ? hint : Node.empty(end);
                return new Node(Kind.CLASS_FIELD, start, end, null, flags, List.of(key(prop), v));
            }
            case "class_static_block": {
                TNode body = m.field("body");
                return node(Kind.STATIC_BLOCK, m, body == null ? List.of() : statements(body));
            }
            default:
                if (TypeScriptLowering.TYPE_STATEMENTS.contains(m.type)) return null;
                return unknown(m, List.of());
        }
    }

    /**
     * Angular's {@code @HostListener('window:message', ['$event']) onMessage(e) {…}}: the framework adds the
     * method as a listener of the window's (or document's) event, so it is lowered as a field that does so,
     * {@code window.addEventListener('message', this.onMessage)}, spanning the decorator. With other
     * arguments than the event itself ({@code ['$event.data']}) the listener is an arrow that passes them.
     * Null for any other decorator, and for events of the host element.
     */
    private Node hostListener(TNode d, Node method) {
        TNode call = d.firstNamed();
        if (call == null || call.type != "call_expression") return null;
        TNode callee = call.field("function");
        TNode args = call.field("arguments");
        String name = method.keyName();
        if (callee == null || args == null || name == null || !"HostListener".equals(src(callee))) return null;
        List<Node> as = new ArrayList<>();
        for (TNode a : args.kids) if (a.named && !isComment(a)) as.add(expr(a));
        if (as.isEmpty() || as.get(0).kind != Kind.STRING) return null;
        String event = as.get(0).text;
        int colon = event.indexOf(':');
        String target = colon < 0 ? null : event.substring(0, colon);
        if (!"window".equals(target) && !"document".equals(target)) return null;
        int s = d.start, e = d.end;
        Node self = new Node(Kind.MEMBER, s, e, name, 0, List.of(new Node(Kind.THIS, s, e, null, 0, List.of())));
        Node handler = self;
        List<String> passed = new ArrayList<>();
        if (as.size() > 1 && as.get(1).kind == Kind.ARRAY) {
            for (Node x : as.get(1).kids()) passed.add(x.kind == Kind.STRING ? x.text : null);
        }
        if (!passed.equals(List.of("$event"))) {
            // ($event) => this.name(<each argument, read from $event>)
            List<Node> callArgs = new ArrayList<>(List.of(self));
            for (String p : passed) callArgs.add(eventPath(p, s, e));
            Node body = new Node(Kind.CALL, s, e, null, 0, callArgs);
            Node params = new Node(Kind.PARAMS, s, s, null, 0, List.of(Node.leaf(Kind.IDENT, s, e, "$event")));
            handler = new Node(Kind.FUNCTION, s, e, null, Node.ARROW | Node.EXPRESSION_BODY, List.of(params, body));
        }
        Node on = new Node(Kind.MEMBER, s, e, "addEventListener", 0, List.of(Node.leaf(Kind.IDENT, s, e, target)));
        Node register = new Node(Kind.CALL, s, e, null, 0, List.of(on, Node.leaf(Kind.STRING, s, e, event.substring(colon + 1)), handler));
        return new Node(Kind.CLASS_FIELD, s, e, null, 0, List.of(Node.leaf(Kind.PRIVATE_NAME, s, e, "@HostListener " + name), register));
    }

    /** {@code $event}, {@code $event.data.x}: a read from the event; anything else is not known. */
    private static Node eventPath(String path, int s, int e) {
        if (path == null || !path.matches("\\$event(\\.[A-Za-z_$][\\w$]*)*")) return new Node(Kind.UNDEFINED, s, e, null, 0, List.of());
        String[] parts = path.split("\\.");
        Node n = Node.leaf(Kind.IDENT, s, e, parts[0]);
        for (int i = 1; i < parts.length; i++) n = new Node(Kind.MEMBER, s, e, parts[i], 0, List.of(n));
        return n;
    }

    /** Where a member starts: its first modifier or key, after any decorators. */
    static int memberStart(TNode m) {
        for (TNode k : m.kids) if (!isComment(k) && !TypeScriptLowering.isTypeModifier(k)) return k.start;
        return m.start;
    }

    /** A method, getter or setter of a class or object literal: PROPERTY [key, FUNCTION]. */
    Node method(TNode m, boolean inClass) {
        TNode name = m.field("name");
        TNode params = m.field("parameters");
        TNode body = m.field("body");
        if (body == null) return null; // an overload signature
        int pflags, fflags;
        if (m.hasToken("get")) {
            pflags = Node.GETTER;
            fflags = Node.GETTER;
        } else if (m.hasToken("set")) {
            pflags = Node.SETTER;
            fflags = Node.SETTER;
        } else {
            pflags = Node.METHOD;
            fflags = Node.METHOD | (m.hasToken("async") ? Node.ASYNC : 0) | (m.hasToken("*") ? Node.GENERATOR : 0);
        }
        if (inClass && m.hasToken("static")) pflags |= Node.STATIC;
        boolean computed = name != null && name.type == "computed_property_name";
        if (computed) pflags |= Node.COMPUTED;
        int open = params != null ? params.start : body.start;
        Node fn = functionNode(open, body.end, null, fflags, params, false, body, m);
        Node key = name == null ? Node.empty(open) : key(name);
        return new Node(Kind.PROPERTY, memberStart(m), m.end, null, pflags, List.of(key, fn));
    }
}

package io.wsscan.js.treesitter;

import io.wsscan.ir.Kind;
import io.wsscan.ir.Nesting;
import io.wsscan.ir.Node;
import io.wsscan.js.JsText;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * tree-sitter tree (copied into {@link TNode}s) -> IR, one instance per file. Shapes and ranges follow
 * the Closure lowering ({@code io.wsscan.js.closure.Lowering}) node for node, so that the two agree on
 * JavaScript both parse: parentheses are dropped, statements include their semicolon, an absent
 * optional child is an EMPTY at the end of its parent, PARAMS is an empty range at the start of its
 * function, a method's FUNCTION spans from its '(' to its '}', literals carry cooked values.
 *
 * <p>TypeScript: type annotations, type arguments and parameters, interfaces, type aliases,
 * {@code declare} statements, overload signatures, index signatures, accessibility modifiers and
 * decorators are dropped without being walked; {@code as}, {@code satisfies}, {@code <T>x} and
 * {@code x!} lower to their operand; enums become {@code const E = {A: value, ...}} (members without
 * an initializer count up from the last numeric one); namespaces become a BLOCK of their body.
 * Receiver type hints are not emitted (see the package notes in the front end's report).
 *
 * <p>Errors: ERROR nodes in statement position contribute the statements and expressions found in
 * them; elsewhere they become UNKNOWN("ERROR") with whatever children lower.
 */
final class TreeSitterLowering {

    private final String text;

    TreeSitterLowering(String text) {
        this.text = text;
    }

    static boolean isComment(TNode t) {
        return t.type == "comment" || t.type == "html_comment" || t.type == "hash_bang_line";
    }

    /** TypeScript nodes that carry only types (or modifiers) and are skipped without being walked. */
    private static final Set<String> TYPE_ONLY = Set.of("type_annotation", "type_arguments", "type_parameters",
            "type_predicate_annotation", "asserts_annotation", "omitting_type_annotation", "adding_type_annotation",
            "opting_type_annotation", "accessibility_modifier", "override_modifier", "decorator", "implements_clause");

    /** TypeScript statements that declare only types. */
    private static final Set<String> TYPE_STATEMENTS = Set.of("interface_declaration", "type_alias_declaration",
            "ambient_declaration", "function_signature", "abstract_method_signature", "method_signature",
            "index_signature", "property_signature", "call_signature", "construct_signature", "import_alias");

    private final Nesting nesting = new Nesting();

    Node program(TNode root) {
        List<Node> body = new ArrayList<>();
        if (root.type == "ERROR") salvage(root, body);
        else statements(root, body);
        return new Node(Kind.PROGRAM, 0, text.length(), null, 0, body);
    }

    // ------------------------------------------------------------------ helpers

    private static Node node(Kind k, TNode at, String text, int flags, List<Node> kids) {
        return new Node(k, at.start, at.end, text, flags, kids);
    }

    private static Node node(Kind k, TNode at, List<Node> kids) {
        return new Node(k, at.start, at.end, null, 0, kids);
    }

    private static Node leaf(Kind k, TNode at, String text) {
        return new Node(k, at.start, at.end, text, 0, List.of());
    }

    private String src(TNode t) {
        return text.substring(t.start, t.end);
    }

    private Node ident(TNode t) {
        return leaf(Kind.IDENT, t, src(t));
    }

    private static Node emptyAtEnd(TNode t) {
        return Node.empty(t.end);
    }

    private static Node unknown(TNode t, List<Node> kids) {
        return node(Kind.UNKNOWN, t, t.missing ? "MISSING" : t.type, 0, kids);
    }

    // ------------------------------------------------------------------ statements

    private void statements(TNode parent, List<Node> out) {
        for (TNode k : parent.kids) {
            if (!k.named || isComment(k)) continue;
            addStatement(k, out);
        }
    }

    private List<Node> statements(TNode parent) {
        List<Node> out = new ArrayList<>();
        statements(parent, out);
        return out;
    }

    private void addStatement(TNode t, List<Node> out) {
        if (t.type == "ERROR") {
            salvage(t, out);
            return;
        }
        Node n = stmt(t);
        if (n != null) out.add(n);
    }

    /** The well-formed statements and expressions inside an ERROR node. */
    private void salvage(TNode err, List<Node> out) {
        for (TNode k : err.kids) {
            if (!k.named || isComment(k) || k.missing) continue;
            if (k.type == "ERROR") {
                salvage(k, out);
            } else if (isStatement(k)) {
                Node n = stmt(k);
                if (n != null) out.add(n);
            } else if (isExpression(k)) {
                Node e = expr(k);
                out.add(new Node(Kind.EXPR_STMT, e.start, e.end, null, 0, List.of(e)));
            }
        }
    }

    private static final Set<String> STATEMENTS = Set.of("expression_statement", "lexical_declaration",
            "variable_declaration", "statement_block", "empty_statement", "if_statement", "for_statement",
            "for_in_statement", "while_statement", "do_statement", "return_statement", "throw_statement",
            "try_statement", "switch_statement", "break_statement", "continue_statement", "labeled_statement",
            "with_statement", "debugger_statement", "function_declaration", "generator_function_declaration",
            "class_declaration", "abstract_class_declaration", "import_statement", "export_statement",
            "enum_declaration", "module", "internal_module", "using_declaration");

    private static boolean isStatement(TNode t) {
        return STATEMENTS.contains(t.type) || TYPE_STATEMENTS.contains(t.type);
    }

    private static final Set<String> EXPRESSIONS = Set.of("identifier", "this", "super", "number", "string",
            "template_string", "regex", "true", "false", "null", "undefined", "array", "object", "function_expression",
            "function", "generator_function", "arrow_function", "class", "call_expression", "new_expression",
            "member_expression", "subscript_expression", "binary_expression", "assignment_expression",
            "augmented_assignment_expression", "ternary_expression", "sequence_expression", "unary_expression",
            "update_expression", "await_expression", "yield_expression", "parenthesized_expression",
            "as_expression", "satisfies_expression", "non_null_expression", "type_assertion", "jsx_element",
            "jsx_self_closing_element", "meta_property", "instantiation_expression");

    private static boolean isExpression(TNode t) {
        return EXPRESSIONS.contains(t.type);
    }

    Node stmt(TNode t) {
        nesting.enter();
        try {
            return stmt0(t);
        } finally {
            nesting.exit();
        }
    }

    private Node stmt0(TNode t) {
        switch (t.type) {
            case "expression_statement": {
                TNode e = t.firstNamed();
                if (e == null) return leaf(Kind.EMPTY, t, null);
                if (e.type == "internal_module" || e.type == "module") return namespace(e, t);
                return node(Kind.EXPR_STMT, t, List.of(expr(e)));
            }
            case "lexical_declaration":
            case "variable_declaration":
            case "using_declaration":
                return varDecl(t, t.start, t.end);
            case "statement_block":
                return node(Kind.BLOCK, t, statements(t));
            case "empty_statement":
                return leaf(Kind.EMPTY, t, null);
            case "if_statement": {
                TNode alt = t.field("alternative");
                Node alternate = alt == null ? emptyAtEnd(t) : stmtOrEmpty(alt.firstNamed(), t);
                return node(Kind.IF, t, List.of(exprOrUnknown(t.field("condition"), t), stmtOrEmpty(t.field("consequence"), t), alternate));
            }
            case "for_statement":
                return forStatement(t);
            case "for_in_statement":
                return forIn(t);
            case "while_statement":
                return node(Kind.WHILE, t, List.of(exprOrUnknown(t.field("condition"), t), stmtOrEmpty(t.field("body"), t)));
            case "do_statement":
                return node(Kind.DO_WHILE, t, List.of(stmtOrEmpty(t.field("body"), t), exprOrUnknown(t.field("condition"), t)));
            case "return_statement": {
                TNode e = t.firstNamed();
                return node(Kind.RETURN, t, List.of(e == null ? emptyAtEnd(t) : expr(e)));
            }
            case "throw_statement":
                return node(Kind.THROW, t, List.of(exprOrUnknown(t.firstNamed(), t)));
            case "try_statement": {
                List<Node> kids = new ArrayList<>(3);
                TNode body = t.field("body");
                kids.add(stmtOrEmpty(body, t));
                TNode handler = t.field("handler");
                if (handler == null) {
                    kids.add(body == null ? emptyAtEnd(t) : emptyAtEnd(body));
                } else {
                    TNode param = handler.field("parameter");
                    kids.add(node(Kind.CATCH, handler, List.of(param == null ? emptyAtEnd(handler) : pattern(param),
                            stmtOrEmpty(handler.field("body"), handler))));
                }
                TNode fin = t.field("finalizer");
                kids.add(fin == null ? emptyAtEnd(t) : stmtOrEmpty(fin.field("body"), fin));
                return node(Kind.TRY, t, kids);
            }
            case "switch_statement":
                return switchStatement(t);
            case "break_statement":
            case "continue_statement": {
                TNode label = t.field("label");
                return leaf(t.type == "break_statement" ? Kind.BREAK : Kind.CONTINUE, t, label == null ? null : src(label));
            }
            case "labeled_statement": {
                TNode label = t.field("label");
                return node(Kind.LABELED, t, label == null ? "" : src(label), 0, List.of(stmtOrEmpty(t.field("body"), t)));
            }
            case "with_statement":
                return node(Kind.WITH, t, List.of(exprOrUnknown(t.field("object"), t), stmtOrEmpty(t.field("body"), t)));
            case "debugger_statement":
                return leaf(Kind.DEBUGGER, t, null);
            case "function_declaration":
            case "generator_function_declaration":
                return function(t, Node.DECLARATION);
            case "class_declaration":
            case "abstract_class_declaration":
                return classNode(t, true);
            case "import_statement":
                return importDecl(t);
            case "export_statement":
                return exportDecl(t);
            case "enum_declaration":
                return enumDecl(t, t.start, t.end);
            case "module":
            case "internal_module":
                return namespace(t, t);
            default:
                if (TYPE_STATEMENTS.contains(t.type)) return null;
                if (isExpression(t)) return node(Kind.EXPR_STMT, t, List.of(expr(t)));
                return unknown(t, List.of());
        }
    }

    private Node stmtOrEmpty(TNode t, TNode parent) {
        if (t == null || t.missing) return emptyAtEnd(parent);
        if (t.type == "ERROR") {
            List<Node> out = new ArrayList<>();
            salvage(t, out);
            return node(Kind.UNKNOWN, t, "ERROR", 0, out);
        }
        Node n = stmt(t);
        return n == null ? leaf(Kind.EMPTY, t, null) : n;
    }

    /** namespace N { ... } and declare module 'x' { ... }: the body's statements as a BLOCK. */
    private Node namespace(TNode ns, TNode range) {
        TNode body = ns.field("body");
        return node(Kind.BLOCK, range, body == null ? List.of() : statements(body));
    }

    private Node varDecl(TNode t, int start, int end) {
        String kw = "var";
        TNode kind = t.field("kind");
        if (kind != null) kw = src(kind);
        else if (t.type == "variable_declaration") kw = "var";
        else if (t.kids.length > 0 && !t.kids[0].named) kw = t.kids[0].type;
        if (kw.startsWith("await")) kw = "using";
        List<Node> decls = new ArrayList<>();
        for (TNode d : t.kids) {
            if (d.type != "variable_declarator") continue;
            TNode name = d.field("name");
            TNode value = d.field("value");
            Node hint = value == null && name != null && name.type == "identifier" ? typeHint(d) : null;
            decls.add(node(Kind.DECLARATOR, d, List.of(name == null ? emptyAtEnd(d) : pattern(name),
                    value != null ? expr(value) : hint != null ? hint : emptyAtEnd(d))));
        }
        return new Node(Kind.VAR_DECL, start, end, kw, 0, decls);
    }

    /** A declaration inside a for header ends at its last declarator (the ';' belongs to the for). */
    private Node headerDecl(TNode t) {
        int end = t.start;
        for (TNode d : t.kids) if (d.type == "variable_declarator") end = d.end;
        return varDecl(t, t.start, end);
    }

    private Node forStatement(TNode t) {
        TNode init = t.field("initializer");
        Node i;
        if (init == null || init.type == "empty_statement" || init.type == ";") {
            i = emptyAtEnd(t);
        } else if (init.type == "lexical_declaration" || init.type == "variable_declaration") {
            i = headerDecl(init);
        } else if (init.type == "expression_statement") {
            TNode e = init.firstNamed();
            i = e == null ? emptyAtEnd(t) : expr(e);
        } else {
            i = expr(init);
        }
        TNode cond = t.field("condition");
        Node c;
        if (cond == null || cond.type == "empty_statement" || cond.type == ";") {
            c = emptyAtEnd(t);
        } else if (cond.type == "expression_statement") {
            TNode e = cond.firstNamed();
            c = e == null ? emptyAtEnd(t) : expr(e);
        } else {
            c = expr(cond);
        }
        TNode inc = t.field("increment");
        return node(Kind.FOR, t, List.of(i, c, inc == null ? emptyAtEnd(t) : expr(inc), stmtOrEmpty(t.field("body"), t)));
    }

    private Node forIn(TNode t) {
        TNode kind = t.field("kind");
        TNode left = t.field("left");
        Node l;
        if (left == null) {
            l = emptyAtEnd(t);
        } else if (kind != null) {
            Node target = pattern(left);
            TNode value = t.field("value"); // for (var x = 1 in o): legacy initializer
            Node decl = new Node(Kind.DECLARATOR, left.start, value != null ? value.end : left.end, null, 0,
                    List.of(target, value != null ? expr(value) : Node.empty(left.end)));
            l = new Node(Kind.VAR_DECL, kind.start, decl.end, src(kind), 0, List.of(decl));
        } else {
            l = pattern(left);
        }
        TNode op = t.field("operator");
        boolean of = op != null ? src(op).equals("of") : t.hasToken("of");
        int flags = t.hasToken("await") ? Node.AWAIT : 0;
        return node(of ? Kind.FOR_OF : Kind.FOR_IN, t, null, flags,
                List.of(l, exprOrUnknown(t.field("right"), t), stmtOrEmpty(t.field("body"), t)));
    }

    private Node switchStatement(TNode t) {
        List<Node> kids = new ArrayList<>();
        kids.add(exprOrUnknown(t.field("value"), t));
        TNode body = t.field("body");
        if (body != null) {
            for (TNode c : body.kids) {
                if (c.type != "switch_case" && c.type != "switch_default") continue;
                List<Node> ck = new ArrayList<>();
                TNode value = c.field("value");
                ck.add(value == null ? Node.empty(c.end) : expr(value));
                for (TNode s : c.fields("body")) addStatement(s, ck);
                kids.add(node(Kind.CASE, c, ck));
            }
        }
        return node(Kind.SWITCH, t, kids);
    }

    // ------------------------------------------------------------------ modules

    private Node importDecl(TNode t) {
        if (isTypeOnly(t)) return null;
        List<Node> specs = new ArrayList<>();
        TNode clause = null;
        for (TNode k : t.kids) if (k.type == "import_clause") clause = k;
        if (clause != null) {
            for (TNode k : clause.kids) {
                switch (k.type) {
                    case "identifier" -> specs.add(node(Kind.IMPORT_SPEC, k, "default", 0, List.of(ident(k))));
                    case "namespace_import" -> {
                        TNode id = k.firstNamed();
                        if (id != null) specs.add(node(Kind.IMPORT_SPEC, k, "*", 0, List.of(ident(id))));
                    }
                    case "named_imports" -> {
                        for (TNode s : k.kids) {
                            if (s.type != "import_specifier" || isTypeOnly(s)) continue;
                            TNode name = s.field("name");
                            TNode alias = s.field("alias");
                            if (name == null) continue;
                            specs.add(node(Kind.IMPORT_SPEC, s, moduleName(name), 0, List.of(ident(alias != null ? alias : name))));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        TNode source = t.field("source");
        return node(Kind.IMPORT, t, source == null ? "" : cookString(src(source)), 0, specs);
    }

    /** {@code import type ...}, {@code export type ...}, {@code type X} specifiers. */
    private static boolean isTypeOnly(TNode t) {
        for (TNode k : t.kids) {
            if (!k.named && (k.type == "type" || k.type == "typeof")) return true;
            if (k.named) break;
        }
        return false;
    }

    private String moduleName(TNode name) {
        return name.type == "string" ? cookString(src(name)) : src(name);
    }

    private Node exportDecl(TNode t) {
        if (isTypeOnly(t)) return null;
        TNode source = t.field("source");
        String from = source == null ? null : cookString(src(source));
        boolean isDefault = t.hasToken("default");
        int flags = isDefault ? Node.DEFAULT : 0;
        List<Node> kids = new ArrayList<>();
        TNode decl = t.field("declaration");
        TNode value = t.field("value");
        if (decl != null) {
            switch (decl.type) {
                case "lexical_declaration", "variable_declaration" -> kids.add(varDecl(decl, decl.start, t.end));
                case "function_declaration", "generator_function_declaration" -> kids.add(function(decl, Node.DECLARATION));
                case "class_declaration", "abstract_class_declaration" -> kids.add(classNode(decl, true));
                case "enum_declaration" -> kids.add(enumDecl(decl, decl.start, t.end));
                default -> {
                    Node n = stmt(decl);
                    if (n == null) return null; // export interface / type / declare ...
                    kids.add(n);
                }
            }
        } else if (value != null) {
            if (isDefault && (value.type == "function_expression" || value.type == "function"
                    || value.type == "generator_function")) {
                kids.add(function(value, Node.DECLARATION));
            } else if (isDefault && value.type == "class") {
                kids.add(classNode(value, true));
            } else {
                kids.add(expr(value));
            }
        } else {
            TNode clause = null, nsExport = null;
            for (TNode k : t.kids) {
                if (k.type == "export_clause") clause = k;
                else if (k.type == "namespace_export") nsExport = k;
            }
            if (clause != null) {
                for (TNode s : clause.kids) {
                    if (s.type != "export_specifier" || isTypeOnly(s)) continue;
                    TNode name = s.field("name");
                    TNode alias = s.field("alias");
                    if (name == null) continue;
                    kids.add(node(Kind.EXPORT_SPEC, s, moduleName(alias != null ? alias : name), 0, List.of(ident(name))));
                }
            } else {
                TNode star = t.token("*");
                if (nsExport != null) {
                    TNode id = nsExport.firstNamed();
                    int s = nsExport.start;
                    kids.add(new Node(Kind.EXPORT_SPEC, s, nsExport.end, id == null ? "*" : moduleName(id), 0,
                            List.of(new Node(Kind.IDENT, s, s + 1, "*", 0, List.of()))));
                } else if (star != null) {
                    kids.add(new Node(Kind.EXPORT_SPEC, star.start, star.end, "*", 0,
                            List.of(new Node(Kind.IDENT, star.start, star.end, "*", 0, List.of()))));
                } else if (t.hasToken("=")) { // TypeScript "export = x"
                    TNode e = t.firstNamed();
                    if (e != null) kids.add(expr(e));
                    flags |= Node.DEFAULT;
                }
            }
        }
        return new Node(Kind.EXPORT, memberStart(t), t.end, from, flags, kids);
    }

    private Node enumDecl(TNode t, int start, int end) {
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

    // ------------------------------------------------------------------ functions and classes

    /** function declarations and expressions, generators and arrows. */
    private Node function(TNode f, int extraFlags) {
        int flags = extraFlags;
        if (f.type == "arrow_function") flags |= Node.ARROW;
        if (f.hasToken("async")) flags |= Node.ASYNC;
        if (f.hasToken("*")) flags |= Node.GENERATOR;
        TNode name = f.type == "arrow_function" ? null : f.field("name");
        TNode single = f.field("parameter");
        int start = f.start;
        for (TNode k : f.kids) { // a generic arrow starts at its parameters, not at "<T>"
            if (!isComment(k) && !isTypeModifier(k)) {
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
                if (!p.named || isComment(p) || TYPE_ONLY.contains(p.type)) continue;
                Node n = parameter(p);
                if (n != null) ps.add(n);
            }
        }
        Node paramsNode = new Node(Kind.PARAMS, start, start, null, 0, ps);
        Node bodyNode;
        if (body == null) {
            bodyNode = Node.empty(end);
        } else if (body.type == "statement_block") {
            bodyNode = withParameterProperties(stmt(body), params, singleParam);
        } else {
            flags |= Node.EXPRESSION_BODY;
            bodyNode = expr(body);
        }
        return new Node(Kind.FUNCTION, start, end, name, flags, List.of(paramsNode, bodyNode));
    }

    /**
     * TypeScript parameter properties ({@code constructor(private ws: WebSocket)}) assign the
     * parameter to a field of the same name before the body runs: lowered as {@code this.ws = ws;}
     * statements at the parameter's position, first in the body.
     */
    private Node withParameterProperties(Node block, TNode params, boolean singleParam) {
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
    private Node typeHint(TNode owner) {
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

    /** One formal parameter (TypeScript wraps them in required_parameter / optional_parameter). */
    private Node parameter(TNode p) {
        if (p.type == "required_parameter" || p.type == "optional_parameter") {
            TNode pat = p.field("pattern");
            if (pat == null) return null;
            if (pat.type == "this") return null; // TypeScript "this: T" parameter
            TNode value = p.field("value");
            Node target = pattern(pat);
            if (value == null) {
                // a typed parameter without default: the type stands in as a default value
                Node hint = pat.type == "identifier" ? typeHint(p) : null;
                return hint == null ? target : new Node(Kind.ASSIGN_PATTERN, pat.start, hint.end, null, 0, List.of(target, hint));
            }
            return new Node(Kind.ASSIGN_PATTERN, pat.start, value.end, null, 0, List.of(target, expr(value)));
        }
        return pattern(p);
    }

    private Node classNode(TNode c, boolean declaration) {
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
            for (int i = 0; i < ms.length; i++) {
                TNode m = ms[i];
                if (!m.named || isComment(m) || TYPE_ONLY.contains(m.type)) continue;
                // a field's ';' is a sibling in the class body; the IR member includes it
                int end = m.end;
                if (i + 1 < ms.length && ms[i + 1].type == ";" && !ms[i + 1].missing) end = ms[i + 1].end;
                Node n = classMember(m, end);
                if (n != null) kids.add(n);
            }
        }
        TNode name = c.field("name");
        int start = c.start;
        for (TNode k : c.kids) {
            if (!isComment(k) && !isTypeModifier(k)) {
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
                Node hint = value == null ? typeHint(m) : null;
                Node v = value != null ? expr(value) : hint != null ? hint : Node.empty(end);
                return new Node(Kind.CLASS_FIELD, start, end, null, flags, List.of(key(prop), v));
            }
            case "class_static_block": {
                TNode body = m.field("body");
                return node(Kind.STATIC_BLOCK, m, body == null ? List.of() : statements(body));
            }
            default:
                if (TYPE_STATEMENTS.contains(m.type)) return null;
                return unknown(m, List.of());
        }
    }

    /** Where a member starts: its first modifier or key, after any decorators. */
    private static int memberStart(TNode m) {
        for (TNode k : m.kids) if (!isComment(k) && !isTypeModifier(k)) return k.start;
        return m.start;
    }

    /** Decorators and TypeScript-only modifiers, which a member's or declaration's range does not start at. */
    private static boolean isTypeModifier(TNode k) {
        if (k.named) return TYPE_ONLY.contains(k.type);
        return k.type == "readonly" || k.type == "declare" || k.type == "abstract" || k.type == "override"
                || k.type == "public" || k.type == "private" || k.type == "protected";
    }

    /** A method, getter or setter of a class or object literal: PROPERTY [key, FUNCTION]. */
    private Node method(TNode m, boolean inClass) {
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

    /** A property key: identifier, string, number, private name, or the expression of a computed key. */
    private Node key(TNode k) {
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

    // ------------------------------------------------------------------ expressions

    private Node exprOrUnknown(TNode t, TNode parent) {
        return t == null ? new Node(Kind.UNKNOWN, parent.end, parent.end, "MISSING", 0, List.of()) : expr(t);
    }

    Node expr(TNode t) {
        nesting.enter();
        try {
            return expr0(t);
        } finally {
            nesting.exit();
        }
    }

    private Node expr0(TNode t) {
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
                return function(t, 0);
            case "class":
                return classNode(t, false);
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
                TNode e = firstValue(t);
                return e == null ? unknown(t, List.of()) : expr(e);
            }
            case "jsx_element":
            case "jsx_self_closing_element":
                return jsx(t);
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

    /** The operand of a TypeScript type operator: its first named child that is not a type. */
    private static TNode firstValue(TNode t) {
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
    private List<Node> elements(TNode t, boolean pattern) {
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
                    Node n = method(m, false);
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

    // ------------------------------------------------------------------ patterns

    Node pattern(TNode t) {
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
                TNode e = firstValue(t);
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
                return node(Kind.ARRAY_PATTERN, t, elements(t, true));
            case "assignment_pattern":
                return node(Kind.ASSIGN_PATTERN, t, List.of(patternOrUnknown(t.field("left"), t), exprOrUnknown(t.field("right"), t)));
            case "rest_pattern":
                return node(Kind.REST, t, List.of(patternOrUnknown(t.firstNamed(), t)));
            case "required_parameter":
            case "optional_parameter": {
                Node n = parameter(t);
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

    // ------------------------------------------------------------------ JSX

    private Node jsx(TNode t) {
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
                    case "jsx_element", "jsx_self_closing_element" -> kids.add(jsx(c));
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
                case "jsx_element", "jsx_self_closing_element" -> kids.add(jsx(value));
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

package io.wsscan.js.treesitter;

import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.wsscan.js.treesitter.TreeSitterLowering.isComment;

/**
 * Statements: blocks, declarations of variables, control flow, and the salvage of ERROR nodes in
 * statement position. Functions, classes, modules and TypeScript declarations are handed to their
 * parts; this part decides only what kind of statement a node is and how the parts are combined.
 */
final class StatementLowering extends LoweringPart {

    StatementLowering(TreeSitterLowering lowering) {
        super(lowering);
    }

    /** Adds the statements among parent's children to out. */
    void addAll(TNode parent, List<Node> out) {
        for (TNode k : parent.kids) {
            if (!k.named || isComment(k)) continue;
            addStatement(k, out);
        }
    }

    /** The statements among parent's children. */
    List<Node> of(TNode parent) {
        List<Node> out = new ArrayList<>();
        addAll(parent, out);
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
    void salvage(TNode err, List<Node> out) {
        for (TNode k : err.kids) {
            if (!k.named || isComment(k) || k.missing) continue;
            if (k.type == "ERROR") {
                salvage(k, out);
            } else if (isStatement(k)) {
                Node n = stmt(k);
                if (n != null) out.add(n);
            } else if (ExpressionLowering.isExpression(k)) {
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
        return STATEMENTS.contains(t.type) || TypeScriptLowering.TYPE_STATEMENTS.contains(t.type);
    }

    /** One statement; called by {@link TreeSitterLowering#stmt}, which guards the depth. */
    Node lower(TNode t) {
        switch (t.type) {
            case "expression_statement": {
                TNode e = t.firstNamed();
                if (e == null) return leaf(Kind.EMPTY, t, null);
                if (e.type == "internal_module" || e.type == "module") return lowering.typeScript.namespace(e, t);
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
                return lowering.declarations.function(t, Node.DECLARATION);
            case "class_declaration":
            case "abstract_class_declaration":
                return lowering.declarations.classNode(t, true);
            case "import_statement":
                return lowering.modules.importDecl(t);
            case "export_statement":
                return lowering.modules.exportDecl(t);
            case "enum_declaration":
                return lowering.typeScript.enumDecl(t, t.start, t.end);
            case "module":
            case "internal_module":
                return lowering.typeScript.namespace(t, t);
            default:
                if (TypeScriptLowering.TYPE_STATEMENTS.contains(t.type)) return null;
                if (ExpressionLowering.isExpression(t)) return node(Kind.EXPR_STMT, t, List.of(expr(t)));
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

    Node varDecl(TNode t, int start, int end) {
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
            Node hint = value == null && name != null && name.type == "identifier" ? lowering.typeScript.typeHint(d) : null;
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
}

package io.wsscan.js.closure;

import com.google.javascript.jscomp.parsing.parser.IdentifierToken;
import com.google.javascript.jscomp.parsing.parser.trees.*;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * Statements: blocks, variable declarations, control flow, switch, try and labels. Functions,
 * classes and modules are handed to their parts; Closure's own range quirks for statements (a
 * default clause ending at its ':', a label covering only "label:") are corrected here.
 */
final class StatementLowering extends LoweringPart {

    StatementLowering(Lowering lowering) {
        super(lowering);
    }

    List<Node> of(List<? extends ParseTree> trees) {
        List<Node> out = new ArrayList<>(trees.size());
        for (ParseTree t : trees) out.add(stmt(t));
        return out;
    }

    /** One statement; called by {@link Lowering#stmt}, which guards the depth. */
    Node lower(ParseTree t) {
        switch (t.type) {
            case BLOCK:
                return node(Kind.BLOCK, t, statements(((BlockTree) t).statements));
            case VARIABLE_STATEMENT: {
                VariableStatementTree v = (VariableStatementTree) t;
                return varDecl(v.declarations, start(t), end(t));
            }
            case VARIABLE_DECLARATION_LIST:
                return varDecl((VariableDeclarationListTree) t, start(t), end(t));
            case EMPTY_STATEMENT:
                return leaf(Kind.EMPTY, t, null);
            case EXPRESSION_STATEMENT:
                return node(Kind.EXPR_STMT, t, List.of(expr(((ExpressionStatementTree) t).expression)));
            case IF_STATEMENT: {
                IfStatementTree s = (IfStatementTree) t;
                return node(Kind.IF, t, List.of(expr(s.condition), stmt(s.ifClause),
                        s.elseClause == null ? emptyAtEnd(t) : stmt(s.elseClause)));
            }
            case DO_WHILE_STATEMENT: {
                DoWhileStatementTree s = (DoWhileStatementTree) t;
                return node(Kind.DO_WHILE, t, List.of(stmt(s.body), expr(s.condition)));
            }
            case WHILE_STATEMENT: {
                WhileStatementTree s = (WhileStatementTree) t;
                return node(Kind.WHILE, t, List.of(expr(s.condition), stmt(s.body)));
            }
            case FOR_IN_STATEMENT: {
                ForInStatementTree s = (ForInStatementTree) t;
                return node(Kind.FOR_IN, t, List.of(forLeft(s.initializer), expr(s.collection), stmt(s.body)));
            }
            case FOR_OF_STATEMENT: {
                ForOfStatementTree s = (ForOfStatementTree) t;
                return node(Kind.FOR_OF, t, List.of(forLeft(s.initializer), expr(s.collection), stmt(s.body)));
            }
            case FOR_AWAIT_OF_STATEMENT: {
                ForAwaitOfStatementTree s = (ForAwaitOfStatementTree) t;
                return node(Kind.FOR_OF, t, null, Node.AWAIT,
                        List.of(forLeft(s.initializer), expr(s.collection), stmt(s.body)));
            }
            case FOR_STATEMENT: {
                ForStatementTree s = (ForStatementTree) t;
                ParseTree init = s.initializer;
                Node i = init == null || init.type == ParseTreeType.NULL ? emptyAtEnd(t)
                        : init.type == ParseTreeType.VARIABLE_DECLARATION_LIST ? stmt(init) : expr(init);
                return node(Kind.FOR, t, List.of(i, optExpr(s.condition, t), optExpr(s.increment, t), stmt(s.body)));
            }
            case CONTINUE_STATEMENT: {
                IdentifierToken label = ((ContinueStatementTree) t).name;
                return leaf(Kind.CONTINUE, t, label == null ? null : label.value);
            }
            case BREAK_STATEMENT: {
                IdentifierToken label = ((BreakStatementTree) t).name;
                return leaf(Kind.BREAK, t, label == null ? null : label.value);
            }
            case RETURN_STATEMENT:
                return node(Kind.RETURN, t, List.of(optExpr(((ReturnStatementTree) t).expression, t)));
            case WITH_STATEMENT: {
                WithStatementTree s = (WithStatementTree) t;
                return node(Kind.WITH, t, List.of(expr(s.expression), stmt(s.body)));
            }
            case SWITCH_STATEMENT: {
                SwitchStatementTree s = (SwitchStatementTree) t;
                List<Node> kids = new ArrayList<>(s.caseClauses.size() + 1);
                kids.add(expr(s.expression));
                for (ParseTree c : s.caseClauses) {
                    List<Node> ck = new ArrayList<>();
                    if (c instanceof CaseClauseTree cc) {
                        ck.add(expr(cc.expression));
                        for (ParseTree st : cc.statements) ck.add(stmt(st));
                    } else {
                        ck.add(null); // the EMPTY test, placed at the end of the clause below
                        for (ParseTree st : ((DefaultClauseTree) c).statements) ck.add(stmt(st));
                    }
                    // Closure's default clause ends at its ':'; the IR's CASE covers its statements.
                    int caseEnd = Math.max(end(c), ck.get(ck.size() - 1) == null ? 0 : ck.get(ck.size() - 1).end);
                    if (ck.get(0) == null) ck.set(0, Node.empty(caseEnd));
                    kids.add(new Node(Kind.CASE, start(c), caseEnd, null, 0, ck));
                }
                return node(Kind.SWITCH, t, kids);
            }
            case LABELLED_STATEMENT: {
                LabelledStatementTree s = (LabelledStatementTree) t;
                // The parse tree's range covers only "label:"; the IR's covers the labelled statement too.
                Node body = stmt(s.statement);
                return new Node(Kind.LABELED, start(t), Math.max(end(t), body.end), s.name.value, 0, List.of(body));
            }
            case THROW_STATEMENT:
                return node(Kind.THROW, t, List.of(expr(((ThrowStatementTree) t).value)));
            case TRY_STATEMENT: {
                TryStatementTree s = (TryStatementTree) t;
                List<Node> kids = new ArrayList<>(3);
                kids.add(stmt(s.body));
                if (s.catchBlock == null || s.catchBlock.type == ParseTreeType.NULL) {
                    kids.add(emptyAtEnd(s.body));
                } else {
                    CatchTree c = (CatchTree) s.catchBlock;
                    // catch without a binding: Closure puts an empty statement where the parameter would be
                    boolean none = c.exception == null || c.exception.type == ParseTreeType.NULL
                            || c.exception.type == ParseTreeType.EMPTY_STATEMENT;
                    Node param = none ? emptyAtEnd(c) : pattern(c.exception);
                    kids.add(node(Kind.CATCH, c, List.of(param, stmt(c.catchBody))));
                }
                if (s.finallyBlock == null || s.finallyBlock.type == ParseTreeType.NULL) {
                    kids.add(emptyAtEnd(t));
                } else {
                    kids.add(stmt(((FinallyTree) s.finallyBlock).block));
                }
                return node(Kind.TRY, t, kids);
            }
            case DEBUGGER_STATEMENT:
                return leaf(Kind.DEBUGGER, t, null);
            case FUNCTION_DECLARATION:
                return lowering.declarations.function((FunctionDeclarationTree) t);
            case CLASS_DECLARATION:
                return lowering.declarations.classNode((ClassDeclarationTree) t, true);
            case IMPORT_DECLARATION:
                return lowering.modules.importDecl((ImportDeclarationTree) t);
            case EXPORT_DECLARATION:
                return lowering.modules.exportDecl((ExportDeclarationTree) t);
            default:
                // An expression in statement position (the parser always wraps them; kept for safety).
                return node(Kind.EXPR_STMT, t, List.of(expr(t)));
        }
    }

    Node varDecl(VariableDeclarationListTree list, int start, int end) {
        String kw = switch (list.declarationType) {
            case LET -> "let";
            case CONST -> "const";
            default -> "var";
        };
        List<Node> decls = new ArrayList<>(list.declarations.size());
        for (VariableDeclarationTree d : list.declarations) {
            decls.add(node(Kind.DECLARATOR, d, List.of(pattern(d.lvalue),
                    d.initializer == null ? emptyAtEnd(d) : expr(d.initializer))));
        }
        return new Node(Kind.VAR_DECL, start, end, kw, 0, decls);
    }

    private Node forLeft(ParseTree init) {
        return init.type == ParseTreeType.VARIABLE_DECLARATION_LIST ? stmt(init) : pattern(init);
    }
}

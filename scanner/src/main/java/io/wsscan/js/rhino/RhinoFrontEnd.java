package io.wsscan.js.rhino;

import io.wsscan.ir.IrFile;
import io.wsscan.ir.Kind;
import io.wsscan.ir.LineIndex;
import io.wsscan.ir.Nesting;
import io.wsscan.ir.Node;
import io.wsscan.js.JsSyntaxError;
import org.mozilla.javascript.CompilerEnvirons;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ErrorReporter;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.Parser;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Token;
import org.mozilla.javascript.ast.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Rhino as a parser only (never an interpreter): ES6 language level, IDE mode, no comment recording
 * (see {@link #RECORD_COMMENTS}). Lowers Rhino's AST into the IR with exact character ranges.
 */
public final class RhinoFrontEnd {

    /**
     * Comment recording off: on npm files Rhino 1.9.2 rejects some inputs only when it records
     * comments (JSDoc attached in odd positions), and the analysis does not read comments from the
     * AST (suppressions are read from the text). RhinoFrontEndTest pins this choice.
     */
    static final boolean RECORD_COMMENTS = false;


    public IrFile parse(String relPath, String text) throws JsSyntaxError {
        return parse(relPath, text, RECORD_COMMENTS);
    }

    /** A leading {@code #!} line (Node scripts) blanked with spaces, so offsets stay the same. */
    static String maskHashbang(String text) {
        if (!text.startsWith("#!")) return text;
        int eol = text.indexOf('\n');
        if (eol < 0) eol = text.length();
        return " ".repeat(eol) + text.substring(eol);
    }

    /**
     * Only whether Rhino accepts the file (the first syntax error if not), without lowering it: for
     * files that no model applies to, where the IR would be thrown away.
     */
    public void check(String relPath, String text) throws JsSyntaxError {
        syntaxTree(relPath, text, RECORD_COMMENTS);
    }

    IrFile parse(String relPath, String text, boolean recordComments) throws JsSyntaxError {
        AstRoot root = syntaxTree(relPath, text, recordComments);
        Node program;
        try {
            program = new Lowering().program(root);
        } catch (Nesting.TooDeep | StackOverflowError e) {
            throw new JsSyntaxError(Nesting.MESSAGE, 1, 1);
        }
        return new IrFile(relPath, text, program, new LineIndex(text), "rhino");
    }

    private static AstRoot syntaxTree(String relPath, String text, boolean recordComments) throws JsSyntaxError {
        AstRoot root = syntaxTree(relPath, text, recordComments, true);
        if (!onlyTrivia(text, root.getPosition() + root.getLength())) {
            // In IDE mode Rhino swallows its own stack overflow ("too deep parser recursion") and
            // returns the statements read so far: code after them would vanish without a word. A
            // root that ends before the text does is read again without IDE mode, where that
            // overflow is an error, and that reading is the one used: whether the first overflowed
            // can depend on the JIT, so only the second decides. (Rhino's ranges also end early for
            // some statements, such as a do-while without its semicolon: those read the same again.)
            return syntaxTree(relPath, text, recordComments, false);
        }
        return root;
    }

    private static final String TOO_DEEP = ScriptRuntime.getMessageById("msg.too.deep.parser.recursion");

    private static AstRoot syntaxTree(String relPath, String text, boolean recordComments, boolean ideMode) throws JsSyntaxError {
        CompilerEnvirons env = new CompilerEnvirons();
        env.setLanguageVersion(Context.VERSION_ES6);
        env.setRecordingComments(recordComments);
        env.setRecordingLocalJsDocComments(false);
        env.setIdeMode(ideMode);
        env.setRecoverFromErrors(false);
        env.setStrictMode(false);
        env.setReservedKeywordAsIdentifier(true);
        env.setAllowMemberExprAsFunctionName(false);
        env.setWarnTrailingComma(false);
        FirstError errors = new FirstError();
        env.setErrorReporter(errors);
        AstRoot root;
        try {
            root = new Parser(env, errors).parse(maskHashbang(text), relPath, 1);
        } catch (EvaluatorException e) {
            if (TOO_DEEP.equals(e.details())) throw new JsSyntaxError(Nesting.MESSAGE, 1, 1);
            throw new JsSyntaxError(e.details(), Math.max(1, e.lineNumber()), Math.max(1, e.columnNumber()));
        } catch (StackOverflowError e) {
            throw new JsSyntaxError(Nesting.MESSAGE, 1, 1);
        } catch (RuntimeException e) {
            throw new JsSyntaxError("Rhino could not parse the file: " + e.getClass().getSimpleName(), 1, 1);
        }
        if (errors.message != null) throw new JsSyntaxError(errors.message, errors.line, errors.column);
        return root;
    }

    /**
     * Whether the text from {@code from} on holds only whitespace, comments ({@code //}, block
     * comments, and the HTML-like {@code <!--}/{@code -->} line comments of scripts) and closing
     * punctuation: Rhino's ranges end early for some statements ({@code do x; while (c)} ends before
     * its {@code )}), while a parse cut short leaves a whole statement, which starts otherwise.
     */
    static boolean onlyTrivia(String text, int from) {
        int i = Math.max(0, from), n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF' || c == ';' || c == ')' || c == ']' || c == '}') {
                i++;
            } else if (text.startsWith("//", i) || text.startsWith("<!--", i) || text.startsWith("-->", i)) {
                while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r'
                        && text.charAt(i) != '\u2028' && text.charAt(i) != '\u2029') i++;
            } else if (text.startsWith("/*", i)) {
                int close = text.indexOf("*/", i + 2);
                if (close < 0) return false;
                i = close + 2;
            } else {
                return false;
            }
        }
        return true;
    }

    /** Keeps the first error Rhino reports; warnings are ignored. */
    private static final class FirstError implements ErrorReporter {
        String message;
        int line;
        int column;

        @Override
        public void warning(String message, String sourceName, int line, String lineSource, int lineOffset) {
        }

        @Override
        public void error(String message, String sourceName, int line, String lineSource, int lineOffset) {
            if (this.message == null) {
                this.message = message;
                this.line = Math.max(1, line);
                this.column = Math.max(1, lineOffset + 1);
            }
        }

        @Override
        public EvaluatorException runtimeError(String message, String sourceName, int line, String lineSource,
                                               int lineOffset) {
            return new EvaluatorException(message, sourceName, line, lineSource, lineOffset);
        }
    }

    /** Rhino AST -> IR. One instance per file. */
    private static final class Lowering {

        private final Nesting nesting = new Nesting();

        Node program(AstRoot root) {
            return new Node(Kind.PROGRAM, 0, root.getLength() + root.getPosition(), null, 0, statements(root));
        }

        private static int start(AstNode n) {
            return n.getAbsolutePosition();
        }

        private static int end(AstNode n) {
            return n.getAbsolutePosition() + n.getLength();
        }

        private Node node(Kind k, AstNode at, String text, int flags, List<Node> kids) {
            return new Node(k, start(at), end(at), text, flags, kids);
        }

        private Node node(Kind k, AstNode at, String text, List<Node> kids) {
            return node(k, at, text, 0, kids);
        }

        private Node node(Kind k, AstNode at, List<Node> kids) {
            return node(k, at, null, 0, kids);
        }

        private Node emptyAt(AstNode at) {
            return Node.empty(at == null ? 0 : end(at));
        }

        private List<Node> statements(org.mozilla.javascript.Node parent) {
            List<Node> out = new ArrayList<>();
            for (org.mozilla.javascript.Node c : parent) {
                if (c instanceof AstNode a) out.add(stmt(a));
            }
            return out;
        }

        private Node optStmt(AstNode n, AstNode near) {
            return n == null ? emptyAt(near) : stmt(n);
        }

        private Node optExpr(AstNode n, AstNode near) {
            return n == null || n instanceof EmptyExpression ? emptyAt(near) : expr(n);
        }

        Node stmt(AstNode n) {
            nesting.enter();
            try {
                return stmt0(n);
            } finally {
                nesting.exit();
            }
        }

        private Node stmt0(AstNode n) {
            if (n instanceof ExpressionStatement s) return node(Kind.EXPR_STMT, n, List.of(expr(s.getExpression())));
            if (n instanceof VariableDeclaration v) return varDecl(v);
            if (n instanceof FunctionNode f) return function(f);
            if (n instanceof IfStatement s) {
                return node(Kind.IF, n, List.of(expr(s.getCondition()), stmt(s.getThenPart()),
                        optStmt(s.getElsePart(), n)));
            }
            if (n instanceof ForInLoop s) {
                Kind k = s.isForOf() ? Kind.FOR_OF : Kind.FOR_IN;
                AstNode it = s.getIterator();
                Node left = it instanceof VariableDeclaration v ? varDecl(v) : pattern(it);
                return node(k, n, List.of(left, expr(s.getIteratedObject()), stmt(s.getBody())));
            }
            if (n instanceof ForLoop s) {
                AstNode init = s.getInitializer();
                Node i = init == null || init instanceof EmptyExpression ? emptyAt(n)
                        : init instanceof VariableDeclaration v ? varDecl(v) : expr(init);
                return node(Kind.FOR, n, List.of(i, optExpr(s.getCondition(), n), optExpr(s.getIncrement(), n),
                        stmt(s.getBody())));
            }
            if (n instanceof WhileLoop s) return node(Kind.WHILE, n, List.of(expr(s.getCondition()), stmt(s.getBody())));
            if (n instanceof DoLoop s) return node(Kind.DO_WHILE, n, List.of(stmt(s.getBody()), expr(s.getCondition())));
            if (n instanceof ReturnStatement s) return node(Kind.RETURN, n, List.of(optExpr(s.getReturnValue(), n)));
            if (n instanceof ThrowStatement s) return node(Kind.THROW, n, List.of(expr(s.getExpression())));
            if (n instanceof TryStatement s) {
                List<Node> kids = new ArrayList<>();
                kids.add(stmt(s.getTryBlock()));
                List<CatchClause> cs = s.getCatchClauses();
                if (cs == null || cs.isEmpty()) {
                    kids.add(emptyAt(s.getTryBlock()));
                } else {
                    CatchClause c = cs.get(0); // Rhino's conditional multi-catch is non-standard
                    kids.add(node(Kind.CATCH, c, List.of(c.getVarName() == null ? emptyAt(c) : pattern(c.getVarName()),
                            stmt(c.getBody()))));
                }
                kids.add(optStmt(s.getFinallyBlock(), n));
                return node(Kind.TRY, n, kids);
            }
            if (n instanceof SwitchStatement s) {
                List<Node> kids = new ArrayList<>();
                kids.add(expr(s.getExpression()));
                for (SwitchCase c : s.getCases()) {
                    List<Node> ck = new ArrayList<>();
                    ck.add(optExpr(c.getExpression(), c));
                    if (c.getStatements() != null) for (AstNode st : c.getStatements()) ck.add(stmt(st));
                    ck.add(0, ck.remove(0));
                    kids.add(node(Kind.CASE, c, ck));
                }
                return node(Kind.SWITCH, n, kids);
            }
            if (n instanceof BreakStatement s) {
                return node(Kind.BREAK, n, s.getBreakLabel() == null ? null : s.getBreakLabel().getIdentifier(), List.of());
            }
            if (n instanceof ContinueStatement s) {
                return node(Kind.CONTINUE, n, s.getLabel() == null ? null : s.getLabel().getIdentifier(), List.of());
            }
            if (n instanceof LabeledStatement s) {
                return node(Kind.LABELED, n, s.getLabels().get(0).getName(), List.of(stmt(s.getStatement())));
            }
            if (n instanceof WithStatement s) {
                return node(Kind.WITH, n, List.of(expr(s.getExpression()), stmt(s.getStatement())));
            }
            if (n instanceof EmptyStatement || n instanceof EmptyExpression) return node(Kind.EMPTY, n, List.of());
            if (n instanceof KeywordLiteral k && k.getType() == Token.DEBUGGER) return node(Kind.DEBUGGER, n, List.of());
            if (n instanceof LetNode l) {
                // let (x = 1) { ... } — a non-standard Mozilla form: a block with its declarations first
                List<Node> kids = new ArrayList<>();
                if (l.getVariables() != null) kids.add(varDecl(l.getVariables()));
                if (l.getBody() != null) kids.add(stmt(l.getBody()));
                return node(Kind.BLOCK, n, kids);
            }
            if (n instanceof Scope || n instanceof Block) return node(Kind.BLOCK, n, statements(n));
            // An expression in statement position (Rhino sometimes omits the statement wrapper).
            return node(Kind.EXPR_STMT, n, List.of(expr(n)));
        }

        private Node varDecl(VariableDeclaration v) {
            String kw = switch (v.getType()) {
                case Token.LET -> "let";
                case Token.CONST -> "const";
                default -> "var";
            };
            List<Node> decls = new ArrayList<>();
            for (VariableInitializer vi : v.getVariables()) {
                decls.add(node(Kind.DECLARATOR, vi, List.of(pattern(vi.getTarget()),
                        optExpr(vi.getInitializer(), vi))));
            }
            return node(Kind.VAR_DECL, v, kw, decls);
        }

        Node function(FunctionNode f) {
            int flags = 0;
            if (f.getFunctionType() == FunctionNode.ARROW_FUNCTION) flags |= Node.ARROW;
            // FUNCTION_EXPRESSION_STATEMENT is how Rhino marks a declaration nested in a block
            if (f.getFunctionType() == FunctionNode.FUNCTION_STATEMENT
                    || (f.getFunctionType() == FunctionNode.FUNCTION_EXPRESSION_STATEMENT && f.getFunctionName() != null)) {
                flags |= Node.DECLARATION;
            }
            if (f.isES6Generator() || f.isGenerator()) flags |= Node.GENERATOR;
            if (f.isGetterMethod()) flags |= Node.GETTER;
            if (f.isSetterMethod()) flags |= Node.SETTER;
            if (f.isNormalMethod()) flags |= Node.METHOD;
            // Rhino keeps defaults aside as [name, expression, name, expression, ...] and flags a rest parameter.
            java.util.Map<String, AstNode> defaults = new java.util.HashMap<>();
            List<Object> dp = f.getDefaultParams();
            if (dp != null) {
                for (int i = 0; i + 1 < dp.size(); i += 2) {
                    if (dp.get(i) instanceof String name && dp.get(i + 1) instanceof AstNode d) defaults.put(name, d);
                }
            }
            List<Node> params = new ArrayList<>();
            List<AstNode> ps = f.getParams();
            for (int i = 0; i < ps.size(); i++) {
                AstNode p = ps.get(i);
                Node lowered = pattern(p);
                AstNode d = p instanceof Name nm ? defaults.get(nm.getIdentifier()) : null;
                if (d != null) {
                    lowered = new Node(Kind.ASSIGN_PATTERN, start(p), end(d), null, 0, List.of(lowered, expr(d)));
                }
                if (i == ps.size() - 1 && f.hasRestParameter()) {
                    lowered = new Node(Kind.REST, start(p), end(p), null, 0, List.of(lowered));
                }
                params.add(lowered);
            }
            Node paramsNode = new Node(Kind.PARAMS, start(f), start(f), null, 0, params);
            AstNode body = f.getBody();
            Node bodyNode;
            if (f.isExpressionClosure() && body instanceof Block b && b.getFirstChild() instanceof ReturnStatement r
                    && r.getReturnValue() != null) {
                flags |= Node.EXPRESSION_BODY;
                bodyNode = expr(r.getReturnValue());
            } else {
                bodyNode = stmt(body);
            }
            String name = f.getFunctionName() == null ? null : f.getFunctionName().getIdentifier();
            return node(Kind.FUNCTION, f, name, flags, List.of(paramsNode, bodyNode));
        }

        Node expr(AstNode n) {
            nesting.enter();
            try {
                return expr0(n);
            } finally {
                nesting.exit();
            }
        }

        private Node expr0(AstNode n) {
            if (n instanceof ParenthesizedExpression p) return expr(p.getExpression());
            if (n instanceof Name nm) {
                String id = nm.getIdentifier();
                if ("undefined".equals(id)) return node(Kind.IDENT, n, id, List.of());
                return node(Kind.IDENT, n, id, List.of());
            }
            if (n instanceof StringLiteral s) return node(Kind.STRING, n, s.getValue(), List.of());
            if (n instanceof NumberLiteral num) return node(Kind.NUMBER, n, num.getValue(), List.of());
            if (n instanceof BigIntLiteral b) return node(Kind.BIGINT, n, b.getValue(), List.of());
            if (n instanceof KeywordLiteral k) {
                return switch (k.getType()) {
                    case Token.THIS -> node(Kind.THIS, n, List.of());
                    case Token.NULL -> node(Kind.NULL, n, List.of());
                    case Token.TRUE -> node(Kind.BOOLEAN, n, "true", List.of());
                    case Token.FALSE -> node(Kind.BOOLEAN, n, "false", List.of());
                    case Token.SUPER -> node(Kind.SUPER, n, List.of());
                    case Token.UNDEFINED -> node(Kind.IDENT, n, "undefined", List.of()); // a name, not a keyword
                    default -> node(Kind.UNKNOWN, n, "keyword " + Token.typeToName(k.getType()), List.of());
                };
            }
            if (n instanceof RegExpLiteral r) {
                return node(Kind.REGEX, n, r.getValue(), 0, r.getFlags() == null ? List.of()
                        : List.of(Node.leaf(Kind.STRING, end(n), end(n), r.getFlags())));
            }
            if (n instanceof TemplateLiteral t) return template(t);
            if (n instanceof TaggedTemplateLiteral t) {
                return node(Kind.TAGGED_TEMPLATE, n, List.of(expr(t.getTarget()), expr(t.getTemplateLiteral())));
            }
            if (n instanceof FunctionNode f) return function(f);
            if (n instanceof PropertyGet pg) {
                int opt = pg.getType() == Token.QUESTION_DOT ? Node.OPTIONAL : 0;
                return node(Kind.MEMBER, n, pg.getProperty().getIdentifier(), opt, List.of(expr(pg.getTarget())));
            }
            if (n instanceof ElementGet eg) {
                AstNode el = eg.getElement();
                int opt = eg.getType() == Token.QUESTION_DOT ? Node.OPTIONAL : 0;
                return node(Kind.MEMBER, n, el instanceof StringLiteral s ? s.getValue() : null, Node.COMPUTED | opt,
                        List.of(expr(eg.getTarget()), expr(el)));
            }
            if (n instanceof NewExpression ne) {
                List<Node> kids = new ArrayList<>();
                kids.add(expr(ne.getTarget()));
                for (AstNode a : ne.getArguments()) kids.add(expr(a));
                return node(Kind.NEW, n, kids);
            }
            if (n instanceof FunctionCall fc) {
                List<Node> kids = new ArrayList<>();
                kids.add(expr(fc.getTarget()));
                for (AstNode a : fc.getArguments()) kids.add(expr(a));
                return node(Kind.CALL, n, null, fc.isOptionalCall() ? Node.OPTIONAL : 0, kids);
            }
            if (n instanceof Assignment a) {
                String op = AstNode.operatorToString(a.getType());
                return node(Kind.ASSIGN, n, op, List.of(pattern(a.getLeft()), expr(a.getRight())));
            }
            if (n instanceof InfixExpression in) {
                int t = in.getType();
                if (t == Token.COMMA) {
                    List<Node> kids = new ArrayList<>();
                    flattenComma(in, kids);
                    return node(Kind.SEQUENCE, n, kids);
                }
                String op = AstNode.operatorToString(t);
                Kind k = (t == Token.AND || t == Token.OR || t == Token.NULLISH_COALESCING) ? Kind.LOGICAL : Kind.BINARY;
                return node(k, n, op, List.of(expr(in.getLeft()), expr(in.getRight())));
            }
            if (n instanceof ConditionalExpression c) {
                return node(Kind.CONDITIONAL, n, List.of(expr(c.getTestExpression()), expr(c.getTrueExpression()),
                        expr(c.getFalseExpression())));
            }
            if (n instanceof UpdateExpression u) {
                String op = u.getOperator() == Token.INC ? "++" : "--";
                return node(Kind.UPDATE, n, op, u.isPrefix() ? Node.PREFIX : 0, List.of(expr(u.getOperand())));
            }
            if (n instanceof UnaryExpression u) {
                int t = u.getOperator();
                String op = switch (t) {
                    case Token.NOT -> "!";
                    case Token.NEG -> "-";
                    case Token.POS -> "+";
                    case Token.BITNOT -> "~";
                    case Token.TYPEOF -> "typeof";
                    case Token.VOID -> "void";
                    case Token.DELPROP -> "delete";
                    default -> AstNode.operatorToString(t);
                };
                return node(Kind.UNARY, n, op, List.of(expr(u.getOperand())));
            }
            if (n instanceof ArrayLiteral arr) {
                List<Node> kids = new ArrayList<>();
                for (AstNode e : arr.getElements()) kids.add(e instanceof EmptyExpression ? node(Kind.EMPTY, e, List.of()) : expr(e));
                return node(Kind.ARRAY, n, kids);
            }
            if (n instanceof ObjectLiteral obj) return object(obj, false);
            if (n instanceof Spread s) return node(Kind.SPREAD, n, List.of(expr(s.getExpression())));
            if (n instanceof Yield y) {
                return node(Kind.YIELD, n, null, y.getType() == Token.YIELD_STAR ? Node.DELEGATE : 0,
                        List.of(optExpr(y.getValue(), n)));
            }
            if (n instanceof EmptyExpression) return node(Kind.EMPTY, n, List.of());
            List<Node> kids = new ArrayList<>();
            for (org.mozilla.javascript.Node c : n) if (c instanceof AstNode a) kids.add(expr(a));
            return node(Kind.UNKNOWN, n, n.getClass().getSimpleName(), kids);
        }

        private void flattenComma(InfixExpression in, List<Node> out) {
            if (in.getLeft() instanceof InfixExpression l && l.getType() == Token.COMMA) flattenComma(l, out);
            else out.add(expr(in.getLeft()));
            out.add(expr(in.getRight()));
        }

        private Node template(TemplateLiteral t) {
            List<Node> kids = new ArrayList<>();
            boolean expectString = true;
            for (AstNode e : t.getElements()) {
                if (e instanceof TemplateCharacters tc) {
                    if (!expectString) kids.add(Node.empty(start(e)));
                    kids.add(node(Kind.STRING, e, tc.getValue() == null ? tc.getRawValue() : tc.getValue(), List.of()));
                    expectString = false;
                } else {
                    if (expectString) kids.add(Node.leaf(Kind.STRING, start(e), start(e), ""));
                    kids.add(expr(e));
                    expectString = true;
                }
            }
            if (expectString) kids.add(Node.leaf(Kind.STRING, end(t), end(t), ""));
            return node(Kind.TEMPLATE, t, kids);
        }

        private Node object(ObjectLiteral obj, boolean asPattern) {
            List<Node> kids = new ArrayList<>();
            for (AbstractObjectProperty ap : obj.getElements()) {
                if (ap instanceof SpreadObjectProperty sp) {
                    AstNode inner = sp.getSpreadNode().getExpression();
                    kids.add(asPattern ? node(Kind.REST, sp, List.of(pattern(inner)))
                            : node(Kind.SPREAD, sp, List.of(expr(inner))));
                    continue;
                }
                ObjectProperty p = (ObjectProperty) ap;
                AstNode key = p.getKey();
                int flags = 0;
                Node k;
                if (key instanceof ComputedPropertyKey ck) {
                    flags |= Node.COMPUTED;
                    k = expr(ck.getExpression());
                } else if (key instanceof Name nm) {
                    k = node(Kind.IDENT, key, nm.getIdentifier(), List.of());
                } else if (key instanceof StringLiteral s) {
                    k = node(Kind.STRING, key, s.getValue(), List.of());
                } else if (key instanceof NumberLiteral num) {
                    k = node(Kind.NUMBER, key, num.getValue(), List.of());
                } else {
                    k = expr(key);
                    flags |= Node.COMPUTED;
                }
                if (p.isGetterMethod()) flags |= Node.GETTER;
                if (p.isSetterMethod()) flags |= Node.SETTER;
                if (p.isNormalMethod()) flags |= Node.METHOD;
                AstNode value = p.getValue();
                Node v;
                if (value == null) { // shorthand {a}
                    flags |= Node.SHORTHAND;
                    v = asPattern ? pattern(key) : expr(key);
                } else {
                    v = asPattern ? pattern(value) : expr(value);
                    boolean accessor = p.isGetterMethod() || p.isSetterMethod() || p.isNormalMethod();
                    if (!accessor && value.getAbsolutePosition() == key.getAbsolutePosition()) flags |= Node.SHORTHAND;
                }
                kids.add(node(Kind.PROPERTY, p, null, flags, List.of(k, v)));
            }
            return node(asPattern ? Kind.OBJECT_PATTERN : Kind.OBJECT, obj, kids);
        }

        /** Binding or assignment targets: names, members, and destructuring forms. */
        Node pattern(AstNode n) {
            nesting.enter();
            try {
                return pattern0(n);
            } finally {
                nesting.exit();
            }
        }

        private Node pattern0(AstNode n) {
            if (n instanceof ParenthesizedExpression p) return pattern(p.getExpression());
            if (n instanceof ObjectLiteral o) return object(o, true);
            if (n instanceof ArrayLiteral a) {
                List<Node> kids = new ArrayList<>();
                for (AstNode e : a.getElements()) {
                    if (e instanceof EmptyExpression) kids.add(node(Kind.EMPTY, e, List.of()));
                    else if (e instanceof Spread s) kids.add(node(Kind.REST, e, List.of(pattern(s.getExpression()))));
                    else kids.add(pattern(e));
                }
                return node(Kind.ARRAY_PATTERN, n, kids);
            }
            if (n instanceof Assignment as && as.getType() == Token.ASSIGN) {
                return node(Kind.ASSIGN_PATTERN, n, List.of(pattern(as.getLeft()), expr(as.getRight())));
            }
            if (n instanceof Spread s) return node(Kind.REST, n, List.of(pattern(s.getExpression())));
            return expr(n);
        }
    }
}

package io.wsscan.js.closure;

import com.google.javascript.jscomp.parsing.parser.IdentifierToken;
import com.google.javascript.jscomp.parsing.parser.LiteralToken;
import com.google.javascript.jscomp.parsing.parser.Token;
import com.google.javascript.jscomp.parsing.parser.TokenType;
import com.google.javascript.jscomp.parsing.parser.trees.*;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Nesting;
import io.wsscan.ir.Node;
import io.wsscan.js.JsText;

import java.util.ArrayList;
import java.util.List;

/**
 * Closure parse tree -> IR, one instance per file. The output follows the IR layout of
 * {@link Kind} and, node for node, what the Rhino front end produces for the same source (the
 * differential test holds the two together): parentheses are dropped (the inner expression keeps
 * its own range), statements include their semicolon, an absent optional child is an EMPTY at the
 * end of its parent, PARAMS is an empty range at the start of its function, a method's FUNCTION
 * spans from its '(' to its '}', and literals carry cooked values (numbers keep their spelling).
 *
 * <p>Class members: methods, getters and setters are PROPERTY nodes (flags METHOD / GETTER / SETTER,
 * plus STATIC and COMPUTED) whose value is a FUNCTION; fields are CLASS_FIELD; {@code static {}}
 * blocks are STATIC_BLOCK. A member's range starts at its first modifier ({@code static},
 * {@code async}, {@code get}, '*'), which the parse tree does not always include, so those starts
 * are found by skipping whitespace and comments from the end of the previous member.
 */
final class Lowering {

    private final String text;

    private final Nesting nesting = new Nesting();

    Lowering(String text) {
        this.text = text;
    }

    Node program(ProgramTree p) {
        return new Node(Kind.PROGRAM, 0, text.length(), null, 0, statements(p.sourceElements));
    }

    // ------------------------------------------------------------------ positions

    /**
     * Where a tree starts. Closure starts an untagged template literal after its opening backtick,
     * and with it every tree that begins with one ({@code `a${b}`.trim()}); the IR starts them at
     * the backtick. (A template's own quasis do start after it: see {@link #template}.)
     */
    private int start(ParseTree t) {
        int s = t.location.start.offset;
        return s > 0 && text.charAt(s - 1) == '`' && t.type != ParseTreeType.TEMPLATE_LITERAL_PORTION ? s - 1 : s;
    }

    private static int end(ParseTree t) {
        return t.location.end.offset;
    }

    private static int start(Token t) {
        return t.location.start.offset;
    }

    private static int end(Token t) {
        return t.location.end.offset;
    }

    private Node node(Kind k, ParseTree at, String text, int flags, List<Node> kids) {
        return new Node(k, start(at), end(at), text, flags, kids);
    }

    private Node node(Kind k, ParseTree at, List<Node> kids) {
        return node(k, at, null, 0, kids);
    }

    private Node leaf(Kind k, ParseTree at, String text) {
        return new Node(k, start(at), end(at), text, 0, List.of());
    }

    private static Node ident(Token t) {
        return new Node(Kind.IDENT, start(t), end(t), name(t), 0, List.of());
    }

    private static String name(Token t) {
        if (t instanceof IdentifierToken id) return id.value;
        if (t instanceof LiteralToken l) return l.value;
        return t.type.toString();
    }

    private static Node emptyAtEnd(ParseTree t) {
        return Node.empty(end(t));
    }

    // ------------------------------------------------------------------ statements

    private List<Node> statements(List<? extends ParseTree> trees) {
        List<Node> out = new ArrayList<>(trees.size());
        for (ParseTree t : trees) out.add(stmt(t));
        return out;
    }

    Node stmt(ParseTree t) {
        nesting.enter();
        try {
            return stmt0(t);
        } finally {
            nesting.exit();
        }
    }

    private Node stmt0(ParseTree t) {
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
                return function((FunctionDeclarationTree) t);
            case CLASS_DECLARATION:
                return classNode((ClassDeclarationTree) t, true);
            case IMPORT_DECLARATION:
                return importDecl((ImportDeclarationTree) t);
            case EXPORT_DECLARATION:
                return exportDecl((ExportDeclarationTree) t);
            default:
                // An expression in statement position (the parser always wraps them; kept for safety).
                return node(Kind.EXPR_STMT, t, List.of(expr(t)));
        }
    }

    private Node varDecl(VariableDeclarationListTree list, int start, int end) {
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

    private Node optExpr(ParseTree t, ParseTree parent) {
        return t == null || t.type == ParseTreeType.NULL ? emptyAtEnd(parent) : expr(t);
    }

    // ------------------------------------------------------------------ modules

    private Node importDecl(ImportDeclarationTree d) {
        List<Node> specs = new ArrayList<>();
        if (d.defaultBindingIdentifier != null) {
            IdentifierToken b = d.defaultBindingIdentifier;
            specs.add(new Node(Kind.IMPORT_SPEC, start(b), end(b), "default", 0, List.of(ident(b))));
        }
        if (d.nameSpaceImportIdentifier != null) {
            IdentifierToken b = d.nameSpaceImportIdentifier;
            int from = d.defaultBindingIdentifier != null ? end(d.defaultBindingIdentifier) : start(d) + "import".length();
            int star = JsText.find(text, from, '*', start(b));
            specs.add(new Node(Kind.IMPORT_SPEC, star, end(b), "*", 0, List.of(ident(b))));
        }
        if (d.importSpecifierList != null) {
            for (ParseTree s : d.importSpecifierList) {
                ImportSpecifierTree spec = (ImportSpecifierTree) s;
                Token local = spec.destinationName != null ? spec.destinationName : spec.importedName;
                specs.add(node(Kind.IMPORT_SPEC, spec, name(spec.importedName), 0, List.of(ident(local))));
            }
        }
        return node(Kind.IMPORT, d, JsText.cookString(d.moduleSpecifier.value), 0, specs);
    }

    private Node exportDecl(ExportDeclarationTree d) {
        String from = d.from == null ? null : JsText.cookString(d.from.value);
        int flags = d.isDefault ? Node.DEFAULT : 0;
        List<Node> kids = new ArrayList<>();
        if (d.declaration != null) {
            ParseTree decl = d.declaration;
            switch (decl.type) {
                case VARIABLE_DECLARATION_LIST -> // the statement's semicolon belongs to the export
                        kids.add(varDecl((VariableDeclarationListTree) decl, start(decl), end(d)));
                case FUNCTION_DECLARATION -> { // "export default function () {}" is a declaration, an arrow is not
                    FunctionDeclarationTree f = (FunctionDeclarationTree) decl;
                    boolean declaration = d.isDefault && f.kind == FunctionDeclarationTree.Kind.EXPRESSION;
                    kids.add(function(f, declaration ? Node.DECLARATION : 0));
                }
                case CLASS_DECLARATION -> kids.add(classNode((ClassDeclarationTree) decl, true));
                default -> kids.add(expr(decl));
            }
        } else if (d.isExportAll) {
            int star = JsText.find(text, start(d) + "export".length(), '*', start(d));
            kids.add(new Node(Kind.EXPORT_SPEC, star, star + 1, "*", 0,
                    List.of(new Node(Kind.IDENT, star, star + 1, "*", 0, List.of()))));
        } else if (d.exportSpecifierList != null) {
            for (ParseTree s : d.exportSpecifierList) {
                ExportSpecifierTree spec = (ExportSpecifierTree) s;
                Token exported = spec.destinationName != null ? spec.destinationName : spec.importedName;
                kids.add(node(Kind.EXPORT_SPEC, spec, name(exported), 0, List.of(ident(spec.importedName))));
            }
        }
        return node(Kind.EXPORT, d, from, flags, kids);
    }

    // ------------------------------------------------------------------ functions and classes

    Node function(FunctionDeclarationTree f) {
        return function(f, 0);
    }

    private Node function(FunctionDeclarationTree f, int extraFlags) {
        int flags = extraFlags;
        int start = start(f);
        switch (f.kind) {
            case DECLARATION -> flags |= Node.DECLARATION;
            case ARROW -> flags |= Node.ARROW;
            case MEMBER -> {
                flags |= Node.METHOD;
                start = start(f.formalParameterList);
            }
            default -> {
            }
        }
        if (f.isAsync) flags |= Node.ASYNC;
        if (f.isGenerator) flags |= Node.GENERATOR;
        return functionNode(start, end(f), f.kind == FunctionDeclarationTree.Kind.MEMBER ? null
                        : f.name == null ? null : f.name.value, flags, f.formalParameterList, f.functionBody);
    }

    private Node functionNode(int start, int end, String name, int flags, FormalParameterListTree params, ParseTree body) {
        List<Node> ps = new ArrayList<>();
        if (params != null) for (ParseTree p : params.parameters) ps.add(pattern(p));
        Node paramsNode = new Node(Kind.PARAMS, start, start, null, 0, ps);
        Node bodyNode;
        if (body.type == ParseTreeType.BLOCK) {
            bodyNode = stmt(body);
        } else {
            flags |= Node.EXPRESSION_BODY;
            bodyNode = expr(body);
        }
        return new Node(Kind.FUNCTION, start, end, name, flags, List.of(paramsNode, bodyNode));
    }

    /** A method value: from the '(' of its parameters to the end of its body. */
    private Node method(int flags, FormalParameterListTree params, int parenSearchFrom, BlockTree body) {
        int open = params != null ? start(params) : JsText.find(text, parenSearchFrom, '(', start(body));
        return functionNode(open, end(body), null, flags, params, body);
    }

    private Node classNode(ClassDeclarationTree c, boolean declaration) {
        List<Node> kids = new ArrayList<>(c.elements.size() + 1);
        int headEnd = c.superClass != null ? end(c.superClass) : c.name != null ? end(c.name) : start(c) + "class".length();
        int open = JsText.find(text, headEnd, '{', headEnd);
        kids.add(c.superClass == null ? Node.empty(open) : expr(c.superClass));
        int cursor = open + 1;
        for (ParseTree m : c.elements) {
            int memberStart = memberStart(cursor, start(m), ';');
            kids.add(member(m, memberStart, true));
            cursor = end(m);
        }
        String name = c.name == null ? null : c.name.value;
        return node(Kind.CLASS, c, name, declaration ? Node.DECLARATION : 0, kids);
    }

    /**
     * Where a member of an object literal or class body starts: the first token after the previous
     * member (or the opening brace), skipping separators. Closure's member ranges omit leading
     * modifiers such as {@code async} or {@code static}.
     */
    private int memberStart(int cursor, int treeStart, char separator) {
        int p = JsText.skipTrivia(text, cursor);
        while (p < treeStart && text.charAt(p) == separator) p = JsText.skipTrivia(text, p + 1);
        return Math.min(p, treeStart);
    }

    /** One member of an object literal or a class body. */
    private Node member(ParseTree m, int start, boolean inClass) {
        int end = end(m);
        switch (m.type) {
            case PROPERTY_NAME_ASSIGNMENT: {
                PropertyNameAssignmentTree p = (PropertyNameAssignmentTree) m;
                Node key = key(p.name);
                if (p.value == null) { // shorthand {a}
                    return new Node(Kind.PROPERTY, start, end, null, Node.SHORTHAND, List.of(key, ident(p.name)));
                }
                return new Node(Kind.PROPERTY, start, end, null, 0, List.of(key, expr(p.value)));
            }
            case COMPUTED_PROPERTY_DEFINITION: {
                ComputedPropertyDefinitionTree p = (ComputedPropertyDefinitionTree) m;
                return new Node(Kind.PROPERTY, start, end, null, Node.COMPUTED, List.of(expr(p.property), expr(p.value)));
            }
            case FUNCTION_DECLARATION: {
                FunctionDeclarationTree f = (FunctionDeclarationTree) m;
                int flags = Node.METHOD | (f.isStatic ? Node.STATIC : 0);
                return new Node(Kind.PROPERTY, start, end, null, flags, List.of(key(f.name), function(f)));
            }
            case COMPUTED_PROPERTY_METHOD: {
                ComputedPropertyMethodTree p = (ComputedPropertyMethodTree) m;
                FunctionDeclarationTree f = (FunctionDeclarationTree) p.method;
                int fflags = Node.METHOD | (f.isAsync ? Node.ASYNC : 0) | (f.isGenerator ? Node.GENERATOR : 0);
                Node fn = functionNode(start(f.formalParameterList), end(f), null, fflags, f.formalParameterList, f.functionBody);
                return computedMember(start, end, p.property, Node.METHOD | (f.isStatic ? Node.STATIC : 0), fn);
            }
            case GET_ACCESSOR: {
                GetAccessorTree g = (GetAccessorTree) m;
                Node fn = method(Node.GETTER, null, end(g.propertyName), g.body);
                return new Node(Kind.PROPERTY, start, end, null, Node.GETTER | (g.isStatic ? Node.STATIC : 0),
                        List.of(key(g.propertyName), fn));
            }
            case SET_ACCESSOR: {
                SetAccessorTree s = (SetAccessorTree) m;
                Node fn = method(Node.SETTER, s.parameter, end(s.propertyName), s.body);
                return new Node(Kind.PROPERTY, start, end, null, Node.SETTER | (s.isStatic ? Node.STATIC : 0),
                        List.of(key(s.propertyName), fn));
            }
            case COMPUTED_PROPERTY_GETTER: {
                ComputedPropertyGetterTree g = (ComputedPropertyGetterTree) m;
                Node fn = method(Node.GETTER, null, end(g.property), g.body);
                return computedMember(start, end, g.property, Node.GETTER | (g.isStatic ? Node.STATIC : 0), fn);
            }
            case COMPUTED_PROPERTY_SETTER: {
                ComputedPropertySetterTree s = (ComputedPropertySetterTree) m;
                Node fn = method(Node.SETTER, s.parameter, end(s.property), s.body);
                return computedMember(start, end, s.property, Node.SETTER | (s.isStatic ? Node.STATIC : 0), fn);
            }
            case OBJECT_SPREAD:
                return new Node(Kind.SPREAD, start, end, null, 0, List.of(expr(((ObjectSpreadTree) m).expression)));
            case FIELD_DECLARATION: {
                FieldDeclarationTree f = (FieldDeclarationTree) m;
                Node value = f.initializer == null ? Node.empty(end) : expr(f.initializer);
                return new Node(Kind.CLASS_FIELD, start, end, null, f.isStatic ? Node.STATIC : 0, List.of(ident(f.name), value));
            }
            case COMPUTED_PROPERTY_FIELD: {
                ComputedPropertyFieldTree f = (ComputedPropertyFieldTree) m;
                Node value = f.initializer == null ? Node.empty(end) : expr(f.initializer);
                int flags = (f.isStatic ? Node.STATIC : 0) | (bracketed(start, f.property) ? Node.COMPUTED : 0);
                Node key = keyExpr(f.property, (flags & Node.COMPUTED) != 0);
                return new Node(Kind.CLASS_FIELD, start, end, null, flags, List.of(key, value));
            }
            case BLOCK:
                if (inClass) return new Node(Kind.STATIC_BLOCK, start, end, null, 0, statements(((BlockTree) m).statements));
                // fall through
            case DEFAULT_PARAMETER: // "({a = 1})": only valid as a pattern; Closure's conversion would reject it
                return new Node(Kind.UNKNOWN, start, end, m.type.name(), 0, pattern(m).kids());
            default:
                return new Node(Kind.UNKNOWN, start, end, m.type.name(), 0, List.of());
        }
    }

    /**
     * A member whose key Closure parses as an expression: {@code [k]() {}}, but also
     * {@code 'a'() {}} and {@code 1() {}}, which are not computed.
     */
    private Node computedMember(int start, int end, ParseTree property, int flags, Node value) {
        boolean computed = bracketed(start, property);
        return new Node(Kind.PROPERTY, start, end, null, flags | (computed ? Node.COMPUTED : 0),
                List.of(keyExpr(property, computed), value));
    }

    /** Whether a '[' stands between a member's start and its key (only modifiers can be there otherwise). */
    private boolean bracketed(int memberStart, ParseTree property) {
        return property.type != ParseTreeType.LITERAL_EXPRESSION
                || JsText.occurs(text, memberStart, start(property), '[');
    }

    private Node keyExpr(ParseTree property, boolean computed) {
        if (!computed && property instanceof LiteralExpressionTree lit) return key(lit.literalToken);
        return expr(property);
    }

    /** A static property key: identifier (or keyword), string or number. */
    private Node key(Token t) {
        int s = start(t), e = end(t);
        return switch (t.type) {
            case STRING -> new Node(Kind.STRING, s, e, JsText.cookString(((LiteralToken) t).value), 0, List.of());
            case NUMBER -> new Node(Kind.NUMBER, s, e, text.substring(s, e), 0, List.of());
            case BIGINT -> new Node(Kind.BIGINT, s, e, text.substring(s, e), 0, List.of());
            default -> new Node(Kind.IDENT, s, e, t instanceof IdentifierToken id ? id.value : text.substring(s, e), 0, List.of());
        };
    }

    // ------------------------------------------------------------------ expressions

    Node expr(ParseTree t) {
        nesting.enter();
        try {
            return expr0(t);
        } finally {
            nesting.exit();
        }
    }

    private Node expr0(ParseTree t) {
        switch (t.type) {
            case PAREN_EXPRESSION:
                return expr(((ParenExpressionTree) t).expression);
            case IDENTIFIER_EXPRESSION:
                return ident(((IdentifierExpressionTree) t).identifierToken);
            case THIS_EXPRESSION:
                return leaf(Kind.THIS, t, null);
            case SUPER_EXPRESSION:
                return leaf(Kind.SUPER, t, null);
            case LITERAL_EXPRESSION:
                return literal((LiteralExpressionTree) t);
            case TEMPLATE_LITERAL_EXPRESSION:
                return template((TemplateLiteralExpressionTree) t);
            case FUNCTION_DECLARATION:
                return function((FunctionDeclarationTree) t);
            case CLASS_DECLARATION:
                return classNode((ClassDeclarationTree) t, false);
            case ARRAY_LITERAL_EXPRESSION: {
                List<ParseTree> els = ((ArrayLiteralExpressionTree) t).elements;
                List<Node> kids = new ArrayList<>(els.size());
                for (ParseTree e : els) kids.add(e.type == ParseTreeType.NULL ? hole(e) : expr(e));
                return node(Kind.ARRAY, t, kids);
            }
            case OBJECT_LITERAL_EXPRESSION: {
                List<ParseTree> props = ((ObjectLiteralExpressionTree) t).propertyNameAndValues;
                List<Node> kids = new ArrayList<>(props.size());
                int cursor = start(t) + 1;
                for (ParseTree m : props) {
                    kids.add(member(m, memberStart(cursor, start(m), ','), false));
                    cursor = end(m);
                }
                return node(Kind.OBJECT, t, kids);
            }
            case ITER_SPREAD:
                return node(Kind.SPREAD, t, List.of(expr(((IterSpreadTree) t).expression)));
            case OBJECT_SPREAD:
                return node(Kind.SPREAD, t, List.of(expr(((ObjectSpreadTree) t).expression)));
            case MEMBER_EXPRESSION: {
                MemberExpressionTree m = (MemberExpressionTree) t;
                return node(Kind.MEMBER, t, name(m.memberName), 0, List.of(expr(m.operand)));
            }
            case OPT_CHAIN_MEMBER_EXPRESSION: {
                OptionalMemberExpressionTree m = (OptionalMemberExpressionTree) t;
                return node(Kind.MEMBER, t, name(m.memberName), m.isStartOfOptionalChain ? Node.OPTIONAL : 0,
                        List.of(expr(m.operand)));
            }
            case MEMBER_LOOKUP_EXPRESSION: {
                MemberLookupExpressionTree m = (MemberLookupExpressionTree) t;
                return lookup(t, m.operand, m.memberExpression, 0);
            }
            case OPT_CHAIN_MEMBER_LOOKUP_EXPRESSION: {
                OptionalMemberLookupExpressionTree m = (OptionalMemberLookupExpressionTree) t;
                return lookup(t, m.operand, m.memberExpression, m.isStartOfOptionalChain ? Node.OPTIONAL : 0);
            }
            case CALL_EXPRESSION: {
                CallExpressionTree c = (CallExpressionTree) t;
                return call(Kind.CALL, t, c.operand, c.arguments, 0);
            }
            case OPT_CHAIN_CALL_EXPRESSION: {
                OptChainCallExpressionTree c = (OptChainCallExpressionTree) t;
                return call(Kind.CALL, t, c.operand, c.arguments, c.isStartOfOptionalChain ? Node.OPTIONAL : 0);
            }
            case NEW_EXPRESSION: {
                NewExpressionTree n = (NewExpressionTree) t;
                return call(Kind.NEW, t, n.operand, n.arguments, 0);
            }
            case DYNAMIC_IMPORT_EXPRESSION:
                return node(Kind.IMPORT_CALL, t, List.of(expr(((DynamicImportTree) t).argument)));
            case NEW_TARGET_EXPRESSION:
                return leaf(Kind.META_PROPERTY, t, "new.target");
            case IMPORT_META_EXPRESSION:
                return leaf(Kind.META_PROPERTY, t, "import.meta");
            case BINARY_OPERATOR:
                return binary((BinaryOperatorTree) t);
            case COMMA_EXPRESSION: {
                List<ParseTree> es = ((CommaExpressionTree) t).expressions;
                List<Node> kids = new ArrayList<>(es.size());
                for (ParseTree e : es) kids.add(expr(e));
                return node(Kind.SEQUENCE, t, kids);
            }
            case CONDITIONAL_EXPRESSION: {
                ConditionalExpressionTree c = (ConditionalExpressionTree) t;
                return node(Kind.CONDITIONAL, t, List.of(expr(c.condition), expr(c.left), expr(c.right)));
            }
            case UNARY_EXPRESSION: {
                UnaryExpressionTree u = (UnaryExpressionTree) t;
                return node(Kind.UNARY, t, operator(u.operator), 0, List.of(expr(u.operand)));
            }
            case UPDATE_EXPRESSION: {
                UpdateExpressionTree u = (UpdateExpressionTree) t;
                int flags = u.operatorPosition == UpdateExpressionTree.OperatorPosition.PREFIX ? Node.PREFIX : 0;
                return node(Kind.UPDATE, t, u.operator.type == TokenType.PLUS_PLUS ? "++" : "--", flags,
                        List.of(expr(u.operand)));
            }
            case YIELD_EXPRESSION: {
                YieldExpressionTree y = (YieldExpressionTree) t;
                return node(Kind.YIELD, t, null, y.isYieldAll ? Node.DELEGATE : 0, List.of(optExpr(y.expression, t)));
            }
            case AWAIT_EXPRESSION:
                return node(Kind.AWAIT, t, List.of(expr(((AwaitExpressionTree) t).expression)));
            case ARRAY_PATTERN:
            case OBJECT_PATTERN:
            case DEFAULT_PARAMETER:
            case ITER_REST:
            case OBJECT_REST:
                return pattern(t);
            default: {
                // No IR kind: trees the parser builds only for non-standard or erroneous input (array
                // comprehensions, TypeScript optional parameters, a missing expression after an error).
                return node(Kind.UNKNOWN, t, t.type.name(), 0, List.of());
            }
        }
    }

    /** An array hole: an EMPTY covering the ',' that makes it. */
    private Node hole(ParseTree e) {
        int s = start(e);
        return new Node(Kind.EMPTY, s, s < text.length() && text.charAt(s) == ',' ? s + 1 : s, null, 0, List.of());
    }

    private Node lookup(ParseTree t, ParseTree operand, ParseTree member, int flags) {
        Node prop = expr(member);
        String name = prop.kind == Kind.STRING ? prop.text : null;
        return node(Kind.MEMBER, t, name, Node.COMPUTED | flags, List.of(expr(operand), prop));
    }

    private Node call(Kind kind, ParseTree t, ParseTree callee, ArgumentListTree args, int flags) {
        List<Node> kids = new ArrayList<>(1 + (args == null ? 0 : args.arguments.size()));
        kids.add(expr(callee));
        if (args != null) for (ParseTree a : args.arguments) kids.add(expr(a));
        return node(kind, t, null, flags, kids);
    }

    private String operator(Token op) {
        return text.substring(start(op), end(op));
    }

    private Node binary(BinaryOperatorTree b) {
        TokenType op = b.operator.type;
        switch (op) {
            case EQUAL, PLUS_EQUAL, MINUS_EQUAL, STAR_EQUAL, STAR_STAR_EQUAL, PERCENT_EQUAL, SLASH_EQUAL,
                    LEFT_SHIFT_EQUAL, RIGHT_SHIFT_EQUAL, UNSIGNED_RIGHT_SHIFT_EQUAL, AMPERSAND_EQUAL, BAR_EQUAL,
                    CARET_EQUAL, AND_EQUAL, OR_EQUAL, QUESTION_QUESTION_EQUAL:
                return node(Kind.ASSIGN, b, operator(b.operator), 0, List.of(pattern(b.left), expr(b.right)));
            case AND, OR, QUESTION_QUESTION:
                return node(Kind.LOGICAL, b, operator(b.operator), 0, List.of(expr(b.left), expr(b.right)));
            default:
                return node(Kind.BINARY, b, operator(b.operator), 0, List.of(expr(b.left), expr(b.right)));
        }
    }

    private Node literal(LiteralExpressionTree t) {
        Token tok = t.literalToken;
        int s = start(t), e = end(t);
        switch (tok.type) {
            case STRING:
                return new Node(Kind.STRING, s, e, JsText.cookString(((LiteralToken) tok).value), 0, List.of());
            case NUMBER:
                return new Node(Kind.NUMBER, s, e, text.substring(s, e), 0, List.of());
            case BIGINT:
                return new Node(Kind.BIGINT, s, e, text.substring(s, e), 0, List.of());
            case TRUE:
                return new Node(Kind.BOOLEAN, s, e, "true", 0, List.of());
            case FALSE:
                return new Node(Kind.BOOLEAN, s, e, "false", 0, List.of());
            case NULL:
                return new Node(Kind.NULL, s, e, null, 0, List.of());
            case REGULAR_EXPRESSION: {
                // /pattern/flags: the pattern runs to the last '/', which cannot occur in the flags
                String raw = text.substring(s, e);
                int close = raw.lastIndexOf('/');
                String pattern = close > 0 ? raw.substring(1, close) : raw;
                String flags = close > 0 ? raw.substring(close + 1) : "";
                return new Node(Kind.REGEX, s, e, pattern, 0, List.of(new Node(Kind.STRING, e, e, flags, 0, List.of())));
            }
            default:
                return new Node(Kind.UNKNOWN, s, e, tok.type.name(), 0, List.of());
        }
    }

    /**
     * TEMPLATE [STRING, expr, STRING, ..., STRING]: each quasi's range covers its characters only
     * (not the '`', '${' or '}' delimiters). Closure's template range starts after the opening
     * backtick (or at the tag); the IR's TEMPLATE starts at the backtick.
     */
    private Node template(TemplateLiteralExpressionTree t) {
        List<Node> kids = new ArrayList<>(t.elements.size());
        int open = -1;
        for (ParseTree e : t.elements) {
            if (e instanceof TemplateLiteralPortionTree p) {
                int s = p.location.start.offset;
                if (open < 0) open = s - 1;
                TokenType type = p.value.type;
                int delim = type == TokenType.TEMPLATE_HEAD || type == TokenType.TEMPLATE_MIDDLE ? 2 : 1;
                int qe = Math.max(s, end(p) - delim);
                kids.add(new Node(Kind.STRING, s, qe, JsText.cookTemplate(text.substring(s, qe)), 0, List.of()));
            } else if (e instanceof TemplateSubstitutionTree sub) {
                kids.add(expr(sub.expression));
            } else {
                kids.add(expr(e));
            }
        }
        if (open < 0) open = t.operand != null ? end(t.operand) : start(t);
        Node tpl = new Node(Kind.TEMPLATE, Math.max(0, open), end(t), null, 0, kids);
        if (t.operand == null) return tpl;
        return node(Kind.TAGGED_TEMPLATE, t, List.of(expr(t.operand), tpl));
    }

    // ------------------------------------------------------------------ patterns

    /** Binding or assignment targets: names, members, and destructuring forms. */
    Node pattern(ParseTree t) {
        nesting.enter();
        try {
            return pattern0(t);
        } finally {
            nesting.exit();
        }
    }

    private Node pattern0(ParseTree t) {
        switch (t.type) {
            case PAREN_EXPRESSION:
                return pattern(((ParenExpressionTree) t).expression);
            case ARRAY_PATTERN: {
                List<ParseTree> els = ((ArrayPatternTree) t).elements;
                List<Node> kids = new ArrayList<>(els.size());
                for (ParseTree e : els) kids.add(e.type == ParseTreeType.NULL ? hole(e) : pattern(e));
                return node(Kind.ARRAY_PATTERN, t, kids);
            }
            case OBJECT_PATTERN: {
                List<ParseTree> fields = ((ObjectPatternTree) t).fields;
                List<Node> kids = new ArrayList<>(fields.size());
                for (ParseTree f : fields) kids.add(patternProperty(f));
                return node(Kind.OBJECT_PATTERN, t, kids);
            }
            case DEFAULT_PARAMETER: {
                DefaultParameterTree d = (DefaultParameterTree) t;
                return node(Kind.ASSIGN_PATTERN, t, List.of(pattern(d.lhs), expr(d.defaultValue)));
            }
            case ITER_REST:
                return node(Kind.REST, t, List.of(pattern(((IterRestTree) t).assignmentTarget)));
            case OBJECT_REST:
                return node(Kind.REST, t, List.of(pattern(((ObjectRestTree) t).assignmentTarget)));
            default:
                return expr(t);
        }
    }

    private Node patternProperty(ParseTree f) {
        switch (f.type) {
            case PROPERTY_NAME_ASSIGNMENT: {
                PropertyNameAssignmentTree p = (PropertyNameAssignmentTree) f;
                Node key = key(p.name);
                if (p.value == null) return node(Kind.PROPERTY, f, null, Node.SHORTHAND, List.of(key, ident(p.name)));
                return node(Kind.PROPERTY, f, null, 0, List.of(key, pattern(p.value)));
            }
            case DEFAULT_PARAMETER: { // {a = 1}: shorthand with a default
                DefaultParameterTree d = (DefaultParameterTree) f;
                Node target = pattern(d.lhs);
                Node key = new Node(Kind.IDENT, target.start, target.end, target.text, 0, List.of());
                return node(Kind.PROPERTY, f, null, Node.SHORTHAND, List.of(key, pattern(f)));
            }
            case COMPUTED_PROPERTY_DEFINITION: {
                ComputedPropertyDefinitionTree p = (ComputedPropertyDefinitionTree) f;
                return node(Kind.PROPERTY, f, null, Node.COMPUTED, List.of(expr(p.property), pattern(p.value)));
            }
            default:
                return pattern(f);
        }
    }
}

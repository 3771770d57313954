package io.wsscan.js.closure;

import com.google.javascript.jscomp.parsing.parser.LiteralToken;
import com.google.javascript.jscomp.parsing.parser.Token;
import com.google.javascript.jscomp.parsing.parser.TokenType;
import com.google.javascript.jscomp.parsing.parser.trees.*;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;
import io.wsscan.js.JsText;

import java.util.ArrayList;
import java.util.List;

/**
 * Expressions: literals (cooked), templates, operators, calls, member access, arrays and object
 * literals (whose members the declaration part lowers). Parentheses are dropped: the inner
 * expression keeps its own range.
 */
final class ExpressionLowering extends LoweringPart {

    ExpressionLowering(Lowering lowering) {
        super(lowering);
    }

    /** One expression; called by {@link Lowering#expr}, which guards the depth. */
    Node lower(ParseTree t) {
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
                return lowering.declarations.function((FunctionDeclarationTree) t);
            case CLASS_DECLARATION:
                return lowering.declarations.classNode((ClassDeclarationTree) t, false);
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
                    kids.add(lowering.declarations.member(m, lowering.declarations.memberStart(cursor, start(m), ','), false));
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
    Node hole(ParseTree e) {
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
}

package io.wsscan.js.closure;

import com.google.javascript.jscomp.parsing.parser.IdentifierToken;
import com.google.javascript.jscomp.parsing.parser.LiteralToken;
import com.google.javascript.jscomp.parsing.parser.Token;
import com.google.javascript.jscomp.parsing.parser.trees.*;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;
import io.wsscan.js.JsText;

import java.util.ArrayList;
import java.util.List;

/**
 * Functions, methods, classes and the members of classes and object literals (with their keys).
 * Separate because member ranges need work of their own: Closure leaves leading modifiers
 * ({@code static}, {@code async}, {@code get}) out of a member, so starts are found in the text.
 */
final class DeclarationLowering extends LoweringPart {

    DeclarationLowering(Lowering lowering) {
        super(lowering);
    }

    Node function(FunctionDeclarationTree f) {
        return function(f, 0);
    }

    Node function(FunctionDeclarationTree f, int extraFlags) {
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

    Node classNode(ClassDeclarationTree c, boolean declaration) {
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
    int memberStart(int cursor, int treeStart, char separator) {
        int p = JsText.skipTrivia(text, cursor);
        while (p < treeStart && text.charAt(p) == separator) p = JsText.skipTrivia(text, p + 1);
        return Math.min(p, treeStart);
    }

    /** One member of an object literal or a class body. */
    Node member(ParseTree m, int start, boolean inClass) {
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
    Node key(Token t) {
        int s = start(t), e = end(t);
        return switch (t.type) {
            case STRING -> new Node(Kind.STRING, s, e, JsText.cookString(((LiteralToken) t).value), 0, List.of());
            case NUMBER -> new Node(Kind.NUMBER, s, e, text.substring(s, e), 0, List.of());
            case BIGINT -> new Node(Kind.BIGINT, s, e, text.substring(s, e), 0, List.of());
            default -> new Node(Kind.IDENT, s, e, t instanceof IdentifierToken id ? id.value : text.substring(s, e), 0, List.of());
        };
    }
}

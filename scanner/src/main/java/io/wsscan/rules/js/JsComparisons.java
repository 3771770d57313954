/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.rules.js;

import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;
import io.wsscan.rules.OriginComparisons;

import java.util.List;
import java.util.Map;

/**
 * JavaScript's side of {@link OriginComparisons}: which expression a use of an origin is compared in,
 * and the boolean syntax around it, for both JS origin graders (server handshakes in {@link
 * OriginGrader}, message handlers in {@link PostMessageOriginCheck}). {@code parents} maps the nodes of
 * the graded function's body to their parents.
 */
final class JsComparisons {
    private JsComparisons() {
    }

    /** The boolean expression a use of the origin is compared in: {@code o === x}, {@code o.endsWith(x)}, {@code set.has(o)}. */
    static Node comparison(Node ref, Map<Node, Node> parents) {
        Node p = parents.get(ref);
        if (p != null && p.kind == Kind.MEMBER && !(p.has(Node.COMPUTED) && p.size() > 1 && p.kid(1) == ref)) {
            Node c = parents.get(p);
            return c != null ? c : p;
        }
        return p != null ? p : ref;
    }

    /** JavaScript's boolean syntax for {@link OriginComparisons}, within the graded function's body. */
    static OriginComparisons.Syntax<Node> syntax(Map<Node, Node> parents, Node body) {
        return new OriginComparisons.Syntax<>() {
            @Override
            public Node parent(Node n) {
                return parents.get(n);
            }

            @Override
            public OriginComparisons.Op op(Node n) {
                if (n.kind == Kind.UNARY && "!".equals(n.text)) return OriginComparisons.Op.NOT;
                if (n.kind == Kind.LOGICAL && "||".equals(n.text)) return OriginComparisons.Op.OR;
                if (n.kind == Kind.LOGICAL && "&&".equals(n.text)) return OriginComparisons.Op.AND;
                if (n.kind == Kind.BINARY && n.size() == 2 && number(n.kid(1)) != null) return OriginComparisons.indexTest(n.text, number(n.kid(1)), true);
                if (n.kind == Kind.BINARY && n.size() == 2 && number(n.kid(0)) != null) return OriginComparisons.indexTest(n.text, number(n.kid(0)), false);
                return OriginComparisons.Op.OTHER;
            }

            @Override
            public List<Node> operands(Node n) {
                if (n.kind == Kind.BINARY) return List.of(number(n.kid(1)) != null ? n.kid(0) : n.kid(1)); // an index test
                return n.kids();
            }

            @Override
            public Object acceptGroup(Node top) {
                Node p = parents.get(top);
                boolean accepts = top == body
                        || p != null && p.kind == Kind.RETURN
                        || p != null && p.kind == Kind.IF && p.kid(0) == top && p.size() > 1 && acceptsAlone(p.kid(1))
                        || p != null && p.kind == Kind.CALL && p.size() == 2 && p.kid(1) == top && p.kid(0).kind == Kind.IDENT;
                return accepts ? body : null;
            }

            @Override
            public boolean rejects(Node top) {
                Node p = parents.get(top);
                if (p == null || p.kind != Kind.IF || p.kid(0) != top || p.size() < 2) return false;
                Node then = p.kid(1);
                for (Node st : then.kind == Kind.BLOCK ? then.kids() : List.of(then)) {
                    if (st.kind == Kind.THROW) return true;
                    Node e = st.size() == 1 && (st.kind == Kind.RETURN || st.kind == Kind.EXPR_STMT) ? st.kid(0) : null;
                    // return; (lowered with an EMPTY operand), return false
                    if (st.kind == Kind.RETURN && (e == null || e.kind == Kind.EMPTY || e.kind == Kind.BOOLEAN && "false".equals(e.text))) return true;
                    if (e != null && e.kind == Kind.CALL) {
                        Node callee = e.kid(0);
                        String name = callee.kind == Kind.IDENT ? callee.text : callee.kind == Kind.MEMBER ? callee.propertyName() : null;
                        if (name != null && OriginComparisons.REJECTING_CALL.matcher(name).find()) return true;
                        if (e.size() > 1 && e.kid(1).kind == Kind.BOOLEAN && "false".equals(e.kid(1).text)) return true;
                    }
                }
                return false;
            }
        };
    }

    /** A number literal, also negated ({@code -1}), or null. */
    private static Double number(Node n) {
        try {
            if (n.kind == Kind.NUMBER) return Double.parseDouble(n.text);
            if (n.kind == Kind.UNARY && "-".equals(n.text) && n.size() == 1 && n.kid(0).kind == Kind.NUMBER) return -Double.parseDouble(n.kid(0).text);
        } catch (NumberFormatException e) {
            return null; // 0x1f and friends: not an index test
        }
        return null;
    }

    /** {@code return true}, {@code cb(true)}, {@code return cb(true)}, alone or last in a block. */
    private static boolean acceptsAlone(Node s) {
        if (s.kind == Kind.BLOCK && s.size() > 0) s = s.kid(s.size() - 1);
        if (s.kind == Kind.EXPR_STMT && s.size() == 1) s = s.kid(0);
        if (s.kind == Kind.RETURN && s.size() == 1) s = s.kid(0);
        if (s.kind == Kind.BOOLEAN) return "true".equals(s.text);
        return s.kind == Kind.CALL && s.size() == 2 && s.kid(1).kind == Kind.BOOLEAN && "true".equals(s.kid(1).text);
    }
}

/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.rules.js;

import io.wsscan.analysis.Scopes;
import io.wsscan.analysis.Scopes.Binding;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Small syntactic helpers of the origin checks: object literals and constants behind names. Shared by
 * {@link ServerOriginCheck} and {@link OriginGrader}, and free of any judgement of their own.
 */
final class JsSyntax {
    private JsSyntax() {
    }

    static void collect(Node n, java.util.function.Predicate<Node> p, List<Node> out) {
        if (n == null) return;
        if (p.test(n) && !out.contains(n)) out.add(n);
        for (Node k : n.kids()) collect(k, p, out);
    }

    /** What a call calls: {@code (0, mod.f)(x)}, as TypeScript compiles a call of an import, calls {@code mod.f}. */
    static Node callee(Node call) {
        Node c = call.kid(0);
        while (c.kind == Kind.SEQUENCE && c.size() > 0) c = c.kid(c.size() - 1);
        return c;
    }

    /** A name's single definition, followed through up to four names. */
    static Node resolve(Node n, Scopes scopes) {
        for (int i = 0; i < 4 && n != null && n.kind == Kind.IDENT; i++) {
            Binding b = scopes.binding(n);
            Node def = b == null ? null : b.singleDefinition();
            if (def == null || def == n) break;
            n = def;
        }
        return n;
    }

    /** The object literal an expression is (directly or through a const), or null. */
    static Node object(Node n, Scopes scopes) {
        if (n == null) return null;
        Node r = resolve(n, scopes);
        return r != null && r.kind == Kind.OBJECT ? r : null;
    }

    /** The value of property {@code key} of an object literal (spread objects included; the last one wins), or null. */
    static Node property(Node obj, String key, Scopes scopes) {
        return property(obj, key, scopes, 0);
    }

    private static Node property(Node obj, String key, Scopes scopes, int depth) {
        if (obj == null || depth > 3) return null;
        Node found = null;
        for (Node p : obj.kids()) {
            if (p.kind == Kind.PROPERTY && key.equals(p.keyName())) {
                found = p.size() > 1 ? p.kid(1) : p.kid(0);
            } else if (p.kind == Kind.SPREAD) {
                Node v = property(object(p.kid(0), scopes), key, scopes, depth + 1);
                if (v != null) found = v;
            }
        }
        return found;
    }

    /** True when an object literal spreads an object that is not in sight ({@code {...defaults, port}}). */
    static boolean opaqueSpread(Node obj, Scopes scopes) {
        return opaqueSpread(obj, scopes, 0);
    }

    private static boolean opaqueSpread(Node obj, Scopes scopes, int depth) {
        if (depth > 3) return true;
        for (Node p : obj.kids()) {
            if (p.kind != Kind.SPREAD) continue;
            Node o = object(p.kid(0), scopes);
            if (o == null || opaqueSpread(o, scopes, depth + 1)) return true;
        }
        return false;
    }

    /** A string or boolean constant (directly or through a const), or null. */
    static String constant(Node n, Scopes scopes) {
        if (n == null) return null;
        Node r = resolve(n, scopes);
        if (r == null) return null;
        if (r.kind == Kind.STRING || r.kind == Kind.BOOLEAN) return r.text;
        // minified booleans: !0 is true, !1 false
        if (r.kind == Kind.UNARY && "!".equals(r.text) && r.kid(0).kind == Kind.NUMBER) {
            String digit = r.kid(0).text;
            return "0".equals(digit) ? "true" : "1".equals(digit) ? "false" : null;
        }
        return null;
    }

    static String regex(Node n, Scopes scopes) {
        Node r = n == null ? null : resolve(n, scopes);
        if (r == null) return null;
        if (r.kind == Kind.REGEX) return r.text;
        if (r.kind == Kind.NEW && r.kid(0).kind == Kind.IDENT && "RegExp".equals(r.kid(0).text) && r.size() > 1) {
            return constant(r.kid(1), scopes);
        }
        return null;
    }

    /** The function a name stands for, when it has one definition in sight. */
    static Node function(Node ident, Scopes scopes) {
        Binding b = scopes.binding(ident);
        if (b == null) return null;
        Node def = b.singleDefinition();
        if (def != null && def.kind == Kind.FUNCTION) return def;
        return null;
    }

    /**
     * The methods of a program's classes and prototypes by name ({@code class S { checkHost(h) {…} }},
     * {@code Server.prototype.checkHost = function (h) {…}}, a class field holding an arrow function),
     * so that {@code this.checkHost(req.headers)} can be followed: a name defined once in the program is
     * that method; a name defined several times is out of sight.
     */
    static final class Methods {
        private final Node program;
        private Map<String, List<Node>> byName;

        Methods(Node program) {
            this.program = program;
        }

        /**
         * The function {@code this.name(…)} or {@code obj.name(…)} calls, or null: for {@code this}, a
         * method of that name; for a name {@code obj}, a function assigned to {@code obj.name}
         * ({@code obj.checkOrigin = function (req) {…}}, the module-object style).
         */
        Node ofThis(Node callee) {
            if (callee.kind != Kind.MEMBER || callee.propertyName() == null || callee.has(Node.COMPUTED)) return null;
            Node recv = callee.kid(0);
            if (recv.kind != Kind.THIS && recv.kind != Kind.IDENT) return null;
            if (byName == null) index();
            String key = recv.kind == Kind.THIS ? callee.propertyName() : recv.text + "." + callee.propertyName();
            List<Node> fns = byName.getOrDefault(key, List.of());
            return fns.size() == 1 ? fns.get(0) : null;
        }

        private void index() {
            byName = new java.util.HashMap<>();
            List<Node> defs = new ArrayList<>();
            collect(program, n -> n.kind == Kind.CLASS || n.kind == Kind.ASSIGN && n.kid(0).kind == Kind.MEMBER
                    && n.kid(1).kind == Kind.FUNCTION && !n.kid(0).has(Node.COMPUTED), defs);
            for (Node d : defs) {
                if (d.kind == Kind.ASSIGN) {
                    Node target = d.kid(0).kid(0);
                    if (target.kind == Kind.MEMBER && "prototype".equals(target.propertyName())) put(d.kid(0).propertyName(), d.kid(1));
                    else if (target.kind == Kind.IDENT) put(target.text + "." + d.kid(0).propertyName(), d.kid(1));
                    continue;
                }
                for (Node m : d.rest(1)) {
                    if (m.kind == Kind.PROPERTY && m.size() > 1 && m.kid(1).kind == Kind.FUNCTION) put(m.keyName(), m.kid(1));
                    if (m.kind == Kind.CLASS_FIELD && !m.has(Node.COMPUTED) && m.size() > 1 && m.kid(1).kind == Kind.FUNCTION) {
                        put(m.kid(0).text, m.kid(1));
                    }
                }
            }
        }

        private void put(String name, Node fn) {
            if (name != null) byName.computeIfAbsent(name, k -> new ArrayList<>()).add(fn);
        }
    }
}

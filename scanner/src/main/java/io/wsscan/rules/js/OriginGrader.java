/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.rules.js;

import io.wsscan.analysis.Scopes;
import io.wsscan.analysis.Scopes.Binding;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;
import io.wsscan.rules.js.ServerOriginCheck.Grade;
import io.wsscan.rules.js.ServerOriginCheck.Role;
import io.wsscan.rules.OriginComparisons;
import io.wsscan.rules.OriginComparisons.Strength;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grades the origin comparisons of one function: which of its values are the origin (directly, in
 * a request's headers, in ws's {@code info}, through destructuring and local aliases), and how each
 * is compared. Helper functions of the same program that receive the origin or the request are
 * graded too, three calls deep, with the callbacks handed to them and the methods of {@code this} and
 * of module objects ({@code obj.check = function (req) {…}}). It is separate from {@link ServerOriginCheck}, which finds each
 * endpoint's deciding functions by library, because grading one function is the same for all of them.
 */
final class OriginGrader {
    private final Scopes scopes;
    /** The comparison vocabulary (heuristics.originLogic of the JS models). */
    private final io.wsscan.analysis.Models.OriginVocab vocab;
    private final Map<Node, Node> parents = new IdentityHashMap<>();
    private final Map<Role, Set<Binding>> bound = new IdentityHashMap<>();
    private final List<Node> originRefs = new ArrayList<>();
    /** Parameters the call being followed passes a constant string for. */
    private final Map<Binding, String> constantParams = new IdentityHashMap<>();
    /** Parameters the call being followed passes a function in sight for (a callback: func(ws, req)). */
    private final Map<Binding, Node> functionParams = new IdentityHashMap<>();
    /** How many calls deep helpers are followed: a route, a wrapper, its callback, a check method. */
    private static final int MAX_DEPTH = 3;

    /** Methods {@code this.name(…)} may call. */
    private final JsSyntax.Methods methods;
    OriginGrader(Scopes scopes, io.wsscan.analysis.Models.OriginVocab vocab, JsSyntax.Methods methods) {
        this.scopes = scopes;
        this.vocab = vocab;
        this.methods = methods;
        for (Role r : Role.values()) bound.put(r, new HashSet<>());
    }

    Grade grade(Node fn, Role role, int param, int depth) {
        return grade(fn, role, param, depth, Map.of(), Map.of());
    }

    /**
     * Grades {@code fn} whose parameter {@code param} holds a value of {@code role}; {@code constants}
     * are the constant strings the call passes for other parameters ({@code checkHost(headers, 'origin')}
     * reading {@code headers[headerToCheck]}) and {@code callbacks} the functions it passes
     * ({@code getArgs(ws, req, function (ws, req) {…})} calling {@code func(ws, req)}).
     */
    Grade grade(Node fn, Role role, int param, int depth, Map<Integer, String> constants, Map<Integer, Node> callbacks) {
        if (fn == null || fn.kind != Kind.FUNCTION) return Grade.NONE;
        List<Node> ps = fn.kid(0).kids();
        if (param >= ps.size()) return Grade.NONE;
        bindPattern(ps.get(param), role);
        for (Map.Entry<Integer, String> c : constants.entrySet()) {
            Node p = c.getKey() < ps.size() ? ps.get(c.getKey()) : null;
            Binding b = p != null && p.kind == Kind.IDENT ? scopes.binding(p) : null;
            if (b != null) constantParams.put(b, c.getValue());
        }
        for (Map.Entry<Integer, Node> f : callbacks.entrySet()) {
            Node p = f.getKey() < ps.size() ? ps.get(f.getKey()) : null;
            Binding b = p != null && p.kind == Kind.IDENT ? scopes.binding(p) : null;
            if (b != null) functionParams.put(b, f.getValue());
        }
        Node body = fn.kid(1);
        this.body = body;
        boolean grew = true;
        for (int round = 0; grew && round < 6; round++) {
            parents.clear();
            walkParents(body, null);
            grew = aliases(body);
        }
        JsSyntax.collect(body, n -> isOrigin(n) && !isOrigin(parents.get(n)), originRefs);
        OriginComparisons<Node, Grade> comparisons = new OriginComparisons<>(JsComparisons.syntax(parents, body));
        boolean opaque = false;
        for (Node ref : originRefs) {
            Grade g = gradeRef(ref, depth);
            opaque |= g.opaque();
            comparisons.add(JsComparisons.comparison(ref, parents), g.strength(), g);
        }
        // the request (or the origin) handed to other functions
        List<Node> calls = new ArrayList<>();
        JsSyntax.collect(body, n -> n.kind == Kind.CALL || n.kind == Kind.NEW, calls);
        for (Node c : calls) {
            for (int i = 1; i < c.size(); i++) {
                Node a = c.kid(i);
                Role r = isOrigin(a) ? null : roleOf(a);
                if (r == null && a.kind == Kind.OBJECT) r = carried(a); // check({ headers: req.headers, query })
                if (r == null) continue;
                Grade g = passed(c, i - 1, r, depth);
                opaque |= g.opaque();
                comparisons.add(c, g.strength(), g);
            }
        }
        OriginComparisons.Comparison<Grade> v = comparisons.verdict();
        return v == null ? new Grade(Strength.NONE, null, opaque) : new Grade(v.strength(), v.detail().why(), opaque);
    }



    /**
     * A request-like value passed to {@code callee(…)}: a helper in sight is graded; a function out of
     * sight whose name says it decides (authenticate, verifyOrigin, isAllowed) makes the verdict
     * unknown; anything else (handleUpgrade, logging, URL parsing, a session parser) decides nothing
     * about the origin.
     */
    private Grade passed(Node c, int index, Role r, int depth) {
        Node callee = JsSyntax.callee(c);
        Node fn = callee.kind == Kind.IDENT ? JsSyntax.function(callee, scopes) : methods.ofThis(callee);
        if (fn == null && callee.kind == Kind.IDENT) fn = functionParams.get(scopes.binding(callee));
        if (fn != null) {
            // deeper than that, only a name that says it checks the origin leaves the verdict open
            if (depth >= MAX_DEPTH) return decider(callee) ? new Grade(Strength.NONE, null, true) : Grade.NONE;
            Map<Integer, String> constants = new java.util.HashMap<>();
            Map<Integer, Node> callbacks = new java.util.HashMap<>();
            for (int i = 1; i < c.size(); i++) {
                if (i - 1 == index) continue;
                String k = JsSyntax.constant(c.kid(i), scopes);
                if (k != null) constants.put(i - 1, k);
                Node f = c.kid(i).kind == Kind.FUNCTION ? c.kid(i) : c.kid(i).kind == Kind.IDENT ? JsSyntax.function(c.kid(i), scopes) : null;
                if (f != null) callbacks.put(i - 1, f);
            }
            return new OriginGrader(scopes, vocab, methods).grade(fn, r, index, depth + 1, constants, callbacks);
        }
        return decider(callee) ? new Grade(Strength.NONE, null, true) : Grade.NONE;
    }

    /** A callee out of sight whose name says it makes an access decision. */
    private boolean decider(Node callee) {
        if (callee.kind == Kind.MEMBER && callee.kid(0).kind == Kind.IDENT && vocab.decider(callee.kid(0).text)) return true; // csrf.isValid(…)
        return vocab.decider(callee.kind == Kind.IDENT ? callee.text : callee.kind == Kind.MEMBER ? callee.propertyName() : null);
    }

    private void walkParents(Node n, Node parent) {
        if (parent != null) parents.put(n, parent);
        for (Node k : n.kids()) walkParents(k, n);
    }

    private boolean in(Role r, Node ident) {
        if (ident == null || ident.kind != Kind.IDENT) return false;
        Binding b = scopes.binding(ident);
        return b != null && b.declaration != ident && bound.get(r).contains(b);
    }

    private boolean bind(Role r, Node ident) {
        if (ident == null || ident.kind != Kind.IDENT) return false;
        Binding b = scopes.binding(ident);
        return b != null && bound.get(r).add(b);
    }

    /** Binds a parameter or declaration pattern that holds a value of role {@code r}. */
    private boolean bindPattern(Node p, Role r) {
        if (p == null) return false;
        switch (p.kind) {
            case IDENT -> {
                return bind(r, p);
            }
            case ASSIGN_PATTERN -> {
                return bindPattern(p.kid(0), r);
            }
            case OBJECT_PATTERN -> {
                boolean grew = false;
                for (Node prop : p.kids()) {
                    if (prop.kind != Kind.PROPERTY) continue;
                    Role inner = member(r, prop.keyName());
                    if (inner != null) grew |= bindPattern(prop.kid(1), inner);
                }
                return grew;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Whether a suffix that is not a constant ({@code allowedHost} of a configured list) is only used
     * where an enclosing condition has checked that it starts with a dot ({@code allowedHost[0] === '.'},
     * {@code startsWith('.')}, {@code charAt(0) === '.'}).
     */
    private boolean dotGuarded(Node suffix, Node use) {
        if (suffix == null || suffix.kind != Kind.IDENT) return false;
        Binding b = scopes.binding(suffix);
        for (Node n = use, p = parents.get(n); p != null; n = p, p = parents.get(p)) {
            // the use in the branch of an if, or on the right of && (allowed[0] === '.' && o.endsWith(allowed))
            boolean guarded = p.kind == Kind.IF && p.kid(0) != n || p.kind == Kind.LOGICAL && "&&".equals(p.text) && p.kid(1) == n;
            if (!guarded) continue;
            List<Node> tests = new ArrayList<>();
            JsSyntax.collect(p.kid(0), t -> t.kind == Kind.BINARY || t.kind == Kind.CALL, tests);
            for (Node t : tests) {
                if (t.kind == Kind.BINARY && Set.of("===", "==").contains(t.text)) {
                    for (int i = 0; i < 2; i++) {
                        Node side = t.kid(i), other = t.kid(1 - i);
                        if (other.kind == Kind.STRING && ".".equals(other.text) && firstCharOf(side, b)) return true;
                    }
                }
                if (t.kind == Kind.CALL && t.kid(0).kind == Kind.MEMBER && "startsWith".equals(t.kid(0).propertyName())
                        && sameBinding(t.kid(0).kid(0), b) && t.size() > 1 && t.kid(1).kind == Kind.STRING && ".".equals(t.kid(1).text)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code x[0]} or {@code x.charAt(0)} of the binding {@code b}. */
    private boolean firstCharOf(Node n, Binding b) {
        if (n.kind == Kind.MEMBER && n.has(Node.COMPUTED) && n.size() > 1 && n.kid(1).kind == Kind.NUMBER && "0".equals(n.kid(1).text)) {
            return sameBinding(n.kid(0), b);
        }
        return n.kind == Kind.CALL && n.kid(0).kind == Kind.MEMBER && "charAt".equals(n.kid(0).propertyName())
                && sameBinding(n.kid(0).kid(0), b) && n.size() > 1 && n.kid(1).kind == Kind.NUMBER && "0".equals(n.kid(1).text);
    }

    private boolean sameBinding(Node n, Binding b) {
        return b != null && n.kind == Kind.IDENT && scopes.binding(n) == b;
    }

    /** A member's name: its static name, a constant key, or a parameter the followed call set to a constant. */
    private String memberName(Node member) {
        if (!member.has(Node.COMPUTED) || member.size() < 2) return member.propertyName();
        Node key = member.kid(1);
        for (int i = 0; i < 3 && key != null; i++) {
            if (key.kind == Kind.STRING) return key.text;
            if (key.kind == Kind.LOGICAL) key = key.kid(0); // which || 'host': the value the call gave
            if (key.kind != Kind.IDENT) return null;
            Binding b = scopes.binding(key);
            if (b == null) return null;
            if (constantParams.containsKey(b)) return constantParams.get(b);
            Node def = b.singleDefinition();
            key = def == key ? null : def;
        }
        return null;
    }

    /** The role of property {@code name} of a value of role {@code r}. */
    private Role member(Role r, String name) {
        if (name == null) return null;
        return switch (r) {
            case INFO -> "origin".equals(name) ? Role.ORIGIN : "req".equals(name) ? Role.REQUEST : null;
            case REQUEST -> "headers".equals(name) ? Role.HEADERS : null;
            // a socket.io socket: its handshake (headers) and the underlying request; a websocket-server
            // connection keeps its request as _req
            case SOCKET -> "handshake".equals(name) || "request".equals(name) || "_req".equals(name) ? Role.REQUEST : null;
            case HEADERS -> "origin".equalsIgnoreCase(name) ? Role.ORIGIN : null;
            // const { hostname } = new URL(origin)
            case ORIGIN -> HOST_PARTS.containsKey(name) || "origin".equals(name) ? Role.ORIGIN : null;
            default -> null;
        };
    }

    /** The role of an expression, or null. */
    Role roleOf(Node n) {
        if (n == null) return null;
        for (Role r : Role.values()) if (in(r, n)) return r;
        switch (n.kind) {
            case MEMBER -> {
                Role obj = roleOf(n.kid(0));
                if (obj == Role.ORIGIN) {
                    // a part of a split or parsed origin: host.split(':')[0], url.parse(o).hostname
                    String p = n.propertyName();
                    boolean index = n.has(Node.COMPUTED) && n.size() > 1 && n.kid(1).kind == Kind.NUMBER;
                    return index || "hostname".equals(p) || "host".equals(p) || "origin".equals(p) ? Role.ORIGIN : null;
                }
                return obj == null ? null : member(obj, memberName(n));
            }
            case TEMPLATE -> {
                // '//' + host written as a template, to be parsed
                for (Node k : n.kids()) if (k.kind != Kind.STRING && isOrigin(k)) return Role.ORIGIN;
                return null;
            }
            case NEW -> {
                return parses(n) ? Role.ORIGIN : null;
            }
            case CALL -> {
                if (parses(n)) return Role.ORIGIN;
                if (returned(n) != null) return Role.ORIGIN;
                Node callee = n.kid(0);
                if (callee.kind != Kind.MEMBER) return null;
                String m = callee.propertyName();
                Role recv = roleOf(callee.kid(0));
                if (recv == Role.ORIGIN && (vocab.normalisers.contains(m) || vocab.parts.contains(m))) return Role.ORIGIN;
                // req.get('origin'), req.header('Origin'), uWS req.getHeader('origin'), headers.get('origin')
                if ((recv == Role.REQUEST || recv == Role.HEADERS) && vocab.headerGetters.contains(m)
                        && n.size() == 2 && n.kid(1).kind == Kind.STRING && "origin".equalsIgnoreCase(n.kid(1).text)) {
                    return Role.ORIGIN;
                }
                return null;
            }
            case LOGICAL -> {
                Role l = roleOf(n.kid(0));
                return l != null ? l : roleOf(n.kid(1));
            }
            case CONDITIONAL -> {
                Role l = roleOf(n.kid(1));
                return l != null ? l : roleOf(n.kid(2));
            }
            default -> {
                return null;
            }
        }
    }

    /** Calls already asked about, so that repeated rounds stay cheap. */
    private final Map<Node, String> returnedCache = new IdentityHashMap<>();
    /** How many helpers deep {@link #returned} already is: a recursive helper is followed MAX_DEPTH calls, no more. */
    private int returnedDepth;

    /**
     * A helper in sight given the origin that returns it or a part of it ({@code hostOf(o)} returning
     * {@code new URL(o).hostname}): "" for the origin, what a host part leaves out, or null.
     */
    private String returned(Node call) {
        if (returnedCache.containsKey(call)) return returnedCache.get(call);
        returnedCache.put(call, null);
        Node callee = JsSyntax.callee(call);
        Node fn = callee.kind == Kind.IDENT ? JsSyntax.function(callee, scopes) : null;
        int idx = -1;
        for (int i = 1; i < call.size() && fn != null; i++) if (isOrigin(call.kid(i))) idx = i - 1;
        if (fn == null || idx < 0 || idx >= fn.kid(0).size() || returnedDepth >= MAX_DEPTH) return null;
        OriginGrader inner = new OriginGrader(scopes, vocab, methods);
        inner.returnedDepth = returnedDepth + 1;
        inner.bindPattern(fn.kid(0).kid(idx), Role.ORIGIN);
        Node body = fn.kid(1);
        for (int round = 0; round < 6; round++) {
            inner.parents.clear();
            inner.walkParents(body, null);
            if (!inner.aliases(body)) break;
        }
        List<Node> results = new ArrayList<>();
        if (fn.has(Node.ARROW) && body.kind != Kind.BLOCK) results.add(body);
        else JsSyntax.collect(body, x -> x.kind == Kind.RETURN && x.size() > 0, results);
        String part = null;
        for (Node r : results) {
            Node v = r.kind == Kind.RETURN ? r.kid(0) : r;
            if (!inner.isOrigin(v)) return null;
            String p = inner.hostPart(v);
            part = p != null ? p : part == null ? "" : part;
        }
        if (results.isEmpty()) return null;
        returnedCache.put(call, part);
        return part;
    }

    /** The role of a request part an object literal carries ({@code {headers: req.headers}}), or null. */
    private Role carried(Node object) {
        for (Node p : object.kids()) {
            Role r = p.kind == Kind.PROPERTY && p.size() > 1 ? roleOf(p.kid(1)) : null;
            if (r == Role.REQUEST || r == Role.HEADERS) return r;
        }
        return null;
    }

    /** A parser call ({@code url.parse(o)}, {@code new URL(o)}) given the origin or a template holding it. */
    private boolean parses(Node call) {
        Node callee = call.kid(0);
        String name = callee.kind == Kind.IDENT ? callee.text : callee.kind == Kind.MEMBER ? callee.propertyName() : null;
        if (name == null || !vocab.parsers.contains(name)) return false;
        for (int i = 1; i < call.size(); i++) if (isOrigin(call.kid(i))) return true;
        return false;
    }

    boolean isOrigin(Node n) {
        return roleOf(n) == Role.ORIGIN;
    }

    /** {@code const o = req.headers.origin}, {@code const {origin} = info}: new names for known values. */
    private boolean aliases(Node body) {
        boolean grew = false;
        List<Node> decls = new ArrayList<>();
        JsSyntax.collect(body, n -> n.kind == Kind.DECLARATOR && n.size() > 1 || n.kind == Kind.ASSIGN && "=".equals(n.text), decls);
        for (Node d : decls) {
            Role r = roleOf(d.kid(1));
            if (r == null) continue;
            grew |= bindPattern(d.kid(0), r);
            // the host of a parsed origin under a new name: const host = new URL(origin).hostname
            String part = hostPart(d.kid(1));
            Binding b = d.kid(0).kind == Kind.IDENT ? scopes.binding(d.kid(0)) : null;
            if (part != null && b != null) hostParts.put(b, part);
            if (d.kid(0).kind == Kind.OBJECT_PATTERN && isOrigin(d.kid(1))) {
                for (Node prop : d.kid(0).kids()) {
                    Node v = prop.kind == Kind.PROPERTY && prop.size() > 1 ? prop.kid(1) : null;
                    Binding pb = v != null && v.kind == Kind.IDENT ? scopes.binding(v) : null;
                    if (pb != null && HOST_PARTS.containsKey(prop.keyName())) hostParts.put(pb, HOST_PARTS.get(prop.keyName()));
                }
            }
        }
        return grew;
    }

    /** What a host part of a parsed origin leaves out of the comparison. */
    private static final Map<String, String> HOST_PARTS = Map.of(
            "hostname", "compares only the host name of the Origin, not its scheme or port, so http:// pages and other servers of that host pass",
            "host", "compares the host and port of the Origin but not its scheme, so http:// pages of that host pass");

    /** Bindings that hold a host part of the origin, with what it leaves out. */
    private final Map<Binding, String> hostParts = new IdentityHashMap<>();

    /** {@code new URL(origin).hostname}, {@code url.parse(origin).host}, or a name for one: what the comparison leaves out. */
    private String hostPart(Node n) {
        if (n == null) return null;
        if (n.kind == Kind.IDENT) {
            Binding b = scopes.binding(n);
            return b == null ? null : hostParts.get(b);
        }
        if (n.kind == Kind.CALL && n.kid(0).kind == Kind.MEMBER && vocab.normalisers.contains(n.kid(0).propertyName())) {
            return hostPart(n.kid(0).kid(0)); // host.toLowerCase()
        }
        if (n.kind == Kind.CALL) {
            String r = returned(n);
            return r == null || r.isEmpty() ? null : r;
        }
        if (n.kind != Kind.MEMBER || n.has(Node.COMPUTED)) return null;
        String p = n.propertyName();
        return HOST_PARTS.containsKey(p) && isOrigin(n.kid(0)) ? HOST_PARTS.get(p) : null;
    }

    /** A sound comparison of {@code ref}: strong, with what it leaves out when only the host is compared. */
    private Grade strong(Node ref) {
        String part = hostPart(ref);
        return part == null || schemePinned() ? strong() : new Grade(Strength.STRONG, part, false);
    }

    /** The function being graded. */
    private Node body;
    private Boolean schemePinned;

    /**
     * Whether the function also pins the origin's scheme ({@code url.protocol === 'https:'},
     * {@code origin.startsWith('https://')}): a host comparison then only leaves the port open.
     */
    private boolean schemePinned() {
        if (schemePinned != null) return schemePinned;
        List<Node> tests = new ArrayList<>();
        JsSyntax.collect(body, n -> n.kind == Kind.MEMBER && "protocol".equals(n.propertyName()) && isOrigin(n.kid(0))
                || n.kind == Kind.CALL && n.kid(0).kind == Kind.MEMBER && vocab.prefix.contains(n.kid(0).propertyName())
                   && isOrigin(n.kid(0).kid(0)) && n.size() > 1 && n.kid(1).kind == Kind.STRING && n.kid(1).text.startsWith("https:"), tests);
        schemePinned = false;
        for (Node t : tests) {
            Node p = parents.get(t);
            if (t.kind == Kind.CALL || p != null && p.kind == Kind.BINARY && Set.of("===", "==", "!==", "!=").contains(p.text)) schemePinned = true;
        }
        return schemePinned;
    }

    /** How the use of the origin at {@code ref} checks it. */
    private Grade gradeRef(Node ref, int depth) {
        Node parent = parents.get(ref);
        if (parent == null) return Grade.NONE;
        switch (parent.kind) {
            case BINARY -> {
                if (!Set.of("===", "!==", "==", "!=").contains(parent.text)) return Grade.NONE;
                Node other = parent.kid(0) == ref ? parent.kid(1) : parent.kid(0);
                // a presence test (origin !== undefined) compares with nothing fixed
                if (other.kind == Kind.UNDEFINED || other.kind == Kind.NULL
                        || other.kind == Kind.IDENT && "undefined".equals(other.text)
                        || other.kind == Kind.STRING && other.text.isEmpty()) {
                    return Grade.NONE;
                }
                // sandboxed iframes and file: pages send Origin: null, so any site can present it
                if (other.kind == Kind.STRING && "null".equals(other.text) && Set.of("===", "==").contains(parent.text)) {
                    return weak("accepts the origin 'null', which any site can send from a sandboxed iframe");
                }
                return strong(ref);
            }
            case SWITCH -> {
                return parent.kid(0) == ref ? strong(ref) : Grade.NONE;
            }
            case MEMBER -> {
                if (parent.has(Node.COMPUTED) && parent.size() > 1 && parent.kid(1) == ref) return strong(ref); // ALLOWED[origin]
                Node c = parents.get(parent);
                String m = parent.propertyName();
                if (c == null || c.kind != Kind.CALL || c.kid(0) != parent || m == null) return Grade.NONE;
                Node arg = c.size() > 1 ? c.kid(1) : null;
                if (vocab.substring.contains(m)) {
                    return weak("checks the origin with " + m + "(), which also accepts look-alike hosts such as https://example.com.evil.net");
                }
                if (vocab.regex.contains(m)) return regexGrade(arg, m + "()");
                if (vocab.prefix.contains(m)) return weak("checks the origin with " + m + "(), which also accepts https://example.com.evil.net");
                if (vocab.suffix.contains(m)) {
                    String s = arg == null ? null : JsSyntax.constant(arg, scopes);
                    return s != null && s.startsWith(".") || s == null && dotGuarded(arg, c) ? strong(ref)
                            : weak("checks the origin with " + m + "() without a leading dot, which also accepts https://evilexample.com");
                }
                return Grade.NONE;
            }
            case CALL, NEW -> {
                int idx = parent.kids().indexOf(ref) - 1;
                if (idx < 0) return Grade.NONE;
                Node callee = JsSyntax.callee(parent);
                if (parent.kind == Kind.NEW && callee.kind == Kind.IDENT && "URL".equals(callee.text)) return urlGrade(parent, depth);
                Node own = methods.ofThis(callee);
                if (own != null) {
                    return depth < MAX_DEPTH ? new OriginGrader(scopes, vocab, methods).grade(own, Role.ORIGIN, idx, depth + 1)
                            : decider(callee) ? new Grade(Strength.NONE, null, true) : Grade.NONE;
                }
                if (ipTest(callee)) {
                    return weak("accepts any IP-address origin (" + calleeText(callee) + "), so a page served from a bare address such as http://203.0.113.7 passes");
                }
                if (callee.kind == Kind.MEMBER) {
                    String m = callee.propertyName();
                    if (m == null) return Grade.NONE;
                    if (vocab.lookups.contains(m)) {
                        // a list of origins in one string is a substring test
                        String s = JsSyntax.constant(callee.kid(0), scopes);
                        return s != null ? weak("looks the origin up in the string '" + s
                                + "', a substring test that also accepts parts and look-alikes") : strong(ref);
                    }
                    if (vocab.regexTests.contains(m)) return regexGrade(callee.kid(0), "a regular expression");
                    return decider(callee) ? new Grade(Strength.NONE, null, true) : Grade.NONE;
                }
                if (callee.kind == Kind.IDENT) {
                    Node fn = JsSyntax.function(callee, scopes);
                    if (fn != null && depth < MAX_DEPTH) return new OriginGrader(scopes, vocab, methods).grade(fn, Role.ORIGIN, idx, depth + 1);
                    // the origin handed to a callback (cb(null, origin)) decides nothing
                    return decider(callee) ? new Grade(Strength.NONE, null, true) : Grade.NONE;
                }
                return Grade.NONE;
            }
            default -> {
                return Grade.NONE;
            }
        }
    }

    private static String calleeText(Node callee) {
        if (callee.kind == Kind.MEMBER && callee.propertyName() != null) {
            Node r = callee.kid(0);
            String rt = r.kind == Kind.IDENT ? r.text : r.kind == Kind.MEMBER ? r.propertyName() : null;
            return (rt == null ? "" : rt + ".") + callee.propertyName() + "()";
        }
        return callee.kind == Kind.IDENT ? callee.text + "()" : "a call";
    }

    /** A call that tells whether a host is an IP address ({@code net.isIP(h)}, {@code ipaddr.IPv4.isValid(h)}). */
    private boolean ipTest(Node callee) {
        if (callee.kind == Kind.IDENT) return vocab.ipTests.contains(callee.text);
        if (callee.kind != Kind.MEMBER || callee.propertyName() == null) return false;
        Node recv = callee.kid(0);
        String r = recv.kind == Kind.IDENT ? recv.text : recv.kind == Kind.MEMBER ? recv.propertyName() : null;
        return vocab.ipTests.contains(callee.propertyName()) || r != null && vocab.ipTests.contains(r + "." + callee.propertyName());
    }

    private Grade urlGrade(Node newUrl, int depth) {
        Node decl = parents.get(newUrl);
        Binding b = null;
        if (decl != null && decl.kind == Kind.DECLARATOR && decl.kid(0).kind == Kind.IDENT) b = scopes.binding(decl.kid(0));
        Grade best = Grade.NONE;
        for (Map.Entry<Node, Node> e : new ArrayList<>(parents.entrySet())) {
            Node n = e.getKey();
            if (n.kind != Kind.MEMBER) continue;
            Node obj = n.kid(0);
            boolean onUrl = obj == newUrl || b != null && obj.kind == Kind.IDENT && scopes.binding(obj) == b && obj != decl.kid(0);
            String p = n.propertyName();
            if (onUrl && ("hostname".equals(p) || "host".equals(p) || "origin".equals(p))) best = best.better(gradeRef(n, depth));
        }
        return best;
    }

    private Grade regexGrade(Node re, String how) {
        String pattern = JsSyntax.regex(re, scopes);
        if (pattern == null) {
            String s = re == null ? null : JsSyntax.constant(re, scopes);
            return s != null ? weak("checks the origin with " + how + " and a plain string, which matches anywhere in the origin")
                    : Grade.NONE;
        }
        String problem = PostMessageOriginCheck.regexProblem(pattern);
        if (problem == null && ANY_IP.matcher(pattern).find()) problem = "accepts any IP-address origin, such as a page served from http://203.0.113.7";
        return problem == null ? strong() : weak("checks the origin with " + how + " /" + pattern + "/, which " + problem);
    }

    /** A pattern part that matches any dotted number: \\d{1,3}\\., [0-9]+\\. */
    private static final java.util.regex.Pattern ANY_IP =
            java.util.regex.Pattern.compile("(\\\\d|\\[0-9\\])(\\{1,3\\}|\\+|\\{1,\\d\\})\\\\\\.");

    private static Grade strong() {
        return new Grade(Strength.STRONG, null, false);
    }

    private static Grade weak(String why) {
        return new Grade(Strength.WEAK, why, false);
    }
}

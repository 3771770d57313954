package io.wsscan.rules.js;

import io.wsscan.analysis.Engine;
import io.wsscan.analysis.Scopes;
import io.wsscan.analysis.Scopes.Binding;
import io.wsscan.analysis.Trace;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;
import io.wsscan.rules.StructuralCheck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code server-origin}: judges how each Node WebSocket endpoint (the models' {@code endpoints}: a
 * {@code ws} WebSocketServer, a socket.io server, an express-ws or uWebSockets.js route) decides which
 * origins may open connections. The endpoint's {@code policy} says where that library lets the
 * application decide; the functions found there (the models' {@code handlers}) are graded for how they
 * compare the Origin header: strong (exact equality, an allowlist, an anchored regex, a parsed host),
 * weak (substring, prefix, suffix without a dot, unanchored regex) or not at all. Every hit starts at
 * the endpoint's creation. Where the deciding code is out of sight (options passed in from elsewhere, the
 * request handed to an unknown function) nothing is reported.
 */
public final class ServerOriginCheck implements StructuralCheck {

    enum Strength { NONE, WEAK, STRONG }

    /** Middleware names that mean cookie sessions (express-session, cookie-session, passport). */
    private static final java.util.regex.Pattern SESSION = java.util.regex.Pattern.compile("(?i)session|passport");

    /** Names of functions that make an access decision (their verdict is unknown when they are out of sight). */
    private static final java.util.regex.Pattern DECIDER =
            java.util.regex.Pattern.compile("(?i)auth|verif|check|valid|allow|origin|guard|permi|trust|cors");

    /** How a function checks the origin; {@code opaque} when it hands the request to code out of sight. */
    record Grade(Strength strength, String why, boolean opaque) {
        static final Grade NONE = new Grade(Strength.NONE, null, false);

        Grade better(Grade o) {
            boolean op = opaque || o.opaque;
            if (o.strength.ordinal() > strength.ordinal()) return new Grade(o.strength, o.why, op);
            return new Grade(strength, why, op);
        }
    }

    @Override
    public String name() {
        return "server-origin";
    }

    @Override
    public List<Hit> run(Context ctx) {
        Map<String, List<Engine.HandlerSite>> byKind = new LinkedHashMap<>();
        for (Engine.HandlerSite h : ctx.engine().handlers()) byKind.computeIfAbsent(h.model().kind(), k -> new ArrayList<>()).add(h);
        Map<Node, Hit> hits = new LinkedHashMap<>();
        for (Engine.EndpointSite e : ctx.engine().endpoints()) {
            if (hits.containsKey(e.call())) continue;
            Judge j = new Judge(ctx, byKind, e);
            Hit h = switch (e.model().policy()) {
                case "ws" -> j.ws();
                case "socket.io" -> j.socketIo();
                case "express-ws" -> j.expressWs();
                case "uws" -> j.uws();
                default -> null;
            };
            if (h != null) hits.put(e.call(), h);
        }
        return new ArrayList<>(hits.values());
    }

    /** The judgement of one endpoint. */
    private static final class Judge {
        final Context ctx;
        final Scopes scopes;
        final Map<String, List<Engine.HandlerSite>> handlers;
        final Engine.EndpointSite site;
        final Node call;

        Judge(Context ctx, Map<String, List<Engine.HandlerSite>> handlers, Engine.EndpointSite site) {
            this.ctx = ctx;
            this.scopes = ctx.scopes();
            this.handlers = handlers;
            this.site = site;
            this.call = site.call();
        }

        /** Functions of a handler kind registered at this endpoint's call. */
        List<Node> registered(String kind) {
            List<Node> out = new ArrayList<>();
            for (Engine.HandlerSite h : handlers.getOrDefault(kind, List.of())) {
                if (h.registration() == call && !out.contains(h.function())) out.add(h.function());
            }
            return out;
        }

        List<Node> all(String kind) {
            List<Node> out = new ArrayList<>();
            for (Engine.HandlerSite h : handlers.getOrDefault(kind, List.of())) if (!out.contains(h.function())) out.add(h.function());
            return out;
        }

        Hit hit(String detail, Node where, String whereWhat) {
            List<Trace.Step> steps = new ArrayList<>();
            steps.add(new Trace.Step(call, "the " + site.model().library() + " endpoint is created here"));
            if (where != null) steps.add(new Trace.Step(where, whereWhat));
            return new Hit(call, Map.of("detail", detail), steps);
        }

        Node arg(int i) {
            return call.size() > i + 1 ? call.kid(i + 1) : null;
        }

        // ---------------------------------------------------------------- ws

        Hit ws() {
            Node opts = Syntax.object(arg(0), scopes);
            List<Node> verify = registered("ws-verify-client");
            if (verify.isEmpty() && (opts == null || Syntax.property(opts, "verifyClient", scopes) != null
                    || Syntax.opaqueSpread(opts, scopes))) {
                return null; // options or verifyClient out of sight
            }
            if (!verify.isEmpty()) {
                Grade worst = null;
                Node worstFn = null;
                for (Node fn : verify) {
                    Grade g = grade(fn, Role.INFO, 0);
                    if (worst == null || g.strength.ordinal() < worst.strength.ordinal()) {
                        worst = g;
                        worstFn = fn;
                    }
                }
                if (worst.strength == Strength.STRONG || worst.opaque && worst.strength == Strength.NONE) return null;
                if (worst.strength == Strength.WEAK) return hit("verifyClient " + worst.why, worstFn, "verifyClient");
                return hit(acceptsAll(worstFn) ? "its verifyClient accepts every handshake"
                        : "its verifyClient never compares the Origin header (info.origin)", worstFn, "verifyClient");
            }
            // a 'connection' listener of this server that checks req.headers.origin and closes the socket
            Grade onConnection = Grade.NONE;
            Node weakListener = null;
            for (Node fn : listenersOf("ws-connection")) {
                Grade g = grade(fn, Role.REQUEST, 1);
                if (g.strength == Strength.WEAK && onConnection.strength == Strength.NONE) weakListener = fn;
                onConnection = onConnection.better(g);
            }
            if (onConnection.strength == Strength.STRONG) return null;
            if (onConnection.strength == Strength.WEAK) {
                return hit("its 'connection' listener " + onConnection.why, weakListener, "the 'connection' listener");
            }
            if (!"true".equals(Syntax.constant(Syntax.property(opts, "noServer", scopes), scopes))) {
                if (onConnection.opaque) return null;
                return hit("it has no verifyClient, so handshakes from every origin are accepted", null, null);
            }
            // noServer: the application's 'upgrade' listener calls handleUpgrade and decides
            List<Node> listeners = upgradeListeners();
            if (listeners.isEmpty()) return null;
            Grade worst = null;
            Node worstFn = null;
            for (Node fn : listeners) {
                Grade g = grade(fn, Role.REQUEST, 0);
                if (worst == null || g.strength.ordinal() < worst.strength.ordinal()) {
                    worst = g;
                    worstFn = fn;
                }
            }
            if (worst.strength == Strength.STRONG || worst.opaque && worst.strength == Strength.NONE) return null;
            String what = "the 'upgrade' listener that calls handleUpgrade";
            if (worst.strength == Strength.WEAK) return hit("with noServer, " + what + " " + worst.why, worstFn, what);
            return hit("it has noServer: true and no verifyClient, and " + what + " never checks the Origin header", worstFn, what);
        }

        /**
         * Functions registered with {@code kind} on a receiver that is this endpoint, or whose receiver is
         * out of sight ({@code this.wss.on(...)}); not those of another endpoint.
         */
        private List<Node> listenersOf(String kind) {
            Set<Node> endpointCalls = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (Engine.EndpointSite e : ctx.engine().endpoints()) endpointCalls.add(e.call());
            List<Node> out = new ArrayList<>();
            for (Engine.HandlerSite h : handlers.getOrDefault(kind, List.of())) {
                Node reg = h.registration();
                if (reg.size() > 0 && reg.kid(0).kind == Kind.MEMBER && !mayBeThis(reg.kid(0).kid(0), endpointCalls)) continue;
                if (!out.contains(h.function())) out.add(h.function());
            }
            return out;
        }

        /**
         * Whether a receiver may be this endpoint: a name holding it; not a name holding another
         * endpoint; {@code this.x} only when this endpoint is stored in a field {@code x} (when it is
         * stored in a field at all); anything else out of sight may be.
         */
        private boolean mayBeThis(Node recvExpr, Set<Node> endpointCalls) {
            Node r = Syntax.resolve(recvExpr, scopes);
            if (r == call) return true;
            if (r != null && endpointCalls.contains(r)) return false;
            if (recvExpr.kind == Kind.MEMBER && recvExpr.kid(0).kind == Kind.THIS) {
                Set<String> fields = thisFields();
                return fields.isEmpty() || fields.contains(recvExpr.propertyName());
            }
            return true;
        }

        private Set<String> thisFields;

        /** Fields of {@code this} the endpoint is stored in ({@code this.wss = new WebSocketServer(...)}). */
        private Set<String> thisFields() {
            if (thisFields != null) return thisFields;
            thisFields = new HashSet<>();
            List<Node> assigns = new ArrayList<>();
            Syntax.collect(ctx.file().program(), n -> n.kind == Kind.ASSIGN && n.kid(0).kind == Kind.MEMBER
                    && n.kid(0).kid(0).kind == Kind.THIS && Syntax.resolve(n.kid(1), scopes) == call, assigns);
            for (Node a : assigns) if (a.kid(0).propertyName() != null) thisFields.add(a.kid(0).propertyName());
            return thisFields;
        }

        /** The functions that call handleUpgrade with their own request parameter. */
        private List<Node> upgradeListeners() {
            List<Node> calls = new ArrayList<>();
            for (Engine.HandlerSite h : handlers.getOrDefault("ws-handle-upgrade", List.of())) {
                if (!calls.contains(h.registration())) calls.add(h.registration());
            }
            Syntax.collect(ctx.file().program(), n -> n.kind == Kind.CALL && n.kid(0).kind == Kind.MEMBER
                    && "handleUpgrade".equals(n.kid(0).propertyName()) && n.size() >= 4, calls);
            Set<Node> endpointCalls = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (Engine.EndpointSite e : ctx.engine().endpoints()) endpointCalls.add(e.call());
            List<Node> out = new ArrayList<>();
            for (Node c : calls) {
                if (c.size() < 2 || c.kid(1).kind != Kind.IDENT) continue;
                // wss.handleUpgrade of another server (a const holding another construction) is not this one's
                if (c.kid(0).kind == Kind.MEMBER && !mayBeThis(c.kid(0).kid(0), endpointCalls)) continue;
                Binding b = scopes.binding(c.kid(1));
                if (b == null || !"param".equals(b.declKind) || b.function == null || b.function.kind != Kind.FUNCTION) continue;
                if (!out.contains(b.function)) out.add(b.function);
            }
            return out;
        }

        // ---------------------------------------------------------------- socket.io

        Hit socketIo() {
            Node opts = null;
            for (int i = 0; i < 2 && opts == null; i++) opts = Syntax.object(arg(i), scopes);
            for (Node fn : registered("sio-allow-request")) {
                Grade g = grade(fn, Role.REQUEST, 0);
                if (g.strength == Strength.STRONG) return null;
                if (g.strength == Strength.WEAK) return hit("its allowRequest " + g.why, fn, "allowRequest");
            }
            Hit cookies = sessionCookies();
            if (opts == null) return cookies;
            String origins = Syntax.constant(Syntax.property(opts, "origins", scopes), scopes);
            if (origins != null && (origins.equals("*:*") || origins.equals("*"))) {
                return hit("the socket.io 2 option origins '" + origins + "' accepts every origin, with credentials", null, null);
            }
            Node cors = Syntax.object(Syntax.property(opts, "cors", scopes), scopes);
            if (cors == null) return cookies;
            if (!"true".equals(Syntax.constant(Syntax.property(cors, "credentials", scopes), scopes))) return cookies;
            Node origin = Syntax.property(cors, "origin", scopes);
            List<Node> fns = registered("cors-origin");
            if (!fns.isEmpty()) {
                for (Node fn : fns) {
                    Grade g = grade(fn, Role.ORIGIN, 0);
                    if (g.strength == Strength.WEAK) return hit("its cors.origin function " + g.why + ", and credentials are allowed", fn, "cors.origin");
                    if (g.strength == Strength.NONE && !g.opaque) {
                        return hit("its cors.origin function accepts every origin, with credentials: true", fn, "cors.origin");
                    }
                }
                return cookies;
            }
            if (origin == null) return hit("cors.origin is not set, so the cors default '*' applies, with credentials: true", null, null);
            Node v = Syntax.resolve(origin, scopes);
            if (v.kind == Kind.BOOLEAN && "true".equals(v.text)) {
                return hit("cors.origin true reflects every origin, with credentials: true", null, null);
            }
            if (v.kind == Kind.STRING && v.text.equals("*")) return hit("cors.origin '*' admits every origin, with credentials: true", null, null);
            // process.env.CORS_ORIGIN || '*': the wildcard whenever the setting is missing
            if (v.kind == Kind.LOGICAL || v.kind == Kind.CONDITIONAL) {
                for (Node alt : v.kind == Kind.LOGICAL ? v.kids() : v.rest(1)) {
                    Node a = Syntax.resolve(alt, scopes);
                    if (a.kind == Kind.STRING && a.text.equals("*") || a.kind == Kind.BOOLEAN && "true".equals(a.text)) {
                        return hit("cors.origin falls back to " + (a.kind == Kind.STRING ? "'*'" : "true")
                                + ", which admits every origin, with credentials: true", null, null);
                    }
                }
            }
            if (v.kind == Kind.REGEX) {
                String p = PostMessageOriginCheck.regexProblem(v.text);
                if (p != null) return hit("cors.origin /" + v.text + "/ " + p + ", and credentials are allowed", null, null);
            }
            if (v.kind == Kind.ARRAY) {
                for (Node el : v.kids()) {
                    Node e = Syntax.resolve(el, scopes);
                    if (e.kind == Kind.REGEX) {
                        String p = PostMessageOriginCheck.regexProblem(e.text);
                        if (p != null) return hit("the cors.origin entry /" + e.text + "/ " + p + ", and credentials are allowed", null, null);
                    }
                }
            }
            return cookies;
        }

        /**
         * socket.io does not check the Origin of WebSocket handshakes. That is exploitable when the
         * server authenticates connections by cookie: an express-session (or passport) middleware
         * attached with {@code io.engine.use(...)} or {@code io.use(wrap(...))} on this server. Without
         * a strong allowRequest (checked by the caller) such a server is reported.
         */
        private Hit sessionCookies() {
            List<Node> uses = new ArrayList<>();
            Syntax.collect(ctx.file().program(), n -> n.kind == Kind.CALL && n.kid(0).kind == Kind.MEMBER
                    && "use".equals(n.kid(0).propertyName()) && n.size() > 1, uses);
            for (Node u : uses) {
                Node recv = u.kid(0).kid(0);
                if (recv.kind == Kind.MEMBER && "engine".equals(recv.propertyName())) recv = recv.kid(0);
                if (Syntax.resolve(recv, scopes) != call) continue;
                List<Node> names = new ArrayList<>();
                Syntax.collect(u.kid(1), n -> n.kind == Kind.IDENT && SESSION.matcher(n.text).find()
                        || n.kind == Kind.MEMBER && n.propertyName() != null && SESSION.matcher(n.propertyName()).find(), names);
                if (!names.isEmpty()) {
                    return hit("it authenticates connections with the session cookie, and socket.io checks no Origin on "
                            + "WebSocket handshakes unless allowRequest does", u, "the session middleware");
                }
            }
            return null;
        }

        // ---------------------------------------------------------------- express-ws

        Hit expressWs() {
            List<Node> route = registered("express-ws-route");
            if (route.isEmpty()) return null;
            Grade best = Grade.NONE;
            for (Node fn : route) best = best.better(grade(fn, Role.REQUEST, 1));
            // application middleware also runs for WebSocket routes
            for (Node fn : all("http-middleware")) best = best.better(grade(fn, Role.REQUEST, 0));
            if (best.strength == Strength.STRONG || best.opaque && best.strength == Strength.NONE) return null;
            if (best.strength == Strength.WEAK) return hit("the origin check of this express-ws route " + best.why, null, null);
            return hit("no middleware or handler of this express-ws route checks the Origin header", null, null);
        }

        // ---------------------------------------------------------------- uWebSockets.js

        Hit uws() {
            List<Node> upgrade = registered("uws-upgrade");
            if (upgrade.isEmpty()) {
                Node behavior = Syntax.object(arg(1), scopes);
                if (behavior == null || Syntax.property(behavior, "upgrade", scopes) != null || Syntax.opaqueSpread(behavior, scopes)) {
                    return null;
                }
                return hit("its behavior has no upgrade handler, so uWebSockets.js accepts handshakes from every origin", null, null);
            }
            Grade worst = null;
            Node worstFn = null;
            for (Node fn : upgrade) {
                Grade g = grade(fn, Role.REQUEST, 1);
                if (worst == null || g.strength.ordinal() < worst.strength.ordinal()) {
                    worst = g;
                    worstFn = fn;
                }
            }
            if (worst.strength == Strength.STRONG || worst.opaque && worst.strength == Strength.NONE) return null;
            if (worst.strength == Strength.WEAK) return hit("its upgrade handler " + worst.why, worstFn, "upgrade");
            return hit("its upgrade handler never checks the Origin header (req.getHeader('origin'))", worstFn, "upgrade");
        }

        // ---------------------------------------------------------------- grading

        Grade grade(Node fn, Role role, int param) {
            return new OriginGrader(scopes).grade(fn, role, param, 0);
        }
    }

    /**
     * A verifyClient that cannot say no: its body holds no condition and reads no value, it only
     * returns or calls back with constants ({@code () => true}, {@code (info, cb) => cb(true)}).
     */
    static boolean acceptsAll(Node fn) {
        List<Node> found = new ArrayList<>();
        Syntax.collect(fn.kid(1), n -> n.kind == Kind.IF || n.kind == Kind.CONDITIONAL || n.kind == Kind.SWITCH
                || n.kind == Kind.LOGICAL || n.kind == Kind.BINARY || n.kind == Kind.UNARY || n.kind == Kind.THROW
                || n.kind == Kind.MEMBER || n.kind == Kind.THIS, found);
        if (!found.isEmpty()) return false;
        List<Node> calls = new ArrayList<>();
        Syntax.collect(fn.kid(1), n -> n.kind == Kind.CALL || n.kind == Kind.NEW, calls);
        List<Node> idents = new ArrayList<>();
        Syntax.collect(fn.kid(1), n -> n.kind == Kind.IDENT, idents);
        for (Node id : idents) {
            boolean callee = false;
            for (Node c : calls) callee |= c.kid(0) == id;
            if (!callee) return false;
        }
        return true;
    }

    /** What a parameter of a graded function holds. */
    enum Role { ORIGIN, REQUEST, INFO, HEADERS }

    /**
     * Grades the origin comparisons of one function: which of its values are the origin (directly, in
     * a request's headers, in ws's {@code info}, through destructuring and local aliases), and how each
     * is compared. Helper functions of the same program that receive the origin or the request are
     * graded too (two levels deep).
     */
    static final class OriginGrader {
        private final Scopes scopes;
        private final Map<Node, Node> parents = new IdentityHashMap<>();
        private final Map<Role, Set<Binding>> bound = new IdentityHashMap<>();
        private final List<Node> originRefs = new ArrayList<>();

        OriginGrader(Scopes scopes) {
            this.scopes = scopes;
            for (Role r : Role.values()) bound.put(r, new HashSet<>());
        }

        Grade grade(Node fn, Role role, int param, int depth) {
            if (fn == null || fn.kind != Kind.FUNCTION) return Grade.NONE;
            List<Node> ps = fn.kid(0).kids();
            if (param >= ps.size()) return Grade.NONE;
            bindPattern(ps.get(param), role);
            Node body = fn.kid(1);
            boolean grew = true;
            for (int round = 0; grew && round < 6; round++) {
                parents.clear();
                walkParents(body, null);
                grew = aliases(body);
            }
            Syntax.collect(body, n -> isOrigin(n) && !isOrigin(parents.get(n)), originRefs);
            Grade best = Grade.NONE;
            for (Node ref : originRefs) best = best.better(gradeRef(ref, depth));
            // the request (or the origin) handed to other functions
            List<Node> calls = new ArrayList<>();
            Syntax.collect(body, n -> n.kind == Kind.CALL || n.kind == Kind.NEW, calls);
            for (Node c : calls) {
                for (int i = 1; i < c.size(); i++) {
                    Node a = c.kid(i);
                    Role r = isOrigin(a) ? null : roleOf(a);
                    if (r == null) continue;
                    best = best.better(passed(c, i - 1, r, depth));
                }
            }
            return best;
        }

        /**
         * A request-like value passed to {@code callee(…)}: a helper in sight is graded; a function out of
         * sight whose name says it decides (authenticate, verifyOrigin, isAllowed) makes the verdict
         * unknown; anything else (handleUpgrade, logging, URL parsing, a session parser) decides nothing
         * about the origin.
         */
        private Grade passed(Node c, int index, Role r, int depth) {
            Node callee = c.kid(0);
            Node fn = callee.kind == Kind.IDENT ? Syntax.function(callee, scopes) : null;
            if (fn != null) {
                if (depth >= 2) return new Grade(Strength.NONE, null, true);
                return new OriginGrader(scopes).grade(fn, r, index, depth + 1);
            }
            return decider(callee) ? new Grade(Strength.NONE, null, true) : Grade.NONE;
        }

        /** A callee out of sight whose name says it makes an access decision. */
        private static boolean decider(Node callee) {
            String name = callee.kind == Kind.IDENT ? callee.text : callee.kind == Kind.MEMBER ? callee.propertyName() : null;
            return name != null && DECIDER.matcher(name).find();
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

        /** The role of property {@code name} of a value of role {@code r}. */
        private static Role member(Role r, String name) {
            if (name == null) return null;
            return switch (r) {
                case INFO -> "origin".equals(name) ? Role.ORIGIN : "req".equals(name) ? Role.REQUEST : null;
                case REQUEST -> "headers".equals(name) ? Role.HEADERS : null;
                case HEADERS -> "origin".equalsIgnoreCase(name) ? Role.ORIGIN : null;
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
                    return obj == null ? null : member(obj, n.propertyName());
                }
                case CALL -> {
                    Node callee = n.kid(0);
                    if (callee.kind != Kind.MEMBER) return null;
                    String m = callee.propertyName();
                    Role recv = roleOf(callee.kid(0));
                    if (recv == Role.ORIGIN && Set.of("toLowerCase", "trim", "toString").contains(m)) return Role.ORIGIN;
                    // req.get('origin'), req.header('Origin'), uWS req.getHeader('origin'), headers.get('origin')
                    if ((recv == Role.REQUEST || recv == Role.HEADERS) && Set.of("get", "header", "getHeader").contains(m)
                            && n.size() == 2 && n.kid(1).kind == Kind.STRING && "origin".equalsIgnoreCase(n.kid(1).text)) {
                        return Role.ORIGIN;
                    }
                    return null;
                }
                case LOGICAL -> {
                    Role l = roleOf(n.kid(0));
                    return l != null ? l : roleOf(n.kid(1));
                }
                default -> {
                    return null;
                }
            }
        }

        boolean isOrigin(Node n) {
            return roleOf(n) == Role.ORIGIN;
        }

        /** {@code const o = req.headers.origin}, {@code const {origin} = info}: new names for known values. */
        private boolean aliases(Node body) {
            boolean grew = false;
            List<Node> decls = new ArrayList<>();
            Syntax.collect(body, n -> n.kind == Kind.DECLARATOR && n.size() > 1 || n.kind == Kind.ASSIGN && "=".equals(n.text), decls);
            for (Node d : decls) {
                Role r = roleOf(d.kid(1));
                if (r != null) grew |= bindPattern(d.kid(0), r);
            }
            return grew;
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
                    return strong();
                }
                case SWITCH -> {
                    return parent.kid(0) == ref ? strong() : Grade.NONE;
                }
                case MEMBER -> {
                    if (parent.has(Node.COMPUTED) && parent.size() > 1 && parent.kid(1) == ref) return strong(); // ALLOWED[origin]
                    Node c = parents.get(parent);
                    String m = parent.propertyName();
                    if (c == null || c.kind != Kind.CALL || c.kid(0) != parent || m == null) return Grade.NONE;
                    Node arg = c.size() > 1 ? c.kid(1) : null;
                    return switch (m) {
                        case "indexOf", "includes", "lastIndexOf" -> weak("checks the origin with " + m
                                + "(), which also accepts look-alike hosts such as https://example.com.evil.net");
                        case "search", "match" -> regexGrade(arg, m + "()");
                        case "startsWith" -> weak("checks the origin with startsWith(), which also accepts https://example.com.evil.net");
                        case "endsWith" -> {
                            String s = arg == null ? null : Syntax.constant(arg, scopes);
                            yield s != null && s.startsWith(".") ? strong()
                                    : weak("checks the origin with endsWith() without a leading dot, which also accepts https://evilexample.com");
                        }
                        default -> Grade.NONE;
                    };
                }
                case CALL, NEW -> {
                    int idx = parent.kids().indexOf(ref) - 1;
                    if (idx < 0) return Grade.NONE;
                    Node callee = parent.kid(0);
                    if (parent.kind == Kind.NEW && callee.kind == Kind.IDENT && "URL".equals(callee.text)) return urlGrade(parent, depth);
                    if (callee.kind == Kind.MEMBER) {
                        String m = callee.propertyName();
                        if (m == null) return Grade.NONE;
                        switch (m) {
                            case "includes", "indexOf" -> {
                                // a list of origins in one string is a substring test
                                String s = Syntax.constant(callee.kid(0), scopes);
                                return s != null ? weak("looks the origin up in the string '" + s
                                        + "', a substring test that also accepts parts and look-alikes") : strong();
                            }
                            case "has", "contains", "hasOwnProperty" -> {
                                return strong();
                            }
                            case "test", "exec" -> {
                                return regexGrade(callee.kid(0), "a regular expression");
                            }
                            default -> {
                                return decider(callee) ? new Grade(Strength.NONE, null, true) : Grade.NONE;
                            }
                        }
                    }
                    if (callee.kind == Kind.IDENT) {
                        Node fn = Syntax.function(callee, scopes);
                        if (fn != null && depth < 2) return new OriginGrader(scopes).grade(fn, Role.ORIGIN, idx, depth + 1);
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
            String pattern = Syntax.regex(re, scopes);
            if (pattern == null) {
                String s = re == null ? null : Syntax.constant(re, scopes);
                return s != null ? weak("checks the origin with " + how + " and a plain string, which matches anywhere in the origin")
                        : Grade.NONE;
            }
            String problem = PostMessageOriginCheck.regexProblem(pattern);
            return problem == null ? strong() : weak("checks the origin with " + how + " /" + pattern + "/, which " + problem);
        }

        private static Grade strong() {
            return new Grade(Strength.STRONG, null, false);
        }

        private static Grade weak(String why) {
            return new Grade(Strength.WEAK, why, false);
        }
    }

    /** Small syntactic helpers: object literals and constants behind names. */
    static final class Syntax {
        private Syntax() {
        }

        static void collect(Node n, java.util.function.Predicate<Node> p, List<Node> out) {
            if (n == null) return;
            if (p.test(n) && !out.contains(n)) out.add(n);
            for (Node k : n.kids()) collect(k, p, out);
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
    }
}

package io.wsscan.rules.js;

import io.wsscan.analysis.Engine;
import io.wsscan.analysis.Scopes;
import io.wsscan.analysis.Scopes.Binding;
import io.wsscan.analysis.Trace;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;
import io.wsscan.rules.OriginComparisons.Strength;
import io.wsscan.rules.OriginThreat;
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
 * request handed to an unknown function) nothing is reported. {@link OriginGrader} grades one
 * function's comparisons; {@link JsSyntax} holds the syntactic helpers both use.
 */
public final class ServerOriginCheck implements StructuralCheck {

    /** Middleware names that mean cookie sessions (express-session, cookie-session, passport). */
    private static final java.util.regex.Pattern SESSION = java.util.regex.Pattern.compile("(?i)session|passport");

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
            // the origin threat model: the level follows what authenticates the handshake
            List<Found> found = evidence();
            List<OriginThreat.Evidence> evidence = new ArrayList<>();
            for (Found f : found) evidence.add(f.evidence);
            // evidence() puts ambient evidence first: the first one decides the level
            Found shown = found.isEmpty() ? null : found.get(0);
            if (shown != null) steps.add(new Trace.Step(shown.at, shown.evidence.kind() == OriginThreat.Kind.AMBIENT
                    ? "ambient credentials: " + shown.evidence.what() : "token authentication: " + shown.evidence.what()));
            return new Hit(call, Map.of("detail", detail, "threat", OriginThreat.sentence(evidence)), steps, OriginThreat.level(evidence));
        }

        Node arg(int i) {
            return call.size() > i + 1 ? call.kid(i + 1) : null;
        }

        // ---------------------------------------------------------------- authentication evidence

        /** A piece of evidence and the node that shows it. */
        private record Found(OriginThreat.Evidence evidence, Node at) {
        }

        /**
         * What authenticates this endpoint's handshakes: the names of {@code handshakeAuth} read in the
         * functions that see the handshake (verifyClient, allowRequest, upgrade and connection listeners,
         * socket.io middleware, express-ws routes and middleware), and session middleware attached to the
         * server. Ambient evidence first, in source order.
         */
        private List<Found> evidence() {
            List<Node> fns = new ArrayList<>();
            for (String kind : List.of("ws-verify-client", "sio-allow-request", "uws-upgrade", "express-ws-route")) fns.addAll(registered(kind));
            fns.addAll(listenersOf("ws-connection"));
            fns.addAll(listenersOf("sio-middleware"));
            fns.addAll(listenersOf("sio-connection"));
            if ("ws".equals(site.model().policy())) fns.addAll(upgradeListeners());
            if ("express-ws".equals(site.model().policy())) fns.addAll(all("http-middleware"));
            List<Found> out = new ArrayList<>();
            Node session = sessionMiddleware();
            if (session != null) out.add(found(OriginThreat.Kind.AMBIENT, "uses session middleware", session));
            Set<Node> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (Node fn : fns) if (seen.add(fn)) reads(fn, out);
            out.sort(java.util.Comparator.comparing((Found f) -> f.evidence.kind()).thenComparingInt(f -> f.at.start));
            return out;
        }

        /** Names of {@code handshakeAuth} read in a function: {@code headers.cookie}, {@code req.session}, {@code auth.token}. */
        private void reads(Node fn, List<Found> out) {
            Map<String, String> names = ctx.models().handshakeAuth;
            // one walk (handlers of bundles can be large): members, strings, and destructured keys
            // (const { token } = socket.handshake.auth), in source order
            List<Node> named = new ArrayList<>();
            java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(List.of(fn));
            while (!todo.isEmpty()) {
                Node n = todo.pop();
                if (n.kind == Kind.MEMBER || n.kind == Kind.STRING) named.add(n);
                if (n.kind == Kind.OBJECT_PATTERN) for (Node p : n.kids()) if (p.kind == Kind.PROPERTY) named.add(p);
                for (int i = n.size() - 1; i >= 0; i--) todo.push(n.kid(i));
            }
            for (Node n : named) {
                String name = n.kind == Kind.STRING ? n.text : n.kind == Kind.PROPERTY ? n.keyName()
                        : n.has(Node.COMPUTED) ? (n.kid(1).kind == Kind.STRING ? n.kid(1).text : null) : n.propertyName();
                String how = name == null ? null : names.get(name.toLowerCase(java.util.Locale.ROOT));
                if (how == null) continue;
                if (how.equals("cookie")) out.add(found(OriginThreat.Kind.AMBIENT, "reads '" + name + "' in the handshake", n));
                else out.add(found(OriginThreat.Kind.TOKEN, "reads " + ("header".equals(how) ? "the " + name + " header" : "a " + name), n));
            }
        }

        private Found found(OriginThreat.Kind kind, String what, Node at) {
            String where = inFile(at) ? "line " + ctx.file().lines().line(at.start) : null;
            return new Found(new OriginThreat.Evidence(kind, what, where), at);
        }

        private Set<Node> fileNodes;

        /** Whether a node is in the file being reported (a program may span several files). */
        private boolean inFile(Node n) {
            if (fileNodes == null) {
                fileNodes = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
                java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(List.of(ctx.file().program()));
                while (!todo.isEmpty()) {
                    Node x = todo.pop();
                    fileNodes.add(x);
                    for (Node k : x.kids()) todo.push(k);
                }
            }
            return fileNodes.contains(n);
        }

        // ---------------------------------------------------------------- ws

        Hit ws() {
            Node opts = JsSyntax.object(arg(0), scopes);
            List<Node> verify = registered("ws-verify-client");
            if (verify.isEmpty() && (opts == null || JsSyntax.property(opts, "verifyClient", scopes) != null
                    || JsSyntax.opaqueSpread(opts, scopes))) {
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
            if (!"true".equals(JsSyntax.constant(JsSyntax.property(opts, "noServer", scopes), scopes))) {
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
            Node r = JsSyntax.resolve(recvExpr, scopes);
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
            JsSyntax.collect(ctx.file().program(), n -> n.kind == Kind.ASSIGN && n.kid(0).kind == Kind.MEMBER
                    && n.kid(0).kid(0).kind == Kind.THIS && JsSyntax.resolve(n.kid(1), scopes) == call, assigns);
            for (Node a : assigns) if (a.kid(0).propertyName() != null) thisFields.add(a.kid(0).propertyName());
            return thisFields;
        }

        /** The functions that call handleUpgrade with their own request parameter. */
        private List<Node> upgradeListeners() {
            List<Node> calls = new ArrayList<>();
            for (Engine.HandlerSite h : handlers.getOrDefault("ws-handle-upgrade", List.of())) {
                if (!calls.contains(h.registration())) calls.add(h.registration());
            }
            JsSyntax.collect(ctx.file().program(), n -> n.kind == Kind.CALL && n.kid(0).kind == Kind.MEMBER
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
            for (int i = 0; i < 2 && opts == null; i++) opts = JsSyntax.object(arg(i), scopes);
            for (Node fn : registered("sio-allow-request")) {
                Grade g = grade(fn, Role.REQUEST, 0);
                if (g.strength == Strength.STRONG) return null;
                if (g.strength == Strength.WEAK) return hit("its allowRequest " + g.why, fn, "allowRequest");
            }
            Hit cookies = sessionCookies();
            if (opts == null) return cookies;
            String origins = JsSyntax.constant(JsSyntax.property(opts, "origins", scopes), scopes);
            if (origins != null && (origins.equals("*:*") || origins.equals("*"))) {
                return hit("the socket.io 2 option origins '" + origins + "' accepts every origin, with credentials", null, null);
            }
            Node cors = JsSyntax.object(JsSyntax.property(opts, "cors", scopes), scopes);
            if (cors == null) return cookies;
            if (!"true".equals(JsSyntax.constant(JsSyntax.property(cors, "credentials", scopes), scopes))) return cookies;
            Node origin = JsSyntax.property(cors, "origin", scopes);
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
            Node v = JsSyntax.resolve(origin, scopes);
            if (v.kind == Kind.BOOLEAN && "true".equals(v.text)) {
                return hit("cors.origin true reflects every origin, with credentials: true", null, null);
            }
            if (v.kind == Kind.STRING && v.text.equals("*")) return hit("cors.origin '*' admits every origin, with credentials: true", null, null);
            // process.env.CORS_ORIGIN || '*': the wildcard whenever the setting is missing
            if (v.kind == Kind.LOGICAL || v.kind == Kind.CONDITIONAL) {
                for (Node alt : v.kind == Kind.LOGICAL ? v.kids() : v.rest(1)) {
                    Node a = JsSyntax.resolve(alt, scopes);
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
                    Node e = JsSyntax.resolve(el, scopes);
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
            Node u = sessionMiddleware();
            return u == null ? null : hit("it authenticates connections with the session cookie, and socket.io checks no Origin on "
                    + "WebSocket handshakes unless allowRequest does", u, "the session middleware");
        }

        /**
         * A session (or passport) middleware attached to this server ({@code io.engine.use(session)},
         * {@code io.use(wrap(session))}) or, for express-ws routes, to the application; or null.
         */
        private Node sessionMiddleware() {
            List<Node> uses = new ArrayList<>();
            JsSyntax.collect(ctx.file().program(), n -> n.kind == Kind.CALL && n.kid(0).kind == Kind.MEMBER
                    && "use".equals(n.kid(0).propertyName()) && n.size() > 1, uses);
            boolean app = "express-ws".equals(site.model().policy());
            for (Node u : uses) {
                Node recv = u.kid(0).kid(0);
                if (recv.kind == Kind.MEMBER && "engine".equals(recv.propertyName())) recv = recv.kid(0);
                Node r = JsSyntax.resolve(recv, scopes);
                if (r != call && !(app && call.kid(0).kind == Kind.MEMBER && r == JsSyntax.resolve(call.kid(0).kid(0), scopes))) continue;
                List<Node> names = new ArrayList<>();
                JsSyntax.collect(u.kid(1), n -> n.kind == Kind.IDENT && SESSION.matcher(n.text).find()
                        || n.kind == Kind.MEMBER && n.propertyName() != null && SESSION.matcher(n.propertyName()).find(), names);
                if (!names.isEmpty()) return u;
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
                Node behavior = JsSyntax.object(arg(1), scopes);
                if (behavior == null || JsSyntax.property(behavior, "upgrade", scopes) != null || JsSyntax.opaqueSpread(behavior, scopes)) {
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
            return new OriginGrader(scopes, ctx.models().originLogic).grade(fn, role, param, 0);
        }
    }

    /**
     * A verifyClient that cannot say no: its body holds no condition and reads no value, it only
     * returns or calls back with constants ({@code () => true}, {@code (info, cb) => cb(true)}).
     */
    static boolean acceptsAll(Node fn) {
        List<Node> found = new ArrayList<>();
        JsSyntax.collect(fn.kid(1), n -> n.kind == Kind.IF || n.kind == Kind.CONDITIONAL || n.kind == Kind.SWITCH
                || n.kind == Kind.LOGICAL || n.kind == Kind.BINARY || n.kind == Kind.UNARY || n.kind == Kind.THROW
                || n.kind == Kind.MEMBER || n.kind == Kind.THIS, found);
        if (!found.isEmpty()) return false;
        List<Node> calls = new ArrayList<>();
        JsSyntax.collect(fn.kid(1), n -> n.kind == Kind.CALL || n.kind == Kind.NEW, calls);
        List<Node> idents = new ArrayList<>();
        JsSyntax.collect(fn.kid(1), n -> n.kind == Kind.IDENT, idents);
        for (Node id : idents) {
            boolean callee = false;
            for (Node c : calls) callee |= c.kid(0) == id;
            if (!callee) return false;
        }
        return true;
    }

    /** What a parameter of a graded function holds. */
    enum Role { ORIGIN, REQUEST, INFO, HEADERS }
}

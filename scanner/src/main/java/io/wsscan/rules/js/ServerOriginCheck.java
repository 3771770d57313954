package io.wsscan.rules.js;

import io.wsscan.analysis.Engine;
import io.wsscan.analysis.Models;
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
import java.util.regex.Pattern;

/**
 * {@code server-origin}: judges how each Node WebSocket endpoint (the models' {@code endpoints}: a
 * {@code ws} WebSocketServer, a socket.io server, an express-ws or uWebSockets.js route) decides which
 * origins may open connections. How a library lets the application decide is data, the endpoint's
 * {@link Models.ServerPolicy policy}: its deciders (verifyClient, allowRequest, an upgrade listener
 * calling handleUpgrade, a connection listener that closes foreign sockets, a route's middleware) are
 * found by handler kind and graded by {@link OriginGrader} for how they compare the Origin header:
 * strong (exact equality, an allowlist, an anchored regex, a parsed host), weak (substring, prefix,
 * suffix without a dot, unanchored regex) or not at all; then its permissive option values; then what
 * holds otherwise. Where the deciding code is out of sight (options passed in from elsewhere, the
 * request handed to an unknown function that says it decides) nothing is reported. Every hit starts at
 * the endpoint's creation, and its level follows the origin threat model ({@link OriginThreat}).
 */
public final class ServerOriginCheck implements StructuralCheck {

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
        FileFacts facts = new FileFacts(ctx);
        // route handlers of endpoints: a server whose handshakes are decided inside one (a route that
        // forwards with proxy.ws or hands the socket to a noServer ws) is that route, judged there
        Set<Node> routeHandlers = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Engine.HandlerSite h : ctx.engine().handlers()) if (facts.endpointCalls.contains(h.registration())) routeHandlers.add(h.function());
        for (Engine.EndpointSite e : ctx.engine().endpoints()) {
            Models.ServerPolicy policy = ctx.models().policies.get(e.model().policy());
            if (hits.containsKey(e.call()) || policy == null) continue;
            Hit h = new Judge(ctx, byKind, e, policy, facts).verdict();
            Node decidedIn = h != null && h.trace().size() > 1 ? h.trace().get(1).at() : null;
            if (h != null && !(decidedIn != null && routeHandlers.contains(decidedIn) && !isRegistration(ctx, decidedIn, e.call()))) hits.put(e.call(), h);
        }
        return new ArrayList<>(hits.values());
    }

    /** Whether {@code fn} is registered as a handler at the endpoint call {@code call} itself. */
    private static boolean isRegistration(Context ctx, Node fn, Node call) {
        for (Engine.HandlerSite h : ctx.engine().handlers()) if (h.function() == fn && h.registration() == call) return true;
        return false;
    }

    /**
     * What every endpoint of a file asks about the file, computed once per run: the endpoints' calls,
     * each node's parent (for the class a node is in, and whether a node is in this file at all: a
     * program may span several files), and the methods {@code this.x()} / {@code obj.x()} may call.
     */
    private static final class FileFacts {
        final Set<Node> endpointCalls = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        final Node program;
        final JsSyntax.Methods methods;
        private Map<Node, Node> parents;

        FileFacts(Context ctx) {
            for (Engine.EndpointSite e : ctx.engine().endpoints()) endpointCalls.add(e.call());
            program = ctx.file().program();
            methods = new JsSyntax.Methods(program);
        }

        Map<Node, Node> parents() {
            if (parents == null) {
                parents = new IdentityHashMap<>();
                java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(List.of(program));
                while (!todo.isEmpty()) {
                    Node x = todo.pop();
                    for (Node k : x.kids()) {
                        parents.put(k, x);
                        todo.push(k);
                    }
                }
            }
            return parents;
        }

        boolean inFile(Node n) {
            return n == program || parents().containsKey(n);
        }

        /** The class a node is written in (innermost), or null outside classes. */
        Node ownerClass(Node n) {
            for (Node p = parents().get(n); p != null; p = parents().get(p)) if (p.kind == Kind.CLASS) return p;
            return null;
        }
    }

    /** A function found for a policy, and which of its parameters holds what. */
    private record Fn(Node function, int parameter, Role role) {
    }

    /** The judgement of one endpoint. */
    private static final class Judge {
        final Context ctx;
        final Scopes scopes;
        final Map<String, List<Engine.HandlerSite>> handlers;
        final Engine.EndpointSite site;
        final Models.ServerPolicy policy;
        final Node call;
        /** Some decider handed the request to code out of sight: "otherwise" cannot be claimed. */
        boolean opaque;
        /** Why the verdict may be wrong (options partly out of sight): the hit is then a note. */
        String unsure;

        final FileFacts facts;

        Judge(Context ctx, Map<String, List<Engine.HandlerSite>> handlers, Engine.EndpointSite site, Models.ServerPolicy policy,
              FileFacts facts) {
            this.facts = facts;
            this.ctx = ctx;
            this.scopes = ctx.scopes();
            this.handlers = handlers;
            this.site = site;
            this.policy = policy;
            this.call = site.call();
        }

        Hit verdict() {
            Node opts = options();
            boolean optsInSight = policy.options().isEmpty() || opts != null && !JsSyntax.opaqueSpread(opts, scopes);
            // {...config.ws, port}: the spread may hold the decider; judged, but only as a note
            boolean spreadOutOfSight = opts != null && !optsInSight;
            for (Models.Decider d : policy.deciders()) {
                if (d.when() != null && !isTrue(opts, d.when())) continue;
                List<Fn> fns = functions(d.sources().get(0));
                if (fns.isEmpty()) {
                    // the decision is here (noServer: true) or in an option, but its code is out of sight
                    if (d.when() != null) return null;
                    if (d.option() != null && (opts == null && !policy.options().isEmpty() || JsSyntax.property(opts, d.option(), scopes) != null)) {
                        return null;
                    }
                    continue;
                }
                for (Models.HandlerSource also : d.sources().subList(1, d.sources().size())) fns.addAll(functions(also));
                Grade decided = null;
                Node decidedFn = null;
                for (Fn fn : fns) {
                    Grade g = grade(fn);
                    boolean replaces = decided == null || (d.every() ? g.strength.ordinal() < decided.strength.ordinal()
                            : g.strength.ordinal() > decided.strength.ordinal());
                    if (replaces) {
                        decided = new Grade(g.strength, g.why, decided != null && decided.opaque || g.opaque);
                        decidedFn = fn.function;
                    } else if (g.opaque) {
                        decided = new Grade(decided.strength, decided.why, true);
                    }
                }
                opaque |= decided.opaque;
                if (decided.strength == Strength.STRONG && decided.why != null) {
                    // sound but for the scheme or port (the host alone compared): worth knowing, not a hijack
                    unsure = "the host is compared, only the scheme or port is not";
                    return hit(fill(d.weak(), d.label(), decided.why), decidedFn, d.label());
                }
                if (decided.strength == Strength.STRONG || decided.opaque && decided.strength == Strength.NONE) return null;
                if (decided.strength == Strength.WEAK) return hit(fill(d.weak(), d.label(), decided.why), decidedFn, d.label());
                if (d.none() != null) {
                    String detail = d.acceptsAll() != null && acceptsAll(decidedFn) ? d.acceptsAll() : fill(d.none(), d.label(), null);
                    return hit(detail, decidedFn, d.label());
                }
                // a decider that compares nothing passes the decision on
            }
            for (Models.Permissive p : policy.permissive()) {
                Hit h = permissive(p, opts);
                if (h != null) return h;
            }
            Models.Otherwise otherwise = policy.otherwise();
            if (otherwise == null) return null;
            if ("ambient".equals(otherwise.requires())) {
                List<Found> ev = evidence();
                return !ev.isEmpty() && ev.get(0).evidence.kind() == OriginThreat.Kind.AMBIENT ? hit(otherwise.detail(), null, null) : null;
            }
            if (opaque || !optsInSight && !spreadOutOfSight) return null;
            if (spreadOutOfSight) unsure = "its options also spread an object out of sight, which may set them otherwise";
            return hit(otherwise.detail(), null, null);
        }

        private static String fill(String message, String label, String why) {
            String out = message.replace("{label}", label);
            return why == null ? out : out.replace("{why}", why);
        }

        /** The options object: the first of the policy's argument positions that holds an object in sight. */
        private Node options() {
            for (int i : policy.options()) {
                Node o = JsSyntax.object(arg(i), scopes);
                if (o != null) return o;
            }
            return null;
        }

        /**
         * Whether the call passes no options: each of the policy's option positions is empty or holds
         * what cannot be an options object (a server or port: a call, a construction, a number, or a
         * choice between those), rather than a value out of sight.
         */
        private boolean optionsAbsent() {
            for (int i : policy.options()) {
                Node a = arg(i);
                if (a != null && !notOptions(JsSyntax.resolve(a, scopes))) return false;
            }
            return true;
        }

        private boolean notOptions(Node v) {
            return switch (v.kind) {
                case CALL, NEW, NUMBER -> true;
                case CONDITIONAL -> notOptions(JsSyntax.resolve(v.kid(1), scopes)) && notOptions(JsSyntax.resolve(v.kid(2), scopes));
                case LOGICAL -> notOptions(JsSyntax.resolve(v.kid(0), scopes)) && notOptions(JsSyntax.resolve(v.kid(1), scopes));
                default -> false;
            };
        }

        /** Whether a dotted option path ({@code noServer}, {@code cors.credentials}) is the constant true. */
        private boolean isTrue(Node opts, String path) {
            Node v = option(opts, path);
            return v != null && "true".equals(JsSyntax.constant(v, scopes));
        }

        /** The value of a dotted option path, or null. */
        private Node option(Node opts, String path) {
            Node holder = opts;
            String[] steps = path.split("\\.");
            for (int i = 0; i < steps.length - 1 && holder != null; i++) holder = JsSyntax.object(JsSyntax.property(holder, steps[i], scopes), scopes);
            return holder == null ? null : JsSyntax.property(holder, steps[steps.length - 1], scopes);
        }

        // ---------------------------------------------------------------- finding the functions

        private List<Fn> functions(Models.HandlerSource src) {
            Role role = Role.valueOf(src.holds().toUpperCase(java.util.Locale.ROOT));
            List<Fn> out = new ArrayList<>();
            switch (src.find()) {
                case "registered" -> {
                    for (Engine.HandlerSite h : handlers.getOrDefault(src.handlers(), List.of())) {
                        if (h.registration() == call) add(out, new Fn(h.function(), src.parameter(), role));
                    }
                }
                case "listeners" -> {
                    for (Node fn : listenersOf(src.handlers())) add(out, new Fn(fn, src.parameter(), role));
                }
                case "callers" -> out.addAll(callers(src, role));
                case "enclosing" -> {
                    // the function around the endpoint's call that received the request it forwards (proxy.ws(req, …))
                    Node a = arg(src.parameter());
                    Binding b = a != null && a.kind == Kind.IDENT ? scopes.binding(a) : null;
                    if (b != null && "param".equals(b.declKind) && b.function != null && b.function.kind == Kind.FUNCTION) {
                        add(out, new Fn(b.function, b.function.kid(0).kids().indexOf(b.declaration), role));
                    }
                }
                default -> {
                    for (Engine.HandlerSite h : handlers.getOrDefault(src.handlers(), List.of())) add(out, new Fn(h.function(), src.parameter(), role));
                }
            }
            return out;
        }

        private static void add(List<Fn> out, Fn fn) {
            for (Fn f : out) if (f.function == fn.function) return;
            out.add(fn);
        }

        /**
         * Functions registered with {@code kind} on a receiver that is this endpoint, or whose receiver is
         * out of sight ({@code this.wss.on(...)}); not those of another endpoint.
         */
        private List<Node> listenersOf(String kind) {
            List<Node> out = new ArrayList<>();
            for (Engine.HandlerSite h : handlers.getOrDefault(kind, List.of())) {
                Node reg = h.registration();
                if (reg.size() > 0 && reg.kid(0).kind == Kind.MEMBER && !mayBeThis(reg.kid(0).kid(0))) continue;
                if (!out.contains(h.function())) out.add(h.function());
            }
            return out;
        }

        /**
         * Whether a receiver may be this endpoint: a name holding it; not a name holding another
         * endpoint; {@code this.x} only when this endpoint is stored in a field {@code x} (when it is
         * stored in a field at all); anything else out of sight may be.
         */
        private boolean mayBeThis(Node recvExpr) {
            Node r = JsSyntax.resolve(recvExpr, scopes);
            if (r == call) return true;
            if (r != null && facts.endpointCalls.contains(r)) return false;
            if (recvExpr.kind == Kind.MEMBER && recvExpr.kid(0).kind == Kind.THIS) {
                // this.socket of another class is another object's field
                if (facts.ownerClass(recvExpr) != facts.ownerClass(call)) return false;
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

        /**
         * The functions that pass their own parameter as the first argument of a registration of the
         * source's kind (ws's {@code handleUpgrade(req, socket, head, cb)} in an 'upgrade' listener), or of
         * a call of the source's {@code method} on a receiver that may be this endpoint; graded on that parameter.
         */
        private List<Fn> callers(Models.HandlerSource src, Role role) {
            List<Node> calls = new ArrayList<>();
            for (Engine.HandlerSite h : handlers.getOrDefault(src.handlers(), List.of())) {
                if (!calls.contains(h.registration())) calls.add(h.registration());
            }
            if (src.method() != null) {
                JsSyntax.collect(ctx.file().program(), n -> n.kind == Kind.CALL && n.kid(0).kind == Kind.MEMBER
                        && src.method().equals(n.kid(0).propertyName()) && n.size() >= 3, calls);
            }
            List<Fn> out = new ArrayList<>();
            for (Node c : calls) {
                if (c.size() < 2 || c.kid(1).kind != Kind.IDENT) continue;
                // this.handleUpgrade(…): the library's own code (an inlined copy of ws), not an application's listener
                if (c.kid(0).kind == Kind.MEMBER && c.kid(0).kid(0).kind == Kind.THIS) continue;
                // wss.handleUpgrade of another server (a const holding another construction) is not this one's
                if (c.kid(0).kind == Kind.MEMBER && !mayBeThis(c.kid(0).kid(0))) continue;
                Binding b = scopes.binding(c.kid(1));
                if (b == null || !"param".equals(b.declKind) || b.function == null || b.function.kind != Kind.FUNCTION) continue;
                int index = b.function.kid(0).kids().indexOf(b.declaration);
                add(out, new Fn(b.function, index < 0 ? src.parameter() : index, role));
            }
            return out;
        }

        // ---------------------------------------------------------------- permissive option values

        /** A permissive value of option {@code p}, or null. */
        private Hit permissive(Models.Permissive p, Node opts) {
            if (p.majorBelow() != null) {
                Integer major = ctx.dependencies().major(ctx.file().relPath(), site.model().library());
                if (major == null || major >= p.majorBelow()) return null;
            }
            if (opts == null) {
                // no options at all: only a default applies
                return p.missing() != null && p.when() == null && optionsAbsent() ? hit(p.missing(), null, null) : null;
            }
            if (p.when() != null && !isTrue(opts, p.when())) return null;
            String with = p.when() == null ? "" : ", with " + p.when().substring(p.when().lastIndexOf('.') + 1) + ": true";
            if (p.function() != null) {
                List<Fn> fns = functions(p.function());
                if (!fns.isEmpty()) {
                    for (Fn fn : fns) {
                        Grade g = grade(fn);
                        String what = "its " + p.label() + " function";
                        if (g.strength == Strength.WEAK) return hit(what + " " + g.why + with, fn.function, p.label());
                        if (g.strength == Strength.NONE && !g.opaque) return hit(what + " accepts every origin" + with, fn.function, p.label());
                    }
                    return null;
                }
            }
            int dot = p.option().lastIndexOf('.');
            if (dot > 0 && option(opts, p.option().substring(0, dot)) == null) return null; // cors itself not set
            Node v = option(opts, p.option());
            if (v == null) return p.missing() == null ? null : hit(p.missing() + with, null, null);
            Node r = JsSyntax.resolve(v, scopes);
            String all = admitsAll(r, p.values());
            if (all != null) return hit(p.label() + " " + all + with, null, null);
            // process.env.CORS_ORIGIN || '*': the wildcard whenever the setting is missing
            if (r.kind == Kind.LOGICAL || r.kind == Kind.CONDITIONAL) {
                for (Node alt : r.kind == Kind.LOGICAL ? r.kids() : r.rest(1)) {
                    Node a = JsSyntax.resolve(alt, scopes);
                    if (admitsAll(a, p.values()) != null) {
                        return hit(p.label() + " falls back to " + shown(a) + ", which admits every origin" + with, null, null);
                    }
                }
            }
            for (Node e : r.kind == Kind.ARRAY ? r.kids() : List.of(r)) {
                Node x = JsSyntax.resolve(e, scopes);
                if (x.kind != Kind.REGEX) continue;
                String problem = PostMessageOriginCheck.regexProblem(x.text);
                if (problem != null) {
                    return hit((r.kind == Kind.ARRAY ? "the " + p.label() + " entry /" : p.label() + " /") + x.text + "/ " + problem + with, null, null);
                }
            }
            return null;
        }

        /** "'*' admits every origin" / "true reflects every origin" when a value is one of {@code values}, else null. */
        private static String admitsAll(Node v, List<String> values) {
            if (v.kind == Kind.BOOLEAN && "true".equals(v.text) && values.contains("true")) return "true reflects every origin";
            if (v.kind == Kind.STRING && values.contains(v.text)) return "'" + v.text + "' admits every origin";
            return null;
        }

        private static String shown(Node v) {
            return v.kind == Kind.STRING ? "'" + v.text + "'" : v.text;
        }

        // ---------------------------------------------------------------- the hit and its level

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
            boolean onlySends = !receives();
            if (unsure != null) {
                // one "Reported as a note", however many reasons
                String threat = OriginThreat.sentence(evidence, onlySends);
                String also = " Reported as a note: ";
                threat = threat.startsWith(also) ? " It is also a note because " + threat.substring(also.length()) : threat;
                return new Hit(call, Map.of("detail", detail, "threat", also + unsure + "." + threat), steps,
                        io.wsscan.findings.Finding.Level.NOTE);
            }
            return new Hit(call, Map.of("detail", detail, "threat", OriginThreat.sentence(evidence, onlySends)), steps,
                    OriginThreat.level(evidence, onlySends));
        }

        /**
         * Whether the program has a message listener of the policy's {@code receives} kinds: an endpoint
         * whose sockets are never listened to only sends. Without {@code receives} every endpoint may receive.
         */
        private boolean receives() {
            if (policy.receives().isEmpty()) return true;
            for (String kind : policy.receives()) if (!handlers.getOrDefault(kind, List.of()).isEmpty()) return true;
            return false;
        }

        Node arg(int i) {
            return call.size() > i + 1 ? call.kid(i + 1) : null;
        }

        // ---------------------------------------------------------------- authentication evidence

        /** A piece of evidence and the node that shows it. */
        private record Found(OriginThreat.Evidence evidence, Node at) {
        }

        private List<Found> evidence;

        /**
         * What authenticates this endpoint's handshakes: the names of {@code handshakeAuth} read in the
         * functions that see the handshake (every decider's and the policy's {@code authentication}
         * functions), and session middleware attached where the policy's {@code middleware} says. Ambient
         * evidence first, in source order.
         */
        private List<Found> evidence() {
            if (evidence != null) return evidence;
            // a route of an application (express-ws) is judged by what the route itself uses: the app's
            // session middleware and other middleware serve every route, but only a route that reads the
            // session (itself or in the helpers it calls) acts with the visitor's identity
            boolean route = "app".equals(policy.middleware());
            List<Models.HandlerSource> sources = new ArrayList<>(policy.authentication());
            for (Models.Decider d : policy.deciders()) {
                if (route) sources.add(d.sources().get(0));
                else sources.addAll(d.sources());
            }
            List<Found> out = new ArrayList<>();
            Node session = route ? null : sessionMiddleware();
            if (session != null) out.add(found(OriginThreat.Kind.AMBIENT, "uses session middleware", session));
            Set<Node> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (Models.HandlerSource src : sources) {
                for (Fn fn : functions(src)) {
                    for (Node f : route ? closure(fn.function) : List.of(fn.function)) if (seen.add(f)) reads(f, out);
                }
            }
            out.sort(java.util.Comparator.comparing((Found f) -> f.evidence.kind()).thenComparingInt(f -> f.at.start));
            evidence = out;
            return out;
        }
        /** A function and the functions in sight it calls, two calls deep (a route's authentication helper). */
        private List<Node> closure(Node fn) {
            JsSyntax.Methods methods = facts.methods;
            List<Node> out = new ArrayList<>(List.of(fn));
            for (int from = 0, depth = 0; depth < 2 && from < out.size(); depth++) {
                int to = out.size();
                for (int i = from; i < to; i++) {
                    List<Node> calls = new ArrayList<>();
                    JsSyntax.collect(out.get(i).kid(1), n -> n.kind == Kind.CALL, calls);
                    for (Node c : calls) {
                        Node callee = c.kid(0);
                        Node f = callee.kind == Kind.IDENT ? JsSyntax.function(callee, scopes) : methods.ofThis(callee);
                        if (f != null && !out.contains(f)) out.add(f);
                    }
                }
                from = to;
            }
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
                if (n.kind == Kind.MEMBER || n.kind == Kind.STRING || n.kind == Kind.CALL) named.add(n);
                if (n.kind == Kind.OBJECT_PATTERN) for (Node p : n.kids()) if (p.kind == Kind.PROPERTY) named.add(p);
                for (int i = n.size() - 1; i >= 0; i--) todo.push(n.kid(i));
            }
            Pattern tokenCalls = ctx.models().tokenCalls;
            for (Node n : named) {
                if (n.kind == Kind.CALL) {
                    // hasValidToken(config, url), jwt.verify(token, key): a token decides
                    Node callee = n.kid(0);
                    String name = callee.kind == Kind.IDENT ? callee.text : callee.kind != Kind.MEMBER || callee.propertyName() == null ? null
                            : (callee.kid(0).kind == Kind.IDENT ? callee.kid(0).text + "." : "") + callee.propertyName();
                    if (name != null && tokenCalls != null && tokenCalls.matcher(name).find()) {
                        out.add(found(OriginThreat.Kind.TOKEN, "calls " + name + "()", n));
                    }
                    continue;
                }
                String name = n.kind == Kind.STRING ? n.text : n.kind == Kind.PROPERTY ? n.keyName()
                        : n.has(Node.COMPUTED) ? (n.kid(1).kind == Kind.STRING ? n.kid(1).text : null) : n.propertyName();
                String how = name == null ? null : names.get(name.toLowerCase(java.util.Locale.ROOT));
                if (how == null) continue;
                if (how.equals("cookie")) out.add(found(OriginThreat.Kind.AMBIENT, "reads '" + name + "' in the handshake", n));
                else out.add(found(OriginThreat.Kind.TOKEN, "reads " + ("header".equals(how) ? "the " + name + " header" : "a " + name), n));
            }
        }

        private Found found(OriginThreat.Kind kind, String what, Node at) {
            String where = facts.inFile(at) ? "line " + ctx.file().lines().line(at.start) : null;
            return new Found(new OriginThreat.Evidence(kind, what, where), at);
        }


        /**
         * A session (or passport) middleware ({@code heuristics.sessionMiddleware}) attached where the
         * policy's {@code middleware} says: to this server ({@code io.use(wrap(session))},
         * {@code io.engine.use(session)}) or to the app whose method created this endpoint; or null.
         */
        private Node sessionMiddleware() {
            java.util.regex.Pattern names = ctx.models().sessionMiddleware;
            if (policy.middleware() == null || names == null) return null;
            boolean app = "app".equals(policy.middleware());
            if (app && call.kid(0).kind != Kind.MEMBER) return null;
            Node target = app ? JsSyntax.resolve(call.kid(0).kid(0), scopes) : call;
            List<Node> uses = new ArrayList<>();
            JsSyntax.collect(ctx.file().program(), n -> n.kind == Kind.CALL && n.kid(0).kind == Kind.MEMBER
                    && "use".equals(n.kid(0).propertyName()) && n.size() > 1, uses);
            for (Node u : uses) {
                Node recv = u.kid(0).kid(0);
                if (recv.kind == Kind.MEMBER && "engine".equals(recv.propertyName())) recv = recv.kid(0);
                if (JsSyntax.resolve(recv, scopes) != target) continue;
                List<Node> named = new ArrayList<>();
                JsSyntax.collect(u.kid(1), n -> n.kind == Kind.IDENT && names.matcher(n.text).find()
                        || n.kind == Kind.MEMBER && n.propertyName() != null && names.matcher(n.propertyName()).find(), named);
                if (!named.isEmpty()) return u;
            }
            return null;
        }

        // ---------------------------------------------------------------- grading

        Grade grade(Fn fn) {
            return new OriginGrader(scopes, ctx.models().originLogic, facts.methods).grade(fn.function, fn.role, fn.parameter, 0);
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
    enum Role { ORIGIN, REQUEST, INFO, HEADERS, SOCKET }
}

package io.wsscan.rules.js;

import io.wsscan.analysis.Engine;
import io.wsscan.analysis.Scopes;
import io.wsscan.analysis.Scopes.Binding;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;
import io.wsscan.rules.OriginComparisons;
import io.wsscan.rules.OriginComparisons.Strength;
import io.wsscan.rules.StructuralCheck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code postmessage-origin}: grades the origin check of every window 'message' handler that reads
 * the event's data. Strong: strict (in)equality, membership in an allowlist, {@code event.source}
 * identity, {@code endsWith} with a leading dot, a fully anchored regex with escaped dots, or the
 * same inside a helper function — placed before the data is first used. Everything else that reads
 * the origin is weak, with the reason in the message; no origin read at all is a missing check.
 */
public final class PostMessageOriginCheck implements StructuralCheck {

    private record Grade(Strength strength, String why, int at) {
        static final Grade NONE = new Grade(Strength.NONE, null, Integer.MAX_VALUE);

        Grade better(Grade o) {
            if (o.strength.ordinal() != strength.ordinal()) return o.strength.ordinal() > strength.ordinal() ? o : this;
            return o.at < at ? o : this;
        }
    }

    @Override
    public String name() {
        return "postmessage-origin";
    }

    @Override
    public List<Hit> run(Context ctx) {
        Map<Node, Hit> hits = new LinkedHashMap<>();
        List<Engine.SinkReport> sinks = null;
        // A worker's 'message' events come from the page that started it, not from other windows.
        if (ctx.models().isWorker(ctx.file().relPath(), ctx.file().program(), ctx.scopes())) {
            return List.of();
        }
        Senders senders = null;
        for (Engine.HandlerSite h : ctx.engine().handlers()) {
            if (!"window-message".equals(h.model().kind()) || hits.containsKey(h.registration())) continue;
            if (sinks == null) sinks = messageSinks(ctx);
            String problem = judge(h.function(), ctx.scopes());
            Set<Node> sources = subtree(h.function());
            if (problem == null) {
                // the handler hands the event to functions that use its data: judged as the taint rules judge it
                if (senders == null) senders = new Senders(ctx.engine(), ctx.scopes(), ctx.models());
                for (Engine.SinkReport r : sinks) {
                    if (sources.contains(r.taint().source())) continue;
                    Sender s = senders.of(r.taint().source(), ctx.file());
                    if (s == null || s.handler() != h) continue;
                    sources.add(r.taint().source());
                    if (problem == null) problem = s.verdict().equals("none")
                            ? "the handler passes the event on to code that uses event.data, without checking event.origin" : s.detail();
                }
            }
            if (problem == null) continue;
            hits.put(h.registration(), new Hit(h.registration(), Map.of("detail", problem + effect(sources, sinks, ctx))));
        }
        return new ArrayList<>(hits.values());
    }

    /**
     * What the handler does with the message, as the engine followed it: ", and it writes event.data into
     * innerHTML at line 12" for the first sink (in this file) that data read at {@code sources} (the handler's
     * nodes, and reads in the functions it hands the event to) reaches; empty when none.
     */
    private static String effect(Set<Node> sources, List<Engine.SinkReport> sinks, Context ctx) {
        Engine.SinkReport first = null;
        for (Engine.SinkReport r : sinks) {
            if (!sources.contains(r.taint().source())) continue;
            if (first == null || r.at().start < first.at().start) first = r;
        }
        if (first == null) return "";
        String how = "passes event.data to";
        for (Map.Entry<String, String> e : EFFECTS.entrySet()) {
            if (first.sink().kinds().contains(e.getKey())) {
                how = e.getValue();
                break;
            }
        }
        return ", and it " + how + " " + first.sink().label() + " at line " + ctx.file().lines().line(first.at().start);
    }

    /** What a handler does with event.data, by the kind of sink it reaches (first match wins). */
    private static final Map<String, String> EFFECTS = effects();

    private static Map<String, String> effects() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("html", "writes event.data into");
        m.put("html-selector", "writes event.data as HTML into");
        m.put("code", "runs event.data as code through");
        m.put("command", "runs event.data as a command through");
        m.put("navigation", "navigates to event.data through");
        m.put("ws-url", "connects to an address built from event.data through");
        m.put("ws-send", "sends event.data over a WebSocket through");
        return m;
    }

    /** Where postMessage data meets a sink in this file (the engine's reports span every linked file). */
    private static List<Engine.SinkReport> messageSinks(Context ctx) {
        List<Engine.SinkReport> out = new ArrayList<>();
        Set<Node> file = null;
        for (Engine.SinkReport r : ctx.engine().reports()) {
            if (!io.wsscan.analysis.JsAnalyzer.POSTMESSAGE.equals(r.taint().kind())) continue;
            if (file == null) file = subtree(ctx.file().program());
            if (file.contains(r.at())) out.add(r);
        }
        return out;
    }

    private static Set<Node> subtree(Node root) {
        Set<Node> out = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            out.add(n);
            for (Node k : n.kids()) todo.push(k);
        }
        return out;
    }

    /**
     * The handler's (or helper's) comparisons of the origin combined by the rule all origin checks share
     * ({@link OriginComparisons}: alternatives by the weakest, requirements by the strongest).
     */
    private Grade combined(Walker w, Node body, Scopes scopes, int depth) {
        OriginComparisons<Node, Grade> cs = new OriginComparisons<>(JsComparisons.syntax(w.parents, body));
        for (Node ref : w.originRefs) {
            Grade g = grade(ref, w, scopes, depth);
            cs.add(JsComparisons.comparison(normalised(ref, w.parents), w.parents), g.strength(), g);
        }
        OriginComparisons.Comparison<Grade> v = cs.verdict();
        return v == null ? Grade.NONE : v.detail();
    }

    /** Null when the handler is fine (or never reads data), else what is wrong with it. */
    String judge(Node fn, Scopes scopes) {
        Verdict v = verdict(fn, scopes, false);
        return v == null || v.strength == Strength.STRONG ? null : v.why;
    }

    /** A handler's origin check: STRONG (sound and in time), WEAK or NONE, and what is wrong with it. */
    private record Verdict(Strength strength, String why) {
    }

    /**
     * The handler's origin check, or null when it never uses the event's data. {@code escapes}: passing
     * the event itself to a function (which reads its data there) counts as a use of the data.
     */
    private Verdict verdict(Node fn, Scopes scopes, boolean escapes) {
        List<Node> params = fn.kid(0).kids();
        if (params.isEmpty()) return null;
        Walker w = new Walker(scopes);
        w.bindEvent(params.get(0));
        w.destructuredEvent(fn.kid(1));
        w.walk(fn.kid(1), null);
        w.resolveAliases(fn.kid(1));
        List<Node> uses = new ArrayList<>(w.dataUses);
        if (escapes) uses.addAll(w.eventArguments);
        if (uses.isEmpty()) return null;
        int firstUse = Integer.MAX_VALUE;
        for (Node d : uses) firstUse = Math.min(firstUse, d.start);
        Grade best = combined(w, fn.kid(1), scopes, 0);
        return switch (best.strength) {
            case NONE -> new Verdict(Strength.NONE, "the handler uses event.data without checking event.origin");
            case WEAK -> new Verdict(Strength.WEAK, best.why);
            case STRONG -> best.at > firstUse
                    ? new Verdict(Strength.WEAK, "event.origin is checked only after event.data has been used")
                    : new Verdict(Strength.STRONG, null);
        };
    }

    /** How a taint rule's data was checked at the handler whose event carried it (null when none is in sight). */
    public record Sender(String verdict, String detail, Engine.HandlerSite handler) {
    }

    /**
     * Judges, for the taint rules of message data ({@code check: postmessage-origin}), the handler that a
     * source read belongs to: the innermost handler function holding it, or else a handler that calls the
     * function holding it (the event handed to a helper or method). One per analysis run; verdicts are cached.
     */
    public static final class Senders {
        private final PostMessageOriginCheck check = new PostMessageOriginCheck();
        private final Engine.Result engine;
        private final Scopes scopes;
        private final io.wsscan.analysis.Models models;
        private final Map<Node, Set<Node>> subtrees = new IdentityHashMap<>();
        private final Map<Node, Sender> verdicts = new IdentityHashMap<>();
        private final Map<Node, Boolean> workerPrograms = new IdentityHashMap<>();

        public Senders(Engine.Result engine, Scopes scopes, io.wsscan.analysis.Models models) {
            this.engine = engine;
            this.scopes = scopes;
            this.models = models;
        }

        /**
         * The verdict on the handler of the message data read at {@code source} in {@code file}; null when
         * its check is sound (nothing to report) or the file is a worker's (its messages come from its page).
         */
        public Sender of(Node source, io.wsscan.ir.IrFile file) {
            boolean worker = workerPrograms.computeIfAbsent(file.program(), p -> models.isWorker(file.relPath(), p, scopes));
            if (worker) return null;
            Engine.HandlerSite h = holder(source);
            if (h != null && CHANNEL.equals(h.model().kind())) {
                // a channel opened inside a window message handler (a port from event.ports, a worker per
                // message) carries what that handler let in: its check decides
                Engine.HandlerSite outer = holder(h.function());
                if (outer != null && WINDOW.equals(outer.model().kind())) h = outer;
            }
            if (h == null) {
                Sender s = throughHelpers(source, file.program());
                return s != NOT_FOUND ? s : new Sender("none", "no check of event.origin is in sight", null);
            }
            return verdict(h);
        }

        /** How many calls a handler may be away from the function that reads the data. */
        private static final int HELPER_DEPTH = 3;
        private static final Sender NOT_FOUND = new Sender(null, null, null);

        /**
         * Data read outside any handler: from the function reading it, up through its callers (at most
         * {@link #HELPER_DEPTH} calls), to a handler that calls one of them. The handler's verdict, unless a
         * function on the way checks the origin before it passes the event on; NOT_FOUND when no handler calls it.
         */
        private Sender throughHelpers(Node source, Node program) {
            Helper reader = enclosingFunction(source, program);
            if (reader == null) return NOT_FOUND;
            CallIndex index = callIndex.computeIfAbsent(program, p -> CallIndex.of(p, scopes));
            Map<Node, Helper> towardReader = new IdentityHashMap<>();
            Set<Node> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            seen.add(reader.fn());
            List<Helper> frontier = List.of(reader);
            for (int depth = 0; depth < HELPER_DEPTH && !frontier.isEmpty(); depth++) {
                List<Helper> callers = new ArrayList<>();
                for (Helper f : frontier) {
                    for (Helper g : index.callers(f)) {
                        for (Engine.HandlerSite c : messageHandlers()) {
                            if (subtrees.computeIfAbsent(c.function(), PostMessageOriginCheck::subtree).contains(g.fn())) {
                                return along(c, f, towardReader);
                            }
                        }
                        if (seen.add(g.fn())) {
                            towardReader.put(g.fn(), f);
                            callers.add(g);
                        }
                    }
                }
                frontier = callers;
            }
            return NOT_FOUND;
        }

        /** The handler's verdict, made stronger by the checks of the functions between it and the reader. */
        private Sender along(Engine.HandlerSite h, Helper first, Map<Node, Helper> towardReader) {
            Sender s = verdict(h);
            for (Helper f = first; f != null && s != null; f = towardReader.get(f.fn())) {
                Verdict v = check.verdict(f.fn(), scopes, true);
                if (v == null) continue;
                if (v.strength == Strength.STRONG) s = null;
                else if (v.strength == Strength.WEAK && "none".equals(s.verdict())) s = new Sender("weak", v.why, h);
            }
            return s;
        }

        private final Map<Node, CallIndex> callIndex = new IdentityHashMap<>();

        /** The calls of one program by callee: a function a name is bound to, or a method name; each with its caller. */
        private record CallIndex(Map<Node, List<Helper>> byFunction, Map<String, List<Helper>> byName) {
            static CallIndex of(Node program, Scopes scopes) {
                CallIndex out = new CallIndex(new IdentityHashMap<>(), new java.util.HashMap<>());
                java.util.ArrayDeque<Object[]> todo = new java.util.ArrayDeque<>();
                todo.push(new Object[] {program, null});
                while (!todo.isEmpty()) {
                    Object[] top = todo.pop();
                    Node n = (Node) top[0];
                    Helper in = (Helper) top[1];
                    if (n.kind == Kind.CALL && in != null) {
                        Node callee = n.kid(0);
                        if (callee.kind == Kind.IDENT) {
                            Binding b = scopes.binding(callee);
                            Node def = b == null ? null : b.singleDefinition();
                            if (def != null && def.kind == Kind.FUNCTION) out.byFunction.computeIfAbsent(def, k -> new ArrayList<>()).add(in);
                        } else if (callee.kind == Kind.MEMBER && callee.propertyName() != null) {
                            out.byName.computeIfAbsent(callee.propertyName(), k -> new ArrayList<>()).add(in);
                        }
                    }
                    for (int i = 0; i < n.size(); i++) {
                        Node k = n.kid(i);
                        todo.push(new Object[] {k, k.kind == Kind.FUNCTION ? new Helper(k, storedUnder(n, i)) : in});
                    }
                }
                return out;
            }

            /** The functions that call {@code f} (by a name bound to it, or as a method of its name). */
            List<Helper> callers(Helper f) {
                List<Helper> out = new ArrayList<>(byFunction.getOrDefault(f.fn(), List.of()));
                if (f.name() != null) out.addAll(byName.getOrDefault(f.name(), List.of()));
                return out;
            }
        }

        private Sender verdict(Engine.HandlerSite h) {
            return verdicts.computeIfAbsent(h.function(), fn -> {
                if (CHANNEL.equals(h.model().kind())) {
                    return new Sender("channel", "it comes over a channel (a Worker, MessagePort or BroadcastChannel) whose"
                            + " other end this page trusts without checking what it sends", h);
                }
                Verdict v = check.verdict(fn, scopes, true);
                if (v == null || v.strength == Strength.NONE) return new Sender("none", "the message handler does not check event.origin", h);
                return v.strength == Strength.WEAK ? new Sender("weak", v.why, h) : null;
            });
        }

        private List<Engine.HandlerSite> messageHandlers() {
            List<Engine.HandlerSite> out = new ArrayList<>();
            for (Engine.HandlerSite h : engine.handlers()) {
                if (WINDOW.equals(h.model().kind()) || CHANNEL.equals(h.model().kind())) out.add(h);
            }
            return out;
        }

        /** The innermost message handler whose function holds the node (other than the node itself). */
        private Engine.HandlerSite holder(Node n) {
            Engine.HandlerSite best = null;
            for (Engine.HandlerSite h : messageHandlers()) {
                if (h.function() == n || !subtrees.computeIfAbsent(h.function(), PostMessageOriginCheck::subtree).contains(n)) continue;
                if (best == null || subtrees.get(best.function()).contains(h.function())) best = h;
            }
            return best;
        }

        /** A function that reads message data outside a handler, and the method or property name it is stored under. */
        private record Helper(Node fn, String name) {
        }

        /** The innermost function of the program that holds the node, or null. */
        private static Helper enclosingFunction(Node target, Node program) {
            java.util.ArrayDeque<Object[]> todo = new java.util.ArrayDeque<>();
            todo.push(new Object[] {program, null});
            while (!todo.isEmpty()) {
                Object[] top = todo.pop();
                Node n = (Node) top[0];
                if (n == target) return (Helper) top[1];
                for (int i = 0; i < n.size(); i++) {
                    Node k = n.kid(i);
                    if (k.start > target.start || k.end < target.end) continue;
                    todo.push(new Object[] {k, k.kind == Kind.FUNCTION ? new Helper(k, storedUnder(n, i)) : top[1]});
                }
            }
            return null;
        }

        /** {@code handle(e) {…}}, {@code handle: function…}, {@code this.handle = function…}: the name. */
        private static String storedUnder(Node parent, int index) {
            if (parent.kind == Kind.PROPERTY && index == 1) return parent.keyName();
            if (parent.kind == Kind.ASSIGN && index == 1 && parent.kid(0).kind == Kind.MEMBER) return parent.kid(0).propertyName();
            return null;
        }
    }

    /** Handler kinds of window message events (graded) and of channels (no origin to check). */
    private static final String WINDOW = "window-message", CHANNEL = "channel-message";

    /**
     * String methods that return the same origin in another spelling: a strict comparison of their
     * result ({@code e.origin.toLowerCase() === TRUSTED}) is as strong as one of the origin itself,
     * and a substring test of it as weak.
     */
    private static final Set<String> NORMALISERS = Set.of("toLowerCase", "toLocaleLowerCase", "toUpperCase",
            "toLocaleUpperCase", "trim", "trimStart", "trimEnd", "normalize", "toString", "valueOf");

    /** The outermost of {@code ref.toLowerCase().trim()...}: what the handler really compares. */
    private static Node normalised(Node ref, Map<Node, Node> parents) {
        while (true) {
            Node member = parents.get(ref);
            // (a computed member such as e.data[0] has no name)
            String name = member == null || member.kind != Kind.MEMBER ? null : member.propertyName();
            if (name == null || member.kid(0) != ref || !NORMALISERS.contains(name)) return ref;
            Node call = parents.get(member);
            if (call == null || call.kind != Kind.CALL || call.kid(0) != member) return ref;
            ref = call;
        }
    }

    /** How the use of an origin reference at {@code ref} checks it. */
    private Grade grade(Node ref, Walker w, Scopes scopes, int depth) {
        ref = normalised(ref, w.parents);
        Node parent = w.parents.get(ref);
        if (parent == null) return Grade.NONE;
        int at = parent.start;
        switch (parent.kind) {
            case BINARY -> {
                if (Set.of("===", "!==", "==", "!=").contains(parent.text)) return new Grade(Strength.STRONG, null, at);
                return Grade.NONE;
            }
            case SWITCH -> {
                return parent.kid(0) == ref ? new Grade(Strength.STRONG, null, at) : Grade.NONE;
            }
            case MEMBER -> {
                // origin.method(...)
                Node call = w.parents.get(parent);
                String m = parent.propertyName();
                if (call == null || call.kind != Kind.CALL || call.kid(0) != parent || m == null) return Grade.NONE;
                Node arg = call.size() > 1 ? call.kid(1) : null;
                return switch (m) {
                    case "indexOf", "includes", "lastIndexOf" -> new Grade(Strength.WEAK,
                            "the origin check uses " + m + "(), which also accepts look-alike hosts such as example.com.evil.net", at);
                    case "search", "match" -> regexGrade(arg, scopes, at, m + "()");
                    case "startsWith" -> new Grade(Strength.WEAK,
                            "the origin check uses startsWith(), which also accepts https://example.com.evil.net", at);
                    case "endsWith" -> {
                        String s = arg == null ? null : constant(arg, scopes);
                        if (s != null && s.startsWith(".")) yield new Grade(Strength.STRONG, null, at);
                        yield new Grade(Strength.WEAK, "the origin check uses endsWith() without a leading dot, which also accepts evilexample.com", at);
                    }
                    default -> Grade.NONE;
                };
            }
            case CALL, NEW -> {
                int idx = parent.kids().indexOf(ref) - 1;
                if (idx < 0) return Grade.NONE;
                Node callee = parent.kid(0);
                if (parent.kind == Kind.NEW && callee.kind == Kind.IDENT && callee.text.equals("URL")) {
                    return urlGrade(parent, w, scopes, depth);
                }
                if (callee.kind == Kind.MEMBER) {
                    String m = callee.propertyName();
                    if (m == null) return Grade.NONE;
                    switch (m) {
                        case "includes", "indexOf", "has", "contains", "hasOwnProperty" -> {
                            return new Grade(Strength.STRONG, null, at);
                        }
                        case "test", "exec" -> {
                            return regexGrade(callee.kid(0), scopes, at, "a regular expression");
                        }
                        default -> {
                            return Grade.NONE;
                        }
                    }
                }
                if (callee.kind == Kind.IDENT && depth < 2) return helperGrade(callee, idx, scopes, at, depth);
                return Grade.NONE;
            }
            default -> {
                return Grade.NONE;
            }
        }
    }

    /** {@code new URL(origin)}: grade the checks on the parsed URL's host and protocol. */
    private Grade urlGrade(Node newUrl, Walker w, Scopes scopes, int depth) {
        Node decl = w.parents.get(newUrl);
        Binding b = null;
        if (decl != null && decl.kind == Kind.DECLARATOR && decl.kid(0).kind == Kind.IDENT) b = scopes.binding(decl.kid(0));
        Grade best = Grade.NONE;
        for (Map.Entry<Node, Node> e : w.parents.entrySet()) {
            Node n = e.getKey();
            if (n.kind != Kind.MEMBER) continue;
            Node obj = n.kid(0);
            boolean onUrl = obj == newUrl || (b != null && obj.kind == Kind.IDENT && scopes.binding(obj) == b);
            if (!onUrl) continue;
            String p = n.propertyName();
            if ("hostname".equals(p) || "host".equals(p) || "origin".equals(p)) best = best.better(grade(n, w, scopes, depth));
        }
        return best;
    }

    /** A user function called with the origin: grade what it does with that parameter. */
    private Grade helperGrade(Node callee, int index, Scopes scopes, int at, int depth) {
        Binding b = scopes.binding(callee);
        if (b == null) return Grade.NONE;
        Node fn = b.singleDefinition();
        if (fn == null || fn.kind != Kind.FUNCTION) return Grade.NONE;
        List<Node> ps = fn.kid(0).kids();
        if (index >= ps.size() || ps.get(index).kind != Kind.IDENT) return Grade.NONE;
        Walker w = new Walker(scopes);
        w.originBindings.add(scopes.binding(ps.get(index)));
        w.walk(fn.kid(1), null);
        w.resolveAliases(fn.kid(1));
        Grade best = combined(w, fn.kid(1), scopes, depth + 1);
        return best.strength == Strength.NONE ? Grade.NONE : new Grade(best.strength, best.why, at);
    }

    private Grade regexGrade(Node re, Scopes scopes, int at, String how) {
        String pattern = regexPattern(re, scopes);
        if (pattern == null) {
            String s = re == null ? null : constant(re, scopes);
            if (s != null) return new Grade(Strength.WEAK, "the origin check uses " + how + " with a plain string, which matches anywhere in the origin", at);
            return Grade.NONE;
        }
        String problem = regexProblem(pattern);
        return problem == null ? new Grade(Strength.STRONG, null, at)
                : new Grade(Strength.WEAK, "the origin check uses " + how + " /" + pattern + "/ " + problem, at);
    }

    /** Why an origin regex is bypassable, or null when it is anchored at both ends and escapes its dots. */
    static String regexProblem(String p) {
        List<String> alternatives = topLevelAlternatives(p);
        boolean grouped = p.startsWith("^(") && p.endsWith(")$") && closingParen(p, 1) == p.length() - 2;
        if (alternatives.size() > 1 && !grouped) {
            for (String a : alternatives) {
                if (!a.startsWith("^") || !a.endsWith("$")) return "anchors only some of its alternatives";
            }
        } else if (!p.startsWith("^") || !p.endsWith("$") || p.endsWith("\\$")) {
            return "is not anchored at both ends (^…$)";
        }
        boolean escaped = false, inClass = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '.' && !inClass) {
                String tail = p.substring(i + 1);
                if (!(tail.startsWith("*") || tail.startsWith("+"))) return "has an unescaped '.', which matches any character";
                return "allows any characters (.*) in the host";
            }
        }
        return null;
    }

    /** Index of the parenthesis closing the one at {@code open}, or -1. */
    private static int closingParen(String p, int open) {
        int depth = 0;
        boolean escaped = false, inClass = false;
        for (int i = open; i < p.length(); i++) {
            char c = p.charAt(i);
            if (escaped) { escaped = false; continue; }
            if (c == '\\') { escaped = true; continue; }
            if (inClass) { if (c == ']') inClass = false; continue; }
            if (c == '[') inClass = true;
            else if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
        }
        return -1;
    }

    private static List<String> topLevelAlternatives(String p) {
        List<String> out = new ArrayList<>();
        int depth = 0, from = 0;
        boolean escaped = false, inClass = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (escaped) { escaped = false; continue; }
            if (c == '\\') { escaped = true; continue; }
            if (inClass) { if (c == ']') inClass = false; continue; }
            if (c == '[') inClass = true;
            else if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '|' && depth == 0) {
                out.add(p.substring(from, i));
                from = i + 1;
            }
        }
        out.add(p.substring(from));
        return out;
    }

    private static String regexPattern(Node n, Scopes scopes) {
        if (n == null) return null;
        if (n.kind == Kind.REGEX) return n.text;
        if (n.kind == Kind.NEW && n.kid(0).kind == Kind.IDENT && n.kid(0).text.equals("RegExp") && n.size() > 1) {
            return constant(n.kid(1), scopes);
        }
        if (n.kind == Kind.IDENT) {
            Binding b = scopes.binding(n);
            Node def = b == null ? null : b.singleDefinition();
            if (def != null && def != n && (def.kind == Kind.REGEX || def.kind == Kind.NEW)) return regexPattern(def, scopes);
        }
        return null;
    }

    private static String constant(Node n, Scopes scopes) {
        if (n.kind == Kind.STRING) return n.text;
        if (n.kind == Kind.IDENT) {
            Binding b = scopes.binding(n);
            Node def = b == null ? null : b.singleDefinition();
            if (def != null && def.kind == Kind.STRING) return def.text;
        }
        return null;
    }

    /**
     * Finds, inside a handler, reads of the event's data and of its origin (also through
     * {@code originalEvent}, destructuring and local aliases such as {@code var o = e.origin}).
     */
    private static final class Walker {
        final Scopes scopes;
        final Map<Node, Node> parents = new IdentityHashMap<>();
        final Set<Binding> eventBindings = new HashSet<>();
        final Set<Binding> dataBindings = new HashSet<>();
        final Set<Binding> originBindings = new HashSet<>();
        final List<Node> dataUses = new ArrayList<>();
        final List<Node> originRefs = new ArrayList<>();
        /** The event itself handed to a function ({@code handle(e)}), which may read its data there. */
        final List<Node> eventArguments = new ArrayList<>();

        Walker(Scopes scopes) {
            this.scopes = scopes;
        }

        void bindEvent(Node param) {
            if (param.kind == Kind.IDENT) {
                Binding b = scopes.binding(param);
                if (b != null) eventBindings.add(b);
            } else if (param.kind == Kind.OBJECT_PATTERN) {
                for (Node p : param.kids()) {
                    if (p.kind != Kind.PROPERTY || p.kid(1).kind != Kind.IDENT) continue;
                    Binding b = scopes.binding(p.kid(1));
                    if (b == null) continue;
                    String k = p.keyName();
                    if ("data".equals(k)) dataBindings.add(b);
                    if ("origin".equals(k) || "source".equals(k)) originBindings.add(b);
                }
            } else if (param.kind == Kind.ASSIGN_PATTERN) {
                bindEvent(param.kid(0));
            }
        }

        void walk(Node n, Node parent) {
            if (parent != null) parents.put(n, parent);
            for (Node k : n.kids()) walk(k, n);
            if (n.kind == Kind.MEMBER) {
                String p = n.propertyName();
                if (isEvent(n.kid(0))) {
                    // the ports handed over with the message are the sender's too
                    if ("data".equals(p) || "ports".equals(p)) dataUses.add(n);
                    if ("origin".equals(p) || "source".equals(p)) originRefs.add(n);
                }
            } else if (n.kind == Kind.IDENT && parent != null) {
                Binding b = scopes.binding(n);
                if ((parent.kind == Kind.CALL || parent.kind == Kind.NEW) && parent.kid(0) != n && isEvent(n)) eventArguments.add(n);
                if (b != null && b.declaration != n) {
                    if (dataBindings.contains(b)) dataUses.add(n);
                    if (originBindings.contains(b)) originRefs.add(n);
                }
            }
        }

        /**
         * {@code const {data, origin} = e;} in the body binds like destructuring in the parameter list, and
         * {@code var ev = e.originalEvent;} (jQuery) makes {@code ev} the event too.
         */
        void destructuredEvent(Node n) {
            if (n.kind == Kind.DECLARATOR && n.size() > 1 && isEvent(n.kid(1))) {
                if (n.kid(0).kind == Kind.OBJECT_PATTERN) bindEvent(n.kid(0));
                else if (n.kid(0).kind == Kind.IDENT && n.kid(1).kind == Kind.MEMBER) bindEvent(n.kid(0));
            }
            for (Node k : n.kids()) destructuredEvent(k);
        }

        /** {@code e}, or {@code e.originalEvent} (jQuery). */
        private boolean isEvent(Node n) {
            if (n.kind == Kind.IDENT) {
                Binding b = scopes.binding(n);
                return b != null && eventBindings.contains(b);
            }
            return n.kind == Kind.MEMBER && "originalEvent".equals(n.propertyName()) && isEvent(n.kid(0));
        }

        /** {@code var o = e.origin; var d = e.data;} make o and d stand for them. */
        void resolveAliases(Node body) {
            boolean grew = true;
            while (grew) {
                grew = false;
                for (Node ref : new ArrayList<>(originRefs)) grew |= alias(ref, originBindings, originRefs);
                for (Node use : new ArrayList<>(dataUses)) grew |= alias(use, dataBindings, dataUses);
                if (grew) {
                    originRefs.clear();
                    dataUses.clear();
                    eventArguments.clear();
                    parents.clear();
                    walk(body, null);
                }
            }
        }

        private boolean alias(Node ref, Set<Binding> into, List<Node> uses) {
            ref = normalised(ref, parents);
            Node p = parents.get(ref);
            if (p != null && p.kind == Kind.DECLARATOR && p.kid(1) == ref && p.kid(0).kind == Kind.IDENT) {
                Binding b = scopes.binding(p.kid(0));
                return b != null && into.add(b);
            }
            if (p != null && p.kind == Kind.ASSIGN && p.kid(1) == ref && p.kid(0).kind == Kind.IDENT) {
                Binding b = scopes.binding(p.kid(0));
                return b != null && into.add(b);
            }
            return false;
        }
    }
}

package io.wsscan.analysis;

import io.wsscan.analysis.Fact.Api;
import io.wsscan.analysis.Fact.Hint;
import io.wsscan.analysis.Fact.Obj;
import io.wsscan.analysis.Fact.Param;
import io.wsscan.analysis.Fact.Str;
import io.wsscan.analysis.Fact.Taint;
import io.wsscan.analysis.Scopes.Binding;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-file abstract interpreter behind every taint rule. Flow-insensitive: the program and every
 * function body are evaluated in rounds until no variable, field or summary grows; after the first
 * round a body is evaluated again only if something it read has changed.
 *
 * <ul>
 *   <li>Objects are abstracted by allocation site; variables by their scope binding.</li>
 *   <li>Functions get summaries: what they return in terms of their parameters
 *       ({@link Param} facts), and which parameters reach which sinks. A call applies the summary to
 *       its actual arguments, so a helper called once with tainted and once with clean data only
 *       reports the tainted call. Objects flow into callees directly (context-insensitively).</li>
 *   <li>API models ({@link Models}) turn access paths into types, sources, sinks, sanitizers and
 *       callbacks; unknown calls pass their arguments' data on (string operations propagate).</li>
 * </ul>
 */
public final class Engine {

    /**
     * Evaluation rounds before giving up on a fixpoint (what was found so far is still reported). The
     * corpus needs 4; files that need more are mostly large bundles whose strings and hub objects
     * keep growing for a dozen rounds — 8 halves the difference in time (EngineBench: -18 % CPU).
     */
    static final int MAX_ITERATIONS = 8;
    /** {@code -Dwsscan.debug=true}: per-round statistics on stderr, for tuning. */
    private static final boolean DEBUG = Boolean.getBoolean("wsscan.debug");
    private static final int MAX_PARAMS = 4;
    /** Bounds on folded strings: parts (text and unknown) and characters per text part. */
    private static final int MAX_STR_PARTS = 8, MAX_STR_TEXT = 400;
    /** Bounds on summaries: sink hits per function and calls between a parameter and its sink. */
    private static final int MAX_HITS = 48, MAX_HIT_STEPS = 16;
    private static final Set<String> NUMBER_PROPERTIES = Set.of("length", "size", "byteLength", "childElementCount");

    /** Where tainted data met a sink. */
    public record SinkReport(Node at, Models.Sink sink, Taint taint) {
    }

    /** A connection call ({@code new WebSocket(url)}) and every string its URL may be. */
    public static final class ConnectionSite {
        public final Node call;
        public final Models.Connection model;
        Value url = Value.EMPTY;

        ConnectionSite(Node call, Models.Connection model) {
            this.call = call;
            this.model = model;
        }

        public Value url() {
            return url;
        }
    }

    /** A function registered as a handler of a modeled event (e.g. window 'message'). */
    public record HandlerSite(Node registration, Node function, Models.Handler model) {
    }

    /** A call that creates a modeled server endpoint ({@code new WebSocketServer(...)}). */
    public record EndpointSite(Node call, Models.Endpoint model) {
    }

    private record SinkHit(int param, Node at, Models.Sink sink, Set<String> barriers, List<Trace.Step> steps) {
        @Override
        public boolean equals(Object o) {
            return o instanceof SinkHit h && h.param == param && h.at == at && h.sink == sink && h.barriers.equals(barriers);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(at) * 31 + param + barriers.hashCode();
        }
    }

    private static final class Summary {
        /**
         * Change cells: {@code in} (what callers pass: parameters, 'this') is read by the function's
         * own body, {@code out} (return value, sink hits) by its callers — so a caller passing one
         * more object does not make every other caller evaluate again.
         */
        final Object in = new Object(), out = new Object();
        Value ret = Value.EMPTY;
        Value thisVal = Value.EMPTY;
        final Value[] paramIn = new Value[MAX_PARAMS];
        final LinkedHashSet<SinkHit> hits = new LinkedHashSet<>();

        Summary() {
            java.util.Arrays.fill(paramIn, Value.EMPTY);
        }
    }

    private record ReportKey(Node at, Models.Sink sink, Taint taint) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ReportKey k && k.at == at && k.sink == sink && k.taint.equals(taint);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(at) * 31 + taint.hashCode();
        }
    }

    /** The files analysed together (one, or modules that import each other), in a fixed order. */
    private final List<Node> programs;
    private final Set<Node> programSet = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** The program each function belongs to (for module-relative lookups such as {@code import}). */
    private final Map<Node, Node> programOf = new IdentityHashMap<>();
    /** Programs that are worker scripts, and the program of the unit being evaluated. */
    private final Set<Node> workers = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private Node currentProgram;
    private final Linker linker;
    private final Scopes scopes;
    private final Models models;
    private final Joins joins;
    private final Map<String, List<String>> nameKindCache = new ConcurrentHashMap<>();

    private final Map<Binding, Value> vars = new HashMap<>();
    private final Map<String, Value> globals = new HashMap<>();
    private final Map<Node, Summary> summaries = new IdentityHashMap<>();
    private final Map<Node, Map<String, Obj>> objects = new IdentityHashMap<>();
    private final Map<Node, Node> thisOwner = new IdentityHashMap<>();
    private final List<Node> functions = new ArrayList<>();
    private final Map<ReportKey, SinkReport> reports = new LinkedHashMap<>();
    private final Map<Node, ConnectionSite> connections = new LinkedHashMap<>();
    private final Map<List<Node>, HandlerSite> handlers = new LinkedHashMap<>();
    private final Map<Node, EndpointSite> endpoints = new LinkedHashMap<>();
    private final Map<Integer, Map<Obj, Value>> deepCache = new HashMap<>();
    /** Nodes whose reads are sensitive only because of a name (heuristic sources). */
    private final Set<Node> nameSources = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean changed;
    private int iterations;
    private final Set<String> seenKinds = new java.util.HashSet<>();
    private final Map<Models.Sink, Boolean> wantedSinks = new IdentityHashMap<>();
    private boolean hitsDeferred, reseed;

    // Incremental rounds: every state cell (variable binding, object, summary, global name) has the
    // clock value of its last change; each evaluation unit (the program, a function body) remembers
    // the cells it read and when it started, and is skipped in a round where none of them changed.
    private int clock;
    private final Map<Object, Integer> versions = new IdentityHashMap<>();
    private final Map<String, Object> globalCells = new HashMap<>();
    private final Object nameSourcesCell = new Object();
    private final Map<Node, Object[]> unitReads = new IdentityHashMap<>();
    private final Map<Node, Integer> unitStart = new IdentityHashMap<>();
    private Set<Object> reads;

    /**
     * @param joins which (source kind, sink kind) pairs some active rule reports; taints of other
     *              kinds are never created and sinks of other kinds never checked for them
     */
    public Engine(Node program, Scopes scopes, Models models, Joins joins) {
        this(List.of(program), scopes, models, joins, Linker.NONE);
    }

    /**
     * Several programs analysed as one: {@code scopes} must cover all of them, and {@code linker}
     * says which program a module specifier ({@code './socket'}) names.
     */
    public Engine(List<Node> programs, Scopes scopes, Models models, Joins joins, Linker linker) {
        this.programs = List.copyOf(programs);
        this.programSet.addAll(programs);
        this.scopes = scopes;
        this.models = models;
        this.joins = joins;
        this.linker = linker;
    }

    /** Resolves module specifiers between the programs of one engine. */
    public interface Linker {
        Linker NONE = (from, specifier) -> null;

        /** The program that {@code specifier}, imported or required in {@code from}, names; null if none. */
        Node resolve(Node from, String specifier);
    }

    /** The source and sink kinds the active taint rules connect. */
    public interface Joins {
        boolean wantsSource(String sourceKind);

        boolean joins(String sourceKind, String sinkKind);
    }

    /** Runs to a fixpoint (or the iteration bound). Throws if the thread is interrupted (time budget). */
    public Engine run() {
        for (Node program : programs) {
            programOf.put(program, program);
            collectFunctions(program, program, program);
            initModule(program);
            if (!models.workerMarkers.isEmpty() && callsGlobal(program, models.workerMarkers)) workers.add(program);
        }
        long t0 = System.nanoTime();
        int limit = MAX_ITERATIONS;
        for (iterations = 1; iterations <= limit; iterations++) {
            changed = false;
            deepCache.clear();
            for (Node program : programs) {
                if (dirty(program)) evaluateUnit(program, () -> execAll(program.kids(), program));
            }
            for (Node fn : functions) {
                if (Thread.currentThread().isInterrupted()) throw new AnalysisInterrupted();
                if (dirty(fn)) evaluateUnit(fn, () -> evalFunctionBody(fn));
            }
            if (DEBUG) {
                dirtyBy.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(6)
                        .forEach(e -> System.err.println("   dirty by " + e.getValue() + " x " + e.getKey()));
                dirtyBy.clear();
                System.err.printf("wsscan.debug: iteration %d at %d ms: " + evaluations + " evaluations, %d functions, sources %s, %d sink reports, %d summary sink hits%n", iterations,
                        (System.nanoTime() - t0) / 1_000_000, functions.size(), new java.util.TreeSet<>(seenKinds), reports.size(), summaries.values().stream().mapToInt(x -> x.hits.size()).sum());
            }
            if (reseed) {
                // a source kind appeared after sink hits were skipped: evaluate everything again
                reseed = false;
                hitsDeferred = false;
                unitReads.clear();
                changed = true;
                limit = Math.min(Math.max(limit, iterations + MAX_ITERATIONS / 2), 2 * MAX_ITERATIONS);
            }
            if (!changed) break;
        }
        if (DEBUG) {
            unitNanos.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(12)
                    .forEach(e -> System.err.printf("   unit %s at %d, %d chars: %d evaluations, %.1f ms%n", e.getKey().kind,
                            e.getKey().start, e.getKey().end - e.getKey().start, unitCount.get(e.getKey()), e.getValue() / 1e6));
        }
        return this;
    }

    /** Thrown when the scan's time budget interrupts the analysis of a file. */
    public static final class AnalysisInterrupted extends RuntimeException {
        AnalysisInterrupted() {
            super("analysis interrupted", null, false, false);
        }
    }

    public List<SinkReport> reports() {
        return List.copyOf(reports.values());
    }

    public List<ConnectionSite> connections() {
        return List.copyOf(connections.values());
    }

    public List<HandlerSite> handlers() {
        return List.copyOf(handlers.values());
    }

    public List<EndpointSite> endpoints() {
        return List.copyOf(endpoints.values());
    }


    // ------------------------------------------------------------------ setup

    private void collectFunctions(Node n, Node owner, Node program) {
        for (Node k : n.kids()) {
            if (k.kind == Kind.FUNCTION) {
                functions.add(k);
                programOf.put(k, program);
                thisOwner.put(k, k.has(Node.ARROW) ? owner : k);
                collectFunctions(k, k.has(Node.ARROW) ? owner : k, program);
            } else if (k.kind == Kind.CLASS) {
                // In field initialisers (and arrows there) 'this' is the instance: the class stands in.
                for (Node m : k.kids()) if (m.kind == Kind.CLASS || m.kind == Kind.FUNCTION) thisOwner.put(m, k);
                programOf.put(k, program);
                collectFunctions(k, k, program);
            } else {
                collectFunctions(k, owner, program);
            }
        }
    }

    // ------------------------------------------------------------------ modules

    // Each program has three objects: its ES namespace (named exports and 'default'), and the
    // CommonJS 'module' and 'exports' (module.exports starts as exports). Imports and require()
    // read them; because they are ordinary objects, the fixpoint carries values across files.

    private void initModule(Node program) {
        Obj exports = obj(program, "exports", null);
        Obj module = obj(program, "module", null);
        setField(module, "exports", Value.of(exports));
        Binding mb = scopes.moduleBinding(program, "module"), eb = scopes.moduleBinding(program, "exports");
        if (mb != null) setVar(mb, Value.of(module));
        if (eb != null) setVar(eb, Value.of(exports));
    }

    private Obj namespace(Node program) {
        return obj(program, "namespace", null);
    }

    /** Whether the program calls one of these global functions anywhere (iteratively: trees are deep). */
    private boolean callsGlobal(Node program, Set<String> names) {
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
        todo.push(program);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n.kind == Kind.CALL && n.kid(0).kind == Kind.IDENT && names.contains(n.kid(0).text)
                    && scopes.binding(n.kid(0)) == null) {
                return true;
            }
            for (Node k : n.kids()) todo.push(k);
        }
        return false;
    }

    /** An ES module: it has a top-level import or export (then module.exports is not its interface). */
    private static boolean isEsModule(Node program) {
        for (Node k : program.kids()) if (k.kind == Kind.IMPORT || k.kind == Kind.EXPORT) return true;
        return false;
    }

    /** What {@code import {name} from} (name 'default' or '*' for the namespace) gives from a program. */
    private Value importFrom(Node target, String name) {
        if (isEsModule(target)) {
            return "*".equals(name) ? Value.of(namespace(target)) : readObjField(namespace(target), name);
        }
        Value exports = readObjField(obj(target, "module", null), "exports");
        // a CommonJS module seen from ESM: module.exports is the default export and the namespace
        if ("*".equals(name) || "default".equals(name)) return exports;
        Value out = Value.EMPTY;
        for (Obj o : exports.objects()) out = out.join(readObjField(o, name));
        return out;
    }

    /** {@code require(specifier)}: module.exports of a CommonJS module, the namespace of an ES module. */
    private Value required(Node target) {
        return isEsModule(target) ? Value.of(namespace(target)) : readObjField(obj(target, "module", null), "exports");
    }

    private void execImport(Node n, Node fn) {
        if (n.text == null) return;
        Node target = linker.resolve(programOf.get(fn), n.text);
        for (Node spec : n.kids()) {
            if (spec.kind != Kind.IMPORT_SPEC || spec.size() == 0) continue;
            Node local = spec.kid(0);
            Value v = target != null ? stepAll(importFrom(target, spec.text), spec, "imported from '" + n.text + "'")
                    : packageApi(n.text, spec.text, spec);
            assignPattern(local, v, spec, fn);
        }
    }

    /**
     * A package that is not a file of the scan ({@code import {io} from 'socket.io-client'}): API
     * models name it {@code Module[socket.io-client]}; the default export, a namespace import and
     * {@code require()} all give the module itself, a named import its member.
     */
    private Value packageApi(String specifier, String imported, Node at) {
        if (specifier.startsWith(".") || specifier.startsWith("/")) return Value.EMPTY;
        String module = "Module[" + specifier + "]";
        if (imported == null || "*".equals(imported) || "default".equals(imported)) return api(module, at, null);
        return api(module + ".Member[" + imported + "]", at, imported);
    }

    private void execExport(Node n, Node fn) {
        Node program = programOf.get(fn);
        Obj ns = namespace(program);
        if (n.text != null) {
            // re-exports: export {a as b} from './x', export * from './x'
            Node target = linker.resolve(program, n.text);
            if (target == null) return;
            for (Node spec : n.kids()) {
                if (spec.kind != Kind.EXPORT_SPEC) continue;
                String imported = spec.size() > 0 ? spec.kid(0).text : spec.text;
                if ("*".equals(spec.text)) {
                    Obj from = namespace(target);
                    read(from);
                    for (Map.Entry<String, Value> e : new ArrayList<>(from.fields.entrySet())) {
                        if (!e.getKey().equals("default")) setField(ns, e.getKey(), e.getValue());
                    }
                } else {
                    setField(ns, spec.text, importFrom(target, imported));
                }
            }
            return;
        }
        if (n.has(Node.DEFAULT)) {
            Node d = n.kid(0);
            Value v;
            if (d.kind == Kind.CLASS || d.kind == Kind.FUNCTION && d.has(Node.DECLARATION)) {
                exec(d, fn);
                v = d.kind == Kind.FUNCTION ? Value.of(functionObj(d)) : eval(d, fn);
            } else {
                v = eval(d, fn);
            }
            setField(ns, "default", v);
            return;
        }
        for (Node k : n.kids()) {
            if (k.kind == Kind.EXPORT_SPEC) {
                setField(ns, k.text, k.size() > 0 ? readIdent(k.kid(0), fn) : Value.EMPTY);
                continue;
            }
            exec(k, fn);
            for (Node name : declaredNames(k)) {
                Binding b = scopes.binding(name);
                if (b == null) continue;
                read(b);
                setField(ns, b.name, vars.getOrDefault(b, Value.EMPTY));
            }
        }
    }

    /** The identifiers a declaration statement declares (export const {a, b} = ..., export function f). */
    private static List<Node> declaredNames(Node decl) {
        List<Node> out = new ArrayList<>();
        switch (decl.kind) {
            case VAR_DECL -> {
                for (Node d : decl.kids()) patternNames(d.kid(0), out);
            }
            case FUNCTION, CLASS -> out.add(decl);
            default -> {
            }
        }
        return out;
    }

    private static void patternNames(Node p, List<Node> out) {
        switch (p.kind) {
            case IDENT -> out.add(p);
            case OBJECT_PATTERN -> {
                for (Node k : p.kids()) patternNames(k.kind == Kind.PROPERTY ? k.kid(1) : k, out);
            }
            case ARRAY_PATTERN -> {
                for (Node k : p.kids()) patternNames(k, out);
            }
            case ASSIGN_PATTERN, REST -> patternNames(p.kid(0), out);
            default -> {
            }
        }
    }

    private boolean dirty(Node unit) {
        Object[] r = unitReads.get(unit);
        if (r == null) return true;
        int start = unitStart.get(unit);
        for (Object cell : r) {
            if (versions.getOrDefault(cell, 0) > start) {
                if (DEBUG) dirtyBy.merge(cell.getClass().getSimpleName() + " " + cell, 1, Integer::sum);
                return true;
            }
        }
        return false;
    }

    private final Map<String, Integer> dirtyBy = new HashMap<>();
    private final Map<Node, Long> unitNanos = new IdentityHashMap<>();
    private final Map<Node, Integer> unitCount = new IdentityHashMap<>();

    private long evaluations;

    private void evaluateUnit(Node unit, Runnable body) {
        evaluations++;
        currentProgram = programOf.get(unit);
        Set<Object> r = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        unitStart.put(unit, clock);
        reads = r;
        long t0 = DEBUG ? System.nanoTime() : 0;
        try {
            body.run();
        } finally {
            reads = null;
        }
        if (DEBUG) {
            unitNanos.merge(unit, System.nanoTime() - t0, Long::sum);
            unitCount.merge(unit, 1, Integer::sum);
        }
        unitReads.put(unit, r.toArray()); // an array: dirty() only walks it
    }

    private void read(Object cell) {
        if (reads != null) reads.add(cell);
    }

    private void bump(Object cell) {
        versions.put(cell, ++clock);
    }

    private Object globalCell(String name) {
        return globalCells.computeIfAbsent(name, n -> new Object());
    }

    private Summary summary(Node fn) {
        return summaries.computeIfAbsent(fn, f -> new Summary());
    }

    private Obj obj(Node site, String tag, Node function) {
        Map<String, Obj> byTag = objects.computeIfAbsent(site, s -> new HashMap<>());
        Obj o = byTag.get(tag); // get, then put: a capturing lambda would be allocated on every call
        if (o == null) byTag.put(tag, o = new Obj(site, tag, function));
        return o;
    }

    private Obj functionObj(Node fn) {
        return obj(fn, "function", fn);
    }

    // ------------------------------------------------------------------ state updates

    private void setVar(Binding b, Value v) {
        Value old = vars.getOrDefault(b, Value.EMPTY);
        Value nv = old.join(v);
        if (nv != old) {
            vars.put(b, nv);
            changed = true;
            bump(b);
        }
    }

    private void setField(Obj o, String name, Value v) {
        Value old = o.fields.getOrDefault(name, Value.EMPTY);
        Value nv = old.join(v);
        if (nv != old) {
            putField(o, name, nv);
            changed = true;
            if (!name.startsWith("__") && !name.startsWith("<") && !name.equals("prototype")) {
                Value data = o.data.join(v.dataOnly());
                boolean grew = data != o.data;
                o.data = data;
                for (Obj c : v.objects()) {
                    if (c.function == null && c != o && o.children.size() < 64) grew |= o.children.add(c);
                }
                if (grew) bump(fieldCell(o, DATA));
            }
        }
    }

    // Objects have a cell for the whole object (read by code that looks at every field: copy loops,
    // serialisation) and one per field, so that writing one field of a widely shared object does
    // not make every reader of its other fields evaluate again.

    private void putField(Obj o, String name, Value v) {
        o.fields.put(name, v);
        bump(o);
        bump(fieldCell(o, name));
    }

    /** Identity of one field for change tracking (named for the debug output). */
    private record FieldCell(Obj obj, String name) {
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return obj + "." + name;
        }
    }

    /** The cell of an object's serialised data ({@code Obj.data} and {@code Obj.children}). */
    private static final String DATA = "<data>";

    private static Object fieldCell(Obj o, String name) {
        if (o.cells == null) o.cells = new HashMap<>(4);
        Object cell = o.cells.get(name);
        if (cell == null) o.cells.put(name, cell = new FieldCell(o, name));
        return cell;
    }

    /** One field's own value (no prototype chain), recording the read of that field only. */
    private Value field(Obj o, String name) {
        read(fieldCell(o, name));
        return o.fields.get(name);
    }

    private void setGlobal(String name, Value v) {
        Value old = globals.getOrDefault(name, Value.EMPTY);
        Value nv = old.join(v);
        if (nv != old) {
            globals.put(name, nv);
            changed = true;
            bump(globalCell(name));
        }
    }

    private void addHit(Node fn, SinkHit h) {
        if (!sinkWanted(h.sink)) {
            hitsDeferred = true;
            return;
        }
        Summary s = summary(fn);
        if (s.hits.size() >= MAX_HITS || h.steps.size() > MAX_HIT_STEPS) return;
        SinkHit normal = new SinkHit(h.param, h.at, h.sink, relevant(h.barriers, h.sink), h.steps);
        if (s.hits.add(normal)) {
            changed = true;
            bump(s.out);
        }
    }

    /** Barriers that matter for a sink: the sink's own kinds, or 'all'. */
    private static Set<String> relevant(Set<String> barriers, Models.Sink sink) {
        if (barriers.isEmpty()) return barriers;
        if (barriers.contains("all")) return Set.of("all");
        Set<String> out = new java.util.TreeSet<>(barriers);
        out.retainAll(sink.kinds());
        return out.size() == barriers.size() ? barriers : Set.copyOf(out);
    }

    // Summary sink hits are recorded only for sinks that some source kind met so far can reach: in a
    // library with DOM sinks everywhere and no WebSocket or message source (most of a bundle), the
    // hits would be built and carried up every call chain for nothing. When a new source kind shows
    // up after hits were skipped, every unit is evaluated again (see run()).

    private void sourceSeen(String kind) {
        if (seenKinds.add(kind)) {
            wantedSinks.clear();
            if (hitsDeferred) reseed = true;
        }
    }

    private boolean sinkWanted(Models.Sink sink) {
        Boolean w = wantedSinks.get(sink);
        if (w == null) {
            w = false;
            for (String k : seenKinds) for (String sk : sink.kinds()) w |= joins.joins(k, sk);
            wantedSinks.put(sink, w);
        }
        return w;
    }

    private void addThis(Node fn, Value v) {
        Summary s = summary(fn);
        Value nv = s.thisVal.join(v);
        if (nv != s.thisVal) {
            s.thisVal = nv;
            bump(s.in);
            changed = true;
        }
    }

    private void addParamIn(Node fn, int i, Value v) {
        if (i >= MAX_PARAMS || v.isEmpty()) return;
        Summary s = summary(fn);
        Value nv = s.paramIn[i].join(v);
        if (nv != s.paramIn[i]) {
            s.paramIn[i] = nv;
            bump(s.in);
            changed = true;
        }
    }

    private void addReturn(Node fn, Value v) {
        Summary s = summary(fn);
        Value nv = s.ret.join(v);
        if (nv != s.ret) {
            s.ret = nv;
            bump(s.out);
            changed = true;
        }
    }

    private void report(Node at, Models.Sink sink, Taint t) {
        boolean wanted = false;
        for (String k : sink.kinds()) wanted |= joins.joins(t.kind(), k) && !t.barriers().contains(k);
        if (!wanted || t.barriers().contains("all")) return;
        Taint n = new Taint(t.kind(), t.source(), relevant(t.barriers(), sink), t.trace());
        reports.putIfAbsent(new ReportKey(at, sink, n), new SinkReport(at, sink, n));
    }

    // ------------------------------------------------------------------ functions

    private void evalFunctionBody(Node fn) {
        Summary s = summary(fn);
        read(s.in);
        List<Node> params = fn.kid(0).kids();
        for (int i = 0; i < params.size(); i++) {
            Node p = params.get(i);
            Value v = Value.of(new Param(fn, i, Set.of(), null));
            if (i < MAX_PARAMS) v = v.join(s.paramIn[i]);
            if (p.kind == Kind.REST) {
                Obj arr = obj(p, "array", null);
                setField(arr, "[]", v);
                assignPattern(p.kid(0), Value.of(arr), p, fn);
            } else {
                assignPattern(p, v, p, fn);
            }
        }
        Node body = fn.kid(1);
        if (fn.has(Node.EXPRESSION_BODY)) {
            addReturn(fn, stepAll(eval(body, fn), body, "returned"));
        } else {
            execAll(body.kids(), fn);
        }
    }

    private Value thisValue(Node fn) {
        Node owner = programSet.contains(fn) || fn.kind == Kind.CLASS ? fn : thisOwner.getOrDefault(fn, fn);
        if (programSet.contains(owner)) return Value.of(new Api("Global"));
        // Only the objects a function is called on: 'this' is not a summary input, or every method
        // touching this.anything would report through every caller.
        Summary s = summary(owner);
        read(s.in);
        return s.thisVal;
    }

    /** Calls a user function: objects go into its parameters, data comes back through its summary. */
    private Value invoke(Obj f, Value self, List<Value> args, Node call) {
        Node fn = f.function;
        Summary s = summary(fn);
        read(s.out);
        for (int i = 0; i < Math.min(args.size(), MAX_PARAMS); i++) addParamIn(fn, i, nonData(argFor(fn, i, args)));
        if (!fn.has(Node.ARROW)) addThis(fn, nonData(self));
        Value result = substitute(s.ret, fn, args, self, call);
        for (SinkHit h : new ArrayList<>(s.hits)) {
            Value arg = h.param < 0 ? self : argFor(fn, h.param, args);
            applyHit(h, arg, call, fn);
        }
        return result;
    }

    /** The actual value of parameter {@code i}: the argument, or all remaining ones for a rest parameter. */
    private static Value argFor(Node fn, int i, List<Value> args) {
        List<Node> params = fn.kid(0).kids();
        if (i == params.size() - 1 && params.get(i).kind == Kind.REST) {
            Value all = Value.EMPTY;
            for (int k = i; k < args.size(); k++) all = all.join(args.get(k));
            return all;
        }
        return i < args.size() ? args.get(i) : Value.EMPTY;
    }

    private Value substitute(Value ret, Node fn, List<Value> args, Value self, Node call) {
        if (ret.isEmpty() || !hasParamOf(ret, fn)) return ret; // nothing of this call's inputs in it
        List<Fact> out = new ArrayList<>();
        String via = "returned from " + functionName(fn);
        // A returned parameter ('return to;') brings this call's argument through the substitution;
        // the objects other calls passed in for it (merged into the parameter) must not come along.
        Set<Obj> passedIn = null;
        Summary s = summary(fn);
        for (Fact f : ret.items()) {
            if (f instanceof Param p && p.function() == fn && p.index() >= 0 && p.index() < MAX_PARAMS) {
                if (passedIn == null) passedIn = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
                read(s.in);
                java.util.Collections.addAll(passedIn, s.paramIn[p.index()].objects());
            }
        }
        for (Fact f : ret.items()) {
            if (passedIn != null && f instanceof Obj o && passedIn.contains(o)) continue;
            if (f instanceof Param p && p.function() == fn) {
                Value src = p.index() < 0 ? self : argFor(fn, p.index(), args);
                List<Trace.Step> inner = p.trace() == null ? List.of() : p.trace().steps();
                for (Fact a : src.items()) {
                    if (a instanceof Taint t) {
                        out.add(new Taint(t.kind(), t.source(), t.barriers(), t.trace().then(call, "passed to " + functionName(fn)).then(inner).then(call, via))
                                .withBarriers(p.barriers()));
                    } else if (a instanceof Param q) {
                        Trace tr = q.trace() == null ? Trace.start(call, "passed to " + functionName(fn)) : q.trace().then(call, "passed to " + functionName(fn));
                        out.add(new Param(q.function(), q.index(), q.barriers(), tr.then(inner).then(call, via)).withBarriers(p.barriers()));
                    } else if (p.barriers().isEmpty() || !(a instanceof Str)) {
                        out.add(a);
                    }
                }
            } else {
                out.add(f);
            }
        }
        return Value.of(out);
    }

    private static boolean hasParamOf(Value v, Node fn) {
        for (Fact f : v.items()) if (f instanceof Param p && p.function() == fn) return true;
        return false;
    }

    private void applyHit(SinkHit h, Value arg, Node call, Node fn) {
        Value facts = h.sink.deep() ? deepData(arg, 3) : arg;
        for (Fact f : facts.items()) {
            if (f instanceof Taint t) {
                Trace tr = t.trace().then(call, "passed to " + functionName(fn)).then(h.steps);
                report(h.at, h.sink, new Taint(t.kind(), t.source(), t.barriers(), tr).withBarriers(h.barriers));
            } else if (f instanceof Param q) {
                Set<String> b = h.barriers;
                if (!q.barriers().isEmpty()) {
                    b = new java.util.TreeSet<>(q.barriers());
                    b.addAll(h.barriers);
                    b = relevant(b, h.sink);
                }
                Summary target = summary(q.function());
                SinkHit probe = new SinkHit(q.index(), h.at, h.sink, b, List.of());
                if (target.hits.size() >= MAX_HITS || target.hits.contains(probe)) continue;
                List<Trace.Step> steps = new ArrayList<>();
                if (q.trace() != null) steps.addAll(q.trace().steps());
                steps.add(new Trace.Step(call, "passed to " + functionName(fn)));
                steps.addAll(h.steps);
                addHit(q.function(), new SinkHit(q.index(), h.at, h.sink, b, List.copyOf(steps)));
            }
        }
    }

    static String functionName(Node fn) {
        return fn.text != null ? fn.text + "()" : "a function";
    }

    // ------------------------------------------------------------------ statements

    private void execAll(List<Node> stmts, Node fn) {
        for (Node s : stmts) exec(s, fn);
    }

    private void exec(Node n, Node fn) {
        switch (n.kind) {
            case EXPR_STMT -> eval(n.kid(0), fn);
            case VAR_DECL -> {
                for (Node d : n.kids()) {
                    Node init = d.kid(1);
                    if (!init.isEmpty()) assignPattern(d.kid(0), eval(init, fn), d, fn);
                }
            }
            case FUNCTION -> {
                if (n.has(Node.DECLARATION) && n.text != null) {
                    Binding b = bindingOfDeclaredFunction(n);
                    if (b != null) setVar(b, Value.of(functionObj(n)));
                }
            }
            case RETURN -> {
                if (!n.kid(0).isEmpty()) addReturn(fn, stepAll(eval(n.kid(0), fn), n, "returned"));
            }
            case FOR_OF, FOR_IN -> {
                Value right = eval(n.kid(1), fn);
                Value item = n.kind == Kind.FOR_OF ? elements(right) : Value.EMPTY;
                Node left = n.kid(0);
                if (left.kind == Kind.VAR_DECL) {
                    for (Node d : left.kids()) assignPattern(d.kid(0), item, d, fn);
                } else {
                    assignPattern(left, item, left, fn);
                }
                exec(n.kid(2), fn);
            }
            case CATCH -> exec(n.kid(1), fn);
            case IMPORT -> execImport(n, fn);
            case EXPORT -> execExport(n, fn);
            case CLASS -> {
                Value c = eval(n, fn);
                Binding b = n.has(Node.DECLARATION) ? scopes.binding(n) : null;
                if (b != null) setVar(b, c);
            }
            default -> {
                for (Node k : n.kids()) {
                    if (isStatement(k)) exec(k, fn);
                    else eval(k, fn);
                }
            }
        }
    }

    private Binding bindingOfDeclaredFunction(Node fn) {
        // Scopes binds a declared function's name to the FUNCTION node itself.
        return scopes.binding(fn);
    }

    private static boolean isStatement(Node n) {
        return switch (n.kind) {
            case BLOCK, EXPR_STMT, VAR_DECL, IF, FOR, FOR_IN, FOR_OF, WHILE, DO_WHILE, RETURN, THROW, TRY, CATCH,
                 SWITCH, CASE, BREAK, CONTINUE, LABELED, WITH, EMPTY, DEBUGGER, CLASS, IMPORT, EXPORT -> true;
            case FUNCTION -> n.has(Node.DECLARATION);
            default -> false;
        };
    }

    // ------------------------------------------------------------------ assignment

    private void assignPattern(Node p, Value v, Node at, Node fn) {
        switch (p.kind) {
            case IDENT -> {
                Binding b = scopes.binding(p);
                Value stepped = stepAll(v, at, "assigned to " + p.text);
                if (b != null) {
                    setVar(b, stepped);
                } else {
                    setGlobal(p.text, stepped);
                    slot(List.of("Global[" + p.text + "]"), stepped, at, fn);
                }
            }
            case MEMBER -> {
                Value recv = eval(p.kid(0), fn);
                List<String> names = memberNames(p, fn);
                if (names == null) {
                    writeMember(recv, null, stepAll(v, at, "stored in an object"), at, fn);
                } else {
                    for (String name : names) writeMember(recv, name, stepAll(v, at, "stored in ." + name), at, fn);
                }
            }
            case OBJECT_PATTERN -> {
                for (Node k : p.kids()) {
                    if (k.kind == Kind.PROPERTY) {
                        String name = k.keyName();
                        assignPattern(k.kid(1), readMember(v, name, k.kid(0), fn), at, fn);
                    } else if (k.kind == Kind.REST) {
                        assignPattern(k.kid(0), v, at, fn);
                    }
                }
            }
            case ARRAY_PATTERN -> {
                Value items = elements(v);
                List<Node> ks = p.kids();
                for (int i = 0; i < ks.size(); i++) {
                    Node k = ks.get(i);
                    if (k.kind == Kind.REST) assignPattern(k.kid(0), v, at, fn);
                    else if (!k.isEmpty()) assignPattern(k, items.join(positional(v, i)), at, fn);
                }
            }
            case ASSIGN_PATTERN -> assignPattern(p.kid(0), v.join(eval(p.kid(1), fn)), at, fn);
            case REST -> assignPattern(p.kid(0), v, at, fn);
            default -> eval(p, fn);
        }
    }

    /**
     * {@code to[k] = from[k]} with the same unknown key (extend, assign and clone loops): fields are
     * copied name by name instead of every field landing under the unknown key, where every later
     * read of {@code to} would see all of them.
     */
    private boolean copyLoop(Node assign, Node fn) {
        Node target = assign.kid(0), value = assign.kid(1);
        if (target.kind != Kind.MEMBER || value.kind != Kind.MEMBER || !target.has(Node.COMPUTED) || !value.has(Node.COMPUTED)) {
            return false;
        }
        Node tk = target.kid(1), vk = value.kid(1);
        if (tk.kind != Kind.IDENT || vk.kind != Kind.IDENT) return false;
        Binding key = scopes.binding(tk);
        if (key == null || key != scopes.binding(vk) || memberNames(target, fn) != null) return false;
        Value from = eval(value.kid(0), fn);
        Value to = eval(target.kid(0), fn);
        Obj[] targets = to.objects();
        for (Fact f : from.items()) {
            if (f instanceof Obj src) {
                read(src);
                int version = versions.getOrDefault(src, 0);
                List<Obj> stale = new ArrayList<>(targets.length);
                for (Obj dst : targets) {
                    // joins are monotone: a target that got every field of this version of src has them
                    Integer last = copied.put(new CopyKey(assign, src, dst), version);
                    if (last != null && last == version) continue;
                    stale.add(dst);
                }
                if (stale.isEmpty()) continue;
                for (Map.Entry<String, Value> e : new ArrayList<>(src.fields.entrySet())) {
                    if (e.getKey().startsWith("__") || e.getKey().startsWith("<") || e.getKey().equals("prototype")) continue;
                    for (Obj dst : stale) setField(dst, e.getKey(), e.getValue());
                }
            } else if (f instanceof Taint || f instanceof Param) {
                // copying out of tainted data: every field of the target may hold it
                for (Obj dst : targets) setField(dst, "*", Value.of(f));
            }
        }
        return true;
    }

    /** Per copy loop, source and target: the source's change-clock when its fields were last copied. */
    private final Map<CopyKey, Integer> copied = new HashMap<>();

    private record CopyKey(Node site, Obj from, Obj to) {
    }

    private String memberName(Node member, Node fn) {
        List<String> names = memberNames(member, fn);
        return names != null && names.size() == 1 ? names.get(0) : null;
    }

    /**
     * The property names a member expression may use: its static name, or every constant a computed
     * key may hold ({@code uri[parts[i]]} with {@code parts} a list of literals); null when unknown.
     */
    private List<String> memberNames(Node member, Node fn) {
        if (!member.has(Node.COMPUTED)) return List.of(member.text);
        Node prop = member.kid(1);
        if (prop.kind == Kind.STRING) return List.of(prop.text);
        Value pv = eval(prop, fn);
        List<String> names = new ArrayList<>(2);
        for (Fact f : pv.items()) {
            if (!(f instanceof Str s) || !s.complete()) return null;
            if (!names.contains(s.prefix())) names.add(s.prefix());
        }
        return names.isEmpty() ? null : names;
    }

    private void writeMember(Value recv, String name, Value v, Node at, Node fn) {
        // A write under an unknown key (copy loops: to[k] = from[k]) is read back by every property
        // name; values judged sensitive only by their name would then stain unrelated reads. (Reads
        // under an unknown key drop them for the same reason.)
        read(nameSourcesCell);
        if (name == null && !nameSources.isEmpty()) v = v.filter(f -> !(f instanceof Taint t) || !nameSources.contains(t.source()));
        List<String> slots = new ArrayList<>(2);
        for (Fact f : recv.items()) {
            if (f instanceof Obj o) {
                setField(o, name == null ? "*" : name, v);
                if ("prototype".equals(o.tag) && o.site.kind == Kind.FUNCTION) {
                    for (Obj m : v.objects()) if (m.function != null) addThis(m.function, Value.of(syntheticInstance(o.site)));
                }
            } else if (f instanceof Api a && name != null) {
                addMemberPaths(slots, a.path(), name);
            }
        }
        if (name != null && mayBeHostObject(recv)) {
            String any = models.anyMember(name);
            if (any != null) slots.add(any);
        }
        if (!slots.isEmpty()) slot(slots, v, at, fn);
    }

    /**
     * {@code Any.Member[...]} models (innerHTML, href, insertAdjacentHTML, …) are about DOM and other
     * host objects: a receiver known to be only plain JavaScript objects of this file is not one.
     */
    private static boolean mayBeHostObject(Value recv) {
        if (recv.isEmpty()) return true;
        for (Fact f : recv.items()) if (!(f instanceof Obj)) return true;
        return false;
    }

    private void addMemberPaths(List<String> out, String path, String name) {
        if (path.equals("Global")) {
            out.add("Global[" + name + "]");
            return;
        }
        String p = path + ".Member[" + name + "]";
        p = models.aliases.getOrDefault(p, p);
        if (models.known(p)) out.add(p);
        String star = path + ".Member[*]";
        if (models.known(star)) out.add(star);
    }

    private Obj syntheticInstance(Node ctor) {
        Obj inst = obj(ctor, "instance", null);
        read(inst);
        if (!inst.fields.containsKey("__proto__")) {
            putField(inst, "__proto__", Value.of(obj(ctor, "prototype", null)));
        }
        return inst;
    }

    /**
     * A value flows into a modeled position (an argument, or a property of an API object): sinks
     * check it, handlers record it, and functions in it become callbacks whose parameters are API
     * values (e.g. the message event of {@code ws.onmessage}).
     */
    private void slot(List<String> paths, Value v, Node at, Node fn) {
        for (String path : paths) {
            List<Models.Sink> sinks = models.sinks.get(path);
            if (sinks != null) for (Models.Sink s : sinks) sinkCheck(v, s, at);
            Models.Handler h = models.handlers.get(path);
            if (h != null) {
                for (Obj o : v.objects()) {
                    if (o.function != null) handlers.putIfAbsent(List.of(at, o.function), new HandlerSite(at, o.function, h));
                }
            }
            Models.Steps next = models.stepsAfter(path);
            for (int k : next.parameters()) {
                if (k >= MAX_PARAMS) break;
                String pp = path + ".Parameter[" + k + "]";
                for (Obj o : v.objects()) {
                    if (o.function != null) addParamIn(o.function, k, api(pp, paramNode(o.function, k), null));
                }
            }
            if (next.members().isEmpty()) continue;
            for (Obj o : v.objects()) {
                if (o.function != null) continue;
                read(o);
                for (Map.Entry<String, Value> e : new ArrayList<>(o.fields.entrySet())) {
                    if (next.members().contains(e.getKey())) slot(List.of(path + ".Member[" + e.getKey() + "]"), e.getValue(), at, fn);
                }
            }
        }
    }

    private static Node paramNode(Node fn, int k) {
        List<Node> ps = fn.kid(0).kids();
        return k < ps.size() ? ps.get(k) : fn;
    }

    private void sinkCheck(Value v, Models.Sink sink, Node at) {
        Models.Hardcoded hc = sink.hardcoded();
        if (hc != null && joins.wantsSource(hc.kind())) {
            for (Str str : v.all(Str.class)) {
                if (str.complete() && hc.pattern().matcher(str.prefix()).matches()) {
                    report(at, sink, new Taint(hc.kind(), str.origin(), Set.of(), Trace.start(str.origin(), hc.label()))
                            .step(at, "reaches " + sink.label()));
                }
            }
        }
        Value facts = sink.deep() ? deepData(v, 3) : v;
        for (Fact f : facts.items()) {
            if (f instanceof Taint t) {
                report(at, sink, t.step(at, "reaches " + sink.label()));
            } else if (f instanceof Param p) {
                List<Trace.Step> steps = new ArrayList<>();
                if (p.trace() != null) steps.addAll(p.trace().steps());
                steps.add(new Trace.Step(at, "reaches " + sink.label()));
                addHit(p.function(), new SinkHit(p.index(), at, sink, p.barriers(), List.copyOf(steps)));
            }
        }
    }

    // ------------------------------------------------------------------ expressions

    Value eval(Node n, Node fn) {
        switch (n.kind) {
            case IDENT:
                return readIdent(n, fn);
            case THIS:
                return thisValue(fn);
            case STRING:
                return Value.of(new Str(List.of(n.text), n, false));
            case NUMBER:
                // kept as text for URLs ('ws://host:' + 8080); number + number is not concatenation
                return Value.of(new Str(List.of(n.text), n, false));
            case TEMPLATE: {
                Value acc = Value.EMPTY;
                boolean first = true;
                for (Node k : n.kids()) {
                    Value kv = k.kind == Kind.STRING ? Value.of(new Str(List.of(k.text), k, false)) : eval(k, fn);
                    acc = first ? kv : concat(acc, kv);
                    first = false;
                }
                return acc;
            }
            case BINARY: {
                Value l = eval(n.kid(0), fn);
                Value r = eval(n.kid(1), fn);
                return "+".equals(n.text) ? concat(l, r) : Value.EMPTY;
            }
            case LOGICAL:
                return eval(n.kid(0), fn).join(eval(n.kid(1), fn));
            case CONDITIONAL: {
                eval(n.kid(0), fn);
                return mirror(eval(n.kid(1), fn), eval(n.kid(2), fn));
            }
            case ASSIGN: {
                if ("=".equals(n.text) && copyLoop(n, fn)) return Value.EMPTY;
                Value v = eval(n.kid(1), fn);
                if (!"=".equals(n.text)) {
                    Value old = eval(n.kid(0), fn);
                    v = "+=".equals(n.text) ? concat(old, v) : Value.EMPTY;
                }
                assignPattern(n.kid(0), v, n, fn);
                return v;
            }
            case SEQUENCE: {
                Value last = Value.EMPTY;
                for (Node k : n.kids()) last = eval(k, fn);
                return last;
            }
            case MEMBER: {
                Value recv = eval(n.kid(0), fn);
                List<String> names = memberNames(n, fn);
                if (names == null || names.size() == 1) return readMember(recv, names == null ? null : names.get(0), n, fn);
                Value v = Value.EMPTY;
                for (String name : names) v = v.join(readMember(recv, name, n, fn));
                return v;
            }
            case CALL:
            case NEW:
                return evalCall(n, fn);
            case FUNCTION:
                return Value.of(functionObj(n));
            case ARRAY: {
                Obj arr = obj(n, "array", null);
                for (Node k : n.kids()) {
                    if (k.isEmpty()) continue;
                    Value kv = k.kind == Kind.SPREAD ? elements(eval(k.kid(0), fn)) : eval(k, fn);
                    setField(arr, "[]", kv);
                }
                return Value.of(arr);
            }
            case OBJECT:
                return evalObject(n, fn);
            case AWAIT:
                return unwrap(eval(n.kid(0), fn));
            case SPREAD:
                return eval(n.kid(0), fn);
            case UNARY: {
                eval(n.kid(0), fn);
                return Value.EMPTY;
            }
            case TAGGED_TEMPLATE:
                return eval(n.kid(0), fn).dataOnly().join(eval(n.kid(1), fn).dataOnly());
            case CLASS:
                return evalClass(n, fn);
            case JSX_ELEMENT:
                evalJsx(n, fn);
                return Value.EMPTY;
            case SUPER:
                return readMember(superclass(fn), "prototype", n, fn);
            case IMPORT_CALL:
                return dynamicImport(n, fn);
            case TYPE_HINT: {
                Value v = Value.EMPTY;
                for (String path : models.typeHints.getOrDefault(n.text, List.of())) v = v.join(api(path, n, null));
                return v;
            }
            default:
                for (Node k : n.kids()) {
                    if (isStatement(k)) exec(k, fn);
                    else eval(k, fn);
                }
                return Value.EMPTY;
        }
    }

    /**
     * A class is a constructor (its {@code constructor} method, if any) with a prototype holding the
     * methods; a synthetic instance stands for objects made elsewhere, so methods see their fields.
     */
    private Value evalClass(Node cls, Node fn) {
        Node ctor = null;
        for (Node m : cls.rest(1)) {
            if (m.kind == Kind.PROPERTY && "constructor".equals(m.keyName()) && m.kid(1).kind == Kind.FUNCTION) ctor = m.kid(1);
        }
        Obj klass = obj(cls, "class", ctor);
        Obj proto = obj(cls, "prototype", null);
        if (!klass.fields.containsKey("prototype")) {
            putField(klass, "prototype", Value.of(proto));
        }
        Value superValue = cls.kid(0).isEmpty() ? Value.EMPTY : eval(cls.kid(0), fn);
        setField(klass, "<super>", superValue);
        if (!superValue.isEmpty()) setField(proto, "__proto__", readMember(superValue, "prototype", cls, fn).filter(f -> f instanceof Obj));
        Obj instance = obj(cls, "instance", null);
        if (!instance.fields.containsKey("__proto__")) {
            putField(instance, "__proto__", Value.of(proto));
        }
        Value self = Value.of(instance);
        addThis(cls, self);
        for (Node m : cls.rest(1)) {
            switch (m.kind) {
                case PROPERTY -> {
                    // private methods are keyed like private fields and member reads: '#name'
                    String key = m.kid(0).kind == Kind.PRIVATE_NAME ? "#" + m.kid(0).text : m.keyName();
                    Value v = eval(m.kid(1), fn);
                    boolean isStatic = m.has(Node.STATIC);
                    setField(isStatic ? klass : proto, key == null ? "*" : key, v);
                    for (Obj f : v.objects()) if (f.function != null) addThis(f.function, isStatic ? Value.of(klass) : self);
                }
                case CLASS_FIELD -> {
                    String key = m.kid(0).kind == Kind.PRIVATE_NAME ? "#" + m.kid(0).text : m.has(Node.COMPUTED) ? null : m.kid(0).text;
                    Value v = m.size() > 1 && !m.kid(1).isEmpty() ? eval(m.kid(1), cls) : Value.EMPTY;
                    setField(m.has(Node.STATIC) ? klass : instance, key == null ? "*" : key, v);
                }
                case STATIC_BLOCK -> execAll(m.kids(), cls);
                default -> eval(m, fn);
            }
        }
        return Value.of(klass);
    }

    /**
     * JSX: attribute values flow into {@code Jsx.Attribute[name]} and
     * {@code Jsx.Element[tag].Attribute[name]} positions, which models can make sinks
     * ({@code dangerouslySetInnerHTML={{__html: x}}}, {@code <iframe src={x}>}).
     */
    private void evalJsx(Node element, Node fn) {
        for (Node k : element.kids()) {
            switch (k.kind) {
                case JSX_ATTR -> {
                    if (k.size() == 0 || k.kid(0).isEmpty()) continue;
                    Node value = k.kid(0);
                    Value v = value.kind == Kind.JSX_EXPR ? (value.size() == 0 || value.kid(0).isEmpty() ? Value.EMPTY : eval(value.kid(0), fn))
                            : eval(value, fn);
                    List<String> slots = new ArrayList<>(2);
                    String any = "Jsx.Attribute[" + k.text + "]";
                    if (models.known(any)) slots.add(any);
                    String tagged = "Jsx.Element[" + element.text + "].Attribute[" + k.text + "]";
                    if (models.known(tagged)) slots.add(tagged);
                    if (!slots.isEmpty()) slot(slots, v, k, fn);
                }
                case JSX_EXPR -> {
                    if (k.size() > 0 && !k.kid(0).isEmpty()) eval(k.kid(0), fn);
                }
                case JSX_ELEMENT -> evalJsx(k, fn);
                default -> eval(k, fn);
            }
        }
    }

    /** The class a method belongs to, through the 'this' owner chain, then its superclass value. */
    private Value superclass(Node fn) {
        Node owner = thisOwner.getOrDefault(fn, fn);
        for (Map.Entry<Node, Map<String, Obj>> e : objects.entrySet()) {
            Obj klass = e.getValue().get("class");
            if (klass == null) continue;
            read(klass);
            Value proto = klass.fields.get("prototype");
            boolean mine = klass.function == owner;
            if (!mine && proto != null) {
                for (Obj p : proto.objects()) {
                    read(p);
                    for (Value v : p.fields.values()) for (Obj f : v.objects()) mine |= f.function == owner;
                }
            }
            if (mine) return klass.fields.getOrDefault("<super>", Value.EMPTY);
        }
        return Value.EMPTY;
    }

    private Value readIdent(Node n, Node fn) {
        String name = n.text;
        Binding b = scopes.binding(n);
        Value v;
        if (b != null) {
            read(b);
            v = vars.getOrDefault(b, Value.EMPTY);
            if (b.declaration == n) return v;
        } else {
            if (name.equals("undefined") || name.equals("arguments")) return Value.EMPTY;
            read(globalCell(name));
            v = globals.getOrDefault(name, Value.EMPTY);
            v = models.globalObjects.contains(name) ? v.plus(new Api("Global")) : v.join(api("Global[" + name + "]", n, name));
        }
        return v.join(nameTaints(name, n));
    }

    private Value evalObject(Node n, Node fn) {
        Obj o = obj(n, "object", null);
        for (Node p : n.kids()) {
            if (p.kind == Kind.SPREAD) {
                Value sv = eval(p.kid(0), fn);
                for (Obj src : sv.objects()) {
                    read(src);
                    for (Map.Entry<String, Value> e : new ArrayList<>(src.fields.entrySet())) setField(o, e.getKey(), e.getValue());
                }
                setField(o, "*", sv.dataOnly());
                continue;
            }
            if (p.kind != Kind.PROPERTY) continue;
            String key = p.keyName();
            if (p.has(Node.COMPUTED) && key == null) eval(p.kid(0), fn);
            Value v = eval(p.kid(1), fn);
            if (key != null && !constantOrEmpty(v)) v = v.join(nameTaints(key, p.kid(0)));
            setField(o, key == null ? "*" : key, v);
            for (Obj m : v.objects()) if (m.function != null && !m.function.has(Node.ARROW)) addThis(m.function, Value.of(o));
        }
        return Value.of(o);
    }

    Value readMember(Value recv, String name, Node at, Node fn) {
        Value v = Value.EMPTY;
        List<Fact> out = null;
        List<String> paths = null;
        boolean numeric = name != null && NUMBER_PROPERTIES.contains(name);
        for (Fact f : recv.items()) {
            if (f instanceof Obj o) {
                v = v.join(readObjField(o, name));
            } else if (f instanceof Api a) {
                if (name != null) {
                    if (paths == null) paths = new ArrayList<>(2);
                    addMemberPaths(paths, a.path(), name);
                }
            } else if (f instanceof Taint || f instanceof Param) {
                if (!numeric) {
                    if (out == null) out = new ArrayList<>();
                    out.add(f);
                }
            } else if (f instanceof Hint h && "value".equals(name)) {
                if (out == null) out = new ArrayList<>();
                sourceSeen(h.kind());
                out.add(new Taint(h.kind(), at, Set.of(), Trace.start(h.at(), "element that holds " + h.kind() + " data")
                        .then(at, "its value is read")));
            }
        }
        if (out != null) v = v.join(Value.of(out));
        read(nameSourcesCell);
        if (name == null && !nameSources.isEmpty()) v = v.filter(f -> !(f instanceof Taint t) || !nameSources.contains(t.source()));
        if (name != null) {
            String any = mayBeHostObject(recv) ? models.anyMember(name) : null;
            if (any != null) v = v.join(api(any, at, name));
            if (paths != null) for (String p : paths) v = v.join(api(p, at, name));
            v = v.join(nameTaints(name, at));
        }
        return v;
    }

    /** A field of an object: its own value, else along the prototype chain (each object once, bounded). */
    private Value readObjField(Obj o, String name) {
        if (name == null) {
            read(o);
            // kept until the object changes: code reads o[key] over and over, and objects can be large
            int version = versions.getOrDefault(o, 0);
            if (o.allFields != null && o.allFieldsVersion == version) return o.allFields;
            Value.Joiner out = new Value.Joiner();
            for (Map.Entry<String, Value> e : o.fields.entrySet()) {
                if (!e.getKey().equals("__proto__")) out.add(e.getValue());
            }
            o.allFields = out.value();
            o.allFieldsVersion = version;
            return o.allFields;
        }
        if ("prototype".equals(name) && o.function != null && !o.fields.containsKey("prototype")) {
            putField(o, "prototype", Value.of(obj(o.function, "prototype", null)));
            addThis(o.function, Value.of(syntheticInstance(o.function)));
            changed = true;
        }
        Value out = Value.EMPTY;
        Obj cur = o;
        List<Obj> queue = null; // the prototypes to visit; with o, also the ones seen (a few: a list is cheapest)
        for (int i = 0; cur != null; i++) {
            Value v = field(cur, name);
            if (v != null) out = out.join(v);
            Value star = field(cur, "*");
            if (star != null) out = out.join(star);
            if ("array".equals(cur.tag) && !name.isEmpty() && Character.isDigit(name.charAt(0))) {
                out = out.join(field(cur, "[]"));
            }
            Value proto = v == null ? field(cur, "__proto__") : null;
            if (proto != null) {
                if (queue == null) queue = new ArrayList<>(4);
                for (Obj p : proto.objects()) {
                    // Obj has identity equality
                    if (queue.size() < 15 && p != o && !queue.contains(p)) queue.add(p);
                }
            }
            cur = queue != null && i < queue.size() ? queue.get(i) : null;
        }
        return out;
    }

    /** An API fact for a path that some model uses, plus the types, sources and strings it brings. */
    private Value api(String path, Node at, String name) {
        String canon = models.aliases.getOrDefault(path, path);
        if (!models.known(canon)) return Value.EMPTY;
        List<Fact> out = new ArrayList<>();
        out.add(new Api(canon));
        List<String> types = models.types.get(canon);
        if (types != null) for (String t : types) out.add(new Api("Type[" + t + "]"));
        List<Models.Source> srcs = models.sources.get(canon);
        if (srcs != null) {
            for (Models.Source s : srcs) {
                if (!joins.wantsSource(s.kind())) continue;
                if (s.windowOnly() && workers.contains(currentProgram)) continue;
                if (s.nameFrom() != null && !nameMatches(name, s.nameClasses())) continue;
                sourceSeen(s.kind());
                out.add(new Taint(s.kind(), at, Set.of(), Trace.start(at, s.label())));
            }
        }
        String known = models.knownStrings.get(canon);
        if (known != null) out.add(new Str(List.of(known), at, false));
        if (models.elementHints.containsKey(canon) && name != null) {
            // a selector or id: judge each word of it ('input[type=password]' -> password)
            Set<String> kinds = new java.util.TreeSet<>();
            for (String word : name.split("[^A-Za-z0-9_-]+")) if (!word.isEmpty()) kinds.addAll(nameKinds(word));
            for (String kind : kinds) out.add(new Hint(kind, at));
        }
        return Value.of(out);
    }

    // ------------------------------------------------------------------ calls

    private Value evalCall(Node n, Node fn) {
        boolean isNew = n.kind == Kind.NEW;
        Node calleeNode = n.kid(0);
        Value recv = Value.EMPTY;
        Value callee;
        String calleeName = null;
        if (calleeNode.kind == Kind.SUPER) {
            // super(...): the superclass constructor runs on this object
            List<Value> sargs = new ArrayList<>();
            for (Node a : n.rest(1)) sargs.add(a.kind == Kind.SPREAD ? elements(eval(a.kid(0), fn)) : eval(a, fn));
            return call(n, superclass(fn), thisValue(fn), sargs, false, "super", fn);
        }
        if (calleeNode.kind == Kind.MEMBER) {
            recv = eval(calleeNode.kid(0), fn);
            calleeName = memberName(calleeNode, fn);
            callee = readMember(recv, calleeName, calleeNode, fn);
        } else {
            callee = eval(calleeNode, fn);
            if (calleeNode.kind == Kind.IDENT) calleeName = calleeNode.text;
        }
        List<Value> args = new ArrayList<>();
        for (Node a : n.rest(1)) args.add(a.kind == Kind.SPREAD ? elements(eval(a.kid(0), fn)) : eval(a, fn));
        if (isNew && calleeNode.kind == Kind.IDENT && "Promise".equals(calleeNode.text) && scopes.binding(calleeNode) == null) {
            return newPromise(n, args);
        }
        if (!isNew && calleeNode.kind == Kind.IDENT && "require".equals(calleeNode.text) && scopes.binding(calleeNode) == null
                && n.size() == 2 && n.kid(1).kind == Kind.STRING) {
            Node target = linker.resolve(programOf.get(fn), n.kid(1).text);
            if (target != null) return stepAll(required(target), n, "required from '" + n.kid(1).text + "'");
            Value pkg = packageApi(n.kid(1).text, null, n);
            if (!pkg.isEmpty()) return pkg;
        }
        return call(n, callee, recv, args, isNew, calleeName, fn);
    }

    private Value call(Node n, Value callee, Value recv, List<Value> args, boolean isNew, String calleeName, Node fn) {
        Value result = Value.EMPTY;
        boolean opaque = callee.isEmpty();
        Effects effects = new Effects();
        for (Fact f : callee.items()) {
            if (f instanceof Obj o && o.function != null) {
                Value self = isNew ? Value.of(newInstance(n, o)) : recv;
                Value r = invoke(o, self, args, n);
                result = result.join(isNew ? self.join(r.filter(x -> x instanceof Obj)) : r);
            } else if (f instanceof Obj o && "class".equals(o.tag)) {
                Value self = isNew ? Value.of(newInstance(n, o)) : recv;
                addThis(o.site, nonData(self));
                if (o.function != null) invoke(functionObj(o.function), self, args, n);
                Value parent = field(o, "<super>");
                if (parent == null) parent = Value.EMPTY;
                if (o.function == null && !parent.isEmpty()) call(n, parent, self, args, false, null, fn); // implicit super(...args)
                if (isNew) result = result.join(self);
            } else if (f instanceof Obj o && "state-setter".equals(o.tag)) {
                setState(o, args, n);
            } else if (f instanceof Obj o && "resolver".equals(o.tag)) {
                Value p = field(o, "<promise>");
                if (p == null) p = Value.EMPTY;
                for (Obj promise : p.objects()) setField(promise, "<resolved>", args.isEmpty() ? Value.EMPTY : args.get(0));
            } else if (f instanceof Api a) {
                result = result.join(apiCall(a.path(), args, n, isNew, effects, fn));
                opaque = true;
            } else if (!(f instanceof Obj)) {
                opaque = true;
            }
        }
        Value intrinsic = intrinsic(calleeName, recv, args, n, isNew, callee);
        if (intrinsic != null) {
            result = result.join(intrinsic);
        } else if (opaque && !typed(result)) {
            // an unknown function: its result may be built from its receiver and arguments (and,
            // for serialisers, from everything inside them)
            // Converting an object to a string does not show its fields ("[object Object]"); arrays
            // show their elements.
            Value data = stringData(recv);
            for (Value a : args) data = data.join(effects.serializes ? deepData(a, 3) : stringData(a));
            result = result.join(stepAll(data, n, calleeName == null ? "through a call" : "through " + calleeName + "()"));
        }
        if (calleeName != null) effects.blocks.addAll(models.sanitizerBlocks(calleeName));
        if (!effects.blocks.isEmpty()) result = sanitize(result, effects.blocks);
        return result;
    }

    /** A call whose result is a modeled object (a jQuery set, a connection) returns that, not its inputs. */
    private static boolean typed(Value v) {
        for (Api a : v.all(Api.class)) if (a.path().startsWith("Type[")) return true;
        return false;
    }

    private Obj newInstance(Node site, Obj ctor) {
        Obj inst = obj(site, "instance", null);
        setField(inst, "__proto__", readObjField(ctor, "prototype").filter(f -> f instanceof Obj p && p.function == null));
        return inst;
    }

    /** What modeled callees say about a call's result: sanitizer barriers, and whether it serialises. */
    private static final class Effects {
        final Set<String> blocks = new java.util.TreeSet<>();
        boolean serializes;
    }

    private Value apiCall(String path, List<Value> args, Node n, boolean isNew, Effects effects, Node fn) {
        List<String> variants = new ArrayList<>();
        variants.add(path);
        for (int j = 0; j < Math.min(args.size(), 3); j++) {
            for (Str s : args.get(j).all(Str.class)) {
                if (!s.complete()) continue;
                String v = path + ".WhenArgument[" + j + "=" + s.prefix() + "]";
                if (models.known(v) && !variants.contains(v)) variants.add(v);
            }
        }
        String name0 = args.isEmpty() ? null : constantString(args.get(0));
        Value result = Value.EMPTY;
        for (String v : variants) {
            String r = v + (isNew ? ".Instance" : ".ReturnValue");
            result = result.join(api(r, n, name0));
            if (models.stateHooks.contains(v)) result = result.join(stateHook(n, args));
            Models.Sanitizer san = models.sanitizers.get(r);
            if (san != null) effects.blocks.addAll(san.blocks());
            if (models.serializers.contains(v)) effects.serializes = true;
            Models.Wrapper w = models.wrappers.get(v);
            if (w != null) {
                // ref(x): a box whose field holds x (allocated at the call); reactive(o): o itself;
                // computed(() => x): a box holding what the function returns
                Value inner = w.argument() < args.size() ? args.get(w.argument()) : Value.EMPTY;
                if (w.call()) {
                    Value returned = Value.EMPTY;
                    for (Obj f : inner.objects()) if (f.function != null) returned = returned.join(invoke(f, Value.EMPTY, List.of(), n));
                    inner = returned;
                }
                if (w.field() == null) {
                    result = result.join(inner);
                } else {
                    Obj box = obj(n, "object", null);
                    setField(box, w.field(), inner);
                    result = result.join(Value.of(box));
                }
            }
            Models.Endpoint ep = models.endpoints.get(v);
            if (ep != null) endpoints.putIfAbsent(n, new EndpointSite(n, ep));
            Models.Connection c = models.connections.get(v);
            if (c != null) {
                ConnectionSite site = connections.computeIfAbsent(n, k -> new ConnectionSite(n, c));
                if (c.urlArgument() < args.size()) {
                    Value url = args.get(c.urlArgument());
                    if (c.urlMember() != null) url = readMember(url, c.urlMember(), n, fn);
                    site.url = site.url.join(url);
                }
            }
            for (int i = 0; i < args.size(); i++) {
                List<String> slots = new ArrayList<>(3);
                String a = v + ".Argument[" + i + "]";
                if (models.known(a)) slots.add(a);
                for (int k = 0; k <= Math.min(i, 3); k++) {
                    String range = v + ".Argument[" + k + "..]";
                    if (models.known(range)) slots.add(range);
                }
                if (!slots.isEmpty()) slot(slots, args.get(i), n, fn);
            }
        }
        return result;
    }

    /**
     * {@code import(x)}: the specifier is a modeled position ({@code Global[import].Argument[0]}, a
     * code sink: loading a module runs it); a resolvable module gives a promise of its namespace.
     */
    private Value dynamicImport(Node n, Node fn) {
        Node arg = n.kid(0);
        Value spec = eval(arg, fn);
        slot(List.of("Global[import].Argument[0]"), spec, n, fn);
        Node target = arg.kind == Kind.STRING ? linker.resolve(programOf.get(fn), arg.text) : null;
        if (target == null) return Value.EMPTY;
        Obj promise = obj(n, "promise", null);
        setField(promise, "<resolved>", stepAll(required(target), n, "imported from '" + arg.text + "'"));
        return Value.of(promise);
    }

    private Value newPromise(Node n, List<Value> args) {
        Obj promise = obj(n, "promise", null);
        Obj resolver = obj(n, "resolver", null);
        setField(resolver, "<promise>", Value.of(promise));
        if (!args.isEmpty()) {
            for (Obj ex : args.get(0).objects()) {
                if (ex.function != null) invoke(ex, Value.EMPTY, List.of(Value.of(resolver), Value.of(resolver)), n);
            }
        }
        return Value.of(promise);
    }

    /** Built-in behaviour of arrays, promises and functions that models cannot express as paths. */
    private Value intrinsic(String name, Value recv, List<Value> args, Node n, boolean isNew, Value callee) {
        if (name == null || isNew) return null;
        Value arg0 = args.isEmpty() ? Value.EMPTY : args.get(0);
        List<Obj> arrays = recv.all(Obj.class).stream().filter(o -> "array".equals(o.tag)).toList();
        switch (name) {
            case "push", "unshift" -> {
                if (arrays.isEmpty()) return null;
                for (Obj a : arrays) for (Value v : args) setField(a, "[]", v);
                return Value.EMPTY;
            }
            case "pop", "shift", "at" -> {
                return arrays.isEmpty() ? null : elements(recv);
            }
            case "forEach", "map", "filter", "find", "findLast", "some", "every", "findIndex", "flatMap", "reduce",
                 "reduceRight" -> {
                List<Obj> fns = arg0.all(Obj.class).stream().filter(o -> o.function != null).toList();
                if (fns.isEmpty()) return null;
                Value items = elements(recv);
                Value out = Value.EMPTY;
                for (Obj f : fns) {
                    List<Value> cbArgs = name.startsWith("reduce")
                            ? List.of(args.size() > 1 ? args.get(1).join(items) : items, items, Value.EMPTY, recv)
                            : List.of(items, Value.EMPTY, recv);
                    out = out.join(invoke(f, Value.EMPTY, cbArgs, n));
                }
                switch (name) {
                    case "map", "flatMap" -> {
                        Obj arr = obj(n, "array", null);
                        setField(arr, "[]", out);
                        return Value.of(arr);
                    }
                    case "filter" -> {
                        return recv;
                    }
                    case "find", "findLast" -> {
                        return items;
                    }
                    case "reduce", "reduceRight" -> {
                        return out;
                    }
                    default -> {
                        return Value.EMPTY;
                    }
                }
            }
            case "then", "catch", "finally" -> {
                Value resolved = unwrap(recv);
                Obj next = obj(n, "promise", null);
                boolean any = false;
                for (int i = 0; i < Math.min(args.size(), 2); i++) {
                    for (Obj f : args.get(i).objects()) {
                        if (f.function == null) continue;
                        any = true;
                        Value in = name.equals("then") && i == 0 ? resolved : Value.EMPTY;
                        setField(next, "<resolved>", unwrap(invoke(f, Value.EMPTY, List.of(in), n)));
                    }
                }
                if (!any) setField(next, "<resolved>", resolved);
                return Value.of(next);
            }
            case "call", "apply", "bind" -> {
                List<Obj> fns = recv.all(Obj.class).stream().filter(o -> o.function != null).toList();
                if (fns.isEmpty()) return null;
                if (name.equals("bind")) return recv.filter(f -> f instanceof Obj o && o.function != null);
                List<Value> rest;
                if (name.equals("call")) {
                    rest = args.size() > 1 ? args.subList(1, args.size()) : List.of();
                } else {
                    Value items = args.size() > 1 ? elements(args.get(1)) : Value.EMPTY;
                    rest = List.of(items, items, items);
                }
                Value out = Value.EMPTY;
                for (Obj f : fns) out = out.join(invoke(f, arg0, rest, n));
                return out;
            }
            default -> {
                return null;
            }
        }
    }

    // ------------------------------------------------------------------ value helpers

    private Value elements(Value v) {
        List<Fact> out = new ArrayList<>();
        for (Fact f : v.items()) {
            if (f instanceof Obj o) {
                Value items = field(o, "[]");
                if (items != null) out.addAll(items.facts());
                Value star = field(o, "*");
                if (star != null) out.addAll(star.facts());
            } else if (f instanceof Taint || f instanceof Param || f instanceof Api) {
                out.add(f);
            }
        }
        return Value.of(out);
    }

    /** Element {@code i} of arrays known position by position (tuples such as [state, setState]). */
    private Value positional(Value v, int i) {
        Value out = Value.EMPTY;
        for (Obj o : v.objects()) {
            if (!"array".equals(o.tag)) continue;
            Value e = field(o, Integer.toString(i));
            if (e != null) out = out.join(e);
        }
        return out;
    }

    /**
     * {@code const [state, setState] = useState(initial)}: a tuple of the state and a setter object;
     * calling the setter (with a value, or an updater function of the old state) adds to the state.
     */
    private Value stateHook(Node call, List<Value> args) {
        Obj tuple = obj(call, "array", null);
        Obj setter = obj(call, "state-setter", null);
        setField(tuple, "0", args.isEmpty() ? Value.EMPTY : args.get(0));
        setField(tuple, "1", Value.of(setter));
        setField(setter, "<tuple>", Value.of(tuple));
        return Value.of(tuple);
    }

    private void setState(Obj setter, List<Value> args, Node call) {
        if (args.isEmpty()) return;
        Value in = args.get(0);
        Value next = in.filter(f -> !(f instanceof Obj o && o.function != null));
        Value tuples = field(setter, "<tuple>");
        for (Obj tuple : tuples == null ? List.<Obj>of() : tuples.all(Obj.class)) {
            Value old = field(tuple, "0");
            for (Obj f : in.objects()) {
                if (f.function != null) next = next.join(invoke(f, Value.EMPTY, List.of(old == null ? Value.EMPTY : old), call));
            }
            setField(tuple, "0", stepAll(next, call, "stored in component state"));
        }
    }

    private Value unwrap(Value v) {
        List<Fact> out = new ArrayList<>();
        for (Fact f : v.items()) {
            if (f instanceof Obj o && "promise".equals(o.tag)) {
                Value r = field(o, "<resolved>");
                if (r != null) out.addAll(r.facts());
            } else {
                out.add(f);
            }
        }
        return Value.of(out);
    }

    /** The data a value shows when converted to a string: its own, and its arrays' elements. */
    private Value stringData(Value v) {
        Value out = v.dataOnly();
        for (Obj o : v.objects()) {
            Value items = "array".equals(o.tag) ? field(o, "[]") : null;
            if (items != null) out = out.join(items.dataOnly());
        }
        return out;
    }

    /** The data in a value and in the fields of its objects, to a bounded depth (what serialising sends). */
    private Value deepData(Value v, int depth) {
        Value out = v.dataOnly();
        if (depth == 0) return out;
        for (Obj o : v.objects()) {
            if (o.function == null) out = out.join(objectData(o, depth));
        }
        return out;
    }

    /**
     * Cached per iteration: a value computed earlier in the same iteration may miss data added since,
     * but any addition marks the iteration as changed, so the next one recomputes it.
     */
    private Value objectData(Obj o, int depth) {
        read(fieldCell(o, DATA));
        if (depth <= 1) return o.data;
        Map<Obj, Value> cache = deepCache.computeIfAbsent(depth, d -> new IdentityHashMap<>());
        Value cached = cache.get(o);
        if (cached != null) {
            if (reads != null) readChildren(o, depth - 1);
            return cached;
        }
        cache.put(o, o.data); // cycles see the shallow data
        Value out = o.data;
        for (Obj c : o.children) out = out.join(objectData(c, depth - 1));
        cache.put(o, out);
        return out;
    }

    private void readChildren(Obj o, int depth) {
        for (Obj c : o.children) {
            if (reads.add(fieldCell(c, DATA)) && depth > 1) readChildren(c, depth - 1);
        }
    }

    /** Nothing but fully known strings (or nothing at all): a key's name says nothing about such a value. */
    private static boolean constantOrEmpty(Value v) {
        for (Fact f : v.items()) if (!(f instanceof Str s) || !s.complete()) return false;
        return true;
    }

    private static Value nonData(Value v) {
        return v.nonData();
    }

    private static Value stepAll(Value v, Node at, String message) {
        if (!v.any(Taint.class) && !v.any(Param.class)) return v;
        return v.map(f -> f instanceof Taint t ? t.step(at, message) : f instanceof Param p ? p.step(at, message) : f);
    }

    private static Value sanitize(Value v, Set<String> blocks) {
        boolean all = blocks.contains("all");
        return v.map(f -> {
            if (f instanceof Taint t) return all ? null : t.withBarriers(blocks);
            if (f instanceof Param p) return all ? null : p.withBarriers(blocks);
            return f;
        });
    }

    private static String constantString(Value v) {
        String out = null;
        for (Str s : v.all(Str.class)) {
            if (!s.complete()) return null;
            if (out != null && !out.equals(s.prefix())) return null;
            out = s.prefix();
        }
        return out;
    }

    /** String concatenation: known text is kept, data passes on, a fixed URL prefix adds barriers. */
    private Value concat(Value l, Value r) {
        if (numeric(l) && numeric(r)) return Value.EMPTY; // arithmetic
        List<Fact> out = new ArrayList<>(l.dataOnly().facts());
        Set<String> blocks = prefixBlocks(l);
        for (Fact f : r.dataOnly().items()) {
            if (!blocks.isEmpty() && f instanceof Taint t) out.add(t.withBarriers(blocks));
            else if (!blocks.isEmpty() && f instanceof Param p) out.add(p.withBarriers(blocks));
            else out.add(f);
        }
        List<Str> ls = l.all(Str.class);
        List<Str> rs = r.all(Str.class);
        if (!ls.isEmpty() || !rs.isEmpty()) {
            if (ls.isEmpty()) ls = List.of(new Str(java.util.Collections.singletonList(null), null, false));
            if (rs.isEmpty()) rs = List.of(new Str(java.util.Collections.singletonList(null), null, false));
            int made = 0;
            for (Str a : ls) {
                for (Str b : rs) {
                    if (made++ >= Value.MAX_STRS) break;
                    out.add(joinStr(a, b));
                }
            }
        }
        return Value.of(out);
    }

    /** Only number literals (or nothing): '+' on such values adds. */
    private static boolean numeric(Value v) {
        for (Fact f : v.items()) {
            if (!(f instanceof Str s) || s.origin() == null || s.origin().kind != Kind.NUMBER) return false;
        }
        return true;
    }

    private static Str joinStr(Str a, Str b) {
        List<String> parts = new ArrayList<>(a.parts().size() + b.parts().size());
        for (List<String> src : List.of(a.parts(), b.parts())) {
            for (String p : src) {
                int last = parts.size() - 1;
                if (last >= 0 && p != null && parts.get(last) != null) {
                    String joined = parts.get(last) + p;
                    parts.set(last, joined.length() > MAX_STR_TEXT ? joined.substring(0, MAX_STR_TEXT) : joined);
                } else if (last >= 0 && p == null && parts.get(last) == null) {
                    continue;
                } else {
                    parts.add(p);
                }
            }
        }
        // Widening: strings built in loops would grow by one part per round; keep the head only.
        if (parts.size() > MAX_STR_PARTS) {
            parts = new ArrayList<>(parts.subList(0, MAX_STR_PARTS - 1));
            if (parts.get(parts.size() - 1) != null) parts.add(null);
        }
        boolean aHasText = a.parts().stream().anyMatch(p -> p != null && !p.isEmpty());
        Node origin = aHasText || b.origin() == null ? a.origin() : b.origin();
        if (origin == null) origin = b.origin();
        return new Str(java.util.Collections.unmodifiableList(parts), origin, a.mirrored() || b.mirrored());
    }

    private Set<String> prefixBlocks(Value l) {
        List<Str> strs = l.all(Str.class);
        if (strs.isEmpty()) return Set.of();
        Set<String> blocks = null;
        for (Str s : strs) {
            Set<String> mine = new java.util.TreeSet<>();
            String prefix = s.prefix();
            for (Models.PrefixBarrier b : models.prefixBarriers) if (b.prefix().matcher(prefix).find()) mine.addAll(b.blocks());
            if (blocks == null) blocks = mine;
            else blocks.retainAll(mine);
        }
        return blocks == null ? Set.of() : blocks;
    }

    /** A choice between a secure and a cleartext scheme mirrors the page's protocol: mark the cleartext one. */
    private static Value mirror(Value a, Value b) {
        boolean aSecure = hasScheme(a, true), bSecure = hasScheme(b, true);
        boolean aPlain = hasScheme(a, false), bPlain = hasScheme(b, false);
        if ((aSecure && bPlain) || (bSecure && aPlain)) {
            a = markMirrored(a);
            b = markMirrored(b);
        }
        return a.join(b);
    }

    private static boolean hasScheme(Value v, boolean secure) {
        for (Str s : v.all(Str.class)) {
            String p = s.prefix().toLowerCase(Locale.ROOT);
            // 'wss' / 'wss:' / 'wss://host', also when the colon is added later
            if (p.matches(secure ? "(wss|https)(:.*)?" : "(ws|http)(:.*)?")) return true;
        }
        return false;
    }

    private static Value markMirrored(Value v) {
        return v.map(f -> f instanceof Str s ? new Str(s.parts(), s.origin(), true) : f);
    }

    // ------------------------------------------------------------------ name heuristics

    private Value nameTaints(String name, Node at) {
        List<String> kinds = nameKinds(name);
        if (kinds.isEmpty()) return Value.EMPTY;
        if (kinds.isEmpty()) return Value.EMPTY;
        List<Fact> out = new ArrayList<>(kinds.size());
        if (nameSources.add(at)) bump(nameSourcesCell);
        for (String k : kinds) {
            if (!joins.wantsSource(k)) continue;
            sourceSeen(k);
            out.add(new Taint(k, at, Set.of(), Trace.start(at, "the value named '" + name + "'")));
        }
        return Value.of(out);
    }

    private List<String> nameKinds(String name) {
        List<String> kinds = nameKindCache.get(name); // get, then put: no bound method reference per call
        if (kinds == null) nameKindCache.put(name, kinds = models.nameKinds(name));
        return kinds;
    }

    private boolean nameMatches(String name, List<String> classes) {
        if (name == null) return false;
        for (String k : nameKinds(name)) if (classes.contains(k)) return true;
        return false;
    }
}

package io.wsscan.analysis;

import io.wsscan.analysis.Fact.Api;
import io.wsscan.analysis.Fact.Hint;
import io.wsscan.analysis.Fact.Obj;
import io.wsscan.analysis.Fact.Str;
import io.wsscan.analysis.Fact.Taint;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The only reader of {@link Models}: turns access paths into API facts (types, sources, known
 * strings, element hints), applies modeled calls (results, sanitizers, serialisers, wrappers,
 * connections, endpoints) and modeled positions (sinks, handlers, callbacks), and judges names.
 */
final class ModelBinding {

    private final Models models;
    private final Engine.Joins joins;
    private final Analysis a;
    private final Map<String, List<String>> nameKindCache = new ConcurrentHashMap<>();
    /** Nodes whose reads are sensitive only because of a name (heuristic sources). */
    private final Set<Node> nameSources = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Object nameSourcesCell = new Object();
    /** Programs that are worker scripts, and the program of the unit being evaluated. */
    private final Set<Node> workers = Collections.newSetFromMap(new IdentityHashMap<>());
    private Node currentProgram;

    ModelBinding(Models models, Engine.Joins joins, Analysis a) {
        this.models = models;
        this.joins = joins;
        this.a = a;
    }

    /** What modeled callees say about a call's result: sanitizer barriers, and whether it serialises. */
    static final class Effects {
        final Set<String> blocks = new TreeSet<>();
        boolean serializes;
    }

    // ------------------------------------------------------------------ programs

    /**
     * Marks the program worker code (window-only sources skip it), as js/postmessage-origin-check
     * decides it: {@link Models#isWorker}.
     */
    void classify(Node program, Scopes scopes, String relPath) {
        if (models.isWorker(relPath, program, scopes)) workers.add(program);
    }

    void enter(Node program) {
        currentProgram = program;
    }

    // ------------------------------------------------------------------ API values

    /** An API fact for a path that some model uses, plus the types, sources and strings it brings. */
    Value api(String path, Node at, String name) {
        String canon = models.aliases.getOrDefault(path, path);
        if (!models.known(canon)) return Value.EMPTY;
        List<Fact> out = new ArrayList<>();
        out.add(new Api(canon));
        List<String> types = models.types.get(canon);
        if (types != null) for (String t : types) out.add(new Api(ApiPath.type(t)));
        List<Models.Source> srcs = models.sources.get(canon);
        if (srcs != null) {
            for (Models.Source s : srcs) {
                if (!joins.wantsSource(s.kind())) continue;
                if (s.windowOnly() && workers.contains(currentProgram)) continue;
                if (s.nameFrom() != null && !nameMatches(name, s.nameClasses())) continue;
                a.findings.sourceSeen(s.kind());
                Set<String> lead = s.lead() == null ? Set.of() : Set.of(Fact.LEAD + s.lead());
                out.add(new Taint(s.kind(), at, lead, Trace.start(at, s.label())));
                // the known start is text too: what is appended after it lands behind it ('/' + path + '?' + query)
                if (s.lead() != null) out.add(new Str(java.util.Arrays.asList(s.lead(), null), at, false));
            }
        }
        String known = models.knownStrings.get(canon);
        if (known != null) out.add(new Str(List.of(known), at, false));
        if (models.elementHints.containsKey(canon) && name != null) {
            // a selector or id: judge each word of it ('input[type=password]' -> password)
            Set<String> kinds = new TreeSet<>();
            for (String word : name.split("[^A-Za-z0-9_-]+")) if (!word.isEmpty()) kinds.addAll(nameKinds(word));
            for (String kind : kinds) out.add(new Hint(kind, at));
        }
        return Value.of(out);
    }

    /**
     * A class of the program that is a copy of a modeled API, known by its methods (a library inlined
     * into a bundle: {@code class WebSocketServer { handleUpgrade() {…} completeUpgrade() {…} }}): the
     * API value, so that constructing it is constructing the library's class; empty otherwise.
     */
    Value classShape(Node cls) {
        if (models.shapes.isEmpty()) return Value.EMPTY;
        Map<String, Node> methods = new java.util.HashMap<>();
        for (Node m : cls.rest(1)) {
            if (m.kind == Kind.PROPERTY && m.size() > 1 && m.kid(1).kind == Kind.FUNCTION && m.keyName() != null) methods.put(m.keyName(), m.kid(1));
        }
        for (Models.Shape sh : models.shapes) {
            if (!methods.keySet().containsAll(sh.methods())) continue;
            boolean all = true;
            for (Map.Entry<String, String> f : sh.forwards().entrySet()) all &= forwards(methods.get(f.getKey()), f.getValue());
            if (all) return api(sh.path(), cls, null);
        }
        return Value.EMPTY;
    }

    /** Whether {@code fn} calls {@code x.member(p, …)} with its own first parameter {@code p} first. */
    private boolean forwards(Node fn, String member) {
        if (fn == null || fn.kid(0).size() == 0 || fn.kid(0).kid(0).kind != Kind.IDENT) return false;
        Scopes.Binding first = a.scopes.binding(fn.kid(0).kid(0));
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(List.of(fn.kid(1)));
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n.kind == Kind.CALL && n.kid(0).kind == Kind.MEMBER && member.equals(n.kid(0).propertyName()) && n.size() > 1
                    && n.kid(1).kind == Kind.IDENT && first != null && a.scopes.binding(n.kid(1)) == first) {
                return true;
            }
            for (Node k : n.kids()) todo.push(k);
        }
        return false;
    }

    /** A global name not bound in the program: the global object itself, or its modeled member. */
    Value global(String name, Value assigned, Node at) {
        return models.globalObjects.contains(name) ? assigned.plus(new Api(ApiPath.GLOBAL)) : assigned.join(api(ApiPath.global(name), at, name));
    }

    /**
     * A parameter that a dependency injector fills by its name ({@code function (\$scope, \$compile)} in
     * AngularJS) is that service wherever the function is called from: the modeled global of the name.
     */
    Value injected(String name, Node at) {
        return models.injectedParameters.contains(name) ? api(ApiPath.global(name), at, name) : Value.EMPTY;
    }

    /** {@code x as T} / typed declarations: the API types a type name stands for. */
    Value typeHint(String type, Node at) {
        Value v = Value.EMPTY;
        for (String path : models.typeHints.getOrDefault(type, List.of())) v = v.join(api(path, at, null));
        return v;
    }

    /**
     * A package that is not a file of the scan ({@code import {io} from 'socket.io-client'}): API
     * models name it {@code Module[socket.io-client]}; the default export, a namespace import and
     * {@code require()} all give the module itself, a named import its member.
     */
    Value packageApi(String specifier, String imported, Node at) {
        if (specifier.startsWith(".") || specifier.startsWith("/")) return Value.EMPTY;
        String module = ApiPath.module(specifier);
        if (imported == null || Modules.NAMESPACE.equals(imported) || Modules.DEFAULT.equals(imported)) return api(module, at, null);
        return api(ApiPath.member(module, imported), at, imported);
    }

    /** The modeled paths of member {@code name} of the API object at {@code path}. */
    void memberPaths(List<String> out, String path, String name) {
        if (path.equals(ApiPath.GLOBAL)) {
            out.add(ApiPath.global(name));
            return;
        }
        String p = ApiPath.member(path, name);
        p = models.aliases.getOrDefault(p, p);
        if (models.known(p)) out.add(p);
        String star = ApiPath.anyMember(path);
        if (models.known(star)) out.add(star);
    }

    /** The {@code Any.Member[name]} path when a model has one and the receiver may be a host object; else null. */
    String hostMember(Value recv, String name) {
        return mayBeHostObject(recv) ? models.anyMember(name) : null;
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

    /** A JSX attribute value flows into {@code Jsx.Attribute[name]} and {@code Jsx.Element[tag].Attribute[name]}. */
    void jsxAttribute(String element, String attribute, Value v, Node at, Node fn) {
        List<String> slots = new ArrayList<>(2);
        String any = ApiPath.jsxAttribute(attribute);
        if (models.known(any)) slots.add(any);
        String tagged = ApiPath.jsxAttribute(element, attribute);
        if (models.known(tagged)) slots.add(tagged);
        if (!slots.isEmpty()) slot(slots, v, at, fn);
    }

    /** The sink kinds data appended to a string with this known prefix can no longer reach. */
    Set<String> prefixBarriers(String prefix) {
        return models.prefixBarriers(prefix);
    }

    Set<String> sanitizerBlocks(String calleeName) {
        return models.sanitizerBlocks(calleeName);
    }

    // ------------------------------------------------------------------ modeled calls and positions

    /**
     * A call of the API at {@code path} on {@code recv}: its modeled result, and its arguments into
     * modeled positions.
     */
    Value apiCall(String path, Value recv, List<Value> args, Node n, boolean isNew, Effects effects, Node fn) {
        List<String> variants = new ArrayList<>();
        variants.add(path);
        for (int j = 0; j < Math.min(args.size(), 3); j++) {
            whenConstant(path, Integer.toString(j), args.get(j), variants);
            // an option of an options object: postMessage(data, {targetOrigin: '*'}) is WhenArgument[1.targetOrigin=*]
            for (Obj o : args.get(j).objects()) {
                if (o.function != null) continue;
                for (Map.Entry<String, Value> e : a.heap.fields(o).entrySet()) {
                    if (models.knownOption(e.getKey())) whenConstant(path, j + "." + e.getKey(), e.getValue(), variants);
                }
            }
        }
        String name0 = args.isEmpty() ? null : StringFolding.constantString(args.get(0));
        Value result = Value.EMPTY;
        for (String v : variants) {
            String r = ApiPath.result(v, isNew);
            result = result.join(api(r, n, name0));
            if (models.stateHooks.contains(v)) result = result.join(a.builtins.react.stateHook(n, args));
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
                    for (Obj f : inner.objects()) if (f.function != null) returned = returned.join(a.calls.invoke(f, Value.EMPTY, List.of(), n));
                    inner = returned;
                }
                if (w.field() == null) {
                    result = result.join(inner);
                } else {
                    Obj box = a.heap.obj(n, ObjKind.OBJECT, null);
                    a.heap.setField(box, w.field(), inner);
                    result = result.join(Value.of(box));
                }
            }
            Models.Endpoint ep = models.endpoints.get(v);
            if (ep != null) a.findings.endpoint(n, ep);
            Models.Connection c = models.connections.get(v);
            if (c != null) {
                Value url = null;
                if (c.urlArgument() < args.size()) {
                    url = args.get(c.urlArgument());
                    if (c.urlMember() != null) url = a.transfer.readMember(url, c.urlMember(), n, fn);
                }
                a.findings.connection(n, c, url);
                // the connection object knows where it goes: a send on it is linked to this call
                result = result.join(Value.of(new Fact.Conn(n)));
            }
            for (int i = 0; i < args.size(); i++) {
                List<String> slots = new ArrayList<>(3);
                String arg = ApiPath.argument(v, i);
                if (models.known(arg)) slots.add(arg);
                for (int k = 0; k <= Math.min(i, 3); k++) {
                    String range = ApiPath.argumentsFrom(v, k);
                    if (models.known(range)) slots.add(range);
                }
                if (slots.isEmpty()) continue;
                for (String slot : slots) {
                    for (Models.Sink s : models.sinks.getOrDefault(slot, List.of())) {
                        a.findings.sendSite(n, recv, s.message() < 0 ? null : s.message() < args.size() ? args.get(s.message()) : Value.EMPTY);
                    }
                }
                slot(slots, args.get(i), n, fn);
            }
        }
        return result;
    }

    /** The {@code WhenArgument[at=v]} variants of the callee that a model names, for each constant {@code v} the value may be. */
    private void whenConstant(String path, String at, Value value, List<String> variants) {
        for (Str s : value.all(Str.class)) {
            if (!s.complete()) continue;
            String v = ApiPath.whenArgument(path, at, s.prefix());
            if (models.known(v) && !variants.contains(v)) variants.add(v);
        }
    }

    /**
     * A value flows into a modeled position (an argument, or a property of an API object): sinks
     * check it, handlers record it, and functions in it become callbacks whose parameters are API
     * values (e.g. the message event of {@code ws.onmessage}).
     */
    void slot(List<String> paths, Value v, Node at, Node fn) {
        for (String path : paths) {
            List<Models.Sink> sinks = models.sinks.get(path);
            if (sinks != null) for (Models.Sink s : sinks) a.findings.sinkCheck(v, s, at);
            Models.Handler h = models.handlers.get(path);
            if (h != null) {
                for (Obj o : v.objects()) {
                    if (o.function != null) a.findings.handler(at, o.function, h);
                }
            }
            Models.Steps next = models.stepsAfter(path);
            for (int k : next.parameters()) {
                if (k >= Summary.MAX_PARAMS) break;
                String pp = ApiPath.parameter(path, k);
                for (Obj o : v.objects()) {
                    if (o.function != null) a.heap.addParamIn(o.function, k, api(pp, paramNode(o.function, k), null));
                }
            }
            if (next.members().isEmpty()) continue;
            for (Obj o : v.objects()) {
                if (o.function != null) continue;
                for (Map.Entry<String, Value> e : new ArrayList<>(a.heap.fields(o).entrySet())) {
                    if (next.members().contains(e.getKey())) slot(List.of(ApiPath.member(path, e.getKey())), e.getValue(), at, fn);
                }
            }
        }
    }

    private static Node paramNode(Node fn, int k) {
        List<Node> ps = fn.kid(0).kids();
        return k < ps.size() ? ps.get(k) : fn;
    }

    // ------------------------------------------------------------------ name heuristics

    /** Taints for a name that suggests sensitive data ({@code password}, {@code token}). */
    Value nameTaints(String name, Node at) {
        List<String> kinds = nameKinds(name);
        if (kinds.isEmpty()) return Value.EMPTY;
        List<Fact> out = new ArrayList<>(kinds.size());
        if (nameSources.add(at)) a.fix.bump(nameSourcesCell);
        for (String k : kinds) {
            if (!joins.wantsSource(k)) continue;
            a.findings.sourceSeen(k);
            out.add(new Taint(k, at, Set.of(), Trace.start(at, "the value named '" + name + "'")));
        }
        return Value.of(out);
    }

    /**
     * A value written or read under an unknown key ({@code knownKey} false) is seen by every property
     * name; values judged sensitive only by their name would then stain unrelated reads, so they are
     * dropped.
     */
    Value keyed(Value v, boolean knownKey) {
        a.fix.read(nameSourcesCell);
        if (knownKey || nameSources.isEmpty()) return v;
        return v.filter(f -> !(f instanceof Taint t) || !nameSources.contains(t.source()));
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

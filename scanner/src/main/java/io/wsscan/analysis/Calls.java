package io.wsscan.analysis;

import io.wsscan.analysis.Fact.Api;
import io.wsscan.analysis.Fact.Obj;
import io.wsscan.analysis.Fact.Param;
import io.wsscan.analysis.Fact.Str;
import io.wsscan.analysis.Fact.Taint;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Calls: user functions through their summaries (objects go into the parameters, data comes back
 * with {@link Param} facts replaced by the arguments, sink hits are applied to the arguments), API
 * calls through {@link ModelBinding}, built-ins through {@link Builtins}; unknown callees pass their
 * inputs' data on.
 */
final class Calls {

    /** String methods whose result, cut from index 0, begins with the receiver's first characters. */
    private static final Set<String> HEAD_CUTS = Set.of("slice", "substring", "substr");


    private final Analysis a;
    private final Heap heap;

    Calls(Analysis a) {
        this.a = a;
        this.heap = a.heap;
    }

    Value evalCall(Node n, Node fn) {
        Transfer t = a.transfer;
        boolean isNew = n.kind == Kind.NEW;
        Node calleeNode = n.kid(0);
        Value recv = Value.EMPTY;
        Value callee;
        String calleeName = null;
        if (calleeNode.kind == Kind.SUPER) {
            // super(...): the superclass constructor runs on this object
            List<Value> superArgs = arguments(n, fn);
            return call(n, t.superclass(fn), t.thisValue(fn), superArgs, false, "super", fn);
        }
        if (calleeNode.kind == Kind.MEMBER) {
            recv = t.eval(calleeNode.kid(0), fn);
            calleeName = t.memberName(calleeNode, fn);
            callee = t.readMember(recv, calleeName, calleeNode, fn);
        } else {
            callee = t.eval(calleeNode, fn);
            if (calleeNode.kind == Kind.IDENT) calleeName = calleeNode.text;
        }
        List<Value> args = arguments(n, fn);
        if (isNew && calleeNode.kind == Kind.IDENT && "Promise".equals(calleeNode.text) && a.scopes.binding(calleeNode) == null) {
            return a.builtins.promises.newPromise(n, args);
        }
        if (!isNew && calleeNode.kind == Kind.IDENT && "require".equals(calleeNode.text) && a.scopes.binding(calleeNode) == null
                && n.size() == 2 && n.kid(1).kind == Kind.STRING) {
            Value required = a.modules.require(n, fn);
            if (required != null) return required;
        }
        if (!isNew && calleeNode.kind == Kind.IDENT && Modules.AMD_LOADERS.contains(calleeNode.text)
                && a.scopes.binding(calleeNode) == null) {
            Value loaded = a.modules.amd(n, calleeNode.text, args, fn);
            if (loaded != null) return loaded;
        }
        Value result = call(n, callee, recv, args, isNew, calleeName, fn);
        if (!isNew && calleeNode.kind == Kind.MEMBER && calleeName != null) a.injector.register(n, calleeName, args);
        return result;
    }

    private List<Value> arguments(Node n, Node fn) {
        List<Value> args = new ArrayList<>();
        for (Node arg : n.rest(1)) args.add(arg.kind == Kind.SPREAD ? heap.elements(a.transfer.eval(arg.kid(0), fn)) : a.transfer.eval(arg, fn));
        return args;
    }

    private Value call(Node n, Value callee, Value recv, List<Value> args, boolean isNew, String calleeName, Node fn) {
        Value result = Value.EMPTY;
        boolean opaque = callee.isEmpty();
        ModelBinding.Effects effects = new ModelBinding.Effects();
        for (Fact f : callee.items()) {
            if (f instanceof Obj o && o.function != null) {
                Value self = isNew ? Value.of(newInstance(n, o)) : recv;
                Value r = invoke(o, self, args, n);
                result = result.join(isNew ? self.join(r.filter(x -> x instanceof Obj)) : r);
            } else if (f instanceof Obj o && o.kind == ObjKind.CLASS) {
                Value self = isNew ? Value.of(newInstance(n, o)) : recv;
                heap.addThis(o.site, self.nonData());
                if (o.function != null) invoke(heap.functionObj(o.function), self, args, n);
                Value parent = heap.field(o, Fields.SUPER);
                if (parent == null) parent = Value.EMPTY;
                if (o.function == null && !parent.isEmpty()) call(n, parent, self, args, false, null, fn); // implicit super(...args)
                if (isNew) result = result.join(self);
            } else if (f instanceof Obj o && (o.kind == ObjKind.STATE_SETTER || o.kind == ObjKind.RESOLVER)) {
                a.builtins.callObject(o, args, n);
            } else if (f instanceof Api api) {
                result = result.join(a.models.apiCall(api.path(), recv, args, n, isNew, effects, fn));
                opaque = true;
            } else if (!(f instanceof Obj)) {
                opaque = true;
            }
        }
        Value intrinsic = a.builtins.call(calleeName, recv, args, n, isNew);
        if (intrinsic != null) {
            result = result.join(intrinsic);
        } else if (opaque && !typed(result)) {
            // an unknown function: its result may be built from its receiver and arguments (and,
            // for serialisers, from everything inside them)
            // Converting an object to a string does not show its fields ("[object Object]"); arrays
            // show their elements.
            Value data = heap.stringData(recv);
            for (Value arg : args) data = data.join(effects.serializes ? heap.deepData(arg, 3) : heap.stringData(arg));
            // the result may start anywhere in its inputs (slice, split, replace): their leads no longer hold,
            // except for a head cut from index 0 (path.substring(0, path.lastIndexOf('/') + 1)), which starts
            // like its receiver or is empty
            boolean keepsHead = calleeName != null && HEAD_CUTS.contains(calleeName) && n.size() > 1
                    && n.kid(1).kind == io.wsscan.ir.Kind.NUMBER && "0".equals(n.kid(1).text);
            result = result.join(Transfer.stepAll(data, n, calleeName == null ? "through a call" : "through " + calleeName + "()")
                    .map(keepsHead ? f -> f : Fact::unlead));
        }
        if (calleeName != null) effects.blocks.addAll(a.models.sanitizerBlocks(calleeName));
        if (!effects.blocks.isEmpty()) result = sanitize(result, effects.blocks);
        return result;
    }

    /** A call whose result is a modeled object (a jQuery set, a connection) returns that, not its inputs. */
    private static boolean typed(Value v) {
        for (Api api : v.all(Api.class)) if (ApiPath.isType(api.path())) return true;
        return false;
    }

    Obj newInstance(Node site, Obj ctor) {
        Obj inst = heap.obj(site, ObjKind.INSTANCE, null);
        heap.setField(inst, Fields.PROTO, heap.readObjField(ctor, Fields.PROTOTYPE).filter(f -> f instanceof Obj p && p.function == null));
        return inst;
    }

    private static Value sanitize(Value v, Set<String> blocks) {
        boolean all = blocks.contains(Findings.ALL);
        return v.map(f -> {
            if (f instanceof Taint t) return all ? null : t.withBarriers(blocks);
            if (f instanceof Param p) return all ? null : p.withBarriers(blocks);
            return f;
        });
    }

    // ------------------------------------------------------------------ user functions

    /** Calls a user function: objects go into its parameters, data comes back through its summary. */
    Value invoke(Obj f, Value self, List<Value> args, Node call) {
        Node fn = f.function;
        Summary s = heap.summary(fn);
        a.fix.read(s.out);
        for (int i = 0; i < Math.min(args.size(), Summary.MAX_PARAMS); i++) heap.addParamIn(fn, i, argFor(fn, i, args).nonData());
        if (!fn.has(Node.ARROW)) heap.addThis(fn, self.nonData());
        Value result = substitute(s.ret, fn, args, self, call);
        for (Summary.SinkHit h : new ArrayList<>(s.hits)) {
            Value arg = h.param() < 0 ? self : argFor(fn, h.param(), args);
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
        Summary s = heap.summary(fn);
        for (Fact f : ret.items()) {
            if (f instanceof Param p && p.function() == fn && p.index() >= 0 && p.index() < Summary.MAX_PARAMS) {
                if (passedIn == null) passedIn = Collections.newSetFromMap(new IdentityHashMap<>());
                a.fix.read(s.in);
                Collections.addAll(passedIn, s.paramIn[p.index()].objects());
            }
        }
        for (Fact f : ret.items()) {
            if (passedIn != null && f instanceof Obj o && passedIn.contains(o)) continue;
            if (f instanceof Param p && p.function() == fn) {
                Value src = p.index() < 0 ? self : argFor(fn, p.index(), args);
                List<Trace.Step> inner = p.trace() == null ? List.of() : p.trace().steps();
                for (Fact arg : src.items()) {
                    if (arg instanceof Taint t) {
                        out.add(new Taint(t.kind(), t.source(), t.barriers(), t.trace().then(call, "passed to " + functionName(fn)).then(inner).then(call, via))
                                .withBarriers(p.barriers()).withBarriers(Fact.placed(t.barriers(), p.barriers(), a.models::prefixBarriers)));
                    } else if (arg instanceof Param q) {
                        Trace tr = q.trace() == null ? Trace.start(call, "passed to " + functionName(fn)) : q.trace().then(call, "passed to " + functionName(fn));
                        out.add(new Param(q.function(), q.index(), q.barriers(), tr.then(inner).then(call, via)).withBarriers(p.barriers()));
                    } else if (Fact.onlyLeads(p.barriers()) || !(arg instanceof Str)) {
                        out.add(arg);
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

    /** A callee's sink hit met this call's argument: a report, or a hit of the caller's own parameter. */
    private void applyHit(Summary.SinkHit h, Value arg, Node call, Node fn) {
        Value facts = h.sink().deep() ? heap.deepData(arg, 3) : arg;
        for (Fact f : facts.items()) {
            if (f instanceof Taint t) {
                Trace tr = t.trace().then(call, "passed to " + functionName(fn)).then(h.steps());
                a.findings.report(h.at(), h.sink(), new Taint(t.kind(), t.source(), t.barriers(), tr).withBarriers(h.barriers())
                        .withBarriers(Fact.placed(t.barriers(), h.barriers(), a.models::prefixBarriers)));
            } else if (f instanceof Param q) {
                Set<String> b = h.barriers();
                if (!q.barriers().isEmpty()) {
                    b = new TreeSet<>(q.barriers());
                    b.addAll(h.barriers());
                    b = Findings.relevant(b, h.sink());
                }
                Summary target = heap.summary(q.function());
                Summary.SinkHit probe = new Summary.SinkHit(q.index(), h.at(), h.sink(), b, List.of());
                if (Findings.knownOrFull(target, probe)) continue;
                List<Trace.Step> steps = new ArrayList<>();
                if (q.trace() != null) steps.addAll(q.trace().steps());
                steps.add(new Trace.Step(call, "passed to " + functionName(fn)));
                steps.addAll(h.steps());
                a.findings.addHit(q.function(), new Summary.SinkHit(q.index(), h.at(), h.sink(), b, List.copyOf(steps)));
            }
        }
    }

    static String functionName(Node fn) {
        return fn.text != null ? fn.text + "()" : "a function";
    }
}

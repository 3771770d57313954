package io.wsscan.analysis;

import io.wsscan.analysis.Fact.Obj;
import io.wsscan.ir.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * Promises: an object per {@code new Promise}, {@code then} and {@code import()} whose
 * {@link Fields#RESOLVED} field holds what it resolves to; {@code await} and callbacks unwrap it.
 */
final class Promises {

    private final Analysis a;

    Promises(Analysis a) {
        this.a = a;
    }

    /** The promise allocated at {@code site}; what it resolves to is its {@link Fields#RESOLVED} field. */
    Obj promise(Node site) {
        return a.heap.obj(site, ObjKind.PROMISE, null);
    }

    /** {@code new Promise(executor)}: the executor is called with a resolver for both functions. */
    Value newPromise(Node n, List<Value> args) {
        Obj promise = promise(n);
        Obj resolver = a.heap.obj(n, ObjKind.RESOLVER, null);
        a.heap.setField(resolver, Fields.PROMISE, Value.of(promise));
        if (!args.isEmpty()) {
            for (Obj ex : args.get(0).objects()) {
                if (ex.function != null) a.calls.invoke(ex, Value.EMPTY, List.of(Value.of(resolver), Value.of(resolver)), n);
            }
        }
        return Value.of(promise);
    }

    /** {@code resolve(x)}: the resolver's promise resolves to x. */
    void resolve(Obj resolver, List<Value> args) {
        Value p = a.heap.field(resolver, Fields.PROMISE);
        if (p == null) p = Value.EMPTY;
        for (Obj promise : p.objects()) a.heap.setField(promise, Fields.RESOLVED, args.isEmpty() ? Value.EMPTY : args.get(0));
    }

    /** {@code then/catch/finally}: a new promise of what the callbacks return (or of the old value). */
    Value then(String name, Value recv, List<Value> args, Node n) {
        Value resolved = unwrap(recv);
        Obj next = promise(n);
        boolean any = false;
        for (int i = 0; i < Math.min(args.size(), 2); i++) {
            for (Obj f : args.get(i).objects()) {
                if (f.function == null) continue;
                any = true;
                Value in = name.equals("then") && i == 0 ? resolved : Value.EMPTY;
                a.heap.setField(next, Fields.RESOLVED, unwrap(a.calls.invoke(f, Value.EMPTY, List.of(in), n)));
            }
        }
        if (!any) a.heap.setField(next, Fields.RESOLVED, resolved);
        return Value.of(next);
    }

    /** What awaiting a value gives: promises are replaced by what they resolve to. */
    Value unwrap(Value v) {
        List<Fact> out = new ArrayList<>();
        for (Fact f : v.items()) {
            if (f instanceof Obj o && o.kind == ObjKind.PROMISE) {
                Value r = a.heap.field(o, Fields.RESOLVED);
                if (r != null) out.addAll(r.facts());
            } else {
                out.add(f);
            }
        }
        return Value.of(out);
    }
}

package io.wsscan.analysis;

import io.wsscan.analysis.Fact.Obj;
import io.wsscan.ir.Node;

import java.util.List;

/** Array methods: element writes and reads, and callbacks that receive the elements. */
final class ArrayBuiltins {

    private final Analysis a;

    ArrayBuiltins(Analysis a) {
        this.a = a;
    }

    /** An array literal's or spread's object: every element under {@link Fields#ELEMENTS}. */
    Obj array(Node site) {
        return a.heap.obj(site, ObjKind.ARRAY, null);
    }

    /** {@code recv.name(args)} for an array method name; null if the receiver is not an array here. */
    Value call(String name, Value recv, List<Value> args, Node n) {
        switch (name) {
            case "push", "unshift" -> {
                List<Obj> arrays = arrays(recv);
                if (arrays.isEmpty()) return null;
                for (Obj arr : arrays) for (Value v : args) a.heap.setField(arr, Fields.ELEMENTS, v);
                return Value.EMPTY;
            }
            case "pop", "shift", "at" -> {
                return arrays(recv).isEmpty() ? null : a.heap.elements(recv);
            }
            default -> {
                return iterate(name, recv, args, n);
            }
        }
    }

    private static List<Obj> arrays(Value recv) {
        return recv.all(Obj.class).stream().filter(o -> o.kind == ObjKind.ARRAY).toList();
    }

    /** forEach, map, filter, find, reduce, ...: the callback gets the elements (reduce: the accumulator too). */
    private Value iterate(String name, Value recv, List<Value> args, Node n) {
        Value arg0 = args.isEmpty() ? Value.EMPTY : args.get(0);
        List<Obj> fns = arg0.all(Obj.class).stream().filter(o -> o.function != null).toList();
        if (fns.isEmpty()) return null;
        Value items = a.heap.elements(recv);
        Value out = Value.EMPTY;
        for (Obj f : fns) {
            List<Value> cbArgs = name.startsWith("reduce")
                    ? List.of(args.size() > 1 ? args.get(1).join(items) : items, items, Value.EMPTY, recv)
                    : List.of(items, Value.EMPTY, recv);
            out = out.join(a.calls.invoke(f, Value.EMPTY, cbArgs, n));
        }
        switch (name) {
            case "map", "flatMap" -> {
                Obj arr = array(n);
                a.heap.setField(arr, Fields.ELEMENTS, out);
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
}

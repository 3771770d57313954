package io.wsscan.analysis;

import io.wsscan.analysis.Fact.Obj;
import io.wsscan.analysis.Fact.Str;
import io.wsscan.ir.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Built-in behaviour that API models cannot express as access paths: array methods, promises,
 * {@code Function.prototype.call/apply/bind} and React state. Calls are matched by method name
 * (receivers are rarely typed); each area has its own class.
 */
final class Builtins {

    final ArrayBuiltins arrays;
    final Promises promises;
    final ReactState react;
    private final Analysis a;

    Builtins(Analysis a) {
        this.a = a;
        this.arrays = new ArrayBuiltins(a);
        this.promises = new Promises(a);
        this.react = new ReactState(a);
    }

    /** The result of a built-in method call {@code recv.name(args)}; null if no built-in applies. */
    Value call(String name, Value recv, List<Value> args, Node n, boolean isNew) {
        if (isNew && "URL".equals(name) && !args.isEmpty()) return url(args.get(0), args.size() > 1 ? args.get(1) : null, n);
        if (name == null || isNew) return null;
        return switch (name) {
            case "push", "unshift", "pop", "shift", "at", "forEach", "map", "filter", "find", "findLast", "some", "every",
                 "findIndex", "flatMap", "reduce", "reduceRight" -> arrays.call(name, recv, args, n);
            case "then", "catch", "finally" -> promises.then(name, recv, args, n);
            case "call", "apply", "bind" -> functionCall(name, recv, args, n);
            case "concat" -> stringConcat(recv, args);
            default -> null;
        };
    }

    /**
     * {@code s.concat(a, b)} on a string: {@code s + a + b}, so that known text keeps its place
     * ({@code protocol.concat('//', hostname)} is the page's own origin, as with {@code +}). An array's
     * concat (an object receiver) is left to the default handling of calls.
     */
    private Value stringConcat(Value recv, List<Value> args) {
        // an unknown receiver (a string method's result) concatenates too: only objects are left out
        if (!recv.all(Obj.class).isEmpty() || !recv.all(Fact.Api.class).isEmpty()) return null;
        Value acc = recv;
        for (Value arg : args) acc = a.strings.concat(acc, arg);
        return acc;
    }

    /**
     * {@code new URL(input, base)}: where data lands in the URL. Data in the input may be an absolute URL,
     * so it does not keep its lead once there is a base; data in the base starts the result unless every
     * input is a constant absolute URL (then the base is not used). The text is not passed on: a URL object
     * is often changed afterwards ({@code u.protocol = 'wss:'}), which the analysis does not follow.
     */
    private Value url(Value input, Value base, Node n) {
        List<Fact> out = new ArrayList<>();
        for (Fact f : Transfer.stepAll(input.dataOnly(), n, "through URL()").items()) out.add(base == null ? f : Fact.unlead(f));
        List<Str> inputs = input.all(Str.class);
        boolean absolute = !inputs.isEmpty() && input.dataOnly().isEmpty();
        for (Str s : inputs) absolute &= ABSOLUTE.matcher(s.prefix()).lookingAt();
        if (base != null && !absolute) out.addAll(Transfer.stepAll(base.dataOnly(), n, "through URL()").facts());
        return Value.of(out);
    }

    /** An absolute URL (a scheme first). */
    private static final Pattern ABSOLUTE = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

    /** Calls of an object that is no user function: a state setter or a promise resolver. */
    void callObject(Obj o, List<Value> args, Node n) {
        if (o.kind == ObjKind.STATE_SETTER) react.setState(o, args, n);
        else if (o.kind == ObjKind.RESOLVER) promises.resolve(o, args);
    }

    /** {@code f.call(self, ...)}, {@code f.apply(self, array)}, {@code f.bind(self)}. */
    private Value functionCall(String name, Value recv, List<Value> args, Node n) {
        List<Obj> fns = recv.all(Obj.class).stream().filter(o -> o.function != null).toList();
        if (fns.isEmpty()) return null;
        if (name.equals("bind")) return recv.filter(f -> f instanceof Obj o && o.function != null);
        Value self = args.isEmpty() ? Value.EMPTY : args.get(0);
        List<Value> rest;
        if (name.equals("call")) {
            rest = args.size() > 1 ? args.subList(1, args.size()) : List.of();
        } else {
            Value items = args.size() > 1 ? a.heap.elements(args.get(1)) : Value.EMPTY;
            rest = List.of(items, items, items);
        }
        Value out = Value.EMPTY;
        for (Obj f : fns) out = out.join(a.calls.invoke(f, self, rest, n));
        return out;
    }
}

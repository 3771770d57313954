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
            default -> null;
        };
    }

    /**
     * {@code new URL(input, base)}: the text of the URL as far as it is known, and where data lands in it.
     * Data in the input may be an absolute URL, so it does not keep its lead once there is a base; data in
     * the base starts the result unless every input is absolute (then the base is not used).
     */
    private Value url(Value input, Value base, Node n) {
        List<Fact> out = new ArrayList<>();
        for (Fact f : Transfer.stepAll(input.dataOnly(), n, "through URL()").items()) out.add(base == null ? f : Fact.unlead(f));
        List<Str> inputs = input.all(Str.class);
        boolean absolute = !inputs.isEmpty() && input.dataOnly().isEmpty();
        for (Str s : inputs) absolute &= ABSOLUTE.matcher(s.prefix()).lookingAt();
        if (base == null || absolute) {
            out.addAll(inputs);
            return Value.of(out);
        }
        out.addAll(Transfer.stepAll(base.dataOnly(), n, "through URL()").facts());
        for (Str in : inputs) {
            if (!in.complete()) continue;
            for (Str b : base.all(Str.class)) out.add(resolve(in.prefix(), b));
        }
        return Value.of(out);
    }

    /** An absolute URL or a protocol-relative one (which takes only the base's scheme). */
    private static final Pattern ABSOLUTE = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

    /** A relative reference against a base whose text is known in part: the base's scheme and host stay. */
    private static Str resolve(String ref, Str base) {
        List<String> parts = new ArrayList<>();
        if (base.complete()) {
            String b = base.prefix();
            int authority = b.indexOf("//");
            int pathStart = authority < 0 ? -1 : indexOfAny(b, "/?#", authority + 2);
            String origin = pathStart < 0 ? b : b.substring(0, pathStart);
            String text;
            if (ref.startsWith("//")) text = (authority < 0 ? "" : b.substring(0, authority)) + ref;
            else if (ref.startsWith("/")) text = origin + ref;
            else if (ref.startsWith("?") || ref.startsWith("#") || ref.isEmpty()) text = stripFrom(b, ref.isEmpty() ? "#" : ref.substring(0, 1)) + ref;
            else {
                String path = stripFrom(b, "?");
                int slash = path.lastIndexOf('/');
                text = (slash < origin.length() ? origin + "/" : path.substring(0, slash + 1)) + ref;
            }
            parts.add(text);
        } else {
            // the host or path of the base is not known: keep what is (its scheme), the rest is unknown
            parts.add(base.prefix());
            parts.add(null);
        }
        return new Str(java.util.Collections.unmodifiableList(parts), base.origin(), base.mirrored());
    }

    private static String stripFrom(String s, String mark) {
        int i = s.indexOf(mark);
        if (mark.equals("?")) {
            int hash = s.indexOf('#');
            if (hash >= 0 && (i < 0 || hash < i)) i = hash;
        }
        return i < 0 ? s : s.substring(0, i);
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }

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

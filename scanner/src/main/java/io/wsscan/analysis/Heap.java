package io.wsscan.analysis;

import io.wsscan.analysis.Fact.Api;
import io.wsscan.analysis.Fact.Obj;
import io.wsscan.analysis.Fact.Param;
import io.wsscan.analysis.Fact.Taint;
import io.wsscan.analysis.Scopes.Binding;
import io.wsscan.ir.Node;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The abstract state: variables (by scope binding), global names, objects (by allocation site and
 * kind) and function summaries. Every update joins, and reports growth to the {@link Fixpoint};
 * every read is recorded there, so that the units that read a cell are evaluated again when it grows.
 */
final class Heap {

    private final Fixpoint fix;
    private final Map<Binding, Value> vars = new HashMap<>();
    private final Map<String, Value> globals = new HashMap<>();
    private final Map<String, Object> globalCells = new HashMap<>();
    private final Map<Node, Summary> summaries = new IdentityHashMap<>();
    private final Map<Node, Map<ObjKind, Obj>> objects = new IdentityHashMap<>();
    private final Map<Integer, Map<Obj, Value>> deepCache = new HashMap<>();

    Heap(Fixpoint fix) {
        this.fix = fix;
    }

    /** A round starts: drop what is cached per round. */
    void beginRound() {
        deepCache.clear();
    }

    // ------------------------------------------------------------------ variables and globals

    Value var(Binding b) {
        fix.read(b);
        return vars.getOrDefault(b, Value.EMPTY);
    }

    void setVar(Binding b, Value v) {
        if (joinInto(vars, b, v)) {
            fix.changed();
            fix.bump(b);
        }
    }

    Value global(String name) {
        fix.read(globalCell(name));
        return globals.getOrDefault(name, Value.EMPTY);
    }

    void setGlobal(String name, Value v) {
        if (joinInto(globals, name, v)) {
            fix.changed();
            fix.bump(globalCell(name));
        }
    }

    /** Joins {@code v} into the value under {@code key}; whether it grew. */
    private static <K> boolean joinInto(Map<K, Value> values, K key, Value v) {
        Value old = values.getOrDefault(key, Value.EMPTY);
        Value nv = old.join(v);
        if (nv == old) return false;
        values.put(key, nv);
        return true;
    }

    private Object globalCell(String name) {
        return globalCells.computeIfAbsent(name, n -> new Object());
    }

    // ------------------------------------------------------------------ objects

    /** The object of this kind allocated at {@code site} (one per site and kind). */
    Obj obj(Node site, ObjKind kind, Node function) {
        Map<ObjKind, Obj> byKind = objects.get(site);
        if (byKind == null) objects.put(site, byKind = new EnumMap<>(ObjKind.class));
        Obj o = byKind.get(kind); // get, then put: a capturing lambda would be allocated on every call
        if (o == null) byKind.put(kind, o = new Obj(site, kind, function));
        return o;
    }

    Obj functionObj(Node fn) {
        return obj(fn, ObjKind.FUNCTION, fn);
    }

    /** Every class object made so far, with its allocation site. */
    List<Obj> classes() {
        List<Obj> out = new ArrayList<>();
        for (Map<ObjKind, Obj> byKind : objects.values()) {
            Obj klass = byKind.get(ObjKind.CLASS);
            if (klass != null) out.add(klass);
        }
        return out;
    }

    /** The object's fields, recording a read of the whole object (code that looks at every field). */
    Map<String, Value> fields(Obj o) {
        fix.read(o);
        return o.fields;
    }

    void setField(Obj o, String name, Value v) {
        Value old = o.fields.getOrDefault(name, Value.EMPTY);
        Value nv = old.join(v);
        if (nv != old) {
            putField(o, name, nv);
            fix.changed();
            if (!Fields.internal(name)) {
                Value data = o.data.join(v.dataOnly());
                boolean grew = data != o.data;
                o.data = data;
                for (Obj c : v.objects()) {
                    if (c.function == null && c != o && o.children.size() < 64) grew |= o.children.add(c);
                }
                if (grew) fix.bump(fieldCell(o, Fields.DATA));
            }
        }
    }

    // Objects have a cell for the whole object (read by code that looks at every field: copy loops,
    // serialisation) and one per field, so that writing one field of a widely shared object does
    // not make every reader of its other fields evaluate again.

    /** Sets a field without a join (first writes of bookkeeping links). */
    void putField(Obj o, String name, Value v) {
        o.fields.put(name, v);
        fix.bump(o);
        fix.bump(fieldCell(o, name));
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

    private static Object fieldCell(Obj o, String name) {
        if (o.cells == null) o.cells = new HashMap<>(4);
        Object cell = o.cells.get(name);
        if (cell == null) o.cells.put(name, cell = new FieldCell(o, name));
        return cell;
    }

    /** One field's own value (no prototype chain), recording the read of that field only; null if unset. */
    Value field(Obj o, String name) {
        fix.read(fieldCell(o, name));
        return o.fields.get(name);
    }

    /** A field of an object: its own value, else along the prototype chain (each object once, bounded). */
    Value readObjField(Obj o, String name) {
        if (name == null) {
            fix.read(o);
            // kept until the object changes: code reads o[key] over and over, and objects can be large
            int version = fix.version(o);
            if (o.allFields != null && o.allFieldsVersion == version) return o.allFields;
            Value.Joiner out = new Value.Joiner();
            for (Map.Entry<String, Value> e : o.fields.entrySet()) {
                if (!e.getKey().equals(Fields.PROTO)) out.add(e.getValue());
            }
            o.allFields = out.value();
            o.allFieldsVersion = version;
            return o.allFields;
        }
        if (Fields.PROTOTYPE.equals(name) && o.function != null && !o.fields.containsKey(Fields.PROTOTYPE)) {
            putField(o, Fields.PROTOTYPE, Value.of(obj(o.function, ObjKind.PROTOTYPE, null)));
            addThis(o.function, Value.of(syntheticInstance(o.function)));
            fix.changed();
        }
        Value out = Value.EMPTY;
        Obj cur = o;
        List<Obj> queue = null; // the prototypes to visit; with o, also the ones seen (a few: a list is cheapest)
        for (int i = 0; cur != null; i++) {
            Value v = field(cur, name);
            if (v != null) out = out.join(v);
            Value star = field(cur, Fields.ANY);
            if (star != null) out = out.join(star);
            if (cur.kind == ObjKind.ARRAY && !name.isEmpty() && Character.isDigit(name.charAt(0))) {
                out = out.join(field(cur, Fields.ELEMENTS));
            }
            Value proto = v == null ? field(cur, Fields.PROTO) : null;
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

    /** The instance that stands for objects a constructor function makes elsewhere. */
    Obj syntheticInstance(Node ctor) {
        Obj inst = obj(ctor, ObjKind.INSTANCE, null);
        fix.read(inst);
        if (!inst.fields.containsKey(Fields.PROTO)) {
            putField(inst, Fields.PROTO, Value.of(obj(ctor, ObjKind.PROTOTYPE, null)));
        }
        return inst;
    }

    // ------------------------------------------------------------------ summaries

    Summary summary(Node fn) {
        return summaries.computeIfAbsent(fn, f -> new Summary());
    }

    /** Summary sink hits over all functions (debug statistics). */
    int summaryHits() {
        return summaries.values().stream().mapToInt(x -> x.hits.size()).sum();
    }

    void addThis(Node fn, Value v) {
        Summary s = summary(fn);
        s.thisVal = grow(s.thisVal, v, s.in);
    }

    void addParamIn(Node fn, int i, Value v) {
        if (i >= Summary.MAX_PARAMS || v.isEmpty()) return;
        Summary s = summary(fn);
        s.paramIn[i] = grow(s.paramIn[i], v, s.in);
    }

    void addReturn(Node fn, Value v) {
        Summary s = summary(fn);
        s.ret = grow(s.ret, v, s.out);
    }

    /** {@code old} joined with {@code v}; if that grew, {@code cell} changed. */
    private Value grow(Value old, Value v, Object cell) {
        Value nv = old.join(v);
        if (nv != old) {
            fix.bump(cell);
            fix.changed();
        }
        return nv;
    }

    /** Adds a sink hit to a function's summary (Findings.addHit bounds and filters); false if it was known. */
    boolean addHit(Summary s, Summary.SinkHit h) {
        if (!s.hits.add(h)) return false;
        fix.bump(s.out);
        fix.changed();
        return true;
    }

    // ------------------------------------------------------------------ views of values

    /** What iterating a value gives: array elements and unknown-key fields, and its data. */
    Value elements(Value v) {
        List<Fact> out = new ArrayList<>();
        for (Fact f : v.items()) {
            if (f instanceof Obj o) {
                Value items = field(o, Fields.ELEMENTS);
                if (items != null) out.addAll(items.facts());
                Value star = field(o, Fields.ANY);
                if (star != null) out.addAll(star.facts());
            } else if (f instanceof Taint || f instanceof Param || f instanceof Api) {
                out.add(f);
            }
        }
        return Value.of(out);
    }

    /** Element {@code i} of arrays known position by position (tuples such as [state, setState]). */
    Value positional(Value v, int i) {
        Value out = Value.EMPTY;
        for (Obj o : v.objects()) {
            if (o.kind != ObjKind.ARRAY) continue;
            Value e = field(o, Integer.toString(i));
            if (e != null) out = out.join(e);
        }
        return out;
    }

    /** The data a value shows when converted to a string: its own, and its arrays' elements. */
    Value stringData(Value v) {
        Value out = v.dataOnly();
        for (Obj o : v.objects()) {
            Value items = o.kind == ObjKind.ARRAY ? field(o, Fields.ELEMENTS) : null;
            if (items != null) out = out.join(items.dataOnly());
        }
        return out;
    }

    /** The data in a value and in the fields of its objects, to a bounded depth (what serialising sends). */
    Value deepData(Value v, int depth) {
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
        fix.read(fieldCell(o, Fields.DATA));
        if (depth <= 1) return o.data;
        Map<Obj, Value> cache = deepCache.computeIfAbsent(depth, d -> new IdentityHashMap<>());
        Value cached = cache.get(o);
        if (cached != null) {
            if (fix.recording()) readChildren(o, depth - 1);
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
            if (fix.readOnce(fieldCell(c, Fields.DATA)) && depth > 1) readChildren(c, depth - 1);
        }
    }
}

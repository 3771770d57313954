package io.wsscan.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** An immutable set of {@link Fact}s, bounded per fact type so that no value grows without limit. */
public final class Value {

    static final int MAX_FACTS = 32;
    static final int MAX_STRS = 8;

    public static final Value EMPTY = new Value(Set.of());

    private final Set<Fact> facts;
    // Derived views, made on first use: the engine asks the same value for them many times over.
    private Value dataOnly;
    private Value nonData;
    private Fact[] items;
    private Fact.Obj[] objArray;

    private Value(Set<Fact> facts) {
        this.facts = facts;
    }

    public static Value of(Fact f) {
        return new Value(Set.of(f));
    }

    public static Value of(List<? extends Fact> fs) {
        if (fs.isEmpty()) return EMPTY;
        return EMPTY.plusAll(fs);
    }

    public Set<Fact> facts() {
        return Collections.unmodifiableSet(facts);
    }

    /**
     * The facts as an array, in order, for loops that must not allocate an iterator per pass (the
     * engine walks values millions of times; the JIT a scan runs with does not remove iterators).
     * Callers must not modify it.
     */
    Fact[] items() {
        Fact[] a = items;
        if (a == null) items = a = facts.toArray(NO_FACTS);
        return a;
    }

    private static final Fact[] NO_FACTS = new Fact[0];

    /** The objects among the facts, as an array ({@link #items()}); callers must not modify it. */
    Fact.Obj[] objects() {
        Fact.Obj[] a = objArray;
        if (a == null) objArray = a = all(Fact.Obj.class).toArray(new Fact.Obj[0]);
        return a;
    }

    public boolean isEmpty() {
        return facts.isEmpty();
    }

    public Value join(Value o) {
        if (o == null || o.facts.isEmpty() || o == this) return this;
        if (facts.isEmpty()) return o;
        if (facts.size() >= MAX_FACTS) return this; // full: plusAll would add nothing
        if (facts.containsAll(o.facts)) return this;
        return plusAll(o.facts);
    }

    public Value plus(Fact f) {
        if (facts.contains(f)) return this;
        return plusAll(List.of(f));
    }

    private Value plusAll(Iterable<? extends Fact> more) {
        if (facts.size() >= MAX_FACTS) return this;
        LinkedHashSet<Fact> s = new LinkedHashSet<>(facts);
        int strs = 0;
        for (Fact f : s) if (f instanceof Fact.Str) strs++;
        boolean grew = false;
        for (Fact f : more) {
            if (s.size() >= MAX_FACTS) break;
            if (f instanceof Fact.Str str) {
                if (s.contains(f)) continue;
                // Widening: one string per origin literal; two different ones keep their common head.
                Fact.Str same = null;
                for (Fact g : s) if (g instanceof Fact.Str t && t.origin() == str.origin()) same = t;
                if (same != null) {
                    Fact.Str w = widen(same, str);
                    if (!w.equals(same)) {
                        s.remove(same);
                        s.add(w);
                        grew = true;
                    }
                    continue;
                }
                if (strs >= MAX_STRS) continue;
                strs++;
            }
            grew |= s.add(f);
        }
        return grew ? new Value(s) : this;
    }

    /** The known head both strings share, then an unknown part. */
    static Fact.Str widen(Fact.Str a, Fact.Str b) {
        String pa = a.prefix(), pb = b.prefix();
        int n = 0;
        while (n < pa.length() && n < pb.length() && pa.charAt(n) == pb.charAt(n)) n++;
        List<String> parts = new ArrayList<>(2);
        if (n > 0) parts.add(pa.substring(0, n));
        parts.add(null);
        return new Fact.Str(java.util.Collections.unmodifiableList(parts), a.origin(), a.mirrored() || b.mirrored());
    }

    public <T extends Fact> List<T> all(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Fact f : items()) if (type.isInstance(f)) out.add(type.cast(f));
        return out;
    }

    public boolean any(Class<? extends Fact> type) {
        for (Fact f : items()) if (type.isInstance(f)) return true;
        return false;
    }

    public Value filter(Predicate<Fact> keep) {
        boolean all = true;
        for (Fact f : items()) {
            if (!keep.test(f)) {
                all = false;
                break;
            }
        }
        if (all) return this;
        // a part of a bounded, widened set is one too: no need to go through plusAll
        LinkedHashSet<Fact> out = new LinkedHashSet<>();
        for (Fact f : items()) if (keep.test(f)) out.add(f);
        return out.isEmpty() ? EMPTY : new Value(out);
    }

    /**
     * Joins many values into one without a new set per step ({@code a.join(b).join(c)...} copies the
     * growing set each time): for reads that gather every field of a large object.
     */
    static final class Joiner {
        private Value first = EMPTY;
        private LinkedHashSet<Fact> more;

        void add(Value v) {
            if (v == null || v.facts.isEmpty() || v == first) return;
            if (first.facts.isEmpty()) {
                first = v;
                return;
            }
            if (first.facts.size() >= MAX_FACTS || first.facts.containsAll(v.facts)) return;
            if (more == null) more = new LinkedHashSet<>();
            more.addAll(v.facts);
        }

        Value value() {
            return more == null ? first : first.plusAll(more);
        }
    }

    public Value map(Function<Fact, Fact> fn) {
        List<Fact> out = new ArrayList<>();
        for (Fact f : items()) {
            Fact g = fn.apply(f);
            if (g != null) out.add(g);
        }
        return of(out);
    }

    /** Only the taints (and symbolic parameters): what a string operation passes on. */
    public Value dataOnly() {
        if (dataOnly == null) dataOnly = filter(f -> f instanceof Fact.Taint || f instanceof Fact.Param);
        return dataOnly;
    }

    /** All but the taints and symbolic parameters: what a value is apart from the data it carries. */
    public Value nonData() {
        if (nonData == null) nonData = filter(f -> !(f instanceof Fact.Taint) && !(f instanceof Fact.Param));
        return nonData;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Value v && v.facts.equals(facts);
    }

    @Override
    public int hashCode() {
        return facts.hashCode();
    }

    @Override
    public String toString() {
        return facts.toString();
    }
}

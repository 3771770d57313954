package io.wsscan.analysis;

import io.wsscan.ir.Node;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the analysis knows a value may be. A {@link Value} is a set of facts; facts compare without
 * their traces so the fixpoint terminates (the first trace found for a fact is the one reported).
 */
public sealed interface Fact {

    /**
     * Barrier marker {@code lead:TEXT}: the tainted string starts with TEXT (location.pathname starts with
     * '/', location.href with the page's origin), so where it lands in a URL is known. {@code lead:} alone
     * means "starts with unknown text" (after a string method, or appended to something); with two
     * different markers the start is not known either. Never a sink kind, so no sink is blocked by it.
     */
    String LEAD = "lead:";

    /** The text a value with these barriers is known to start with, or null. */
    static String lead(Set<String> barriers) {
        String out = null;
        for (String b : barriers) {
            if (!b.startsWith(LEAD)) continue;
            if (out != null || b.length() == LEAD.length()) return null;
            out = b.substring(LEAD.length());
        }
        return out;
    }

    /**
     * Barrier marker {@code after:TEXT} of a parameter: inside its function, the parameter is appended to
     * TEXT ('wss://' + location.host + path). An argument with a lead is placed by it at the call.
     */
    String AFTER = "after:";

    /** Only lead and after markers (or nothing): no sink kind is blocked. */
    static boolean onlyLeads(Set<String> barriers) {
        for (String b : barriers) if (!b.startsWith(LEAD) && !b.startsWith(AFTER)) return false;
        return true;
    }

    /**
     * The barriers data with {@code argument} barriers gets where a parameter with {@code param} barriers
     * stands: an argument that starts with its lead, appended inside the function after fixed text, is
     * blocked by the prefix barriers of that text and the lead (every such text, when there are several).
     */
    static Set<String> placed(Set<String> argument, Set<String> param, java.util.function.Function<String, Set<String>> prefixBarriers) {
        String lead = lead(argument);
        if (lead == null) return Set.of();
        Set<String> out = null;
        for (String b : param) {
            if (!b.startsWith(AFTER)) continue;
            Set<String> mine = new java.util.TreeSet<>(prefixBarriers.apply(b.substring(AFTER.length()) + lead));
            if (out == null) out = mine;
            else out.retainAll(mine);
        }
        return out == null ? Set.of() : out;
    }

    /**
     * The data of a value as a copy that no longer starts where its lead said: a string method's result,
     * or data appended to other text. Parameters are marked too, since the argument may have a lead.
     */
    static Fact unlead(Fact f) {
        if (f instanceof Taint t) return lead(t.barriers()) == null ? t : t.withBarriers(Set.of(LEAD));
        if (f instanceof Param p) return p.withBarriers(Set.of(LEAD));
        return f;
    }

    /**
     * Data of a source kind (e.g. {@code ws-message}). {@code barriers} are the sink kinds this copy
     * can no longer reach (set by sanitizers and by constant URL prefixes).
     */
    record Taint(String kind, Node source, Set<String> barriers, Trace trace) implements Fact {
        @Override
        public boolean equals(Object o) {
            return o instanceof Taint t && t.kind.equals(kind) && t.source == source && t.barriers.equals(barriers);
        }

        @Override
        public int hashCode() {
            // cheap: values hash their facts on every join; equals() does the full comparison
            return kind.hashCode() * 31 + System.identityHashCode(source) + barriers.size();
        }

        Taint step(Node at, String message) {
            return new Taint(kind, source, barriers, trace.then(at, message));
        }

        Taint withBarriers(Set<String> more) {
            if (barriers.containsAll(more)) return this;
            java.util.TreeSet<String> b = new java.util.TreeSet<>(barriers);
            b.addAll(more);
            return new Taint(kind, source, Set.copyOf(b), trace);
        }
    }

    /**
     * An abstract object, one per allocation site (object/array literal, function, {@code new}, class
     * instance). Fields are shared by everything that may point to it (flow-insensitive).
     */
    final class Obj implements Fact {
        public final Node site;
        public final ObjKind kind;
        public final Node function;   // the FUNCTION node for functions, else null
        final Map<String, Value> fields = new HashMap<>();
        /** Change-tracking cells of single fields (see Heap.putField); made on first use. */
        Map<String, Object> cells;
        /** The data facts of all fields (what serialising this object would carry), kept up to date. */
        Value data = Value.EMPTY;
        /** Plain objects held in fields (bounded): serialising reaches their data too. */
        final java.util.LinkedHashSet<Obj> children = new java.util.LinkedHashSet<>();
        /** Every field's value joined, as of the object's change-clock {@code allFieldsVersion} (Heap.readObjField). */
        Value allFields;
        int allFieldsVersion;

        Obj(Node site, ObjKind kind, Node function) {
            this.site = site;
            this.kind = kind;
            this.function = function;
        }

        @Override
        public String toString() {
            return kind + "@" + site.start;
        }
    }

    /**
     * A modeled API location in access-path notation, e.g. {@code Global[WebSocket].Instance} or
     * {@code Type[ws-connection].Member[onmessage].Parameter[0]}. Models match on these paths.
     */
    record Api(String path) implements Fact {
    }

    /**
     * The value of parameter {@code index} of {@code function} (-1 = {@code this}): the input of a
     * function summary. Carries the path inside the function and the barriers met on the way.
     */
    record Param(Node function, int index, Set<String> barriers, Trace trace) implements Fact {
        @Override
        public boolean equals(Object o) {
            return o instanceof Param p && p.function == function && p.index == index && p.barriers.equals(barriers);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(function) * 31 + index + barriers.size();
        }

        Param step(Node at, String message) {
            return new Param(function, index, barriers, trace == null ? Trace.start(at, message) : trace.then(at, message));
        }

        Param withBarriers(Set<String> more) {
            if (barriers.containsAll(more)) return this;
            java.util.TreeSet<String> b = new java.util.TreeSet<>(barriers);
            b.addAll(more);
            return new Param(function, index, Set.copyOf(b), trace);
        }
    }

    /**
     * A string whose text is known in parts: literal text segments with {@code null} for unknown parts.
     * {@code origin} is the literal that supplied the first segment (where URL findings point).
     * {@code mirrored}: chosen against a secure alternative (page-protocol mirroring).
     */
    record Str(List<String> parts, Node origin, boolean mirrored) implements Fact {
        @Override
        public boolean equals(Object o) {
            return o instanceof Str s && s.parts.equals(parts) && s.origin == origin && s.mirrored == mirrored;
        }

        @Override
        public int hashCode() {
            int h = System.identityHashCode(origin) * 31 + parts.size();
            String first = parts.isEmpty() ? null : parts.get(0);
            return h * 31 + (first == null ? 0 : first.hashCode()) + (mirrored ? 1 : 0);
        }

        /** The known text before the first unknown part. */
        public String prefix() {
            StringBuilder sb = new StringBuilder();
            for (String p : parts) {
                if (p == null) break;
                sb.append(p);
            }
            return sb.toString();
        }

        public boolean complete() {
            for (String p : parts) if (p == null) return false;
            return true;
        }

        /** The text with unknown parts shown as {@code ${…}}. */
        public String display() {
            StringBuilder sb = new StringBuilder();
            for (String p : parts) sb.append(p == null ? "${…}" : p);
            return sb.toString();
        }
    }

    /**
     * The object a modeled connection call made ({@code io(url)}, {@code new WebSocket(url)}): a send
     * on a value holding it goes over that connection. Not data: it never reaches a sink.
     */
    record Conn(Node call) implements Fact {
        @Override
        public boolean equals(Object o) {
            return o instanceof Conn c && c.call == call;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(call);
        }
    }

    /** A DOM element (or similar) that holds sensitive data of {@code kind} in its {@code value}. */
    record Hint(String kind, Node at) implements Fact {
        @Override
        public boolean equals(Object o) {
            return o instanceof Hint h && h.kind.equals(kind);
        }

        @Override
        public int hashCode() {
            return kind.hashCode();
        }
    }
}

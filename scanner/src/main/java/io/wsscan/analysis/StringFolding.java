package io.wsscan.analysis;

import io.wsscan.analysis.Fact.Param;
import io.wsscan.analysis.Fact.Str;
import io.wsscan.analysis.Fact.Taint;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Constant strings: literals, concatenation (known text is kept in parts, unknown parts are holes),
 * the barriers a fixed URL prefix puts on data appended to it, and page-protocol mirroring.
 */
final class StringFolding {

    /** Bounds on folded strings: parts (text and unknown) and characters per text part. */
    private static final int MAX_STR_PARTS = 8, MAX_STR_TEXT = 400;

    private final ModelBinding models;

    StringFolding(ModelBinding models) {
        this.models = models;
    }

    /** A string or number literal (numbers are kept as text for URLs: 'ws://host:' + 8080). */
    static Value literal(Node n) {
        return Value.of(new Str(List.of(n.text), n, false));
    }

    /** String concatenation: known text is kept, data passes on, a fixed URL prefix adds barriers. */
    Value concat(Value l, Value r) {
        if (numeric(l) && numeric(r)) return Value.EMPTY; // arithmetic
        List<Fact> out = new ArrayList<>(l.dataOnly().facts());
        Set<String> blocks = prefixBlocks(l);
        List<Str> ls = l.all(Str.class);
        boolean leftEmpty = !ls.isEmpty() && l.dataOnly().isEmpty() && ls.stream().allMatch(s -> s.complete() && s.prefix().isEmpty());
        for (Fact f : r.dataOnly().items()) {
            Set<String> mine = blocks;
            String lead = f instanceof Taint t ? Fact.lead(t.barriers()) : null;
            if (lead != null && !leftEmpty) mine = union(blocks, leadBlocks(ls, !l.dataOnly().isEmpty(), lead));
            // a parameter at the start of the appended value: remember the text before it for its arguments' leads
            if (f instanceof Param p && !leftEmpty && !p.barriers().contains(Fact.LEAD)) mine = union(mine, afterMarkers(ls, !l.dataOnly().isEmpty()));
            // appended to text, the data no longer starts the string: its lead now sits after that text
            Fact g = leftEmpty ? f : Fact.unlead(f);
            if (!mine.isEmpty() && g instanceof Taint t) out.add(t.withBarriers(mine));
            else if (!mine.isEmpty() && g instanceof Param p) out.add(p.withBarriers(mine));
            else out.add(g);
        }
        List<Str> rs = r.all(Str.class);
        if (!ls.isEmpty() || !rs.isEmpty()) {
            if (ls.isEmpty()) ls = List.of(new Str(Collections.singletonList(null), null, false));
            if (rs.isEmpty()) rs = List.of(new Str(Collections.singletonList(null), null, false));
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
        return new Str(Collections.unmodifiableList(parts), origin, a.mirrored() || b.mirrored());
    }

    /** The barriers every string the left operand may be puts on what is appended to it. */
    private Set<String> prefixBlocks(Value l) {
        List<Str> strs = l.all(Str.class);
        if (strs.isEmpty()) return Set.of();
        Set<String> blocks = null;
        for (Str s : strs) {
            Set<String> mine = models.prefixBarriers(s.prefix());
            if (!s.complete()) mine = union(mine, afterUnknown(s, l));
            if (blocks == null) blocks = mine;
            else blocks.retainAll(mine);
        }
        return blocks == null ? Set.of() : blocks;
    }

    /**
     * The barriers text appended to a string with unknown parts gets from the string's last text: when that
     * text names the host ({@code location.protocol.replace('http', 'ws') + '//' + location.host + '/relay?id='})
     * or starts the path, query or fragment after unknown text ({@code … + dir + '/relay?id='}), what follows
     * lands there, unless the unknown text itself is data that could still be the host. So a kind counts only
     * where every datum on the left is already kept from that kind (a path of the page, for instance).
     */
    private Set<String> afterUnknown(Str s, Value l) {
        // the last text: unknown parts after it are in what it starts (data there is checked below)
        String last = null;
        for (int i = s.parts().size() - 1; i >= 0 && last == null; i--) last = s.parts().get(i);
        if (last == null || last.isEmpty()) return Set.of();
        int slashes = last.indexOf("//");
        String text = slashes >= 0 ? last.substring(slashes)
                : "/?#".indexOf(last.charAt(0)) >= 0 ? "//" + HOST_PLACEHOLDER + last : null;
        if (text == null) return Set.of();
        Set<String> out = new java.util.TreeSet<>(models.prefixBarriers(text));
        for (Fact f : l.dataOnly().items()) {
            if (!(f instanceof Taint t)) return Set.of();
            out.retainAll(t.barriers());
        }
        return out;
    }

    /** Stands for a host the string has before its last part (unknown, but no data) when the prefix rules judge that part. */
    private static final String HOST_PLACEHOLDER = "host";

    /**
     * The barriers data known to start with {@code lead} gets when appended to every string the left
     * operand may be: 'wss://' + location.host + location.pathname is a path on the page's own host.
     * Only the known text right before the data says where it lands.
     */
    private Set<String> leadBlocks(List<Str> left, boolean leftData, String lead) {
        if (left.isEmpty()) return Set.of();
        Set<String> blocks = null;
        for (Str s : left) {
            String before = before(s, leftData);
            if (before == null) return Set.of();
            Set<String> mine = models.prefixBarriers(before + lead);
            if (blocks == null) blocks = mine;
            else blocks.retainAll(mine);
        }
        return blocks;
    }

    /** The known text right before appended data, or null when it is not known. */
    private static String before(Str s, boolean leftData) {
        // unknown text that carries no data (location.protocol.replace(..)) before '//host' leaves the host fixed
        String last = s.parts().get(s.parts().size() - 1);
        return s.complete() ? s.prefix() : leftData || last == null || !last.startsWith("//") ? null : last;
    }

    /** {@code after:TEXT} markers for a parameter appended to the left strings (none when one is not known). */
    private static Set<String> afterMarkers(List<Str> left, boolean leftData) {
        if (left.isEmpty()) return Set.of();
        Set<String> out = new java.util.TreeSet<>();
        for (Str s : left) {
            String before = before(s, leftData);
            if (before == null || before.isEmpty()) return Set.of();
            out.add(Fact.AFTER + before);
        }
        return out;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        if (b.isEmpty()) return a;
        if (a.isEmpty()) return b;
        Set<String> out = new java.util.TreeSet<>(a);
        out.addAll(b);
        return out;
    }

    /** A choice between a secure and a cleartext scheme mirrors the page's protocol: mark the cleartext one. */
    static Value mirror(Value a, Value b) {
        boolean aSecure = hasScheme(a, true), bSecure = hasScheme(b, true);
        boolean aPlain = hasScheme(a, false), bPlain = hasScheme(b, false);
        if ((aSecure && bPlain) || (bSecure && aPlain)) {
            a = markMirrored(a);
            b = markMirrored(b);
        }
        return a.join(b);
    }

    /** One value that may be a secure or a cleartext scheme (a lookup table's entries): mirroring too. */
    static Value mirrorChoice(Value v) {
        return hasScheme(v, true) && hasScheme(v, false) ? markMirrored(v) : v;
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

    /** The one complete string a value may be; null if it may be another or unknown text. */
    static String constantString(Value v) {
        String out = null;
        for (Str s : v.all(Str.class)) {
            if (!s.complete()) return null;
            if (out != null && !out.equals(s.prefix())) return null;
            out = s.prefix();
        }
        return out;
    }

    /** Nothing but fully known strings (or nothing at all): a key's name says nothing about such a value. */
    static boolean constantOrEmpty(Value v) {
        for (Fact f : v.items()) if (!(f instanceof Str s) || !s.complete()) return false;
        return true;
    }
}

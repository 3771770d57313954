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
        for (Fact f : r.dataOnly().items()) {
            if (!blocks.isEmpty() && f instanceof Taint t) out.add(t.withBarriers(blocks));
            else if (!blocks.isEmpty() && f instanceof Param p) out.add(p.withBarriers(blocks));
            else out.add(f);
        }
        List<Str> ls = l.all(Str.class);
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
            if (blocks == null) blocks = mine;
            else blocks.retainAll(mine);
        }
        return blocks == null ? Set.of() : blocks;
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

package io.wsscan.rules.js;

import io.wsscan.analysis.Engine;
import io.wsscan.analysis.Fact.Str;
import io.wsscan.analysis.Trace;
import io.wsscan.rules.StructuralCheck;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code connection-cleartext}: a connection whose URL, as far as constant folding knows it, starts
 * with a cleartext scheme of its library (ws:, or http: for libraries that take HTTP URLs) and whose
 * host is neither loopback nor a reserved documentation/test name (RFC 2606/6761). URLs chosen against a secure alternative (page-protocol mirroring) and URLs
 * whose scheme is not known are not reported. The finding points at the literal holding the scheme.
 */
public final class CleartextCheck implements StructuralCheck {

    @Override
    public String name() {
        return "connection-cleartext";
    }

    @Override
    public List<Hit> run(Context ctx) {
        Map<Object, Hit> hits = new IdentityHashMap<>();
        for (Engine.ConnectionSite c : ctx.engine().connections()) {
            for (Str s : c.url().all(Str.class)) {
                if (s.mirrored() || s.origin() == null || hits.containsKey(s.origin())) continue;
                String prefix = s.prefix();
                String lower = prefix.toLowerCase(Locale.ROOT);
                String scheme = null;
                for (String sc : c.model.cleartextSchemes()) if (lower.startsWith(sc + "//")) scheme = sc;
                if (scheme == null) continue;
                String host = host(prefix.substring(scheme.length() + 2), s.complete());
                // loopback never leaves the machine; a reserved documentation/test name is never a real server
                if (ctx.models().isLoopback(host) || ctx.models().isReserved(host)) continue;
                hits.put(s.origin(), new Hit(s.origin(), Map.of("detail", shorten(s.display())), List.of(
                        new Trace.Step(s.origin(), "cleartext URL " + shorten(s.display())),
                        new Trace.Step(c.call, "used by " + c.model.library() + " to connect"))));
            }
        }
        return new ArrayList<>(hits.values());
    }

    /** The host of an authority-first string, or null when the folded text ends inside the host. */
    static String host(String rest, boolean complete) {
        int at = rest.indexOf('@');
        int end = indexOfAny(rest, "/?#");
        if (at >= 0 && (end < 0 || at < end)) rest = rest.substring(at + 1);
        end = indexOfAny(rest, "/?#");
        String authority = end < 0 ? rest : rest.substring(0, end);
        if (end < 0 && !complete) {
            // 'ws://localhost:' + port still names its host; 'ws://' + host does not
            int colon = authority.startsWith("[") ? authority.indexOf("]:") + 1 : authority.lastIndexOf(':');
            if (colon <= 0) return null;
            return authority.substring(0, colon);
        }
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            return close > 0 ? authority.substring(0, close + 1) : authority;
        }
        int colon = authority.indexOf(':');
        return colon >= 0 ? authority.substring(0, colon) : authority;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }

    static String shorten(String s) {
        return s.length() > 120 ? s.substring(0, 117) + "…" : s;
    }

}

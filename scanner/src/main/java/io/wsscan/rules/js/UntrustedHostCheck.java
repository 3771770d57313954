package io.wsscan.rules.js;

import io.wsscan.analysis.Engine;
import io.wsscan.analysis.Fact.Str;
import io.wsscan.analysis.Trace;
import io.wsscan.inventory.UrlParts;
import io.wsscan.policy.Policy;
import io.wsscan.rules.StructuralCheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code untrusted-host}: a connection whose URL, as constant folding knows it, names a host that the
 * policy's {@code allowedHosts} does not allow. Relative URLs, the page's own host, loopback hosts,
 * reserved documentation/test names and unknown hosts are not reported (the inventory lists them). One hit per connect call, naming every such host.
 */
public final class UntrustedHostCheck implements StructuralCheck {

    @Override
    public String name() {
        return "untrusted-host";
    }

    @Override
    public List<Hit> run(Context ctx) {
        Policy policy = ctx.policy();
        if (policy == null || !policy.hasAllowlist()) return List.of();
        Map<Object, Hit> hits = new LinkedHashMap<>();
        for (Engine.ConnectionSite c : ctx.engine().connections()) {
            TreeSet<String> hosts = new TreeSet<>();
            Str first = null;
            for (Str s : c.url().all(Str.class)) {
                UrlParts u = UrlParts.parse(s.parts());
                if (u.host() == null || u.unknown().contains("host") || u.pageHost()) continue;
                // loopback traffic never leaves the machine (development servers, local agents); reserved
                // documentation/test names (RFC 2606/6761) are placeholders, not servers
                if (policy.allows(u.host()) || ctx.models().isLoopback(u.host()) || ctx.models().isReserved(u.host())) continue;
                hosts.add(u.host());
                if (first == null) first = s;
            }
            if (hosts.isEmpty()) continue;
            String what = hosts.size() == 1 ? "host " + hosts.first() : "hosts " + String.join(", ", hosts);
            List<Trace.Step> trace = first.origin() == null || first.origin() == c.call ? List.of()
                    : List.of(new Trace.Step(first.origin(), "URL " + CleartextCheck.shorten(first.display())),
                              new Trace.Step(c.call, "used by " + c.model.library() + " to connect"));
            hits.put(c.call, new Hit(c.call, Map.of("detail", what + " (" + c.model.library() + ")"), trace));
        }
        return new ArrayList<>(hits.values());
    }
}

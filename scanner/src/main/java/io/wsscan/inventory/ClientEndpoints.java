package io.wsscan.inventory;

import io.wsscan.analysis.Engine;
import io.wsscan.analysis.Fact.Str;
import io.wsscan.analysis.Models;
import io.wsscan.findings.Region;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The inventory entries of one connection site: one per distinct URL text constant folding found
 * for it (a URL chosen at run time between two constants gives two entries), or one entry with an
 * unknown URL. Party here is decided without a policy (any named host is third party); the
 * inventory reclassifies with the policy's first-party hosts.
 */
public final class ClientEndpoints {

    private ClientEndpoints() {
    }

    public static List<Endpoint> of(Engine.ConnectionSite site, String file, Region region, Models models) {
        Map<String, Endpoint> out = new LinkedHashMap<>();
        List<String> optionAuth = optionAuth(site, models);
        for (Str s : site.url().all(Str.class)) {
            UrlParts u = UrlParts.parse(s.parts());
            TreeSet<String> auth = new TreeSet<>(optionAuth);
            if (credentialInUrl(u, models.credentialParams())) auth.add("token-in-url");
            Endpoint.Party party = party(u, models);
            // cookies are not guessed from the party: the inventory adds them when a server it reaches reads them
            List<String> notes = new ArrayList<>();
            if (s.mirrored()) notes.add(Endpoint.MIRRORED);
            if (!u.unknown().contains("host") && models.isReserved(u.host())) notes.add(Endpoint.RESERVED);
            if (!u.unknown().contains("host") && models.isLoopback(u.host())) notes.add(Endpoint.LOOPBACK);
            String path = u.path();
            if (site.model.defaultPath() != null) {
                // socket.io: the URL names a namespace, the handshake goes to the path option or /socket.io/
                if (path != null && !path.isEmpty() && !path.equals("/")) notes.add("namespace " + path);
                path = pathOption(site.call, site.model.defaultPath());
            }
            out.putIfAbsent(u.display(), new Endpoint(Endpoint.Side.CLIENT, file, region, site.model.library(),
                    u.display(), u.scheme(), u.host(), u.port(), path, u.unknown(), party,
                    List.copyOf(auth), null, null, notes));
        }
        if (out.isEmpty()) {
            out.put("", new Endpoint(Endpoint.Side.CLIENT, file, region, site.model.library(), null, null, null, null,
                    null, List.of("url"), Endpoint.Party.UNKNOWN, optionAuth, null, null,
                    List.of("the URL is not known to constant folding")));
        }
        return List.copyOf(out.values());
    }

    /** Party without a policy: relative, the page's own host, loopback (first party), a named host, unknown. */
    static Endpoint.Party party(UrlParts u, Models models) {
        if (u.pageHost() || u.host() != null && models.isLoopback(u.host())) return Endpoint.Party.FIRST_PARTY;
        if (u.relative() && u.host() == null) return Endpoint.Party.RELATIVE;
        if (u.host() == null || u.unknown().contains("host")) return Endpoint.Party.UNKNOWN;
        return Endpoint.Party.THIRD_PARTY;
    }

    private static boolean credentialInUrl(UrlParts u, Pattern params) {
        String display = u.display();
        int scheme = display.indexOf("://");
        if (scheme > 0) {
            int end = display.indexOf('/', scheme + 3);
            String authority = end < 0 ? display.substring(scheme + 3) : display.substring(scheme + 3, end);
            if (authority.contains("@")) return true;
        }
        return u.query() != null && params.matcher("?" + u.query()).find();
    }

    /** The constant {@code path} option of the call, the default without one, null when it is computed. */
    private static String pathOption(Node call, String fallback) {
        for (int i = 1; i < call.size(); i++) {
            Node arg = call.kid(i);
            if (!arg.is(Kind.OBJECT)) continue;
            for (Node p : arg.kids()) {
                if (!p.is(Kind.PROPERTY) || p.size() < 2 || !"path".equals(p.keyName())) continue;
                return p.kid(1).is(Kind.STRING) ? p.kid(1).text : null;
            }
        }
        return fallback;
    }

    /** Patterns the call's options and extra arguments show: subprotocols, auth options. */
    private static List<String> optionAuth(Engine.ConnectionSite site, Models models) {
        TreeSet<String> out = new TreeSet<>();
        Node call = site.call;
        if (!call.is(Kind.NEW) && !call.is(Kind.CALL)) return List.of();
        Integer sub = models.subprotocolArguments().get(site.model.library());
        if (sub != null && call.size() > sub + 1 && !call.kid(sub + 1).is(Kind.EMPTY)) out.add("subprotocol");
        for (int i = 1; i < call.size(); i++) {
            Node arg = call.kid(i);
            if (!arg.is(Kind.OBJECT)) continue;
            for (Node p : arg.kids()) {
                if (!p.is(Kind.PROPERTY) || p.size() == 0) continue;
                Node key = p.kid(0);
                if (key.text == null) continue;
                String pattern = models.authOptions().get(key.text);
                if (pattern != null) out.add(pattern);
            }
        }
        return List.copyOf(out);
    }
}

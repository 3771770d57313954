/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.policy;

import io.wsscan.engine.Classification;
import io.wsscan.inventory.Endpoint;
import io.wsscan.inventory.Inventory;
import io.wsscan.inventory.UrlParts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The policy's allowlist as a Content-Security-Policy {@code connect-src} directive: the sources that
 * let the browser open exactly the client connections of the inventory that the policy allows, and no
 * other. Same-origin addresses (relative URLs, the page's own host) are {@code 'self'}, which CSP Level 3
 * also matches for {@code ws:}/{@code wss:}; {@code 'self'} is always present because the same directive
 * governs the page's own {@code fetch} and XHR calls. Named hosts become scheme-and-host sources (the
 * port when the URL names one); an HTTP(S) address (socket.io, SockJS, SignalR, EventSource) also
 * upgrades to the WebSocket scheme of the same host. Hosts the policy does not allow are left out and
 * listed; addresses whose host is computed at run time are listed as needing a decision. Test, example
 * and vendored files count only when asked.
 *
 * @param sources    source expression to the places (file:line) that need it, sorted
 * @param undecided  places whose host is not known statically, with the URL as far as it is known
 * @param refused    hosts not in the allowlist, to the places that connect to them
 * @param reserved   documentation/test hosts (RFC 2606/6761) that no real server answers, to their places
 * @param scripts    scripts the pages load from other hosts: script-src source to the pages, and which of
 *                   those tags lack Subresource Integrity ({@link #withPageScripts})
 */
public record Csp(Map<String, List<String>> sources, Map<String, String> undecided,
                  Map<String, List<String>> refused, Map<String, List<String>> reserved,
                  Map<String, List<String>> scripts, List<String> withoutIntegrity) {

    public static final String SELF = "'self'";

    /** The directive from the raw endpoints of a scan (party as the scan decided it, before first-party hosts apply). */
    public static Csp of(Inventory inventory, Policy policy, boolean includeTests) {
        Map<String, TreeSet<String>> sources = new TreeMap<>(Csp::order);
        Map<String, String> undecided = new TreeMap<>();
        Map<String, TreeSet<String>> refused = new TreeMap<>();
        Map<String, TreeSet<String>> reserved = new TreeMap<>();
        sources.put(SELF, new TreeSet<>());
        for (Endpoint e : inventory.clients()) {
            if (!includeTests && inventory.classOf(e) != Classification.Kind.PRODUCTION) continue;
            String where = e.file() + ":" + e.region().startLine();
            if (e.notes().contains(Endpoint.RESERVED)) {
                reserved.computeIfAbsent(e.host(), h -> new TreeSet<>()).add(where);
            } else if (e.party() == Endpoint.Party.RELATIVE || e.host() != null && e.host().startsWith(UrlParts.PAGE_HOST)) {
                sources.get(SELF).add(where);
            } else if (e.host() == null || e.unknown().contains("host") || e.unknown().contains("url")) {
                undecided.put(where, e.url() == null ? "(the address is computed at run time)" : e.url());
            } else if (!policy.allows(e.host()) && !e.notes().contains(Endpoint.LOOPBACK)) {
                // loopback traffic never leaves the machine: js/ws-untrusted-host lets it pass, and so does the directive
                refused.computeIfAbsent(e.host(), h -> new TreeSet<>()).add(where);
            } else {
                for (String s : expressions(e)) sources.computeIfAbsent(s, k -> new TreeSet<>()).add(where);
            }
        }
        return new Csp(freeze(sources), undecided, freeze(refused), freeze(reserved), Map.of(), List.of());
    }

    /**
     * With the external scripts of pages ({@code <script src>} of another host, or protocol-relative):
     * their script-src sources, which pages load them, and those without an {@code integrity} attribute.
     * They are listed, not put into the header: a script-src must also allow the pages' own and inline
     * scripts, which this does not know.
     */
    public Csp withPageScripts(List<io.wsscan.inventory.PageScript> pageScripts) {
        Map<String, TreeSet<String>> scripts = new TreeMap<>(Csp::order);
        TreeSet<String> noSri = new TreeSet<>();
        for (io.wsscan.inventory.PageScript sc : pageScripts) {
            String source = scriptSource(sc.src());
            if (source == null) continue;
            scripts.computeIfAbsent(source, k -> new TreeSet<>()).add(sc.page());
            // a value the browser cannot use (empty, unknown algorithm) is no integrity either
            if (!sc.integrity().present()) noSri.add(sc.page() + ": " + sc.src());
        }
        return new Csp(sources, undecided, refused, reserved, freeze(scripts), List.copyOf(noSri));
    }

    /** {@code https://cdn.example.net} for a script of another host; null for the page's own (relative) scripts. */
    static String scriptSource(String src) {
        String s = src.strip();
        String scheme;
        if (s.startsWith("//")) {
            scheme = "https"; // protocol-relative: the page's scheme, https where a policy matters
            s = s.substring(2);
        } else {
            int i = s.indexOf("://");
            if (i <= 0) return null;
            scheme = s.substring(0, i).toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) return null;
            s = s.substring(i + 3);
        }
        int end = s.length();
        for (char c : new char[]{'/', '?', '#'}) {
            int j = s.indexOf(c);
            if (j >= 0 && j < end) end = j;
        }
        String authority = s.substring(0, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) authority = authority.substring(at + 1);
        // a template's expression in place of the host ({{ cdn }}/x.js, ${base}/x.js) names no host
        if (authority.isEmpty() || !authority.matches("[A-Za-z0-9.:\\[\\]-]+")) return null;
        return scheme + "://" + authority.toLowerCase(java.util.Locale.ROOT);
    }

    /** The library name of the EventSource connection model (models/js/eventsource.yml). */
    private static final String EVENT_SOURCE = "EventSource";

    /** The source expressions one connection needs. */
    static List<String> expressions(Endpoint e) {
        String port = e.unknown().contains("port") ? ":*" : e.port() == null ? "" : ":" + e.port();
        String host = e.host() + port;
        List<String> out = new ArrayList<>();
        boolean mirrored = e.notes().contains(Endpoint.MIRRORED);
        String scheme = e.unknown().contains("scheme") ? null : e.scheme();
        if (scheme == null) {
            // the scheme is chosen at run time: the encrypted forms only, the ones a policy should allow
            out.add("wss://" + host);
            out.add("https://" + host);
        } else if (scheme.equals("ws") || scheme.equals("wss")) {
            out.add(scheme + "://" + host);
            if (mirrored) out.add((scheme.equals("ws") ? "wss" : "ws") + "://" + host);
        } else if ((scheme.equals("http") || scheme.equals("https")) && EVENT_SOURCE.equals(e.framework())) {
            // server-sent events stay on HTTP(S): no upgrade to allow
            out.add(scheme + "://" + host);
        } else if (scheme.equals("http") || scheme.equals("https")) {
            // socket.io, SockJS and SignalR poll over HTTP(S) and then upgrade on the same host
            out.add(scheme + "://" + host);
            out.add((scheme.equals("http") ? "ws" : "wss") + "://" + host);
            if (mirrored) {
                out.add((scheme.equals("http") ? "https" : "http") + "://" + host);
                out.add((scheme.equals("http") ? "wss" : "ws") + "://" + host);
            }
        } else {
            out.add(scheme + "://" + host);
        }
        return out;
    }

    /** The directive's value: {@code connect-src 'self' wss://a.example.com …}. */
    public String directive() {
        return "connect-src " + String.join(" ", sources.keySet());
    }

    /** The HTTP response header. */
    public String header() {
        return "Content-Security-Policy: " + directive();
    }

    /** The same policy as a {@code <meta>} element for the page's head. */
    public String meta() {
        return "<meta http-equiv=\"Content-Security-Policy\" content=\"" + directive() + "\">";
    }

    /** 'self' first, then by host, then by scheme, so the output reads like a list of servers. */
    private static int order(String a, String b) {
        if (a.equals(b)) return 0;
        if (a.equals(SELF)) return -1;
        if (b.equals(SELF)) return 1;
        int c = hostOf(a).compareTo(hostOf(b));
        return c != 0 ? c : a.compareTo(b);
    }

    private static String hostOf(String expression) {
        int i = expression.indexOf("://");
        return i < 0 ? expression : expression.substring(i + 3);
    }

    private static Map<String, List<String>> freeze(Map<String, TreeSet<String>> m) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(out);
    }
}

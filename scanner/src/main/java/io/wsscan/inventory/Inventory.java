package io.wsscan.inventory;

import io.wsscan.engine.Classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The endpoint inventory of one scan: clients (party decided with the policy's first-party hosts),
 * servers, which server endpoints each client reaches (by path), server endpoints no client of the
 * scan uses ("hidden"), first-party client paths no server of the scan defines, third-party hosts
 * with the files that connect to them, and the scripts each page loads ({@code <script src>}, party
 * and allowlist decided by the scan's policy). Everything is sorted, so output is deterministic.
 */
public record Inventory(List<Endpoint> clients, List<Endpoint> servers, List<Match> matches,
                        List<Endpoint> hiddenServers, List<Endpoint> unmatchedClients,
                        Map<String, List<String>> thirdPartyHosts, Map<String, Classification.Kind> classes,
                        List<PageScript> pageScripts) {

    public Inventory {
        classes = classes == null ? Map.of() : Map.copyOf(classes);
        pageScripts = pageScripts == null ? List.of() : List.copyOf(pageScripts);
    }

    /** The class of an endpoint's file (test, example, generated, vendored code), production unless listed. */
    public Classification.Kind classOf(Endpoint e) {
        return classOf(e.file());
    }

    /** The class of a file of the scan, production unless listed. */
    public Classification.Kind classOf(String file) {
        return classes.getOrDefault(file, Classification.Kind.PRODUCTION);
    }

    /** The inventory of a scan: its endpoints, the classes of its files and its pages' scripts. */
    public static Inventory of(io.wsscan.engine.ScanResult scan, List<HostPattern> firstPartyHosts) {
        Inventory inv = of(scan.endpoints(), firstPartyHosts, scan.classes());
        return new Inventory(inv.clients, inv.servers, inv.matches, inv.hiddenServers, inv.unmatchedClients,
                inv.thirdPartyHosts, inv.classes, scan.pageScripts());
    }

    /** The client connections opened in a file of the scan (a page's script that the scan analysed). */
    public List<Endpoint> clientsIn(String file) {
        return clients.stream().filter(c -> c.file().equals(file)).toList();
    }

    /** A client and the server endpoints of the scan whose path it reaches. */
    public record Match(Endpoint client, List<Endpoint> servers) {
    }

    /** Server auth entries that show the handshake reads the browser's cookies or session (Node and Java analyses). */
    private static final java.util.Set<String> COOKIE_AUTH = java.util.Set.of("cookie", "session/cookie");

    /** SockJS adds these to the endpoint path (info probe, raw WebSocket transport). */
    private static final List<String> SOCKJS_SUFFIXES = List.of("/info", "/websocket", "/*/*/websocket");

    public static Inventory of(List<Endpoint> endpoints, List<HostPattern> firstPartyHosts) {
        return of(endpoints, firstPartyHosts, Map.of());
    }

    /** The inventory, with the class of each file that is not production code ({@code ScanResult.classes()}). */
    public static Inventory of(List<Endpoint> endpoints, List<HostPattern> firstPartyHosts,
                               Map<String, Classification.Kind> classes) {
        List<Endpoint> clients = new ArrayList<>();
        List<Endpoint> servers = new ArrayList<>();
        for (Endpoint e : endpoints) {
            if (e.isClient()) {
                if (e.party() == Endpoint.Party.THIRD_PARTY && HostPattern.any(firstPartyHosts, e.host())) {
                    e = e.withParty(Endpoint.Party.FIRST_PARTY);
                }
                clients.add(e);
            } else {
                servers.add(e);
            }
        }
        clients.sort(Endpoint.ORDER);
        servers.sort(Endpoint.ORDER);
        List<Match> matches = new ArrayList<>();
        List<Endpoint> unmatched = new ArrayList<>();
        java.util.Set<Endpoint> used = new java.util.HashSet<>();
        Map<String, TreeSet<String>> thirdParty = new TreeMap<>();
        for (Endpoint c : clients) {
            if (c.party() == Endpoint.Party.THIRD_PARTY) {
                thirdParty.computeIfAbsent(c.host(), h -> new TreeSet<>()).add(c.file());
                continue;
            }
            List<Endpoint> reached = new ArrayList<>();
            if (c.path() != null) {
                for (Endpoint s : servers) if (s.path() != null && pathsMatch(c.path(), s.path())) reached.add(s);
            }
            used.addAll(reached);
            // the browser sends the site's cookies with a first-party handshake: evidence once a server it reaches reads them
            if (reached.stream().anyMatch(s -> s.auth().stream().anyMatch(COOKIE_AUTH::contains)) && !c.auth().contains("cookie")) {
                TreeSet<String> auth = new TreeSet<>(c.auth());
                auth.add("cookie");
                Endpoint withCookie = c.withAuth(List.copyOf(auth));
                clients.set(clients.indexOf(c), withCookie);
                c = withCookie;
            }
            if (!reached.isEmpty()) matches.add(new Match(c, List.copyOf(reached)));
            else if (c.party() == Endpoint.Party.FIRST_PARTY || c.party() == Endpoint.Party.RELATIVE) unmatched.add(c);
        }
        List<Endpoint> hidden = servers.stream().filter(s -> !used.contains(s)).toList();
        Map<String, List<String>> hosts = new TreeMap<>();
        thirdParty.forEach((h, files) -> hosts.put(h, List.copyOf(files)));
        return new Inventory(List.copyOf(clients), List.copyOf(servers), List.copyOf(matches), hidden,
                List.copyOf(unmatched), hosts, classes, List.of());
    }

    /**
     * True when a client path reaches a server path: segment by segment, where a server path variable
     * ({@code {id}}, {@code :id}, {@code *}) or an unknown client part ({@code ${…}}) matches any one
     * segment, a trailing {@code **} any rest, and SockJS transport suffixes on the client are ignored.
     * A client path with no known segment at all matches nothing.
     */
    public static boolean pathsMatch(String clientPath, String serverPath) {
        List<String> s = segments(serverPath);
        List<String> c = segments(clientPath);
        // a client path known in no segment ('/${…}') says nothing about which endpoint it reaches
        if (!c.isEmpty() && c.stream().allMatch(seg -> seg.contains(UrlParts.SHOWN))) return false;
        if (segmentsMatch(c, s)) return true;
        for (String suffix : SOCKJS_SUFFIXES) {
            List<String> suf = segments(suffix);
            if (c.size() > suf.size() && segmentsMatch(c.subList(c.size() - suf.size(), c.size()), suf)
                    && segmentsMatch(c.subList(0, c.size() - suf.size()), s)) {
                return true;
            }
        }
        return false;
    }

    private static boolean segmentsMatch(List<String> c, List<String> s) {
        for (int i = 0; i < s.size(); i++) {
            String seg = s.get(i);
            if (seg.equals("**")) return true;
            if (i >= c.size()) return false;
            String cs = c.get(i);
            if (variable(seg) || cs.contains(UrlParts.SHOWN)) continue;
            if (!cs.equals(seg)) return false;
        }
        return c.size() == s.size();
    }

    private static boolean variable(String seg) {
        return seg.equals("*") || seg.startsWith(":") || seg.startsWith("{") && seg.endsWith("}");
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String p : path.toLowerCase(Locale.ROOT).split("/")) if (!p.isEmpty()) out.add(p);
        return out;
    }
}

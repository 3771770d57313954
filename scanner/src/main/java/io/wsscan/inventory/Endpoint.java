package io.wsscan.inventory;

import io.wsscan.findings.Region;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One WebSocket endpoint found in source: a client connection (a connect call and one URL it may use)
 * or a server endpoint (a handler registered on a path). Client entries are made by the JavaScript
 * analysis; server entries by the server-side analyzers (Java, Node), which fill {@code handler} and
 * {@code originPolicy}. Fields that do not apply to a side are null.
 *
 * @param side         client or server
 * @param file         path relative to the scan root, '/' separators
 * @param region       the connect call, or the registration of the server endpoint
 * @param framework    client library ({@code WebSocket}, {@code socket.io}, ...) or server framework
 *                     ({@code spring-websocket}, {@code jakarta-websocket}, {@code ws}, ...)
 * @param url          the client URL as constant folding knows it, unknown parts as {@code ${…}}; null
 *                     when nothing of it is known, and for servers
 * @param scheme       {@code wss}, {@code ws}, {@code https}, ...; null when not known or relative
 * @param host         host name, {@code {page-host}} for the page's own host; null when unknown
 * @param port         port text when the URL names one
 * @param path         the path, unknown parts as {@code ${…}}; server paths may hold {@code {var}}
 * @param unknown      which parts of the URL are not known (scheme, host, port, path, query, url)
 * @param party        first party, third party, relative, or unknown
 * @param auth         client authentication patterns seen (token-in-url, subprotocol, cookie, header)
 * @param handler      server handler class or function
 * @param originPolicy server origin policy
 * @param notes        anything else worth saying (e.g. message size limits, SockJS, STOMP)
 * @param pkg          the third-party package whose code this is ({@code wsscan inventory --dependencies}); null
 *                     for the project's own code
 * @param sends        the kinds of data seen reaching this connection's send calls (source kinds of the models:
 *                     {@code cookie}, {@code stored-secret}, {@code password}, {@code user-input}, ...), sorted
 */
public record Endpoint(Side side, String file, Region region, String framework, String url, String scheme,
                       String host, String port, String path, List<String> unknown, Party party,
                       List<String> auth, String handler, OriginPolicy originPolicy, List<String> notes,
                       Package pkg, List<String> sends) {

    /**
     * A package the application ships: {@code source} is {@code npm} (an installed runtime dependency) or
     * {@code webjar} (a jar's {@code META-INF/resources/webjars/NAME/VERSION/}); version null when not known.
     */
    public record Package(String name, String version, String source) implements Comparable<Package> {
        public Package {
            java.util.Objects.requireNonNull(name, "name");
            java.util.Objects.requireNonNull(source, "source");
        }

        /** {@code name@version}, or the name alone. */
        public String label() {
            return version == null ? name : name + "@" + version;
        }

        private static final Comparator<Package> BY_NAME = Comparator.comparing(Package::name)
                .thenComparing(p -> nz(p.version())).thenComparing(Package::source);

        @Override
        public int compareTo(Package o) {
            return BY_NAME.compare(this, o);
        }
    }

    public enum Side { CLIENT, SERVER }

    public enum Party {
        FIRST_PARTY, THIRD_PARTY, RELATIVE, UNKNOWN;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** How a server endpoint decides which origins may connect. */
    public enum OriginPolicy {
        /** the handshake compares Origin against an allowlist */
        CHECKED,
        /** any origin is accepted explicitly ({@code setAllowedOrigins("*")}, {@code verifyClient} returning true) */
        PERMISSIVE,
        /** no check where the framework performs none by default */
        MISSING,
        /** nothing configured; the framework's default applies (e.g. Spring's same-origin check) */
        FRAMEWORK_DEFAULT;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Endpoint {
        unknown = unknown == null ? List.of() : List.copyOf(unknown);
        auth = auth == null ? List.of() : List.copyOf(auth);
        notes = notes == null ? List.of() : List.copyOf(notes);
        sends = sends == null ? List.of() : sends.stream().distinct().sorted().toList();
    }

    /** An endpoint of the project's own code (no package), with no data kinds seen sent. */
    public Endpoint(Side side, String file, Region region, String framework, String url, String scheme, String host,
                    String port, String path, List<String> unknown, Party party, List<String> auth, String handler,
                    OriginPolicy originPolicy, List<String> notes) {
        this(side, file, region, framework, url, scheme, host, port, path, unknown, party, auth, handler, originPolicy,
                notes, null, List.of());
    }

    /** A server endpoint (for the server-side analyzers). */
    public static Endpoint server(String file, Region region, String framework, String path, String handler,
                                  OriginPolicy originPolicy, List<String> auth, List<String> notes) {
        return new Endpoint(Side.SERVER, file, region, framework, null, null, null, null, path, List.of(),
                null, auth, handler, originPolicy, notes);
    }

    public Endpoint withParty(Party p) {
        return new Endpoint(side, file, region, framework, url, scheme, host, port, path, unknown, p, auth, handler,
                originPolicy, notes, pkg, sends);
    }

    public Endpoint withAuth(List<String> a) {
        return new Endpoint(side, file, region, framework, url, scheme, host, port, path, unknown, party, a, handler,
                originPolicy, notes, pkg, sends);
    }

    /** This endpoint at another path. */
    public Endpoint withPath(String p) {
        return new Endpoint(side, file, region, framework, url, scheme, host, port, p, unknown, party, auth, handler,
                originPolicy, notes, pkg, sends);
    }

    /** This endpoint with more notes after its own. */
    public Endpoint withNotes(List<String> more) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new Endpoint(side, file, region, framework, url, scheme, host, port, path, unknown, party, auth, handler,
                originPolicy, all, pkg, sends);
    }

    /** This endpoint as code of a third-party package. */
    public Endpoint withPackage(Package p) {
        return new Endpoint(side, file, region, framework, url, scheme, host, port, path, unknown, party, auth, handler,
                originPolicy, notes, p, sends);
    }

    /** This endpoint with the kinds of data its send calls were seen sending. */
    public Endpoint withSends(java.util.Collection<String> kinds) {
        return new Endpoint(side, file, region, framework, url, scheme, host, port, path, unknown, party, auth, handler,
                originPolicy, notes, pkg, List.copyOf(kinds));
    }

    public boolean isClient() {
        return side == Side.CLIENT;
    }

    /** Note on a client URL whose scheme follows the page's protocol (one of a ws:/wss: pair). */
    public static final String MIRRORED = "scheme follows the page (ws: on http pages, wss: on https pages)";

    /** Note on a client URL whose host is a documentation/test name (RFC 2606/6761), which no real server answers. */
    public static final String RESERVED = "reserved documentation/test host (RFC 2606/6761): not reported by js/ws-cleartext or js/ws-untrusted-host";

    /** Note on a client URL whose host is a loopback name or address: its traffic never leaves the machine. */
    public static final String LOOPBACK = "loopback host: its traffic stays on this machine (not reported by js/ws-cleartext or js/ws-untrusted-host)";

    /** True when the URL's scheme is a cleartext one (ws:, http:) and not chosen to follow the page's. */
    public boolean cleartext() {
        return ("ws".equals(scheme) || "http".equals(scheme)) && !notes.contains(MIRRORED);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Output order: file, position, side, framework, URL or path, package. */
    public static final Comparator<Endpoint> ORDER = Comparator.comparing(Endpoint::file)
            .thenComparing(Endpoint::region)
            .thenComparing(Endpoint::side)
            .thenComparing(e -> nz(e.framework()))
            .thenComparing(e -> nz(e.url()))
            .thenComparing(e -> nz(e.path()))
            .thenComparing(Endpoint::pkg, Comparator.nullsFirst(Comparator.naturalOrder()));
}

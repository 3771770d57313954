package io.wsscan.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A connection URL split into scheme, host, port, path and query, from folded text whose unknown
 * parts are {@code null}. A part that contains or follows an unknown piece before its end is
 * reported as unknown; unknown text inside a known part is shown as {@code ${…}}.
 *
 * @param display  the whole URL with unknown parts as {@code ${…}}
 * @param scheme   lower-case scheme without ':' (null: relative, protocol-relative or unknown)
 * @param host     lower-case host (null when unknown or relative)
 * @param port     port text, null when none is given or it is unknown
 * @param path     path with unknown parts as {@code ${…}} (null when unknown)
 * @param query    query text without '?', unknown parts as {@code ${…}} (null when none)
 * @param relative true for URLs resolved against the page (a path, or protocol-relative)
 * @param unknown  the parts that are not (fully) known
 */
public record UrlParts(String display, String scheme, String host, String port, String path, String query,
                       boolean relative, List<String> unknown) {

    /** Stands for an unknown part while parsing (never in source text of a URL). */
    static final char HOLE = '\u0001';
    static final String SHOWN = "${…}";
    /** What the browser model folds {@code location.host} to. */
    public static final String PAGE_HOST = "{page-host}";

    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final Pattern UNKNOWN_SCHEME = Pattern.compile("^(?:[a-zA-Z]*\u0001[a-zA-Z]*)+:?//");
    private static final Pattern WHITE = Pattern.compile("\\s+");

    public static UrlParts parse(List<String> parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) sb.append(p == null ? String.valueOf(HOLE) : p);
        return parse(sb.toString());
    }

    /** Parses text with {@link #HOLE} for unknown parts. */
    static UrlParts parse(String text) {
        // template scripts arrive masked: server-side expressions are blanked to spaces, which a URL
        // cannot hold, so a run of white space is an unknown part too
        text = WHITE.matcher(text).replaceAll(String.valueOf(HOLE)).replaceAll(HOLE + "+", String.valueOf(HOLE));
        List<String> unknown = new ArrayList<>();
        String display = show(text);
        String rest = text;
        String scheme = null;
        boolean relative = false;
        Matcher m = SCHEME.matcher(rest);
        if (m.find() && rest.startsWith("//", m.end())) {
            scheme = m.group(1).toLowerCase(Locale.ROOT);
            rest = rest.substring(m.end() + 2);
        } else if (UNKNOWN_SCHEME.matcher(rest).find()) {
            // location.protocol.replace('http', 'ws') + '//' + host: the scheme is the page's, or unknown
            Matcher u = UNKNOWN_SCHEME.matcher(rest);
            u.find();
            unknown.add("scheme");
            rest = rest.substring(u.end());
        } else if (rest.startsWith("//")) {
            relative = true;                 // protocol-relative: the page's scheme
            rest = rest.substring(2);
        } else if (rest.isEmpty() || rest.charAt(0) == HOLE) {
            // nothing known up front: the whole URL (or at least scheme and host) comes from elsewhere
            unknown.add("scheme");
            unknown.add("host");
            int slash = firstKnownPath(rest);
            String path = slash < 0 ? null : pathOf(rest.substring(slash));
            String query = queryOf(rest);
            if (path == null) unknown.add("path");
            return new UrlParts(display, null, null, null, path, query, false, List.copyOf(unknown));
        } else {
            // a path (absolute or relative) resolved against the page's URL
            relative = true;
            return new UrlParts(display, null, null, null, pathOf(rest), queryOf(rest), true,
                    rest.indexOf(HOLE) >= 0 && pathOf(rest).contains(SHOWN) ? List.of("path") : List.of());
        }
        int end = indexOfAny(rest, "/?#");
        String authority = end < 0 ? rest : rest.substring(0, end);
        String after = end < 0 ? "" : rest.substring(end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) authority = authority.substring(at + 1);
        String host = authority;
        String port = null;
        int colon = authority.startsWith("[") ? authority.indexOf("]:") + 1 : authority.lastIndexOf(':');
        if (colon > 0) {
            host = authority.substring(0, colon);
            port = authority.substring(colon + 1);
        }
        if (host.isEmpty() || host.indexOf(HOLE) >= 0) {
            unknown.add("host");
            host = host.isEmpty() || host.equals(String.valueOf(HOLE)) ? null : show(host);
        } else {
            host = host.toLowerCase(Locale.ROOT);
        }
        if (port != null && port.indexOf(HOLE) >= 0) {
            unknown.add("port");
            port = show(port);
        }
        String path;
        if (end < 0) {
            // the text ends inside the authority: a path may follow only if something unknown follows
            path = authority.indexOf(HOLE) >= 0 || text.endsWith(String.valueOf(HOLE)) ? null : "/";
            if (path == null) unknown.add("path");
        } else {
            path = pathOf(after);
            if (path.contains(SHOWN)) unknown.add("path");
        }
        String query = queryOf(after);
        if (query != null && query.contains(SHOWN)) unknown.add("query");
        return new UrlParts(display, scheme, host, port, path, query, relative, List.copyOf(unknown));
    }

    /** True when the host is the page's own host (the browser model's {@code location.host}). */
    public boolean pageHost() {
        return host != null && host.startsWith(PAGE_HOST);
    }

    private static int firstKnownPath(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/') return i;
            if (c == '?' || c == '#') return -1;
        }
        return -1;
    }

    private static String pathOf(String s) {
        int q = indexOfAny(s, "?#");
        String p = q < 0 ? s : s.substring(0, q);
        return show(p.isEmpty() ? "/" : p);
    }

    private static String queryOf(String s) {
        int q = s.indexOf('?');
        if (q < 0) return null;
        int h = s.indexOf('#', q);
        return show(h < 0 ? s.substring(q + 1) : s.substring(q + 1, h));
    }

    static String show(String s) {
        return s.replace(String.valueOf(HOLE), SHOWN);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }
}

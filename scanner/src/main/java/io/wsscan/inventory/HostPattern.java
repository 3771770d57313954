package io.wsscan.inventory;

import java.util.List;
import java.util.Locale;

/**
 * A host name pattern of the policy file: an exact host ({@code chat.example.com}) or a wildcard
 * for the subdomains of a domain ({@code *.example.com}, which does not match {@code example.com}
 * itself, as in TLS certificates). Matching ignores case and a trailing dot.
 */
public record HostPattern(String text) {

    public HostPattern {
        text = norm(text);
    }

    /** Null when the text is a valid pattern, else what is wrong with it. */
    public static String problem(String text) {
        if (text == null || text.isBlank()) return "empty host";
        String t = norm(text);
        if (t.contains("://") || t.contains("/")) return "'" + text + "' is a URL; give the host name only";
        String body = t.startsWith("*.") ? t.substring(2) : t;
        if (body.contains("*")) return "'" + text + "': '*' is allowed only as the first label ('*.example.com')";
        if (!body.matches("[a-z0-9_\\-.\\[\\]:]+")) return "'" + text + "' is not a host name";
        return null;
    }

    public boolean matches(String host) {
        if (host == null) return false;
        String h = norm(host);
        if (text.startsWith("*.")) return h.endsWith(text.substring(1)) && h.length() > text.length() - 1;
        return h.equals(text);
    }

    public static boolean any(List<HostPattern> patterns, String host) {
        for (HostPattern p : patterns) if (p.matches(host)) return true;
        return false;
    }

    private static String norm(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}

package io.wsscan.deps;

import io.wsscan.inventory.Endpoint;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vendored and built bundles of the project itself ({@code vendor/}, {@code dist/}, {@code static/},
 * {@code *.min.js}, ...): the scan reads them as the project's files; with {@code --dependencies} their
 * connections also get the package the bundle's banner comment names ({@code /*! socket.io-client v4.8.1 ...},
 * {@code /*! jQuery v3.7.1 | ...}, {@code // name@1.2.3}). A bundle without such a banner keeps no package:
 * a name guessed from a file name would be a guess.
 */
public final class Bundles {

    private Bundles() {
    }

    /** Folders whose scripts are shipped copies of other code, and the minified-file suffix. */
    private static final List<String> FOLDERS = List.of("vendor", "vendors", "third_party", "third-party", "thirdparty",
            "bower_components", "jspm_packages", "webjars", "dist", "static");

    /** How much of a file's start the banner is looked for in. */
    static final int HEAD = 600;

    /** {@code name v1.2.3} or {@code name@1.2.3} inside the first comment. */
    private static final Pattern BANNER = Pattern.compile(
            "(?<![\\w@/.-])(@?[A-Za-z][\\w.-]*(?:/[\\w.-]+)?)(?:\\s+v|@v?)(\\d+\\.\\d+(?:\\.\\d+)?(?:-[\\w.]+)?)(?!\\w|\\.\\w)");

    /** True for a path that holds a bundle: under one of {@link #FOLDERS}, or a {@code .min.js} file. */
    static boolean isBundle(String relPath) {
        String p = relPath.toLowerCase(Locale.ROOT);
        if (p.endsWith(".min.js") || p.endsWith(".min.mjs") || p.endsWith(".min.cjs")) return true;
        String[] parts = p.split("/");
        for (int i = 0; i < parts.length - 1; i++) if (FOLDERS.contains(parts[i])) return true;
        return false;
    }

    /** The package a bundle's banner names; null when the file is no bundle or has no banner. */
    public static Endpoint.Package of(String relPath, String text) {
        if (!isBundle(relPath)) return null;
        String head = firstComment(text);
        if (head == null) return null;
        Matcher m = BANNER.matcher(head);
        return m.find() ? new Endpoint.Package(m.group(1), m.group(2), "bundle") : null;
    }

    /** The project's client entries of a bundle, with the package its banner names. */
    public static List<Endpoint> tag(String relPath, String text, List<Endpoint> endpoints) {
        if (endpoints.stream().noneMatch(Endpoint::isClient)) return endpoints;
        Endpoint.Package p = of(relPath, text);
        if (p == null) return endpoints;
        return endpoints.stream().map(e -> e.isClient() && e.pkg() == null ? e.withPackage(p) : e).toList();
    }

    /** The text of the comment the file starts with (after a BOM and blank space), cut at {@link #HEAD}; null when none. */
    private static String firstComment(String text) {
        int i = 0;
        int n = Math.min(text.length(), HEAD);
        while (i < n && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) i++;
        if (i + 1 >= n || text.charAt(i) != '/') return null;
        char c = text.charAt(i + 1);
        if (c == '*') {
            int end = text.indexOf("*/", i + 2);
            return text.substring(i + 2, end < 0 ? n : Math.min(end, n));
        }
        if (c == '/') {
            int end = text.indexOf('\n', i);
            return text.substring(i + 2, end < 0 ? n : Math.min(end, n));
        }
        return null;
    }
}

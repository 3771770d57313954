package io.wsscan.js;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which files of a scan a JavaScript/TypeScript file imports, the way bundlers and Node resolve
 * relative specifiers. Package names ({@code 'socket.io-client'}) are not files of the scan: API
 * models describe those.
 */
public final class ModuleLinks {

    /** Extensions tried, in order, for a specifier without one (and for a directory's index file). */
    private static final List<String> EXTENSIONS = List.of(".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".mts", ".cts");

    // import x from './a', import './a', export * from './a', export {x} from './a', require('./a'),
    // import('./a'). Read from the text without parsing, to plan which files to analyse together; a
    // match inside a comment or string only makes a unit larger, never loses a link the parser sees.
    private static final Pattern SPECIFIER = Pattern.compile(
            "(?:\\bfrom\\s*|\\bimport\\s*|\\brequire\\s*\\(\\s*|\\bimport\\s*\\(\\s*)(['\"])(\\.{1,2}/[^'\"\\n]{0,300})\\1");

    private ModuleLinks() {
    }

    /** The relative specifiers a text mentions, in order of first appearance. */
    public static List<String> relativeSpecifiers(CharSequence text) {
        // The pattern is tried only around quotes that open a relative path ('./ or "../): a regex pass
        // over every character of every file cost more than parsing them.
        String t = text.toString();
        Set<String> out = new LinkedHashSet<>();
        Matcher m = SPECIFIER.matcher(t).useTransparentBounds(true).useAnchoringBounds(false);
        int searched = 0;
        for (int i = t.indexOf("./"); i >= 0; i = t.indexOf("./", i + 2)) {
            int quote = i - 1;
            while (quote >= 0 && t.charAt(quote) == '.') quote--;
            if (quote < 0 || i - quote > 3 || (t.charAt(quote) != '\'' && t.charAt(quote) != '"')) continue;
            int from = Math.max(searched, quote - 48);
            int to = Math.min(t.length(), quote + 310);
            if (from >= to) continue;
            m.region(from, to);
            while (m.find()) out.add(m.group(2));
            searched = Math.max(searched, quote + 1);
        }
        return new ArrayList<>(out);
    }

    /**
     * The file (a path relative to the scan root, '/'-separated) that {@code specifier} names when
     * written in {@code fromRelPath}, among the files {@code exists} accepts; null for package names,
     * paths outside the root and files not in the scan.
     */
    public static String resolve(String fromRelPath, String specifier, Predicate<String> exists) {
        if (!specifier.startsWith("./") && !specifier.startsWith("../")) return null;
        String spec = specifier;
        int cut = indexOfAny(spec, '?', '#');
        if (cut >= 0) spec = spec.substring(0, cut);
        int slash = fromRelPath.lastIndexOf('/');
        String base = normalize((slash < 0 ? "" : fromRelPath.substring(0, slash + 1)) + spec);
        if (base == null || base.isEmpty()) return null;
        if (exists.test(base)) return base;
        // TypeScript ESM writes the output name: './socket.js' means './socket.ts'
        for (String[] swap : new String[][]{{".js", ".ts"}, {".js", ".tsx"}, {".mjs", ".mts"}, {".cjs", ".cts"}, {".jsx", ".tsx"}}) {
            if (base.endsWith(swap[0])) {
                String alt = base.substring(0, base.length() - swap[0].length()) + swap[1];
                if (exists.test(alt)) return alt;
            }
        }
        for (String ext : EXTENSIONS) if (exists.test(base + ext)) return base + ext;
        String dir = base.endsWith("/") ? base : base + "/";
        for (String ext : EXTENSIONS) if (exists.test(dir + "index" + ext)) return dir + "index" + ext;
        return null;
    }

    /** Resolves '.' and '..' segments; null when the path leaves the root. */
    static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String seg : path.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".")) continue;
            if (seg.equals("..")) {
                if (parts.isEmpty()) return null;
                parts.remove(parts.size() - 1);
            } else {
                parts.add(seg);
            }
        }
        String joined = String.join("/", parts);
        return path.endsWith("/") && !joined.isEmpty() ? joined + "/" : joined;
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == a || s.charAt(i) == b) return i;
        return -1;
    }
}

package io.wsscan.js;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

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

    /** Longest specifier read, after its leading {@code ./} or {@code ../}. */
    private static final int MAX_SPECIFIER = 300;

    private ModuleLinks() {
    }

    /** The relative specifiers a text mentions, in order of first appearance. */
    public static List<String> relativeSpecifiers(CharSequence text) {
        // Only quotes that open a relative path ('./ or "../) are looked at, and the words before them
        // are checked by hand: a regular expression over every file cost more than parsing them.
        String t = text.toString();
        Set<String> out = new LinkedHashSet<>();
        int consumed = 0; // a quote that closed one specifier does not open another
        for (int i = t.indexOf("./"); i >= 0; i = t.indexOf("./", i + 2)) {
            int quote = i - 1;
            while (quote >= 0 && t.charAt(quote) == '.') quote--;
            if (quote < consumed || i - quote > 2) continue; // './' or '../'
            char q = t.charAt(quote);
            if (q != '\'' && q != '"') continue;
            int close = closingQuote(t, i + 2, q);
            if (close < 0 || !afterImportWord(t, quote)) continue;
            out.add(t.substring(quote + 1, close));
            consumed = close + 1;
        }
        return new ArrayList<>(out);
    }

    /** The index of quote {@code q} that ends a specifier whose text goes on at {@code from}, or -1. */
    private static int closingQuote(String t, int from, char q) {
        int limit = Math.min(t.length(), from + MAX_SPECIFIER + 1);
        for (int k = from; k < limit; k++) {
            char c = t.charAt(k);
            if (c == q) return k;
            if (c == '\'' || c == '"' || c == '\n') return -1;
        }
        return -1;
    }

    /** Whether the quote at {@code quote} follows {@code from}, {@code import}, {@code require(} or {@code import(}. */
    private static boolean afterImportWord(String t, int quote) {
        int k = skipSpaceBack(t, quote - 1);
        if (k >= 0 && t.charAt(k) == '(') {
            int w = skipSpaceBack(t, k - 1);
            return endsWithWord(t, w, "require") || endsWithWord(t, w, "import");
        }
        return endsWithWord(t, k, "from") || endsWithWord(t, k, "import");
    }

    private static int skipSpaceBack(String t, int k) {
        while (k >= 0 && Character.isWhitespace(t.charAt(k))) k--;
        return k;
    }

    /** Whether {@code word} ends at {@code end} (inclusive) and starts a word there. */
    private static boolean endsWithWord(String t, int end, String word) {
        int start = end - word.length() + 1;
        if (start < 0 || !t.startsWith(word, start)) return false;
        return start == 0 || !isWordChar(t.charAt(start - 1));
    }

    /** A regular expression's word character ({@code \w}): what {@code \b} looks at. */
    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
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
    public static String normalize(String path) {
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

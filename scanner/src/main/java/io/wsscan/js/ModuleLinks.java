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

    /** Dependency ids that the loader itself fills (no module of their own). */
    private static final Set<String> AMD_SPECIAL = Set.of("require", "exports", "module");
    /** The AMD loader calls whose dependency arrays name modules. */
    private static final List<String> AMD_CALLS = List.of("define(", "require(", "requirejs(");

    /**
     * The module ids of AMD dependency arrays ({@code define(['jquery', './chat'], f)}, {@code define('name',
     * [...], f)}, {@code require([...], f)}), in order of first appearance; read from the text like
     * {@link #relativeSpecifiers}.
     */
    public static List<String> amdDependencies(CharSequence text) {
        String t = text.toString();
        Set<String> out = new LinkedHashSet<>();
        for (String call : AMD_CALLS) {
            for (int i = t.indexOf(call); i >= 0; i = t.indexOf(call, i + call.length())) {
                if (i > 0 && (isWordChar(t.charAt(i - 1)) || t.charAt(i - 1) == '.' || t.charAt(i - 1) == '$')) continue;
                int k = skipSpace(t, i + call.length());
                if (k < t.length() && (t.charAt(k) == '\'' || t.charAt(k) == '"')) {
                    // define('name', [deps], factory)
                    int close = closingQuote(t, k + 1, t.charAt(k));
                    if (close < 0) continue;
                    k = skipSpace(t, close + 1);
                    if (k >= t.length() || t.charAt(k) != ',') continue;
                    k = skipSpace(t, k + 1);
                }
                if (k >= t.length() || t.charAt(k) != '[') continue;
                for (k = skipSpace(t, k + 1); k < t.length(); k = skipSpace(t, k + 1)) {
                    char q = t.charAt(k);
                    if (q != '\'' && q != '"') break;
                    int close = closingQuote(t, k + 1, q);
                    if (close < 0) break;
                    out.add(t.substring(k + 1, close));
                    k = skipSpace(t, close + 1);
                    if (k >= t.length() || t.charAt(k) != ',') break;
                }
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * The module paths of a loader configuration ({@code require.config({paths: {chat: 'app/chat'}})}):
     * module id prefix to path, as written (a fallback list gives its first path). Read from the text.
     */
    public static java.util.Map<String, String> amdPaths(CharSequence text) {
        String t = text.toString();
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        if (!t.contains("config(")) return out;
        for (int i = t.indexOf("paths"); i >= 0; i = t.indexOf("paths", i + 5)) {
            int k = i + 5;
            if (k < t.length() && (t.charAt(k) == '\'' || t.charAt(k) == '"')) k++;
            k = skipSpace(t, k);
            if (k >= t.length() || t.charAt(k) != ':') continue;
            k = skipSpace(t, k + 1);
            if (k >= t.length() || t.charAt(k) != '{') continue;
            for (k = skipSpace(t, k + 1); k < t.length() && t.charAt(k) != '}'; ) {
                int keyEnd;
                String key;
                char q = t.charAt(k);
                if (q == '\'' || q == '"') {
                    keyEnd = closingQuote(t, k + 1, q);
                    if (keyEnd < 0) break;
                    key = t.substring(k + 1, keyEnd++);
                } else {
                    keyEnd = k;
                    while (keyEnd < t.length() && (isWordChar(t.charAt(keyEnd)) || t.charAt(keyEnd) == '$')) keyEnd++;
                    key = t.substring(k, keyEnd);
                }
                k = skipSpace(t, keyEnd);
                if (key.isEmpty() || k >= t.length() || t.charAt(k) != ':') break;
                k = skipSpace(t, k + 1);
                boolean list = k < t.length() && t.charAt(k) == '[';
                if (list) k = skipSpace(t, k + 1);
                if (k >= t.length() || (t.charAt(k) != '\'' && t.charAt(k) != '"')) break;
                int close = closingQuote(t, k + 1, t.charAt(k));
                if (close < 0) break;
                out.putIfAbsent(key, t.substring(k + 1, close));
                if (list) close = t.indexOf(']', close);
                if (close < 0) break;
                k = skipSpace(t, close + 1);
                if (k < t.length() && t.charAt(k) == ',') k = skipSpace(t, k + 1);
            }
        }
        return out;
    }

    /** An AMD module id with the longest matching prefix of a loader's {@code paths} replaced by its path. */
    public static String mapAmdPath(String id, java.util.Map<String, String> paths) {
        String best = null;
        for (String prefix : paths.keySet()) {
            if ((id.equals(prefix) || id.startsWith(prefix + "/")) && (best == null || prefix.length() > best.length())) best = prefix;
        }
        return best == null ? id : paths.get(best) + id.substring(best.length());
    }

    private static int skipSpace(String t, int k) {
        while (k < t.length() && Character.isWhitespace(t.charAt(k))) k++;
        return k;
    }

    /**
     * The file an AMD module id names when written in {@code fromRelPath}: a relative id as a relative
     * specifier; any other id relative to the loader's base URL, which the scan does not know, so the
     * file of the scan whose path ends with the id (and {@code .js}), the one nearest to the requiring
     * file when several do. Loader plugins ({@code text!x.html}) and URLs name no module. Null when none.
     */
    public static String resolveAmd(String fromRelPath, String id, java.util.Collection<String> files) {
        if (id.isEmpty() || id.indexOf('!') >= 0 || id.indexOf(':') >= 0 || id.startsWith("/") || AMD_SPECIAL.contains(id)) return null;
        if (id.startsWith("./") || id.startsWith("../")) return resolve(fromRelPath, id, files::contains);
        String file = id.endsWith(".js") ? id : id + ".js";
        String best = null;
        int bestShared = -1;
        for (String f : files) {
            if (!f.equals(file) && !f.endsWith("/" + file)) continue;
            int shared = sharedFolders(fromRelPath, f);
            if (shared > bestShared || shared == bestShared && f.compareTo(best) < 0) {
                best = f;
                bestShared = shared;
            }
        }
        return best == null || best.equals(fromRelPath) ? null : best;
    }

    /** How many leading folders two paths have in common. */
    private static int sharedFolders(String a, String b) {
        int n = 0;
        int i = 0;
        while (true) {
            int sa = a.indexOf('/', i), sb = b.indexOf('/', i);
            if (sa < 0 || sa != sb || !a.regionMatches(i, b, i, sa - i)) return n;
            n++;
            i = sa + 1;
        }
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

package io.wsscan.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Decides whether a file is production code or test, example, generated or vendored code, from its
 * path relative to the scan root and the comment lines at its top. The patterns are data:
 * {@code wsscan/classification/classes.yml} in the rulesets (documented there), loaded once.
 * Findings in files that are not production are capped at {@code note} by {@link Scanner}.
 */
public final class Classification {

    /** The classes; {@link #PRODUCTION} when no pattern matches. */
    public enum Kind {
        PRODUCTION, TEST, EXAMPLE, GENERATED, VENDORED;

        /** The lower-case name used in reports and in the data file. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean production() {
            return this == PRODUCTION;
        }

        static Kind byId(String id) {
            for (Kind k : values()) {
                if (k != PRODUCTION && k.id().equals(id)) return k;
            }
            return null;
        }
    }

    /** One class's patterns; {@code paths} are segment sequences, "*" for any one segment. */
    private record Patterns(Kind kind, Set<String> folders, List<String[]> paths, List<Pattern> files,
                            List<Pattern> markers) {
    }

    private static final String RESOURCE = "wsscan/classification/classes.yml";
    private static final Set<String> TOP_KEYS = Set.of("markerLines", "packageRoots", "classes");
    private static final Set<String> CLASS_KEYS = Set.of("folders", "paths", "files", "markers");
    /**
     * A line that is a comment in any language wsscan reads (JS, Java, HTML, JSP, and the server
     * templates: ERB/EJS/ASP.NET {@code <%#}, Twig/Jinja {@code {#}, Handlebars <code>{{!</code>, Razor
     * {@code @*}, GSP {@code %{--}).
     */
    private static final Pattern COMMENT_LINE = Pattern.compile("^\\s*(//|/\\*|\\*|<!--|<%--|<%#|\\{#|\\{\\{!|@\\*|%\\{--)");

    private final List<Patterns> classes;
    private final List<String[]> packageRoots;
    private final int markerLines;

    private Classification(List<Patterns> classes, List<String[]> packageRoots, int markerLines) {
        this.classes = List.copyOf(classes);
        this.packageRoots = List.copyOf(packageRoots);
        this.markerLines = markerLines;
    }

    /** The built-in classification of the rulesets, read on first use. */
    public static Classification builtin() {
        return Builtin.INSTANCE;
    }

    /** Holder: the data file is read once, when the first scan classifies a file. */
    private static final class Builtin {
        static final Classification INSTANCE = read();

        private static Classification read() {
            InputStream in = Classification.class.getClassLoader().getResourceAsStream(RESOURCE);
            if (in == null) throw new IllegalStateException("built-in file missing: " + RESOURCE);
            try (in) {
                return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Reads the data file's tree; a key or class it does not know is an error (the file ships with wsscan). */
    static Classification parse(JsonNode doc) {
        unknownKeys(doc, TOP_KEYS, "top level");
        List<Patterns> classes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("classes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Kind kind = Kind.byId(e.getKey());
            if (kind == null) throw new IllegalStateException(RESOURCE + ": unknown class '" + e.getKey() + "'");
            JsonNode c = e.getValue();
            unknownKeys(c, CLASS_KEYS, e.getKey());
            Set<String> folders = new TreeSet<>();
            for (String f : strings(c.path("folders"))) folders.add(f.toLowerCase(Locale.ROOT));
            List<String[]> paths = strings(c.path("paths")).stream().map(Classification::segments).toList();
            List<Pattern> files = strings(c.path("files")).stream().map(Pattern::compile).toList();
            List<Pattern> markers = strings(c.path("markers")).stream()
                    .map(m -> Pattern.compile(m, Pattern.CASE_INSENSITIVE)).toList();
            classes.add(new Patterns(kind, Set.copyOf(folders), paths, files, markers));
        }
        List<String[]> roots = strings(doc.path("packageRoots")).stream().map(Classification::segments).toList();
        return new Classification(classes, roots, doc.path("markerLines").asInt(10));
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String where) {
        node.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) throw new IllegalStateException(RESOURCE + ": unknown key '" + k + "' in " + where);
        });
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String[] segments(String path) {
        return Arrays.stream(path.toLowerCase(Locale.ROOT).split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    /** The class of a file from its path relative to the scan root ('/' separators) and its text (null: path only). */
    public Kind classify(String relPath, String text) {
        String[] parts = relPath.split("/");
        String name = parts[parts.length - 1];
        List<String> folders = visibleFolders(parts);
        for (Patterns p : classes) {
            if (matches(p, folders, name) || text != null && hasMarker(p, text)) return p.kind();
        }
        return Kind.PRODUCTION;
    }

    /** The folders of a path (lower case, without the file name), cut after a Java package root. */
    private List<String> visibleFolders(String[] parts) {
        List<String> folders = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length - 1; i++) {
            if (!parts[i].isEmpty() && !parts[i].equals(".")) folders.add(parts[i].toLowerCase(Locale.ROOT));
        }
        for (String[] root : packageRoots) {
            int end = find(folders, root);
            if (end >= 0) return folders.subList(0, end);
        }
        return folders;
    }

    private static boolean matches(Patterns p, List<String> folders, String name) {
        for (String f : folders) {
            if (p.folders().contains(f)) return true;
        }
        for (String[] seq : p.paths()) {
            if (find(folders, seq) >= 0) return true;
        }
        for (Pattern f : p.files()) {
            if (f.matcher(name).matches()) return true;
        }
        return false;
    }

    /** The index just after the first occurrence of {@code seq} in {@code folders}, or -1. */
    private static int find(List<String> folders, String[] seq) {
        outer:
        for (int i = 0; i + seq.length <= folders.size(); i++) {
            for (int j = 0; j < seq.length; j++) {
                if (!seq[j].equals("*") && !seq[j].equals(folders.get(i + j))) continue outer;
            }
            return i + seq.length;
        }
        return -1;
    }

    private boolean hasMarker(Patterns p, String text) {
        if (p.markers().isEmpty()) return false;
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        for (int n = 0; n < markerLines && start < text.length(); n++) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            String line = text.substring(start, Math.min(end, start + 1000)); // a minified line can be megabytes
            if (COMMENT_LINE.matcher(line).find()) {
                for (Pattern m : p.markers()) {
                    if (m.matcher(line).find()) return true;
                }
            }
            start = end + 1;
        }
        return false;
    }
}

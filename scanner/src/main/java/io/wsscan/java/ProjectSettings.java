package io.wsscan.java;

import io.wsscan.engine.SourceFile;
import io.wsscan.findings.Region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Framework settings from {@code application.properties} and {@code application.yml} files of the scan
 * (Quarkus and Micronaut CORS): each setting model row ends up {@code checked} (origins restricted),
 * {@code permissive} (every origin allowed; a hit at the line that says so) or absent. YAML is read
 * line by line (block mappings and sequences, inline lists), keeping line numbers.
 */
final class ProjectSettings {

    /** One key of a config file with its values and line. */
    record Entry(String file, String key, List<String> values, int line) {
    }

    private final Map<String, String> states = new HashMap<>();
    /** module -> property key -> values, from every settings file (for @Value("${key}") injection). */
    private final Map<String, Map<String, List<String>>> properties = new HashMap<>();
    private final List<JavaHit> hits = new ArrayList<>();

    static ProjectSettings none() {
        return new ProjectSettings();
    }

    /** Reads the config files for the settings the models describe; {@code used} holds 'module|setting' keys that matter. */
    static ProjectSettings read(List<SourceFile> files, JavaModels models, java.util.Set<String> used) {
        ProjectSettings s = new ProjectSettings();
        List<Entry> entries = new ArrayList<>();
        for (SourceFile f : files) {
            String name = f.relPath().substring(f.relPath().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (name.endsWith(".properties")) entries.addAll(properties(f));
            else entries.addAll(yaml(f));
        }
        Map<String, List<Entry>> byModule = new java.util.TreeMap<>();
        for (Entry e : entries) byModule.computeIfAbsent(JavaUnit.moduleOf(e.file()), k -> new ArrayList<>()).add(e);
        for (Map.Entry<String, List<Entry>> m : byModule.entrySet()) {
            Map<String, List<String>> props = s.properties.computeIfAbsent(m.getKey(), k -> new HashMap<>());
            for (Entry e : m.getValue()) props.merge(e.key(), e.values(), (a, b) -> {
                List<String> all = new ArrayList<>(a);
                all.addAll(b);
                return all;
            });
        }
        for (Map.Entry<String, List<Entry>> m : byModule.entrySet()) s.decide(m.getKey(), m.getValue(), models, used);
        return s;
    }

    private void decide(String module, List<Entry> entries, JavaModels models, java.util.Set<String> used) {
        ProjectSettings s = this;
        for (JavaModels.Setting st : models.settings) {
            if (st.requiresKeys().isEmpty() ? !used.contains(module + "|" + st.name()) : !required(st, entries)) continue;
            Entry enabled = null;
            List<Entry> origins = new ArrayList<>();
            for (Entry e : entries) {
                if (matches(st.enabled(), e.key()) && !e.values().isEmpty() && e.values().get(0).equalsIgnoreCase("true")) enabled = e;
                if (matches(st.origins(), e.key())) origins.add(e);
            }
            // settings without a switch (Spring Cloud Gateway CORS) apply as written
            if (st.enabled().isEmpty() && !origins.isEmpty()) enabled = origins.get(0);
            if (enabled == null) continue;
            Entry wildcard = null;
            for (Entry e : origins) for (String v : e.values()) if (models.origin.wildcards().contains(v.trim())) wildcard = e;
            String key = module + "|" + st.name();
            if (wildcard != null) {
                s.states.put(key, "permissive");
                s.hits.add(JavaHit.structural(OriginAnalysis.PERMISSIVE, wildcard.file(), lineRegion(wildcard.line()), st.what() + "."));
            } else if (!origins.isEmpty() || "checked".equals(st.enabledWithoutOrigins())) {
                s.states.put(key, "checked");
            } else {
                s.states.put(key, "permissive");
                s.hits.add(JavaHit.structural(OriginAnalysis.PERMISSIVE, enabled.file(), lineRegion(enabled.line()),
                        st.what() + " (CORS is on without an allowed-origins list)."));
            }
        }
    }

    /** True when an entry the setting requires is present (a WebSocket route of a gateway: uri ws://, lb:ws://). */
    private static boolean required(JavaModels.Setting st, List<Entry> entries) {
        for (Entry e : entries) {
            if (matches(st.requiresKeys(), e.key()) && e.values().stream().anyMatch(v -> v.matches(st.requiresValue()))) return true;
        }
        return false;
    }

    /** Values of a property in the module of a file ({@code app.origins} also as {@code app.origins} list items), or null. */
    List<String> property(String key, String relPath) {
        Map<String, List<String>> props = properties.get(JavaUnit.moduleOf(relPath));
        if (props == null) return null;
        List<String> v = props.get(key);
        if (v == null) {
            // relaxed binding: allowed-origins / allowedOrigins
            String relaxed = key.replaceAll("-([a-z])", "$1");
            for (Map.Entry<String, List<String>> e : props.entrySet()) {
                if (e.getKey().replaceAll("-([a-z])", "$1").equalsIgnoreCase(relaxed)) return e.getValue();
            }
        }
        return v;
    }

    /** The decided state of a setting for the module of a file, or null. */
    String state(String name, String relPath) {
        return states.get(JavaUnit.moduleOf(relPath) + "|" + name);
    }

    List<JavaHit> hits() {
        return hits;
    }

    private static Region lineRegion(int line) {
        return new Region(line, 1, line, 1);
    }

    private static boolean matches(List<String> patterns, String key) {
        for (String p : patterns) {
            String re = Pattern.quote(p).replace("*", "\\E[^.]+\\Q");
            if (key.matches(re)) return true;
        }
        return false;
    }

    /** Permissive attributes of Spring XML configuration (websocket namespace), one hit per attribute. */
    static List<JavaHit> xml(SourceFile f, JavaModels models) {
        List<JavaHit> out = new ArrayList<>();
        if (!f.text().contains("websocket")) return out;
        String[] lines = f.text().split("\r\n|\r|\n", -1);
        for (JavaModels.XmlAttribute a : models.xmlAttributes) {
            Pattern p = Pattern.compile("(?<![\\w-])" + Pattern.quote(a.attribute()) + "\\s*=\\s*[\"']([^\"']*)[\"']");
            for (int i = 0; i < lines.length; i++) {
                java.util.regex.Matcher m = p.matcher(lines[i]);
                while (m.find()) {
                    List<String> values = split(m.group(1));
                    boolean hit = a.wildcard() ? values.stream().anyMatch(v -> models.origin.wildcards().contains(v))
                            : a.equalsValue() != null && values.contains(a.equalsValue());
                    if (hit) {
                        out.add(JavaHit.structural(OriginAnalysis.PERMISSIVE, f.relPath(),
                                new Region(i + 1, m.start() + 1, i + 1, m.end() + 1), a.what() + "."));
                    }
                }
            }
        }
        return out;
    }

    static List<Entry> properties(SourceFile f) {
        List<Entry> out = new ArrayList<>();
        String[] lines = f.text().split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("!")) continue;
            int eq = indexOfSeparator(l);
            if (eq < 0) continue;
            String key = l.substring(0, eq).strip();
            // Quarkus profiles: %prod.quarkus.http.cors.origins
            if (key.startsWith("%") && key.indexOf('.') > 0) key = key.substring(key.indexOf('.') + 1);
            // routes[0].uri -> routes.uri (YAML sequences read the same way)
            key = key.replaceAll("\\[\\d+]", "");
            out.add(new Entry(f.relPath(), key, split(l.substring(eq + 1).strip()), i + 1));
        }
        return out;
    }

    private static int indexOfSeparator(String l) {
        for (int i = 0; i < l.length(); i++) if (l.charAt(i) == '=' || l.charAt(i) == ':') return i;
        return -1;
    }

    private static List<String> split(String v) {
        List<String> out = new ArrayList<>();
        String s = v.strip();
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        for (String p : s.split(",")) {
            String x = unquote(p.strip());
            if (!x.isEmpty()) out.add(x);
        }
        return out;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) return s.substring(1, s.length() - 1);
        return s;
    }

    static List<Entry> yaml(SourceFile f) {
        List<Entry> out = new ArrayList<>();
        String[] lines = f.text().split("\r\n|\r|\n", -1);
        List<int[]> indents = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            String l = raw.strip();
            if (l.isEmpty() || l.startsWith("#") || l.equals("---")) continue;
            int indent = raw.length() - raw.stripLeading().length();
            if (l.startsWith("- ")) {
                // a sequence item of the innermost key
                if (!keys.isEmpty()) out.add(new Entry(f.relPath(), String.join(".", keys), split(l.substring(2)), i + 1));
                continue;
            }
            int colon = l.indexOf(':');
            if (colon <= 0) continue;
            while (!indents.isEmpty() && indents.get(indents.size() - 1)[0] >= indent) {
                indents.remove(indents.size() - 1);
                keys.remove(keys.size() - 1);
            }
            String key = unquote(l.substring(0, colon).strip());
            String value = l.substring(colon + 1).strip();
            int hash = value.indexOf(" #");
            if (hash >= 0) value = value.substring(0, hash).strip();
            List<String> path = new ArrayList<>(keys);
            path.add(key);
            if (value.isEmpty()) {
                indents.add(new int[]{indent});
                keys.add(key);
            } else {
                out.add(new Entry(f.relPath(), String.join(".", path), split(value), i + 1));
            }
        }
        return out;
    }
}

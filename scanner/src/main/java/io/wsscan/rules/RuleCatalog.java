package io.wsscan.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.wsscan.findings.Finding.Level;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Iterator;
import java.util.TreeMap;

/**
 * The rules and models in force for a scan: the built-in ruleset (classpath {@code wsscan/index.yml},
 * shipped by the {@code rulesets} module) plus any user ruleset files given with {@code --ruleset}.
 * A user file is an index of its own (keys {@code rules:} / {@code models:}), a single rule or a model
 * file. Every file is checked against {@link Schema}: a typo is an error naming file and line.
 */
public final class RuleCatalog {

    private static final String BUILTIN = "wsscan/";
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([A-Za-z]+)}");

    private final Map<String, RuleMeta> rules;   // sorted by id
    private final List<JsonNode> modelDocuments; // parsed model files, in load order

    private RuleCatalog(Map<String, RuleMeta> rules, List<JsonNode> modelDocuments) {
        this.rules = Collections.unmodifiableMap(rules);
        this.modelDocuments = List.copyOf(modelDocuments);
    }

    /** The built-in rules and models only. */
    public static RuleCatalog builtin() {
        return load(List.of());
    }

    /**
     * The built-in ruleset plus user ruleset files (later files may replace rules by id). A user file is
     * a single rule ({@code id:}), an index ({@code rules:} / {@code models:}, whose items are file
     * names or written inline) or a plain model file. Everything is checked against {@link Schema}.
     */
    public static RuleCatalog load(List<Path> userRulesets) {
        Map<String, RuleMeta> rules = new TreeMap<>();
        ModelSet models = new ModelSet();
        Source builtin = new ClasspathSource();
        YamlTree index = read(builtin, "index.yml");
        loadIndex(builtin, index, index.root, rules, models);
        for (Path p : userRulesets) {
            Path dir = p.toAbsolutePath().getParent();
            Source src = new FileSource(dir, p.getParent());
            YamlTree doc = read(src, p.getFileName().toString());
            JsonNode root = doc.root;
            if (root == null || !root.isObject()) {
                throw doc.error(1, "not a wsscan ruleset: expected a rule (id: ...), an index (rules: / models:) or a model file");
            }
            if (root.has("id")) {
                RuleMeta r = parseRule(src, doc, root, 1);
                rules.put(r.id(), r);
            } else if (root.has("rules") || root.has("models")) {
                loadIndex(src, doc, root, rules, models);
            } else {
                nearIndexKey(doc, root);
                models.add(doc, root, 1);
            }
        }
        models.refs.check();
        return new RuleCatalog(rules, models.documents);
    }

    /** The model documents being loaded, and the types and name classes their rows give and use. */
    private static final class ModelSet {
        final List<JsonNode> documents = new ArrayList<>();
        final SchemaValidator.Refs refs = new SchemaValidator.Refs();

        /** Checks a model document (a file, or a mapping inline in an index) against its language's schema. */
        void add(YamlTree t, JsonNode doc, int line) {
            if (doc == null || !doc.isObject()) throw t.error(line, "a model must be a mapping of sections");
            String language = language(t, doc, line, false);
            new SchemaValidator(t, language, refs).check(doc, Schema.model(language), "", line);
            documents.add(doc);
        }
    }

    public Map<String, RuleMeta> rules() {
        return rules;
    }

    public RuleMeta rule(String id) {
        return rules.get(id);
    }

    public List<JsonNode> modelDocuments() {
        return modelDocuments;
    }

    /** A copy restricted to the given rule ids; an unknown id is a configuration error. */
    public RuleCatalog only(Set<String> ids) {
        Map<String, RuleMeta> kept = new TreeMap<>();
        for (String id : ids) {
            RuleMeta r = rules.get(id);
            if (r == null) throw new RulesetException("unknown rule id '" + id + "' (see 'wsscan rules')");
            kept.put(id, r);
        }
        return new RuleCatalog(kept, modelDocuments);
    }

    private static void loadIndex(Source src, YamlTree t, JsonNode index, Map<String, RuleMeta> rules, ModelSet models) {
        // items are file names or inline rules and models, each checked by its own schema below
        for (Iterator<String> it = index.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            int line = t.keyLine(index, key);
            if (!Schema.INDEX.keys().containsKey(key)) {
                throw t.error(line, "unknown key '" + key + "'" + SchemaValidator.hint(key, Schema.INDEX.keys().keySet()));
            }
            JsonNode items = index.get(key);
            if (!items.isNull() && !items.isArray()) throw t.error(line, key + ": must be a list of file names or inline " + key);
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).isArray() || items.get(i).isNull()) {
                    throw t.error(t.itemLine(items, i), key + ": an item is a file name or an inline mapping");
                }
            }
        }
        JsonNode ruleItems = index.path("rules");
        for (int i = 0; i < ruleItems.size(); i++) {
            JsonNode item = ruleItems.get(i);
            int line = t.itemLine(ruleItems, i);
            RuleMeta r;
            if (item.isObject()) {
                r = parseRule(src, t, item, line);
            } else {
                YamlTree file = read(src, src.confined(t, line, "rules", item.asText()));
                r = parseRule(src, file, file.root, 1);
            }
            rules.put(r.id(), r);
        }
        JsonNode modelItems = index.path("models");
        for (int i = 0; i < modelItems.size(); i++) {
            JsonNode item = modelItems.get(i);
            int line = t.itemLine(modelItems, i);
            if (item.isObject()) {
                models.add(t, item, line);
            } else {
                YamlTree file = read(src, src.confined(t, line, "models", item.asText()));
                models.add(file, file.root, 1);
            }
        }
    }

    /** A file read as a model because it has no rule or index keys: a misspelled one of those is the likelier error. */
    private static void nearIndexKey(YamlTree t, JsonNode root) {
        Set<String> fileKeys = new java.util.TreeSet<>(Schema.INDEX.keys().keySet());
        fileKeys.add("id");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (Schema.JS_MODEL.keys().containsKey(key) || Schema.JAVA_MODEL.keys().containsKey(key)) continue;
            String hint = SchemaValidator.hint(key, fileKeys);
            if (hint.startsWith(" (did you mean")) throw t.error(t.keyLine(root, key), "unknown key '" + key + "'" + hint);
        }
    }

    /** The {@code language:} of a rule (required) or model (default js); anything but js or java is an error. */
    private static String language(YamlTree t, JsonNode doc, int line, boolean required) {
        JsonNode l = doc.get("language");
        if (l == null || l.isNull()) {
            if (required) throw t.error(line, "missing required key 'language' (" + String.join(" or ", Schema.LANGUAGES) + ")");
            return Schema.JS;
        }
        if (!Schema.LANGUAGES.contains(l.asText())) {
            throw t.error(t.keyLine(doc, "language"), "language: '" + l.asText() + "' is not one of "
                    + String.join(", ", Schema.LANGUAGES) + SchemaValidator.hint(l.asText(), Schema.LANGUAGES));
        }
        return l.asText();
    }

    static RuleMeta parseRule(Source src, YamlTree t, JsonNode n, int line) {
        if (n == null || !n.isObject()) throw t.error(line, "a rule must be a mapping of keys to values");
        String language = language(t, n, line, true);
        new SchemaValidator(t, language).check(n, Schema.RULE, "", line);
        String id = req(t, n, "id");
        String kind = req(t, n, "kind");
        List<String> sources = strings(n.path("sources")), sinks = strings(n.path("sinks"));
        String check = n.path("check").isNull() ? null : n.path("check").asText(null);
        if (kind.equals("taint") && (sources.isEmpty() || sinks.isEmpty())) {
            throw t.error(line, "a taint rule needs 'sources' and 'sinks' (the kinds it joins)");
        }
        if (kind.equals("structural")) {
            if (check == null) throw t.error(line, "a structural rule needs 'check' (the check's name)");
            for (String k : List.of("sources", "sinks")) {
                if (n.has(k)) throw t.error(t.keyLine(n, k), k + ": only taint rules join source and sink kinds (kind: taint)");
            }
        }
        Map<String, String> advice = advice(t, n, sinks);
        List<String> authSources = strings(n.path("authenticationSources"));
        for (String k : authSources) {
            if (!sources.contains(k)) {
                throw t.error(t.keyLine(n, "authenticationSources"), "authenticationSources: '" + k
                        + "' is not one of the rule's sources " + sources);
            }
        }
        List<RuleMeta.Lead> leads = new ArrayList<>();
        JsonNode leadRows = n.path("leads");
        for (int i = 0; i < leadRows.size(); i++) {
            JsonNode l = leadRows.get(i);
            if (!kind.equals("taint")) throw t.error(t.itemLine(leadRows, i), "leads: only taint rules know where data starts");
            placeholders(t, t.itemLine(leadRows, i), "leads.message", l.path("message").asText(), advice, sinks);
            leads.add(new RuleMeta.Lead(l.path("lead").asText(), Level.parse(l.path("level").asText()), l.path("message").asText()));
        }
        RuleMeta.Verdict pageGlobals = null;
        JsonNode pg = n.path("pageGlobals");
        if (!pg.isMissingNode()) {
            if (!kind.equals("taint")) throw t.error(t.keyLine(n, "pageGlobals"), "pageGlobals: only taint rules know where data comes from");
            placeholders(t, t.keyLine(n, "pageGlobals"), "pageGlobals.message", pg.path("message").asText(), advice, sinks);
            List<String> pgSources = strings(pg.path("sources"));
            for (String k : pgSources) {
                if (!sources.contains(k)) {
                    throw t.error(t.keyLine(n, "pageGlobals"), "pageGlobals.sources: '" + k + "' is not one of the rule's sources " + sources);
                }
            }
            pageGlobals = new RuleMeta.Verdict(pgSources, Level.parse(pg.path("level").asText()), pg.path("message").asText());
        }
        Map<String, Level> originLevels = new LinkedHashMap<>();
        JsonNode ol = n.path("originLevels");
        if (!ol.isMissingNode()) {
            if (!kind.equals("taint") || check == null) {
                throw t.error(t.keyLine(n, "originLevels"), "originLevels: only taint rules with a 'check' that judges the sender (" + String.join(", ", new java.util.TreeSet<>(Schema.SENDER_CHECKS)) + ") have them");
            }
            for (String v : RuleMeta.ORIGIN_VERDICTS) originLevels.put(v, Level.parse(ol.path(v).asText()));
            if (!Schema.SENDER_CHECKS.contains(check)) {
                throw t.error(t.keyLine(n, "originLevels"), "originLevels: check '" + check + "' does not judge where data came from; it needs check: "
                        + String.join(", ", new java.util.TreeSet<>(Schema.SENDER_CHECKS)));
            }
        }
        placeholders(t, t.keyLine(n, "message"), "message", req(t, n, "message"), advice, sinks);
        String sev = req(t, n, "securitySeverity");
        try {
            double d = Double.parseDouble(sev);
            if (d < 0.0 || d > 10.0) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw t.error(t.keyLine(n, "securitySeverity"), "securitySeverity: must be a number from 0.0 to 10.0, not '" + sev + "'");
        }
        Map<String, List<String>> compliance = compliance(t, n.path("compliance"));
        String help = src.confined(t, t.keyLine(n, "help"), "help", req(t, n, "help"));
        return new RuleMeta(id, req(t, n, "name"), req(t, n, "shortDescription"),
                req(t, n, "fullDescription"), readText(src, help), Level.parse(req(t, n, "level")), sev,
                req(t, n, "precision"), strings(n.path("tags")), compliance, kind, sources, sinks, check,
                req(t, n, "message"), language, advice, authSources, List.copyOf(leads), pageGlobals, Map.copyOf(originLevels));
    }

    /** Checks a message's placeholders: each known, and {advice} only with advice for every sink kind. */
    private static void placeholders(YamlTree t, int line, String key, String message, Map<String, String> advice, List<String> sinks) {
        java.util.regex.Matcher ph = PLACEHOLDER.matcher(message);
        while (ph.find()) {
            if (ph.group(1).equals("advice") && !advice.keySet().containsAll(sinks)) {
                List<String> missing = new ArrayList<>(sinks);
                missing.removeAll(advice.keySet());
                throw t.error(line, key + ": {advice} needs an 'advice' entry for every sink kind; missing: "
                        + String.join(", ", missing));
            }
            if (!Schema.PLACEHOLDERS.contains(ph.group(1))) {
                throw t.error(line, key + ": unknown placeholder {" + ph.group(1) + "}"
                        + SchemaValidator.hint(ph.group(1), Schema.PLACEHOLDERS));
            }
        }
    }

    /** A taint rule's {@code advice}: sink kind (one of its {@code sinks}) -> text. */
    private static Map<String, String> advice(YamlTree t, JsonNode n, List<String> sinks) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode a = n.path("advice");
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!sinks.contains(e.getKey())) {
                throw t.error(t.keyLine(a, e.getKey()), "advice: '" + e.getKey() + "' is not one of the rule's sinks ["
                        + String.join(", ", sinks) + "]");
            }
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                throw t.error(t.keyLine(a, e.getKey()), "advice." + e.getKey() + ": must be a text");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return Map.copyOf(out);
    }

    /** A rule's {@code compliance} map: standards of {@code compliance/requirements.yml}, ids of each one's shape. */
    private static Map<String, List<String>> compliance(YamlTree t, JsonNode c) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Compliance.Standard st = Compliance.standards().get(e.getKey());
            int line = t.keyLine(c, e.getKey());
            if (st == null) {
                throw t.error(line, "compliance: unknown standard '" + e.getKey() + "'"
                        + SchemaValidator.hint(e.getKey(), Compliance.standards().keySet()));
            }
            List<String> ids = strings(e.getValue());
            for (int i = 0; i < ids.size(); i++) {
                if (!st.idPattern().matcher(ids.get(i)).matches()) {
                    int at = e.getValue().isArray() ? t.itemLine(e.getValue(), i) : line;
                    throw t.error(at, "compliance." + e.getKey() + ": '" + ids.get(i) + "' is not a requirement id of " + st.title());
                }
            }
            out.put(e.getKey(), ids);
        }
        return out;
    }

    private static String req(YamlTree t, JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw t.error(t.keyLine(n, key), "missing required key '" + key + "'");
        }
        return v.asText().trim();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) n.forEach(x -> out.add(x.asText()));
        else if (!n.isMissingNode() && !n.isNull()) out.add(n.asText());
        return List.copyOf(out);
    }

    private static YamlTree read(Source src, String name) {
        try (InputStream in = src.open(name)) {
            YamlTree t = YamlTree.read(src.display(name), in);
            if (t.root == null) throw new RulesetException(src.display(name) + ": empty file");
            return t;
        } catch (IOException e) {
            throw new RulesetException(src.display(name) + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable"), e);
        }
    }

    private static String readText(Source src, String name) {
        try (InputStream in = src.open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RulesetException(src.display(name) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Where ruleset files are read from: the classpath for the built-in set, a folder for user sets.
     * Every file a ruleset names ({@code help}, index items) must lie inside the ruleset's folder: a
     * relative path without {@code ..} that, for a folder, also resolves (symbolic links followed)
     * inside it, so that a ruleset cannot embed other files of the machine into reports.
     */
    interface Source {
        InputStream open(String name) throws IOException;

        /** How error messages name a file of this ruleset. */
        String display(String name);

        /** {@code name} checked and normalised; an escape is an error at {@code line} of {@code t}. */
        default String confined(YamlTree t, int line, String key, String name) {
            Path rel;
            try {
                rel = Path.of(name);
            } catch (java.nio.file.InvalidPathException e) {
                throw t.error(line, key + ": '" + name + "' is not a valid path");
            }
            Path norm = rel.normalize();
            if (name.isBlank() || rel.isAbsolute() || name.startsWith("/") || name.startsWith("\\")
                    || norm.startsWith("..") || norm.toString().isEmpty()) {
                throw t.error(line, key + ": '" + name + "' must be a relative path inside the ruleset's folder");
            }
            String normalised = norm.toString().replace('\\', '/');
            if (!exists(normalised)) throw t.error(line, key + ": '" + name + "': no such file in the ruleset's folder");
            if (!inside(normalised)) {
                throw t.error(line, key + ": '" + name + "' leads outside the ruleset's folder (through a symbolic link)");
            }
            return normalised;
        }

        boolean exists(String normalised);

        /** False when the file resolves outside the ruleset's folder. */
        default boolean inside(String normalised) {
            return true;
        }
    }

    private static final class ClasspathSource implements Source {
        @Override
        public InputStream open(String name) throws IOException {
            InputStream in = RuleCatalog.class.getClassLoader().getResourceAsStream(BUILTIN + name);
            if (in == null) throw new IOException("built-in ruleset file missing: " + BUILTIN + name);
            return in;
        }

        @Override
        public String display(String name) {
            return BUILTIN + name;
        }

        @Override
        public boolean exists(String normalised) {
            return RuleCatalog.class.getClassLoader().getResource(BUILTIN + normalised) != null;
        }
    }

    /** A user ruleset's folder ({@code dir}, absolute) and that folder as the user wrote it (for messages). */
    private record FileSource(Path dir, Path shown) implements Source {
        @Override
        public InputStream open(String name) throws IOException {
            Path p = dir.resolve(name);
            if (!Files.isRegularFile(p)) throw new IOException("no such file");
            return Files.newInputStream(p);
        }

        @Override
        public String display(String name) {
            return shown == null ? name : shown.resolve(name).toString();
        }

        @Override
        public boolean exists(String normalised) {
            return Files.isRegularFile(dir.resolve(normalised));
        }

        @Override
        public boolean inside(String normalised) {
            Path p = dir.resolve(normalised);
            try {
                return p.toRealPath().startsWith(dir.toRealPath());
            } catch (IOException e) {
                return false;
            }
        }
    }
}

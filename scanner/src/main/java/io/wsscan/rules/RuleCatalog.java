package io.wsscan.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.wsscan.findings.Finding.Level;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rules and models in force for a scan: the built-in ruleset (classpath {@code wsscan/index.yml},
 * shipped by the {@code rulesets} module) plus any user ruleset files given with {@code --ruleset}.
 * A user file is an index of its own (keys {@code rules:} / {@code models:}) or a single rule.
 */
public final class RuleCatalog {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String BUILTIN = "wsscan/";
    private static final Set<String> RULE_KEYS = Set.of("id", "name", "shortDescription", "fullDescription",
            "help", "level", "securitySeverity", "precision", "tags", "compliance", "kind", "sources", "sinks",
            "check", "message");

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

    /** The built-in ruleset plus user ruleset files (later files may replace rules by id). */
    public static RuleCatalog load(List<Path> userRulesets) {
        Map<String, RuleMeta> rules = new TreeMap<>();
        List<JsonNode> models = new ArrayList<>();
        Source builtin = new ClasspathSource();
        loadIndex(builtin, "index.yml", readYaml(builtin, "index.yml"), rules, models);
        for (Path p : userRulesets) {
            Source src = new FileSource(p.toAbsolutePath().getParent());
            String name = p.getFileName().toString();
            JsonNode doc = readYaml(src, name);
            if (doc.has("rules") || doc.has("models")) {
                loadIndex(src, name, doc, rules, models);
            } else if (doc.has("id")) {
                RuleMeta r = parseRule(src, name, doc);
                rules.put(r.id(), r);
            } else {
                throw new RulesetException(p + ": not a wsscan ruleset (expected 'id' or 'rules'/'models' keys)");
            }
        }
        return new RuleCatalog(rules, models);
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

    private static void loadIndex(Source src, String name, JsonNode index, Map<String, RuleMeta> rules,
                                  List<JsonNode> models) {
        for (JsonNode f : index.path("rules")) {
            RuleMeta r = parseRule(src, f.asText(), readYaml(src, f.asText()));
            rules.put(r.id(), r);
        }
        for (JsonNode f : index.path("models")) {
            models.add(readYaml(src, f.asText()));
        }
    }

    static RuleMeta parseRule(Source src, String file, JsonNode n) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!RULE_KEYS.contains(k)) throw new RulesetException(file + ": unknown key '" + k + "'");
        }
        String id = req(file, n, "id");
        String kind = req(file, n, "kind");
        if (!kind.equals("taint") && !kind.equals("structural")) {
            throw new RulesetException(file + ": kind must be 'taint' or 'structural', not '" + kind + "'");
        }
        Level level;
        try {
            level = Level.parse(req(file, n, "level"));
        } catch (IllegalArgumentException e) {
            throw new RulesetException(file + ": level must be error, warning or note");
        }
        String sev = req(file, n, "securitySeverity");
        try {
            double d = Double.parseDouble(sev);
            if (d < 0.0 || d > 10.0) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw new RulesetException(file + ": securitySeverity must be a number from 0.0 to 10.0");
        }
        Map<String, List<String>> compliance = new LinkedHashMap<>();
        n.path("compliance").fields().forEachRemaining(e -> compliance.put(e.getKey(), strings(e.getValue())));
        String helpPath = req(file, n, "help");
        return new RuleMeta(id, req(file, n, "name"), req(file, n, "shortDescription"),
                req(file, n, "fullDescription"), readText(src, helpPath), level, sev,
                req(file, n, "precision"), strings(n.path("tags")), compliance, kind,
                strings(n.path("sources")), strings(n.path("sinks")), n.path("check").asText(null),
                req(file, n, "message"));
    }

    private static String req(String file, JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new RulesetException(file + ": missing required key '" + key + "'");
        }
        return v.asText().trim();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) n.forEach(x -> out.add(x.asText()));
        else if (!n.isMissingNode() && !n.isNull()) out.add(n.asText());
        return List.copyOf(out);
    }

    private static JsonNode readYaml(Source src, String name) {
        try (InputStream in = src.open(name)) {
            JsonNode n = YAML.readTree(in);
            if (n == null) throw new RulesetException(name + ": empty file");
            return n;
        } catch (IOException e) {
            throw new RulesetException(name + ": " + e.getMessage().lines().findFirst().orElse("unreadable"), e);
        }
    }

    private static String readText(Source src, String name) {
        try (InputStream in = src.open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RulesetException(name + ": " + e.getMessage(), e);
        }
    }

    /** Where ruleset files are read from: the classpath for the built-in set, a folder for user sets. */
    interface Source {
        InputStream open(String name) throws IOException;
    }

    private static final class ClasspathSource implements Source {
        @Override
        public InputStream open(String name) throws IOException {
            InputStream in = RuleCatalog.class.getClassLoader().getResourceAsStream(BUILTIN + name);
            if (in == null) throw new IOException("built-in ruleset file missing: " + BUILTIN + name);
            return in;
        }
    }

    private record FileSource(Path dir) implements Source {
        @Override
        public InputStream open(String name) throws IOException {
            Path p = dir.resolve(name);
            if (!Files.isRegularFile(p)) throw new IOException("no such file: " + p);
            return Files.newInputStream(p);
        }
    }
}

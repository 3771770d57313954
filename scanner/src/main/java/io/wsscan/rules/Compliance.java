package io.wsscan.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Titles of the compliance requirements rules name, from {@code wsscan/compliance/requirements.yml} in
 * the rulesets: standard key (as in a rule's {@code compliance:} map) -> title, id shape and
 * requirement id -> requirement title, in the file's order.
 */
public final class Compliance {

    public record Standard(String key, String title, Pattern idPattern, Map<String, String> requirements) {
    }

    private static final String RESOURCE = "wsscan/compliance/requirements.yml";
    private static volatile Map<String, Standard> builtin;

    private Compliance() {
    }

    /** The standards, in the data file's order. */
    public static Map<String, Standard> standards() {
        Map<String, Standard> s = builtin;
        if (s == null) {
            s = parse(builtinYaml(RESOURCE));
            builtin = s;
        }
        return s;
    }

    /** A YAML data file of the built-in rulesets ({@code wsscan/...}), read as a tree. */
    public static JsonNode builtinYaml(String resource) {
        try (InputStream in = Compliance.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("built-in file missing: " + resource);
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Standard> parse(JsonNode doc) {
        Map<String, Standard> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("standards").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode s = e.getValue();
            Map<String, String> reqs = new LinkedHashMap<>();
            s.path("requirements").fields().forEachRemaining(r -> reqs.put(r.getKey(), r.getValue().asText()));
            out.put(e.getKey(), new Standard(e.getKey(), s.path("title").asText(e.getKey()),
                    Pattern.compile(s.path("idPattern").asText(".*")), Collections.unmodifiableMap(reqs)));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The title of a requirement, or null when the data file does not have it. */
    public static String title(String standard, String id) {
        Standard s = standards().get(standard);
        return s == null ? null : s.requirements().get(id);
    }
}

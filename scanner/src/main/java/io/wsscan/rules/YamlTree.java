package io.wsscan.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document of a ruleset as a Jackson tree (what the loaders read) plus the line of every
 * mapping key and list item (what error messages name). Lines come from the YAML parser's marks.
 * Duplicate keys are an error: the second one would silently replace the first.
 */
final class YamlTree {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    final String file;
    final JsonNode root;
    /** Line of each container node (mappings and lists are fresh objects, so identity is safe). */
    private final Map<JsonNode, Integer> lines = new IdentityHashMap<>();
    /** Per mapping: the line of each of its keys. */
    private final Map<JsonNode, Map<String, Integer>> keyLines = new IdentityHashMap<>();
    /** Per list: the line of each item. */
    private final Map<JsonNode, List<Integer>> itemLines = new IdentityHashMap<>();

    private YamlTree(String file, InputStream in) throws IOException {
        this.file = file;
        try (JsonParser p = FACTORY.createParser(in)) {
            this.root = p.nextToken() == null ? null : node(p);
        }
    }

    /** Reads a document; a syntax error or duplicate key is a {@link RulesetException} naming file and line. */
    static YamlTree read(String file, InputStream in) {
        try {
            return new YamlTree(file, in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String what = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().strip().lines().findFirst().orElse("");
            throw new RulesetException(file + (l == null ? "" : ":" + l.getLineNr()) + ": not valid YAML: " + what, e);
        } catch (IOException e) {
            throw new RulesetException(file + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable"), e);
        }
    }

    /** The line a mapping or list starts on (1 when unknown). */
    int line(JsonNode container) {
        return lines.getOrDefault(container, 1);
    }

    /** The line of {@code key} in {@code mapping}, else the mapping's own line. */
    int keyLine(JsonNode mapping, String key) {
        Integer l = keyLines.getOrDefault(mapping, Map.of()).get(key);
        return l != null ? l : line(mapping);
    }

    /** The line of item {@code i} of {@code list}, else the list's own line. */
    int itemLine(JsonNode list, int i) {
        List<Integer> l = itemLines.get(list);
        return l != null && i < l.size() ? l.get(i) : line(list);
    }

    /** A one-line error at a line of this file. */
    RulesetException error(int line, String what) {
        return new RulesetException(file + ":" + line + ": " + what);
    }

    private static int lineOf(JsonParser p) {
        JsonLocation l = p.currentTokenLocation();
        return l == null ? 1 : l.getLineNr();
    }

    private JsonNode node(JsonParser p) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        int line = lineOf(p);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode m = f.objectNode();
                Map<String, Integer> keys = new HashMap<>();
                lines.put(m, line);
                keyLines.put(m, keys);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    int kl = lineOf(p);
                    if (keys.containsKey(k)) throw new RulesetException(file + ":" + kl + ": duplicate key '" + k + "'");
                    keys.put(k, kl);
                    p.nextToken();
                    m.set(k, node(p));
                }
                return m;
            }
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                List<Integer> items = new java.util.ArrayList<>();
                lines.put(a, line);
                itemLines.put(a, items);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(lineOf(p));
                    a.add(node(p));
                }
                return a;
            }
            case VALUE_STRING -> {
                return f.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> f.numberNode(p.getIntValue());
                    case LONG -> f.numberNode(p.getLongValue());
                    default -> f.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return f.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return f.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return f.nullNode();
            }
            default -> throw new IOException("unexpected " + t + " at line " + line);
        }
    }
}

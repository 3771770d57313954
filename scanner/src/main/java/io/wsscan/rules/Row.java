package io.wsscan.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A model mapping (a whole model file, a section row, or a nested mapping) read through its
 * {@link Schema} declaration: asking for a key the schema does not declare is a programming error,
 * so what the loaders read and what the schema (and the README) declare cannot drift apart.
 */
public final class Row {

    private final JsonNode node;
    private final Schema.Key spec;

    private Row(JsonNode node, Schema.Key spec) {
        this.node = node == null ? MissingNode.getInstance() : node;
        this.spec = spec;
    }

    /** A model document read through the schema of its language. */
    public static Row model(JsonNode doc) {
        Row r = new Row(doc, Schema.model(Schema.languageOf(doc)));
        r.declared("language"); // read by languageOf
        return r;
    }

    private Schema.Key declared(String key) {
        Schema.Key k = spec.key(key);
        if (k == null) throw new IllegalStateException("'" + key + "' is not declared for " + spec.name + " in Schema");
        k.read = true;
        return k;
    }

    /** The raw value of a declared key (missing node when absent). */
    public JsonNode path(String key) {
        declared(key);
        return node.path(key);
    }

    public boolean has(String key) {
        declared(key);
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** A nested mapping ({@code ROW} key); empty when absent. */
    public Row row(String key) {
        return new Row(node.get(key), declared(key));
    }

    /** The mappings of a {@code ROWS} key (plain scalar items of a section that allows them are wrapped too). */
    public List<Row> rows(String key) {
        Schema.Key k = declared(key);
        List<Row> out = new ArrayList<>();
        for (JsonNode item : node.path(key)) out.add(new Row(item, k));
        return out;
    }

    /** The underlying node (a scalar item of a section such as {@code triggers}, or for messages). */
    public JsonNode node() {
        return node;
    }

    @Override
    public String toString() {
        return node.toString();
    }
}

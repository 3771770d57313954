package io.wsscan.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a parsed ruleset document against its {@link Schema} declaration: only declared keys,
 * required keys present, values of the declared type, words from the language's vocabulary, access
 * paths made of known steps. The first problem is a {@link RulesetException} of one line,
 * {@code FILE:LINE: where: what}.
 */
final class SchemaValidator {

    private final YamlTree tree;
    private final String language;
    private final Refs refs;

    SchemaValidator(YamlTree tree, String language) {
        this(tree, language, new Refs());
    }

    SchemaValidator(YamlTree tree, String language, Refs refs) {
        this.tree = tree;
        this.language = language;
        this.refs = refs;
    }

    /**
     * Words that model rows give ({@link Schema.Key#defines}) and use ({@link Schema.Key#refersTo}),
     * collected over every model of a load: a use that no model gives (a misspelled type or name class)
     * would silently match nothing.
     */
    static final class Refs {
        private final Map<String, Set<String>> given = new java.util.HashMap<>();
        /** set -> word -> where it is first used, "FILE:LINE: key" */
        private final Map<String, Map<String, String>> used = new java.util.TreeMap<>();

        /** "set\0word" -> where a word is first given, "FILE:LINE: key" */
        private final Map<String, String> givenAt = new java.util.HashMap<>();

        void give(String set, String word, String where) {
            given.computeIfAbsent(set, k -> new TreeSet<>()).add(word);
            givenAt.putIfAbsent(set + "\0" + word, where);
        }

        void use(String set, String word, String where) {
            used.computeIfAbsent(set, k -> new java.util.TreeMap<>()).putIfAbsent(word, where);
        }

        /**
         * Fails on the first word used but given by no model, and on a word of a {@link Schema#MUST_BE_USED}
         * set that a model gives but nothing uses.
         */
        void check() {
            for (String set : Schema.MUST_BE_USED) {
                Map<String, String> uses = used.getOrDefault(set, Map.of());
                Set<String> builtIn = Schema.BUILT_IN_USES.getOrDefault(set, Set.of());
                for (String w : given.getOrDefault(set, Set.of())) {
                    if (!uses.containsKey(w) && !builtIn.contains(w)) {
                        Set<String> known = new TreeSet<>(uses.keySet());
                        known.addAll(builtIn);
                        throw new RulesetException(givenAt.get(set + "\0" + w) + ": " + set + " '" + w
                                + "' is given but nothing uses it" + hint(w, known));
                    }
                }
            }
            for (Map.Entry<String, Map<String, String>> set : used.entrySet()) {
                Set<String> known = given.getOrDefault(set.getKey(), Set.of());
                for (Map.Entry<String, String> u : set.getValue().entrySet()) {
                    if (!known.contains(u.getKey())) {
                        throw new RulesetException(u.getValue() + ": unknown " + set.getKey() + " '" + u.getKey()
                                + "': no loaded model gives it" + hint(u.getKey(), known));
                    }
                }
            }
        }
    }

    /** Checks the mapping {@code node} (a whole document or an inline item at {@code line}) against {@code spec}. */
    void check(JsonNode node, Schema.Key spec, String where, int line) {
        mapping(node, spec, where, line);
    }

    private void mapping(JsonNode m, Schema.Key spec, String where, int line) {
        if (!m.isObject()) throw tree.error(line, label(where) + "must be a mapping of keys to values");
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Schema.Key k = spec.key(e.getKey());
            int keyLine = tree.keyLine(m, e.getKey());
            if (k == null) {
                String what = where.isEmpty() && (spec == Schema.JS_MODEL || spec == Schema.JAVA_MODEL) ? "section" : "key";
                throw tree.error(keyLine, label(where) + "unknown " + what + " '" + e.getKey() + "'"
                        + hint(e.getKey(), spec.keys.keySet()));
            }
            value(k, e.getValue(), join(where, e.getKey()), keyLine);
        }
        for (Schema.Key k : spec.keys.values()) {
            JsonNode v = m.get(k.name);
            if (k.required && (v == null || v.isNull())) {
                throw tree.error(line, label(where) + "missing required key '" + k.name + "'");
            }
            if (k.unless != null && (v == null || v.isNull()) && !k.unless[1].equals(m.path(k.unless[0]).asText())) {
                throw tree.error(line, label(where) + "missing required key '" + k.name + "' (needed unless " + k.unless[0] + ": " + k.unless[1] + ")");
            }
        }
        if (!spec.anyOf.isEmpty() && spec.anyOf.stream().noneMatch(k -> m.hasNonNull(k))) {
            throw tree.error(line, label(where) + "a row needs one of " + String.join(", ", spec.anyOf));
        }
    }

    private void value(Schema.Key k, JsonNode v, String where, int line) {
        if (v.isNull()) return; // an empty value is an absent one (a required key is reported by its mapping)
        switch (k.type) {
            case TEXT -> word(k, scalar(v, where, line), where, line);
            case TEXTS, PATHS -> {
                if (v.isArray()) {
                    for (int i = 0; i < v.size(); i++) item(k, v.get(i), where, tree.itemLine(v, i));
                } else {
                    item(k, v, where, line);
                }
            }
            case FLAG -> {
                if (!v.isBoolean()) throw tree.error(line, where + ": must be true or false, not '" + v.asText() + "'");
            }
            case NUMBER -> {
                if (!v.isIntegralNumber()) throw tree.error(line, where + ": must be a whole number, not '" + v.asText() + "'");
            }
            case PATTERN -> pattern(scalar(v, where, line), where, line);
            case TABLE -> {
                if (!v.isObject()) throw tree.error(line, where + ": must be a mapping of names to values");
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode x = e.getValue();
                    int l = tree.keyLine(v, e.getKey());
                    if (x.isArray()) for (JsonNode y : x) scalar(y, where + "." + e.getKey(), l);
                    else if (!x.isNull()) scalar(x, where + "." + e.getKey(), l);
                }
            }
            case ROW -> mapping(v, k, where, line);
            case ROWS -> {
                if (!v.isArray()) throw tree.error(line, where + ": must be a list");
                for (int i = 0; i < v.size(); i++) {
                    JsonNode item = v.get(i);
                    int l = tree.itemLine(v, i);
                    if (k.scalars && item.isValueNode()) scalar(item, where, l);
                    else mapping(item, k, where, l);
                }
            }
        }
    }

    private void item(Schema.Key k, JsonNode v, String where, int line) {
        String s = scalar(v, where, line);
        if (k.type == Schema.Type.PATHS) path(s, where, line);
        else word(k, s, where, line);
    }

    private String scalar(JsonNode v, String where, int line) {
        if (!v.isValueNode() || v.isNull()) throw tree.error(line, where + ": must be a single value, not a " + (v.isArray() ? "list" : "mapping"));
        return v.asText();
    }

    private void word(Schema.Key k, String s, String where, int line) {
        if (k.defines != null) refs.give(k.defines, s, tree.file + ":" + line + ": " + where);
        if (k.refersTo != null) refs.use(k.refersTo, s, tree.file + ":" + line + ": " + where);
        if (k.values != null && !k.values.contains(s)) {
            throw tree.error(line, where + ": '" + s + "' is not one of " + String.join(", ", new TreeSet<>(k.values)) + hint(s, k.values));
        }
        if (k.vocab != null) {
            Set<String> known = Schema.vocabulary(language, k.vocab);
            if (!known.contains(s)) {
                throw tree.error(line, where + ": unknown " + k.vocab.what + " '" + s + "' for " + language
                        + (known.isEmpty() ? " (" + language + " has none)" : hint(s, known)));
            }
        }
    }

    private void pattern(String s, String where, int line) {
        try {
            Pattern.compile(s);
        } catch (PatternSyntaxException e) {
            throw tree.error(line, where + ": bad regular expression: " + e.getDescription());
        }
    }

    /** An access path: steps separated by dots outside brackets, each a known step name. */
    private void path(String p, String where, int line) {
        int depth = 0, from = 0;
        boolean first = true;
        for (int i = 0; i <= p.length(); i++) {
            char c = i < p.length() ? p.charAt(i) : '.';
            if (c == '[') depth++;
            else if (c == ']') depth--;
            if (depth < 0) break;
            if (c == '.' && depth == 0) {
                String step = p.substring(from, i);
                int b = step.indexOf('[');
                String name = b < 0 ? step : step.substring(0, b);
                Set<String> allowed = first ? Schema.PATH_ROOTS : Schema.PATH_STEPS;
                if (!allowed.contains(name) || (b >= 0 && !step.endsWith("]"))) {
                    throw tree.error(line, where + ": '" + p + "': " + (first ? "a path starts with " : "unknown step '" + name + "' (steps: ")
                            + String.join(", ", new TreeSet<>(allowed)) + (first ? "" : ")") + hint(name, allowed));
                }
                if (first && name.equals("Type") && b >= 0) {
                    for (String t : step.substring(b + 1, step.length() - 1).split(",")) {
                        refs.use(Schema.TYPES, t.trim(), tree.file + ":" + line + ": " + where);
                    }
                }
                first = false;
                from = i + 1;
            }
        }
        if (depth != 0) throw tree.error(line, where + ": '" + p + "': unbalanced brackets");
    }

    private static String join(String where, String key) {
        return where.isEmpty() ? key : where + "." + key;
    }

    private static String label(String where) {
        return where.isEmpty() ? "" : where + ": ";
    }

    /** " (did you mean 'x'?)" for a near miss, else " (known: ...)" when the list is short enough to help. */
    static String hint(String word, Collection<String> known) {
        String best = Spelling.nearMiss(word, known);
        if (best != null) return " (did you mean '" + best + "'?)";
        return " (known: " + String.join(", ", new TreeSet<>(known)) + ")";
    }
}

package io.wsscan.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rulesets/README.md} documents exactly what {@link Schema} declares: every key the loaders
 * accept is in its tables, and every key its tables name is accepted. Same for the vocabulary.
 */
class SchemaDocTest {

    /** Finds a file of the project from the module's folder (surefire runs in {@code scanner/}). */
    static Path projectFile(String rel) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(rel))) return d.resolve(rel);
        }
        throw new AssertionError(rel + " not found above " + Path.of("").toAbsolutePath());
    }

    private static final String README = read();

    private static String read() {
        try {
            return Files.readString(projectFile("rulesets/README.md"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The rows of the first table after the heading that starts with {@code heading}, cells split. */
    static List<List<String>> table(String md, String heading, String header) {
        int at = md.indexOf("\n" + heading);
        assertTrue(at >= 0, "heading '" + heading + "' missing");
        int start = md.indexOf("\n" + header, at);
        int next = md.indexOf("\n#", at + 1);
        assertTrue(start >= 0 && (next < 0 || start < next), "no table '" + header + "' under " + heading);
        List<List<String>> rows = new ArrayList<>();
        String[] lines = md.substring(start + 1).split("\n");
        for (int i = 2; i < lines.length && lines[i].startsWith("|"); i++) {
            List<String> cells = new ArrayList<>();
            // split on | outside backticks (a cell may show `a | b`)
            StringBuilder cur = new StringBuilder();
            boolean code = false;
            for (char c : lines[i].substring(1).toCharArray()) {
                if (c == '`') code = !code;
                if (c == '|' && !code) {
                    cells.add(cur.toString().trim());
                    cur.setLength(0);
                } else {
                    cur.append(c);
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    private static final Pattern CODE = Pattern.compile("`([^`]*)`");

    /** The backticked words of a cell ({@code `a`, `b` (note)} -> a, b). */
    static List<String> words(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) if (m.group(1).matches("[A-Za-z@][A-Za-z0-9.@-]*")) out.add(m.group(1));
        return out;
    }

    /** Keys of a row description: {@code {path, kind?, hardcoded?: {kind, label}}, {x / y}} -> path, kind, hardcoded.kind, ... */
    static void rowKeys(String cell, String prefix, Set<String> out) {
        String s = cell.replace("`", "");
        int[] pos = {0};
        while (pos[0] < s.length()) {
            if (s.charAt(pos[0]) == '{') group(s, pos, prefix, out);
            else pos[0]++;
        }
    }

    private static void group(String s, int[] pos, String prefix, Set<String> out) {
        pos[0]++; // '{'
        while (pos[0] < s.length()) {
            char c = s.charAt(pos[0]);
            if (c == '}') {
                pos[0]++;
                return;
            }
            if (!Character.isLetter(c)) {
                pos[0]++;
                continue;
            }
            int from = pos[0];
            while (pos[0] < s.length() && Character.isLetterOrDigit(s.charAt(pos[0]))) pos[0]++;
            String key = s.substring(from, pos[0]);
            out.add(prefix + key);
            while (pos[0] < s.length() && (s.charAt(pos[0]) == '?' || s.charAt(pos[0]) == ' ')) pos[0]++;
            if (pos[0] < s.length() && s.charAt(pos[0]) == ':') {
                pos[0]++;
                while (pos[0] < s.length() && s.charAt(pos[0]) == ' ') pos[0]++;
                boolean list = pos[0] < s.length() && s.charAt(pos[0]) == '[';
                if (list) pos[0]++;
                if (pos[0] < s.length() && s.charAt(pos[0]) == '{') {
                    group(s, pos, prefix + key + ".", out);
                    if (list && pos[0] < s.length() && s.charAt(pos[0]) == ']') pos[0]++;
                } else {
                    // a value, not a key: skip to the next separator
                    while (pos[0] < s.length() && ",/}".indexOf(s.charAt(pos[0])) < 0) pos[0]++;
                }
            }
        }
    }

    /** Every key of a schema, nested ones as {@code parent.child}. */
    static Set<String> declared(Schema.Key spec, String prefix, Set<String> out) {
        for (Schema.Key k : spec.keys().values()) {
            out.add(prefix + k.name());
            declared(k, prefix + k.name() + ".", out);
        }
        return out;
    }

    /** The keys a section table documents: its sections, and the keys of their rows. */
    private static Set<String> documentedSections(String heading) {
        Set<String> out = new TreeSet<>();
        for (List<String> row : table(README, heading, "| section | row | effect |")) {
            for (String section : words(row.get(0))) {
                out.add(section);
                rowKeys(row.get(1), section + ".", out);
            }
        }
        return out;
    }

    private static void assertSame(Set<String> declared, Set<String> documented, String what) {
        Set<String> undocumented = new TreeSet<>(declared);
        undocumented.removeAll(documented);
        Set<String> unaccepted = new TreeSet<>(documented);
        unaccepted.removeAll(declared);
        assertEquals(Set.of(), undocumented, what + ": accepted by the loaders (Schema) but not documented in rulesets/README.md");
        assertEquals(Set.of(), unaccepted, what + ": documented in rulesets/README.md but not accepted (Schema)");
    }

    @Test
    void jsModelSectionsAndKeysAreDocumented() {
        assertSame(declared(Schema.JS_MODEL, "", new TreeSet<>()), documentedSections("## Model files"), "JS model");
    }

    @Test
    void javaModelSectionsAndKeysAreDocumented() {
        assertSame(declared(Schema.JAVA_MODEL, "", new TreeSet<>()), documentedSections("## Java model files"), "Java model");
    }

    @Test
    void ruleAndIndexKeysAreDocumented() {
        Set<String> rule = new TreeSet<>();
        for (List<String> row : table(README, "## Rule files", "| key | meaning |")) rule.addAll(words(row.get(0)));
        assertSame(declared(Schema.RULE, "", new TreeSet<>()), rule, "rule file");
        Set<String> index = new TreeSet<>();
        for (List<String> row : table(README, "## Index files", "| key | meaning |")) index.addAll(words(row.get(0)));
        assertSame(declared(Schema.INDEX, "", new TreeSet<>()), index, "index file");
    }

    @Test
    void vocabularyIsDocumented() {
        Map<String, Schema.Vocab> rows = Map.of("source kinds", Schema.Vocab.SOURCE_KIND, "sink kinds", Schema.Vocab.SINK_KIND,
                "checks", Schema.Vocab.CHECK);
        Set<Schema.Vocab> seen = new TreeSet<>();
        for (List<String> row : table(README, "## Vocabulary", "| vocabulary | js | java |")) {
            Schema.Vocab v = rows.get(row.get(0));
            if (row.get(0).equals("barrier kinds")) continue; // the sink kinds and `all`, by definition
            assertTrue(v != null, "unknown vocabulary row " + row.get(0));
            seen.add(v);
            assertSame(Schema.vocabulary(Schema.JS, v), new TreeSet<>(words(row.get(1))), "js " + row.get(0));
            assertSame(Schema.vocabulary(Schema.JAVA, v), new TreeSet<>(words(row.get(2))), "java " + row.get(0));
        }
        assertEquals(new TreeSet<>(rows.values()), seen);
    }

    @Test
    void theRowParserReadsNestedAndAlternativeKeys() {
        Set<String> out = new TreeSet<>();
        rowKeys("`{path, kinds, deep?, hardcoded?: {kind, pattern}}`, `{a / b, params: payload, list?: [{x, y}]}`", "s.", out);
        assertEquals(new TreeSet<>(List.of("s.path", "s.kinds", "s.deep", "s.hardcoded", "s.hardcoded.kind",
                "s.hardcoded.pattern", "s.a", "s.b", "s.params", "s.list", "s.list.x", "s.list.y")), out);
        assertFalse(words("`ws-send-html` (with `markup: true`)").contains("markup: true"));
    }
}

package io.wsscan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The custom-ruleset example of the project README, as written there, loads and finds what the
 * README says; and ruleset typos reach the command line as exit code 2 with file and line.
 */
class RulesetExampleTest {

    @TempDir
    Path dir;

    /** The README's "Custom rulesets" section. */
    private static String section() throws IOException {
        Path readme = null;
        for (Path d = Path.of("").toAbsolutePath(); d != null && readme == null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("rulesets/README.md"))) readme = d.resolve("README.md");
        }
        String md = Files.readString(readme);
        int at = md.indexOf("\n## Custom rulesets");
        assertTrue(at >= 0, "README.md has no '## Custom rulesets' section");
        int end = md.indexOf("\n## ", at + 1);
        return md.substring(at, end < 0 ? md.length() : end);
    }

    /** Code blocks whose first line names their file ({@code # a/b.yml}, {@code // a.js}, {@code <!-- a.md -->}) written under {@code dir}. */
    private List<Path> writeExample() throws IOException {
        Matcher m = Pattern.compile("```[a-z]*\n((?:#|//|<!--) *([\\w./-]+)[^\n]*\n[\\s\\S]*?)```").matcher(section());
        List<Path> out = new ArrayList<>();
        while (m.find()) {
            Path p = dir.resolve(m.group(2));
            Files.createDirectories(p.getParent());
            Files.writeString(p, m.group(1));
            out.add(p);
        }
        return out;
    }

    private static List<JsonNode> findings(MainTest.Run r) throws IOException {
        assertEquals(0, r.code(), r::err);
        List<JsonNode> out = new ArrayList<>();
        new ObjectMapper().readTree(r.out()).path("findings").forEach(out::add);
        return out;
    }

    private static boolean has(List<JsonNode> findings, String rule, String file, int line) {
        return findings.stream().anyMatch(f -> f.path("ruleId").asText().equals(rule)
                && f.path("file").asText().equals(file) && f.path("startLine").asInt() == line);
    }

    @Test
    void readmeExampleLoadsAndFindsWhatTheReadmeSays() throws IOException {
        List<Path> files = writeExample();
        assertEquals(3, files.size(), "ruleset, help and app code: " + files);
        Path ruleset = dir.resolve("acme-rules/ruleset.yml");
        Path app = dir.resolve("app");

        List<JsonNode> with = findings(MainTest.run("scan", "-q", "-f", "json", "--fail-on", "none", "--ruleset", ruleset.toString(), app.toString()));
        assertTrue(has(with, "acme/live-update-html", "feed.js", 7), with::toString);
        assertTrue(has(with, "js/ws-message-xss", "feed.js", 7), with::toString);

        // without the ruleset the in-house library means nothing to the scanner
        List<JsonNode> without = findings(MainTest.run("scan", "-q", "-f", "json", "--fail-on", "none", app.toString()));
        assertEquals(List.of(), without);

        // the model alone, as a plain model file, gives the built-in rule's finding
        JsonNode model = new ObjectMapper(new YAMLFactory()).readTree(ruleset.toFile()).path("models").get(0);
        Path plain = dir.resolve("acme-live.yml");
        new ObjectMapper(new YAMLFactory()).writeValue(plain.toFile(), model);
        List<JsonNode> modelOnly = findings(MainTest.run("scan", "-q", "-f", "json", "--fail-on", "none", "--ruleset", plain.toString(), app.toString()));
        assertTrue(has(modelOnly, "js/ws-message-xss", "feed.js", 7), modelOnly::toString);
        assertTrue(modelOnly.stream().noneMatch(f -> f.path("ruleId").asText().startsWith("acme/")));
    }

    @Test
    void readmeErrorExampleIsWhatATypoPrints() throws IOException {
        writeExample();
        Path ruleset = dir.resolve("acme-rules/ruleset.yml");
        List<String> lines = new ArrayList<>(Files.readAllLines(ruleset));
        int i = 0;
        while (!lines.get(i).trim().startsWith("label:")) i++;
        lines.set(i, lines.get(i).replace("label:", "lable:"));
        Files.write(ruleset, lines);
        MainTest.Run r = MainTest.run("scan", "--ruleset", ruleset.toString(), dir.resolve("app").toString());
        MainTest.assertUsageError(r, ruleset + ":" + (i + 1) + ": sources: unknown key 'lable' (did you mean 'label'?)");
        // the README quotes this message for its example
        assertTrue(section().contains("acme-rules/ruleset.yml:" + (i + 1) + ": sources: unknown key 'lable' (did you mean 'label'?)"),
                "README error example should say line " + (i + 1));
    }

    @Test
    void typosExitWithCodeTwoNamingFileAndLine() throws IOException {
        Files.writeString(dir.resolve("app.js"), "new WebSocket('wss://x.example/s');\n");
        Path model = Files.writeString(dir.resolve("model.yml"), "library: acme\nsink:\n  - { path: \"Module[acme].Argument[0]\", kinds: [html], label: a }\n");
        MainTest.assertUsageError(MainTest.run("scan", "--ruleset", model.toString(), dir.toString()),
                model + ":2: unknown section 'sink' (did you mean 'sinks'?)");
        Files.writeString(dir.resolve("help.md"), "# Help\n");
        Path rule = Files.writeString(dir.resolve("rule.yml"), String.join("\n", "id: acme/r", "language: js", "name: R",
                "shortDescription: s", "fullDescription: f", "help: /etc/passwd", "level: error", "securitySeverity: \"5.0\"",
                "precision: high", "kind: taint", "sources: [ws-message]", "sinks: [html]", "message: m", ""));
        MainTest.assertUsageError(MainTest.run("rules", "--ruleset", rule.toString()),
                rule + ":6: help: '/etc/passwd' must be a relative path inside the ruleset's folder");
        Files.writeString(rule, Files.readString(rule).replace("/etc/passwd", "help.md").replace("ws-message", "ws-mesage"));
        MainTest.assertUsageError(MainTest.run("scan", "--ruleset", rule.toString(), dir.toString()),
                rule + ":11: sources: unknown source kind 'ws-mesage' for js (did you mean 'ws-message'?)");
    }
}

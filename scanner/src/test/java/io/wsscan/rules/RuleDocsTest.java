package io.wsscan.rules;

import io.wsscan.engine.ScanResult;
import io.wsscan.report.SarifReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checked-in rule pages ({@code docs/rules}) are what {@link RuleDocs} makes of the current rules. When a rule or
 * its help changes this fails; {@code mvn -pl scanner -am test -Dtest=RuleDocsTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dwsscan.writeRuleDocs=true} rewrites the pages.
 */
class RuleDocsTest {

    /** The repository's top: tests run in the scanner module's folder. */
    private static final Path TOP = Path.of("..").toAbsolutePath().normalize();

    private static Map<Path, String> expected() {
        Map<Path, String> pages = new TreeMap<>();
        RuleCatalog builtin = RuleCatalog.builtin();
        for (RuleMeta r : builtin.rules().values()) pages.put(TOP.resolve(RuleDocs.path(r.id())), RuleDocs.page(r));
        pages.put(TOP.resolve(RuleDocs.FOLDER).resolve("README.md"), RuleDocs.index(builtin.rules().values()));
        return pages;
    }

    @Test
    void checkedInPagesAreUpToDate() throws IOException {
        Map<Path, String> pages = expected();
        Path folder = TOP.resolve(RuleDocs.FOLDER);
        if (Boolean.getBoolean("wsscan.writeRuleDocs")) {
            for (Map.Entry<Path, String> e : pages.entrySet()) {
                Files.createDirectories(e.getKey().getParent());
                Files.writeString(e.getKey(), e.getValue(), StandardCharsets.UTF_8);
            }
        }
        List<String> stale = new ArrayList<>();
        for (Map.Entry<Path, String> e : pages.entrySet()) {
            Path p = e.getKey();
            if (!Files.isRegularFile(p) || !Files.readString(p, StandardCharsets.UTF_8).equals(e.getValue())) {
                stale.add(TOP.relativize(p).toString());
            }
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).filter(p -> !pages.containsKey(p))
                    .forEach(p -> stale.add(TOP.relativize(p) + " (no such rule)"));
        }
        assertEquals(List.of(), stale, "docs/rules is stale; rewrite it with -Dwsscan.writeRuleDocs=true (see RuleDocsTest)");
    }

    @Test
    void aPageHasTheRulesFactsAndItsHelp() {
        RuleMeta r = RuleCatalog.builtin().rule("js/ws-cleartext");
        String page = RuleDocs.page(r);
        assertTrue(page.startsWith("<!-- Generated"), page);
        assertTrue(page.contains("\n# WebSocket connection without TLS\n"), page);
        assertTrue(page.contains("| Rule | `js/ws-cleartext` |"), page);
        assertTrue(page.contains("| Default level | warning |"), page);
        assertTrue(page.contains("[CWE-319](https://cwe.mitre.org/data/definitions/319.html)"), page);
        assertTrue(page.contains("\n## How to fix\n"), page);
        assertEquals("https://github.com/wsscan/wsscan/blob/main/docs/rules/js/ws-cleartext.md", RuleDocs.uri(r.id()));
    }

    @Test
    void sarifLinksEachBuiltInRuleToItsPageAndOnlyThose(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path own = dir.resolve("own.yml");
        Files.writeString(own, """
                id: acme/raw-html
                language: js
                name: AcmeRawHtml
                shortDescription: Message rendered as HTML
                fullDescription: A WebSocket message reaches an HTML sink.
                help: acme.md
                level: error
                securitySeverity: "8.0"
                precision: high
                tags: [security, external/cwe/cwe-079]
                kind: taint
                sources: [ws-message]
                sinks: [html]
                message: "Data from {source} reaches {sink}."
                """);
        Files.writeString(dir.resolve("acme.md"), "# Message rendered as HTML\n\nRender text.\n");
        RuleCatalog catalog = RuleCatalog.load(List.of(own));
        ScanResult scan = new ScanResult(dir, List.of(), List.of(), catalog, new ScanResult.Stats(0, 0, 0, 0, 0), Map.of());
        StringWriter out = new StringWriter();
        SarifReport.write(scan, "wsscan/", out);
        int linked = 0;
        for (JsonNode rule : new ObjectMapper().readTree(out.toString()).at("/runs/0/tool/driver/rules")) {
            String id = rule.path("id").asText();
            if (id.equals("acme/raw-html")) {
                assertTrue(rule.path("helpUri").isMissingNode(), "no page for a user's rule");
            } else {
                assertEquals(RuleDocs.uri(id), rule.path("helpUri").asText());
                assertTrue(Files.isRegularFile(TOP.resolve(RuleDocs.path(id))), id);
                linked++;
            }
        }
        assertEquals(RuleCatalog.builtin().rules().size(), linked);
    }
}

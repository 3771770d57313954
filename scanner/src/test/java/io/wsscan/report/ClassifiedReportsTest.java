package io.wsscan.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsscan.engine.Classification.Kind;
import io.wsscan.engine.ScanOptions;
import io.wsscan.engine.ScanResult;
import io.wsscan.engine.Scanner;
import io.wsscan.inventory.Inventory;
import io.wsscan.inventory.InventoryReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every report names the class of findings and endpoints in test, example, generated and vendored files. */
class ClassifiedReportsTest {

    private static final String APP = """
            const ws = new WebSocket('wss://chat.example.com/live');
            ws.onmessage = function (e) {
              document.getElementById('out').innerHTML = e.data;
            };
            """;

    @TempDir
    static Path root;
    static ScanResult scan;

    @BeforeAll
    static void scanProject() throws IOException {
        write("src/main/js/app.js", APP);
        write("src/test/js/app.test.js", APP);
        write("examples/embed.js", APP);
        scan = new Scanner().scan(ScanOptions.builder().path(root).threads(1).build());
    }

    private static void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    @Test
    void theScanKnowsEachFilesClass() {
        assertEquals(Map.of("src/test/js/app.test.js", Kind.TEST, "examples/embed.js", Kind.EXAMPLE), scan.classes());
        assertEquals(Kind.PRODUCTION, scan.classOf("src/main/js/app.js"));
        assertEquals(2, scan.findingsOutsideProduction());
        assertEquals("2 findings in test/example code shown as notes; --include-tests to treat them as production",
                scan.outsideProductionSummary());
    }

    @Test
    void sarifResultsCarryTheClassAsPropertyAndTag() throws IOException {
        StringWriter out = new StringWriter();
        SarifReport.write(scan, "wsscan/", out);
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        var errors = SarifReportTest.schemaErrors(doc);
        assertTrue(errors.isEmpty(), errors::toString);
        Path sample = Path.of("target", "sarif-sample", "classified.sarif");
        Files.createDirectories(sample.getParent());
        Files.writeString(sample, out.toString(), StandardCharsets.UTF_8);
        List<String> seen = new ArrayList<>();
        for (JsonNode r : doc.at("/runs/0/results")) {
            String uri = r.at("/locations/0/physicalLocation/artifactLocation/uri").asText();
            seen.add(uri + " " + r.path("level").asText() + " " + r.at("/properties/classification").asText("-")
                    + " " + r.at("/properties/tags"));
        }
        assertEquals(List.of("examples/embed.js note example [\"example\"]",
                "src/main/js/app.js error - ",
                "src/test/js/app.test.js note test [\"test\"]"), seen);
        // the rule keeps its own level: only the results are capped
        assertEquals("error", doc.at("/runs/0/tool/driver/rules/0/defaultConfiguration/level").asText());
    }

    @Test
    void jsonFindingsHaveAClassificationMember() throws IOException {
        StringWriter out = new StringWriter();
        JsonReport.write(scan, out);
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        List<String> seen = new ArrayList<>();
        for (JsonNode f : doc.path("findings")) {
            seen.add(f.path("file").asText() + " " + f.path("level").asText() + " " + f.path("classification").asText("-"));
        }
        assertEquals(List.of("examples/embed.js note example", "src/main/js/app.js error -", "src/test/js/app.test.js note test"), seen);
        assertFalse(doc.path("findings").get(1).has("classification"), "production findings have no member");
        assertEquals(2, doc.at("/summary/findings/outsideProduction").asInt());
        assertEquals(1, doc.at("/summary/findings/error").asInt());
        assertEquals(2, doc.at("/summary/findings/note").asInt());
    }

    @Test
    void textShowsTheClassBesideTheLocationAndCountsThem() throws IOException {
        StringWriter out = new StringWriter();
        TextReport.write(scan, out, false);
        String text = out.toString();
        assertTrue(text.contains("\nsrc/test/js/app.test.js:3:3 [test]  note     js/ws-message-xss  "), text);
        assertTrue(text.contains("\nexamples/embed.js:3:3 [example]  note     js/ws-message-xss  "), text);
        assertTrue(text.contains("\nsrc/main/js/app.js:3:3  error    js/ws-message-xss  "), text);
        assertTrue(text.endsWith("\n2 findings in test/example code shown as notes; --include-tests to treat them as production\n"), text);
    }

    @Test
    void htmlShowsABadgeAndTheSentence() throws IOException {
        StringWriter out = new StringWriter();
        HtmlReport.write(scan, null, out);
        String html = out.toString();
        assertTrue(html.contains("<span class=\"badge class\" title=\"not production code: shown as a note\" data-classification=\"test\">test</span>"), "test badge");
        assertTrue(html.contains("data-classification=\"example\">example</span>"), "example badge");
        assertEquals(2, html.split("data-classification=", -1).length - 1, "one badge per classified finding");
        assertTrue(html.contains("<p class=\"outside\">2 findings in test/example code shown as notes; --include-tests to treat them as production</p>"));
    }

    @Test
    void inventoryEntriesShowTheClass() throws IOException {
        Inventory inv = Inventory.of(scan.endpoints(), List.of(), scan.classes());
        StringWriter text = new StringWriter();
        InventoryReport.TEXT.write(inv, text);
        assertTrue(text.toString().contains("  src/test/js/app.test.js:1 [test]  WebSocket  wss://chat.example.com/live\n"), text.toString());
        assertTrue(text.toString().contains("  src/main/js/app.js:1  WebSocket  wss://chat.example.com/live\n"), text.toString());

        StringWriter json = new StringWriter();
        InventoryReport.JSON.write(inv, json);
        List<String> classes = new ArrayList<>();
        for (JsonNode c : new ObjectMapper().readTree(json.toString()).path("clients")) {
            classes.add(c.path("file").asText() + " " + c.path("classification").asText("-"));
        }
        assertEquals(List.of("examples/embed.js example", "src/main/js/app.js -", "src/test/js/app.test.js test"), classes);

        StringWriter csv = new StringWriter();
        InventoryReport.CSV.write(inv, csv);
        List<String> rows = csv.toString().lines().toList();
        assertTrue(rows.get(0).endsWith(",matched,classification,sends,package,package_version,package_source"), rows.get(0));
        // the project's own code: no sends seen, no package
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("client,src/test/js/app.test.js,") && r.endsWith(",test,,,,")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("client,src/main/js/app.js,") && r.endsWith(",production,,,,")), rows.toString());

        StringWriter md = new StringWriter();
        InventoryReport.MARKDOWN.write(inv, md);
        assertTrue(md.toString().contains("| Party | Auth | Sends | Package | Code |"), md.toString());
        assertTrue(md.toString().lines().anyMatch(l -> l.startsWith("| src/test/js/app.test.js |") && l.endsWith("| test |")), md.toString());

        StringWriter sarif = new StringWriter();
        SarifReport.write(scan, "wsscan/", inv, sarif);
        List<String> endpoints = new ArrayList<>();
        for (JsonNode r : new ObjectMapper().readTree(sarif.toString()).at("/runs/0/results")) {
            if (r.path("ruleId").asText().equals(SarifReport.INVENTORY_RULE)) {
                endpoints.add(r.at("/properties/endpoint/file").asText() + " " + r.at("/properties/endpoint/classification").asText("-"));
            }
        }
        assertEquals(List.of("examples/embed.js example", "src/main/js/app.js -", "src/test/js/app.test.js test"), endpoints);
    }
}

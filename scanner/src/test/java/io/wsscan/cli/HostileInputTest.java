package io.wsscan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsscan.policy.Policy;
import io.wsscan.report.Baseline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
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

/** Bad command-line input and hostile trees: each is a one-line error with exit 2, or handled and reported. */
class HostileInputTest {

    @TempDir
    Path dir;

    private static final String CLEARTEXT = "new WebSocket('ws://chat.example-corp.net/s');\n";

    private Path write(Path base, String rel, String text) throws IOException {
        Path p = base.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private void mkfifo(Path p) throws IOException, InterruptedException {
        Process pr = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
        assertEquals(0, pr.waitFor(), () -> "mkfifo failed");
    }

    /** A file of the given size that takes no disk space or time to make. */
    private static Path sparse(Path p, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        }
        return p;
    }

    @Test
    void malformedGlobsAreUsageErrors() throws IOException {
        write(dir, "a.js", CLEARTEXT);
        for (String bad : List.of("[z-a]", "[!]", "[^]", "[a-\\]", "[", "{", "src/[x", "{a,{b}", "", " ")) {
            assertUsageError(run("scan", "--exclude", bad, dir.toString()), "--exclude: invalid glob '" + bad + "'");
            assertUsageError(run("scan", "--include", bad, dir.toString()), "--include: invalid glob");
            assertUsageError(run("inventory", "--exclude", bad, dir.toString()), "--exclude: invalid glob");
        }
        write(dir, ".wsscan.yml", "version: 1\nexclude:\n  - ok/**\n  - '[z-a]'\n");
        assertUsageError(run("scan", dir.toString()), ".wsscan.yml:4: exclude: invalid glob '[z-a]'");
        write(dir, ".wsscan.yml", "ignore:\n  - path: '{x'\n    rules: ['*']\n    reason: r\n");
        assertUsageError(run("scan", dir.toString()), ".wsscan.yml:2: ignore.path: invalid glob '{x'");
    }

    @Test
    void anEmptyPathIsAnError() throws IOException {
        write(dir, "a.js", CLEARTEXT);
        assertUsageError(run("scan", ""), "empty path");
        assertUsageError(run("scan", dir.toString(), ""), "empty path");
        assertUsageError(run("inventory", ""), "empty path");
        assertUsageError(run("report", "--compliance", ""), "empty path");
        assertUsageError(run("scan", "--config", "", dir.toString()), "--config: empty file name");
        assertUsageError(run("scan", "--baseline", "", dir.toString()), "--baseline: empty file name");
        assertUsageError(run("scan", "-o", "", dir.toString()), "--output: empty file name");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void fifosAndFoldersGivenAsFilesAreRefusedBeforeOpening() throws Exception {
        write(dir, "src/a.js", CLEARTEXT);
        Path fifo = dir.resolve("pipe");
        mkfifo(fifo);
        String src = dir.resolve("src").toString();
        assertUsageError(run("scan", fifo.toString()), "not a regular file or folder");
        assertUsageError(run("scan", "--config", fifo.toString(), src), "is not a regular file");
        assertUsageError(run("scan", "--config", src, src), "is a folder");
        assertUsageError(run("scan", "--baseline", fifo.toString(), src), "is not a regular file");
        assertUsageError(run("scan", "--baseline", src, src), "is a folder");
        assertUsageError(run("scan", "--ruleset", fifo.toString(), src), "is not a regular file");
        assertUsageError(run("scan", "--classpath", fifo.toString(), src), "not a regular file or folder");
        assertUsageError(run("rules", "--ruleset", fifo.toString()), "is not a regular file");
        // a FIFO named .wsscan.yml in the scanned tree
        mkfifo(dir.resolve("src/.wsscan.yml"));
        assertUsageError(run("scan", src), "not a regular file");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void oversizedSettingsAreRefusedBySizeBeforeReading() throws IOException {
        write(dir, "src/a.js", CLEARTEXT);
        String src = dir.resolve("src").toString();
        Path yml = sparse(dir.resolve("big.yml"), 30L * 1024 * 1024);
        long t0 = System.nanoTime();
        assertUsageError(run("scan", "--config", yml.toString(), src), "over the 1 MB limit");
        sparse(dir.resolve("src/.wsscan.yml"), Policy.MAX_BYTES + 1);
        assertUsageError(run("scan", src), ".wsscan.yml: policy file is 1.0 MB, over the 1 MB limit");
        Files.delete(dir.resolve("src/.wsscan.yml"));
        Path sarif = sparse(dir.resolve("big.sarif"), Baseline.MAX_BYTES + 1);
        assertUsageError(run("scan", "--baseline", sarif.toString(), src), "over the 256 MB limit");
        Path rules = sparse(dir.resolve("big-rules.yml"), Inputs.MAX_RULESET_BYTES + 1);
        assertUsageError(run("scan", "--ruleset", rules.toString(), src), "over the 16 MB limit");
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20), "refused by size, not by parsing");
    }

    @Test
    void aPolicyLinkLeavingTheRootIsRefusedWithoutEchoingItsContent(@TempDir Path outside) throws IOException {
        write(dir, "a.js", CLEARTEXT);
        Path secret = write(outside, "secret.yml", "hunter2-password: swordfish\n");
        Files.createSymbolicLink(dir.resolve(".wsscan.yml"), secret);
        MainTest.Run r = run("scan", dir.toString());
        assertUsageError(r, ".wsscan.yml: a symbolic link leaving the scan root");
        assertFalse(r.err().contains("hunter2") || r.err().contains("swordfish"), r::err);
        // named by the user with --config, the same file is read (and its unknown key reported)
        assertUsageError(run("scan", "--config", secret.toString(), dir.toString()), "hunter2-password: unknown key");
        // a link to a policy inside the root is fine
        Files.delete(dir.resolve(".wsscan.yml"));
        write(dir, "conf/policy.yml", "version: 1\nrules:\n  js/ws-cleartext: off\n");
        Files.createSymbolicLink(dir.resolve(".wsscan.yml"), dir.resolve("conf/policy.yml"));
        MainTest.Run ok = run("scan", "-q", dir.toString());
        assertEquals(0, ok.code(), ok::toString);
        // a dangling link is an error too, not a silently missing policy
        Files.delete(dir.resolve(".wsscan.yml"));
        Files.createSymbolicLink(dir.resolve(".wsscan.yml"), dir.resolve("gone.yml"));
        assertUsageError(run("scan", dir.toString()), "target does not exist");
    }

    @Test
    void outputFoldersAreCreatedOnlyAfterEveryCheck() throws IOException {
        write(dir, "src/a.js", CLEARTEXT);
        String src = dir.resolve("src").toString();
        Path out = dir.resolve("out/deeper/x.sarif");
        assertUsageError(run("scan", "-f", "sarif", "-o", out.toString(), "--fail-on", "bogus", src), "--fail-on");
        assertUsageError(run("scan", "-f", "sarif", "-o", out.toString(), "--exclude", "[z-a]", src), "invalid glob");
        assertUsageError(run("scan", "-f", "sarif", "-o", out.toString(), "--config", "missing.yml", src), "--config");
        assertUsageError(run("scan", "-f", "sarif", "-o", out.toString(), "--rules", "js/no-such-rule", src), "js/no-such-rule");
        assertUsageError(run("inventory", "-o", dir.resolve("out/inv.md").toString(), "--config", "missing.yml", src), "--config");
        assertFalse(Files.exists(dir.resolve("out")), "no folder made for a run that failed its checks");
        MainTest.Run r = run("scan", "-q", "-f", "sarif", "-o", out.toString(), "--fail-on", "none", src);
        assertEquals(0, r.code(), r::toString);
        assertTrue(Files.isRegularFile(out));
    }

    /** A backslash is part of a Linux file name: the alert names b\c.js, never the innocent b/c.js. */
    @Test
    void oddFileNamesAreReportedAsThemselves() throws IOException {
        write(dir, "b\\c.js", CLEARTEXT);
        write(dir, "b/c.js", "new WebSocket('wss://chat.example-corp.net/s');\n");
        write(dir, "sp ace#1%?é.js", CLEARTEXT);
        MainTest.Run json = run("scan", "-q", "-f", "json", "--fail-on", "warning", dir.toString());
        assertEquals(1, json.code(), json::toString);
        JsonNode j = new ObjectMapper().readTree(json.out());
        List<String> files = new ArrayList<>();
        j.path("findings").forEach(f -> files.add(f.path("file").asText()));
        assertTrue(files.contains("b\\c.js") && files.contains("sp ace#1%?é.js") && !files.contains("b/c.js"), files::toString);
        MainTest.Run sarif = run("scan", "-q", "-f", "sarif", dir.toString());
        List<String> uris = new ArrayList<>();
        new ObjectMapper().readTree(sarif.out()).at("/runs/0/results").forEach(
                r -> uris.add(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()));
        assertTrue(uris.contains("b%5Cc.js") && uris.contains("sp%20ace%231%25%3F%C3%A9.js") && !uris.contains("b/c.js"), uris::toString);
        MainTest.Run text = run("scan", "-q", dir.toString());
        assertTrue(text.out().contains("b\\c.js"), text::out);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void linksAndFifosInTheTreeAreListedInTheSummaryAndSarif(@TempDir Path outside) throws Exception {
        write(dir, "a.js", CLEARTEXT);
        write(outside, "x.js", CLEARTEXT);
        Files.createSymbolicLink(dir.resolve("out.js"), outside.resolve("x.js"));
        Files.createSymbolicLink(dir.resolve("same.js"), dir.resolve("a.js"));
        mkfifo(dir.resolve("pipe.js"));
        MainTest.Run r = run("scan", "-f", "sarif", "--fail-on", "none", dir.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("1 file analysed"), r::err);
        assertTrue(r.err().contains("3 skipped (2 symlink, 1 not-a-regular-file)"), r::err);
        assertTrue(r.err().contains("  out.js: symlink: symbolic link leaving the scan root"), r::err);
        JsonNode sarif = new ObjectMapper().readTree(r.out());
        List<String> notes = new ArrayList<>();
        sarif.at("/runs/0/invocations/0/toolExecutionNotifications").forEach(n -> notes.add(
                n.at("/locations/0/physicalLocation/artifactLocation/uri").asText() + " " + n.at("/message/text").asText()));
        assertEquals(3, notes.size(), notes::toString);
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("pipe.js ")), notes::toString);
        assertEquals(1, sarif.at("/runs/0/results").size(), "the link to a.js is not analysed a second time");
    }

    /** A thousand rule ids in one wsscan-ignore comment: parsed, and the file keeps its findings. */
    @Test
    void aHugeSuppressionCommentDoesNotLoseTheFile() throws IOException {
        StringBuilder ids = new StringBuilder("js/ws-cleartext");
        for (int i = 0; i < 1000; i++) ids.append(",js/r").append(i);
        write(dir, "a.js", "// wsscan-ignore " + ids + ": lab\n" + CLEARTEXT + "\n" + CLEARTEXT);
        MainTest.Run r = run("scan", "-f", "json", "--fail-on", "warning", dir.toString());
        assertEquals(1, r.code(), r::toString);
        JsonNode j = new ObjectMapper().readTree(r.out());
        // the file is analysed; the thousand ids no rule has are one note about the comment
        assertEquals(1, j.path("notAnalysed").size(), r::out);
        assertEquals("suppression", j.path("notAnalysed").path(0).path("kind").asText(), r::out);
        assertTrue(j.path("notAnalysed").path(0).path("message").asText().contains("'js/r0' and 999 more, which no rule has"), r::out);
        assertTrue(r.err().contains("1 suppressed"), r::err);
    }

    /** Names the JVM cannot decode: listed, each once, and the SARIF URI holds the name's real bytes. */
    @Test
    void undecodableNamesAreListedWithTheirBytesInSarif() throws Exception {
        write(dir, "ok.js", CLEARTEXT);
        Process p = new ProcessBuilder("sh", "-c", "echo x > \"$(printf 'a\\377.js')\" && echo x > \"$(printf 'a\\376.js')\"")
                .directory(dir.toFile()).start();
        assertEquals(0, p.waitFor());
        MainTest.Run r = run("scan", "-f", "sarif", "--fail-on", "none", dir.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("2 skipped (2 unreadable-name)"), r::err);
        List<String> uris = new ArrayList<>();
        new ObjectMapper().readTree(r.out()).at("/runs/0/invocations/0/toolExecutionNotifications").forEach(
                n -> uris.add(n.at("/locations/0/physicalLocation/artifactLocation/uri").asText()));
        assertEquals(List.of("a%FE.js", "a%FF.js"), uris);
    }
}

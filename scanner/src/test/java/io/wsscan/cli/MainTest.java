package io.wsscan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Region;
import io.wsscan.report.Baseline;
import io.wsscan.report.LineHashes;
import io.wsscan.report.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("CI", "true"));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Exit 2 with one {@code wsscan: error: } line (plus at most a hint line) and no stack trace. */
    static void assertUsageError(Run r, String expected) {
        assertEquals(2, r.code(), r::toString);
        List<String> lines = r.errLines();
        assertTrue(lines.size() >= 1 && lines.size() <= 2, r::err);
        assertTrue(lines.get(0).startsWith("wsscan: error: "), r::err);
        assertTrue(lines.get(0).contains(expected), () -> "expected '" + expected + "' in " + r.err());
        if (lines.size() == 2) assertTrue(lines.get(1).startsWith("see '"), r::err);
        assertFalse(r.err().contains("\tat "), r::err);
        assertFalse(r.err().contains("Usage:"), r::err);
    }

    private Path js(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void missingPath() {
        assertUsageError(run("scan", dir.resolve("does-not-exist").toString()), "no such file or directory");
    }

    @Test
    void classpathEntriesMustExist() throws IOException {
        js("app.js", "new WebSocket('wss://x.example/s');\n");
        assertUsageError(run("scan", "--classpath", dir.resolve("missing.jar").toString(), dir.toString()), "--classpath entry not found");
        Path txt = js("notes.txt", "x");
        assertUsageError(run("scan", "--classpath", txt.toString(), dir.toString()), "neither a jar nor a folder");
    }

    /** A Java-WebSocket server whose base class is in a class folder: found only with --classpath. */
    @Test
    void classpathResolvesLibraryBaseClasses() throws IOException {
        Path src = js("lib-src/com/acme/BaseServer.java",
                "package com.acme; public abstract class BaseServer extends org.java_websocket.server.WebSocketServer {}");
        Path fw = js("lib-src/org/java_websocket/server/WebSocketServer.java",
                "package org.java_websocket.server; public abstract class WebSocketServer {}");
        Path classes = dir.resolve("classes");
        int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, System.err, "-d", classes.toString(),
                "--release", "17", "-proc:none", src.toString(), fw.toString());
        assertEquals(0, rc);
        Path app = js("app/src/main/java/com/example/Game.java",
                "package com.example;\nimport com.acme.*;\npublic class Game extends BaseServer {\n"
                        + "  public void onMessage(Object conn, String move) { }\n}\n");
        Path module = app.getParent().getParent().getParent().getParent().getParent().getParent();
        Run without = run("scan", "-q", "-f", "json", module.toString());
        assertEquals(0, without.code(), without::toString);
        assertFalse(without.out().contains("java/ws-missing-origin-check"), without.out());
        String cp = java.io.File.pathSeparator + classes + java.io.File.pathSeparator; // empty parts are ignored
        // no authentication in sight and it receives moves: a warning (the origin threat model), which
        // --fail-on warning fails on
        Run with = run("scan", "-q", "-f", "json", "--fail-on", "warning", "--classpath", cp, module.toString());
        assertTrue(with.out().contains("java/ws-missing-origin-check"), with.out());
        assertEquals(1, with.code(), with::toString);
    }

    @Test
    void unknownOption() {
        assertUsageError(run("scan", "--frobnicate", dir.toString()), "--frobnicate");
        assertUsageError(run("--frobnicate"), "--frobnicate");
    }

    @Test
    void unknownCommandAndMissingCommand() {
        assertUsageError(run("scna"), "scna");
        assertUsageError(run(), "missing command");
    }

    @Test
    void unknownRuleId() {
        assertUsageError(run("scan", "--rules", "js/ws-cleartext,js/no-such-rule", dir.toString()), "js/no-such-rule");
    }

    @Test
    void unknownFormat() {
        assertUsageError(run("scan", "-f", "xml", dir.toString()), "unknown format 'xml'");
        assertUsageError(run("rules", "-f", "yaml"), "unknown format 'yaml'");
    }

    @Test
    void unwritableOutput() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        assertUsageError(run("scan", "-f", "sarif", "-o", file.resolve("out.sarif").toString(), dir.toString()),
                "cannot write");
        assertUsageError(run("scan", "-o", dir.toString(), dir.toString()), "cannot write");
    }

    @Test
    void badOptionValues() {
        assertUsageError(run("scan", "--max-file-size", "lots", dir.toString()), "--max-file-size");
        assertUsageError(run("scan", "--time-budget", "soon", dir.toString()), "--time-budget");
        assertUsageError(run("scan", "--time-budget", "0s", dir.toString()), "must be more than 0");
        assertUsageError(run("scan", "--fail-on", "fatal", dir.toString()), "--fail-on");
        assertUsageError(run("scan", "--threads", "0", dir.toString()), "--threads");
        assertUsageError(run("scan", "--threads", "many", dir.toString()), "many");
        assertUsageError(run("scan", "-f", "sarif", "-f", "json", dir.toString()), "--output");
        assertUsageError(run("scan", "--baseline", dir.resolve("none.sarif").toString(), dir.toString()), "baseline");
    }

    @Test
    void brokenRuleset() throws IOException {
        Path rs = Files.writeString(dir.resolve("mine.yml"), "id: my/rule\nkind: nonsense\n");
        assertUsageError(run("scan", "--ruleset", rs.toString(), dir.toString()), "mine.yml");
        assertUsageError(run("scan", "--ruleset", dir.resolve("missing.yml").toString(), dir.toString()), "missing.yml");
    }

    @Test
    void version() {
        Run r = run("--version");
        assertEquals(0, r.code());
        assertEquals("wsscan " + Version.get(), r.out().strip());
    }

    @Test
    void rulesAsJson() throws IOException {
        Run r = run("rules", "-f", "json");
        assertEquals(0, r.code(), r::err);
        JsonNode arr = new ObjectMapper().readTree(r.out());
        assertTrue(arr.isArray() && arr.size() >= 1);
        boolean found = false;
        for (JsonNode n : arr) {
            if (n.path("id").asText().equals("js/ws-message-xss")) {
                found = true;
                assertEquals("error", n.path("level").asText());
                assertEquals("CWE-79", n.path("cwe").path(0).asText());
                assertFalse(n.path("securitySeverity").asText().isEmpty());
            }
        }
        assertTrue(found, r.out());
    }

    @Test
    void rulesAsTextAndMarkdown() {
        Run text = run("rules");
        assertEquals(0, text.code());
        assertTrue(text.out().startsWith("ID "), text.out());
        assertTrue(text.out().contains("js/ws-message-xss"));
        Run md = run("rules", "-f", "markdown");
        assertEquals(0, md.code());
        assertTrue(md.out().contains("| `js/ws-message-xss` |"), md.out());
    }

    @Test
    void explain() {
        Run r = run("explain", "js/ws-message-xss");
        assertEquals(0, r.code(), r::err);
        assertTrue(r.out().startsWith("# "), r.out());
        assertTrue(r.out().contains("innerHTML"), r.out());
        assertUsageError(run("explain", "js/nope"), "unknown rule id 'js/nope'");
        assertUsageError(run("explain"), "RULE_ID");
    }

    /**
     * A finding in test code is a note: it fails only {@code --fail-on note}, and the summary says so;
     * {@code --include-tests} restores its level. Suppressions and the baseline still apply to it.
     */
    @Test
    void findingsInTestCodeDoNotFailTheScan() throws IOException {
        String xss = "var ws = new WebSocket('wss://example.com/feed');\n"
                + "ws.onmessage = function (e) { document.body.innerHTML = e.data; };\n";
        js("project/src/test/js/feed.test.js", xss);
        String project = dir.resolve("project").toString();
        Run r = run("scan", "--fail-on", "error", project);
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("src/test/js/feed.test.js:2:31 [test]  note     js/ws-message-xss"), r.out());
        assertTrue(r.err().contains("\nwsscan: 1 finding (1 note)\n"), r.err());
        assertTrue(r.err().contains("\nwsscan: 1 finding in test code shown as notes; --include-tests to treat them as production\n"), r.err());
        assertEquals(0, run("scan", "-q", "--fail-on", "warning", project).code());
        assertEquals(1, run("scan", "-q", "--fail-on", "note", project).code());

        Run all = run("scan", "--include-tests", "--fail-on", "error", project);
        assertEquals(1, all.code(), all::toString);
        assertTrue(all.out().contains("src/test/js/feed.test.js:2:31  error    js/ws-message-xss"), all.out());
        assertFalse(all.err().contains("shown as notes"), all.err());

        Run compliance = run("report", "--compliance", project);
        assertTrue(compliance.out().contains("\n      src/test/js/feed.test.js:2 [test]  js/ws-message-xss\n"), compliance.out());
        Run complianceAll = run("report", "--compliance", "--include-tests", project);
        assertTrue(complianceAll.out().contains("\n      src/test/js/feed.test.js:2  js/ws-message-xss\n"), complianceAll.out());

        // the baseline matches a test finding by rule, file and code, whatever its level
        Path base = dir.resolve("base.sarif");
        assertEquals(0, run("scan", "-q", "-f", "sarif", "-o", base.toString(), project).code());
        Run again = run("scan", "--include-tests", "--baseline", base.toString(), project);
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.err().contains("1 in the baseline (dropped)"), again.err());

        js("project/src/test/js/feed.test.js", xss.replace("ws.onmessage", "// wsscan-ignore js/ws-message-xss: fixture\nws.onmessage"));
        Run ignored = run("scan", "--include-tests", "--fail-on", "note", project);
        assertEquals(0, ignored.code(), ignored::toString);
        js("project/src/test/js/typo.test.js", "// wsscan-ignore js/ws-mesage-xss: a typo\nvar a = 1; // wsscan-ignore js/ws-cleartext\n");
        Run typo = run("scan", "--include-tests", "--report-unused-suppressions", project);
        assertTrue(typo.err().contains("src/test/js/typo.test.js:1: suppression: wsscan-ignore names 'js/ws-mesage-xss' (did you mean 'js/ws-message-xss'?), which no rule has"),
                typo.err());
        assertTrue(typo.err().contains("src/test/js/typo.test.js:2: suppression: wsscan-ignore js/ws-cleartext: suppressed no finding"), typo.err());
        Files.delete(dir.resolve("project/src/test/js/typo.test.js"));
        assertFalse(ignored.err().contains("shown as notes"), ignored.err());

        Run inv = run("inventory", project);
        assertTrue(inv.out().contains("  src/test/js/feed.test.js:1 [test]  WebSocket  wss://example.com/feed\n"), inv.out());
        Run invAll = run("inventory", "--include-tests", project);
        assertTrue(invAll.out().contains("  src/test/js/feed.test.js:1  WebSocket  wss://example.com/feed\n"), invAll.out());
    }

    @Test
    void scanWritesReportsAndSummary() throws IOException {
        js("web/app.js", "var ws = new WebSocket('wss://example.com/feed');\n");
        Run r = run("scan", "--fail-on", "none", dir.resolve("web").toString());
        assertEquals(0, r.code(), r::err);
        assertTrue(r.err().startsWith("wsscan: 1 file analysed"), r.err());
        assertFalse(r.err().contains("wsscan: read by"), "Rhino read the only file: " + r.err());
        js("web/mod.mjs", "export class Feed { #s = new WebSocket('wss://example.com/feed'); }\n");
        js("web/types.d.ts", "export declare const x: number;\n");
        js("web/view.ts", "const n: number = 1;\n");
        js("web/other.d.ts", "export declare const y: string;\n");
        js("web/util.mjs", "export const a = 1;\n");
        Run mixed = run("scan", "--fail-on", "none", dir.resolve("web").toString());
        assertTrue(mixed.err().contains("\nwsscan: read by tree-sitter 2, types-only 2, closure 1 (the others by Rhino; the SARIF run lists each file)\n"),
                mixed.err());

        Path base = dir.resolve("out/report");
        Run multi = run("scan", "-q", "-f", "sarif,json", "-o", base + ".sarif", dir.resolve("web").toString());
        assertEquals(0, multi.code(), multi::err);
        assertEquals("", multi.err());
        JsonNode sarif = new ObjectMapper().readTree(dir.resolve("out/report.sarif").toFile());
        assertEquals("2.1.0", sarif.path("version").asText());
        assertTrue(Files.isRegularFile(dir.resolve("out/report.json")));

        Path exact = dir.resolve("deeper/dir/exact.out");
        Run one = run("scan", "-q", "-f", "sarif", "-o", exact.toString(), "--category", "mine/", dir.resolve("web").toString());
        assertEquals(0, one.code(), one::err);
        JsonNode s2 = new ObjectMapper().readTree(exact.toFile());
        assertTrue(s2.path("runs").path(0).path("automationDetails").path("id").asText().startsWith("mine/"));

        // -o alone: the extension chooses the report; a contradicting -f is a one-line usage error
        Path named = dir.resolve("out/named.sarif");
        assertEquals(0, run("scan", "-q", "-o", named.toString(), dir.resolve("web").toString()).code());
        assertEquals("2.1.0", new ObjectMapper().readTree(named.toFile()).path("version").asText());
        Path page = dir.resolve("out/named.htm");
        assertEquals(0, run("scan", "-q", "-o", page.toString(), dir.resolve("web").toString()).code());
        assertTrue(Files.readString(page).startsWith("<!DOCTYPE html>"), "an HTML report");
        Path plain = dir.resolve("out/named");
        assertEquals(0, run("scan", "-q", "-o", plain.toString(), dir.resolve("web").toString()).code());
        String text = Files.readString(plain);
        assertFalse(text.startsWith("{") || text.startsWith("<"), "a text report: " + text);
        Path wrong = dir.resolve("out/wrong.sarif");
        assertUsageError(run("scan", "-f", "text", "-o", wrong.toString(), dir.resolve("web").toString()),
                "--output wrong.sarif is named like a sarif report, but --format is text");
        assertFalse(Files.exists(wrong), "nothing written on a usage error");
    }

    @Test
    void summaryListsSkippedFiles() throws IOException {
        js("big.js", "x".repeat(3000));
        js("ok.js", "var a = 1;\n");
        Run r = run("scan", "--max-file-size", "1KB", "--threads", "1", "--no-progress", "-f", "json",
                dir.toString());
        assertEquals(0, r.code(), r::err);
        assertTrue(r.err().contains("1 skipped (1 too-large)"), r.err());
        assertTrue(r.err().contains("  big.js: too-large: "), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertTrue(json.isObject());
    }

    /**
     * A TSX file of which tree-sitter skips a line is analysed (its finding after the broken line is
     * reported) but counted as only partly read in every summary; a clean TypeScript file is not.
     */
    @Test
    void partlyReadFilesAreCountedInEverySummary() throws IOException {
        js("web/view.tsx", "const ws = new WebSocket('wss://example.com/feed');\n"
                + "const broken = 1 +* @@ ;\n"
                + "ws.onmessage = (e: MessageEvent) => { document.body.innerHTML = e.data; };\n");
        js("web/clean.ts", "const n: number = 1;\n");
        Path base = dir.resolve("out/report");
        Run r = run("scan", "--fail-on", "none", "--no-progress", "-f", "text,json,sarif", "-o", base.toString(),
                dir.resolve("web").toString());
        assertEquals(0, r.code(), r::err);
        assertTrue(r.err().startsWith("wsscan: 2 files analysed ("), r.err());
        assertTrue(r.err().contains(", 1 only partly read: lines skipped by parse recovery, see the info notes"), r.err());
        assertTrue(r.err().contains("  view.tsx:2: info: tree-sitter: syntax error: lines 2-2 were skipped"), r.err());

        String text = Files.readString(dir.resolve("out/report.txt"));
        assertTrue(text.contains("view.tsx:3:"), "the line after the broken one is analysed: " + text);
        assertTrue(text.contains("; 2 files analysed (1 only partly read: lines skipped by parse recovery, see the info notes), 0 not analysed"),
                text);

        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        assertEquals(2, json.at("/summary/analysed").asInt());
        assertEquals(1, json.at("/summary/partlyRead").asInt());
        assertEquals(List.of("view.tsx"), new ObjectMapper().convertValue(json.path("partlyRead"), List.class));

        JsonNode invocation = new ObjectMapper().readTree(dir.resolve("out/report.sarif").toFile()).at("/runs/0/invocations/0");
        assertEquals("view.tsx", invocation.at("/properties/partlyRead/0").asText());
        assertEquals(1, invocation.at("/properties/partlyRead").size());
        JsonNode summary = null;
        for (JsonNode n : invocation.path("toolExecutionNotifications")) {
            if (n.at("/descriptor/id").asText().equals("partly-read")) summary = n;
        }
        assertTrue(summary != null, invocation::toString);
        assertEquals("warning", summary.path("level").asText());
        assertTrue(summary.at("/message/text").asText().startsWith("1 analysed file was only partly read"), summary::toString);

        Files.delete(dir.resolve("web/view.tsx"));
        Run whole = run("scan", "--fail-on", "none", "--no-progress", "-f", "json", dir.resolve("web").toString());
        assertFalse(whole.err().contains("partly read"), whole.err());
        JsonNode clean = new ObjectMapper().readTree(whole.out());
        assertEquals(0, clean.at("/summary/partlyRead").asInt());
        assertEquals(0, clean.path("partlyRead").size());
    }

    /** Installed dependencies are left out and the project's own node_modules scanned; every summary says which and why. */
    @Test
    void nodeModulesDecisionsAreReported() throws IOException {
        js("app/package.json", "{\"name\": \"app\"}");
        js("app/yarn.lock", "# yarn lockfile v1\n");
        js("app/node_modules/ws/lib/client.js", "new WebSocket('ws://dependency.example.org/x');\n");
        js("app/packages/node_modules/@app/ui/package.json", "{\"name\": \"@app/ui\"}");
        js("app/packages/node_modules/@app/ui/comms.js", "var ws = new WebSocket('wss://app.example.org/feed');\n");
        Run r = run("scan", "--fail-on", "none", "--no-progress", "-f", "json", dir.resolve("app").toString());
        assertEquals(0, r.code(), r::err);
        assertTrue(r.err().startsWith("wsscan: 1 file analysed ("), r.err());
        assertFalse(r.err().contains("skipped"), "a folder of dependencies is not a skipped file: " + r.err());
        assertTrue(r.err().contains("  node_modules: dependencies: installed dependencies, not scanned: the lockfile yarn.lock lies beside it"),
                r.err());
        assertTrue(r.err().contains("  packages/node_modules: info: scanned as the project's own packages"), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(List.of("packages/node_modules/@app/ui/comms.js"),
                new ObjectMapper().convertValue(json.path("analysedFiles"), List.class));
        assertEquals(0, json.at("/summary/skipped").asInt());
        assertEquals("dependencies", json.at("/notAnalysed/0/kind").asText());
        assertEquals("node_modules", json.at("/notAnalysed/0/file").asText());

        Run sarif = run("scan", "--fail-on", "none", "-q", "-f", "sarif", dir.resolve("app").toString());
        JsonNode note = new ObjectMapper().readTree(sarif.out()).at("/runs/0/invocations/0/toolExecutionNotifications/0");
        assertEquals("dependencies", note.at("/descriptor/id").asText());
        assertEquals("note", note.path("level").asText(), "left out on purpose, not a failure to analyse");
        assertTrue(note.at("/message/text").asText().startsWith("installed dependencies, not scanned"), note::toString);
    }

    @Test
    void timeBudgetIsParsed() throws IOException {
        assertEquals(java.time.Duration.ofSeconds(90), ScanCommand.parseDuration("90"));
        assertEquals(java.time.Duration.ofMinutes(2), ScanCommand.parseDuration("2m"));
        assertEquals(java.time.Duration.ofMillis(1), ScanCommand.parseDuration("1ms"));
        assertEquals(java.time.Duration.ofSeconds(45), ScanCommand.parseDuration("45S"));
        // a generous budget changes nothing for a small file (wall time cannot be forced over a short one
        // deterministically, so the timeout path is left to ScannerTest's builder-level budget)
        js("a.js", "var ws = new WebSocket('ws://x.example.com');\nws.onmessage = function (e) { document.body.innerHTML = e.data; };\n");
        Run r = run("scan", "--time-budget", "2m", "--threads", "1", "--no-progress", "--fail-on", "none", "-f", "json", dir.toString());
        assertEquals(0, r.code(), r::err);
        assertTrue(r.out().contains("js/ws-message-xss"), r.out());
        assertFalse(r.err().contains("time-budget"), r.err());
    }

    @Test
    void exitCodeFollowsFailOn() {
        Finding warning = new Finding("js/ws-cleartext", Finding.Level.WARNING, "a.js", new Region(1, 1, 1, 2), "m",
                List.of(), null);
        Finding error = warning.withLevel(Finding.Level.ERROR);
        Finding suppressedError = error.withSuppression(new Finding.Suppression("ok", 1));
        assertEquals(1, ScanCommand.exitCode(List.of(error), ScanCommand.failOnLevel("error")));
        assertEquals(0, ScanCommand.exitCode(List.of(warning), ScanCommand.failOnLevel("error")));
        assertEquals(1, ScanCommand.exitCode(List.of(warning), ScanCommand.failOnLevel("warning")));
        assertEquals(1, ScanCommand.exitCode(List.of(warning), ScanCommand.failOnLevel("NOTE")));
        assertEquals(0, ScanCommand.exitCode(List.of(suppressedError), ScanCommand.failOnLevel("note")));
        assertEquals(0, ScanCommand.exitCode(List.of(error, warning), ScanCommand.failOnLevel("none")));
        assertEquals(0, ScanCommand.exitCode(List.of(), ScanCommand.failOnLevel("note")));
    }

    @Test
    void parseSize() {
        assertEquals(20L * 1024 * 1024, ScanCommand.parseSize("20MB"));
        assertEquals(512L * 1024, ScanCommand.parseSize("512kb"));
        assertEquals(1536L, ScanCommand.parseSize("1.5K"));
        assertEquals(1000L, ScanCommand.parseSize("1000"));
        assertEquals(2L * 1024 * 1024 * 1024, ScanCommand.parseSize("2 GiB"));
        assertThrows(UsageException.class, () -> ScanCommand.parseSize("0"));
        assertThrows(UsageException.class, () -> ScanCommand.parseSize("20 TB"));
        assertThrows(UsageException.class, () -> ScanCommand.parseSize("-1MB"));
    }

    @Test
    void outputTargets() {
        Map<io.wsscan.report.Formats, Path> t = ScanCommand.targets(
                List.of(io.wsscan.report.Formats.SARIF, io.wsscan.report.Formats.TEXT), Path.of("o/wsscan.sarif"));
        assertEquals(Path.of("o/wsscan.sarif"), t.get(io.wsscan.report.Formats.SARIF));
        assertEquals(Path.of("o/wsscan.txt"), t.get(io.wsscan.report.Formats.TEXT));
        Map<io.wsscan.report.Formats, Path> one = ScanCommand.targets(
                List.of(io.wsscan.report.Formats.JSON), Path.of("exact.name"));
        assertEquals(Path.of("exact.name"), one.get(io.wsscan.report.Formats.JSON));
    }

    @Test
    void baselineDropsKnownResults() throws IOException {
        Path a = js("a.js", "one();\ntwo();\nthree();\n");
        List<String> hashes = LineHashes.compute(a);
        ObjectMapper m = new ObjectMapper();
        ObjectNode log = m.createObjectNode().put("version", "2.1.0");
        ArrayNode results = log.putArray("runs").addObject().putArray("results");
        results.addObject().put("ruleId", "js/ws-cleartext").putObject("partialFingerprints")
                .put("primaryLocationLineHash", hashes.get(1));
        results.addObject().put("ruleId", "js/other").putObject("partialFingerprints")
                .put("primaryLocationLineHash", hashes.get(2));
        Path sarif = dir.resolve("base.sarif");
        m.writeValue(sarif.toFile(), log);

        Baseline b = Baseline.read(sarif);
        assertEquals(2, b.size());
        Finding l2 = new Finding("js/ws-cleartext", Finding.Level.WARNING, "a.js", new Region(2, 1, 2, 3), "m", List.of(), null);
        Finding l3 = new Finding("js/ws-cleartext", Finding.Level.WARNING, "a.js", new Region(3, 1, 3, 3), "m", List.of(), null);
        Finding other = new Finding("js/other", Finding.Level.WARNING, "a.js", new Region(2, 1, 2, 3), "m", List.of(), null);
        assertEquals(List.of(l3, other), b.filter(dir, List.of(l2, l3, other)));

        Files.writeString(dir.resolve("junk.sarif"), "{ not json");
        assertUsageError(run("scan", "--baseline", dir.resolve("junk.sarif").toString(), dir.toString()), "not valid JSON");
        Files.writeString(dir.resolve("empty.sarif"), "{}");
        assertUsageError(run("scan", "--baseline", dir.resolve("empty.sarif").toString(), dir.toString()), "not a SARIF log");
        Run ok = run("scan", "-q", "--baseline", sarif.toString(), dir.toString());
        assertEquals(0, ok.code(), ok::err);
    }

    @Test
    void internalErrorsAreOneLineUnlessDebugging() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(err, true, StandardCharsets.UTF_8);
        Main quiet = new Main(ps, ps, Map.of());
        assertEquals(3, quiet.handle(new IllegalStateException("broken\nmore")));
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("wsscan: internal error: broken (java.lang.IllegalStateException)"));

        err.reset();
        Main debug = new Main(ps, ps, Map.of("WSSCAN_DEBUG", "1"));
        assertEquals(3, debug.handle(new IllegalStateException("broken")));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("\tat "));
    }

    @Test
    void scanHelpMentionsEveryOption() {
        Run r = run("scan", "--help");
        assertEquals(0, r.code());
        for (String opt : List.of("--format", "--output", "--fail-on", "--ruleset", "--rules", "--exclude",
                "--include", "--config", "--inventory", "--baseline", "--baseline-ref", "--threads", "--max-file-size", "--category",
                "--no-progress", "--quiet", "--include-tests")) {
            assertTrue(r.out().contains(opt), opt);
        }
    }
}

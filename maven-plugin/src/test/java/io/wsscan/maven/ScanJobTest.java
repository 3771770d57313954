package io.wsscan.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsscan.engine.ScanOptions;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Finding.Level;
import io.wsscan.findings.Region;
import io.wsscan.report.Formats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanJobTest {

    static final String APP_JS = """
            const ws = new WebSocket('ws://chat.example-corp.net/socket');
            ws.onmessage = e => {
              document.getElementById('log').innerHTML = e.data;
            };
            """;

    @TempDir
    Path dir;

    private Path write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private ScanJob job() {
        ScanJob j = new ScanJob();
        j.root = dir;
        j.outputDirectory = dir.resolve("target/wsscan");
        j.threads = 1;
        return j;
    }

    @Test
    void failOnLevels() {
        assertEquals(Level.ERROR, ScanJob.failOn("error"));
        assertEquals(Level.WARNING, ScanJob.failOn(" Warning "));
        assertEquals(Level.NOTE, ScanJob.failOn("note"));
        assertNull(ScanJob.failOn("none"));
        ScanJob.ConfigurationException e = assertThrows(ScanJob.ConfigurationException.class, () -> ScanJob.failOn("banana"));
        assertEquals("failOn must be error, warning, note or none, not 'banana'", e.getMessage());
        assertThrows(ScanJob.ConfigurationException.class, () -> ScanJob.failOn(null));
    }

    @Test
    void formatsAlwaysStartWithSarifAndText() {
        assertEquals(List.of(Formats.SARIF, Formats.TEXT), List.copyOf(ScanJob.formats(null)));
        assertEquals(List.of(Formats.SARIF, Formats.TEXT, Formats.JSON, Formats.HTML),
                List.copyOf(ScanJob.formats(List.of("json,text", "sarif", " JSON ", "html"))));
        ScanJob.ConfigurationException e = assertThrows(ScanJob.ConfigurationException.class,
                () -> ScanJob.formats(List.of("sarif,pdf")));
        assertEquals("unknown report format 'pdf' in formats (choose sarif, json, text, html)", e.getMessage());
    }

    @Test
    void projectPolicyApplies() throws IOException {
        write("src/main/resources/static/app.js", APP_JS + "const t = new WebSocket('wss://stats.tracker-example.io/x');\n");
        write(".wsscan.yml", "allowedHosts: [\"*.example-corp.net\"]\nrules:\n  js/ws-message-xss: off\n");
        ScanJob j = job();
        j.sourceRoots = List.of(dir.resolve("src/main/resources"));
        j.formats = ScanJob.formats(List.of("html"));
        ScanJob.Outcome o = j.run();
        List<String> rules = o.result().findings().stream().map(f -> f.ruleId()).toList();
        assertTrue(rules.contains("js/ws-untrusted-host"), rules.toString());
        assertFalse(rules.contains("js/ws-message-xss"), rules.toString());
        assertTrue(Files.readString(dir.resolve("target/wsscan/wsscan.html")).contains("stats.tracker-example.io"));

        write(".wsscan.yml", "allowedHosts: [\"*.example-corp.net\"]\nrulez: {}\n");
        ScanJob.ConfigurationException e = assertThrows(ScanJob.ConfigurationException.class, () -> job().options());
        assertTrue(e.getMessage().endsWith(".wsscan.yml:2: rulez: unknown key (known: allowedHosts, exclude, firstPartyHosts, ignore, rules, version)"),
                e.getMessage());
    }

    /** The dependencies parameter: the module's runtime npm packages and the webjars of its runtime classpath. */
    @Test
    void dependenciesOfTheModuleAreInventoried() throws IOException {
        write("src/main/resources/static/app.js", "new WebSocket('wss://live.example-corp.net/feed');\n");
        write("src/main/frontend/package.json", "{\"dependencies\": {\"push-lib\": \"^2\"}}");
        write("src/main/frontend/node_modules/push-lib/package.json", "{\"name\": \"push-lib\", \"version\": \"2.0.1\"}");
        write("src/main/frontend/node_modules/push-lib/push.js", "new WebSocket('wss://push.vendor-example.net/p');\n");
        write("src/main/frontend/node_modules/.package-lock.json", "{}");
        Path jar = dir.resolve("repo/chat-ui-1.4.0.jar");
        Files.createDirectories(jar.getParent());
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("META-INF/resources/webjars/chat-ui/1.4.0/chat.js"));
            zip.write("new SockJS('https://chat.example-corp.net/sock');\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        write(".wsscan.yml", "allowedHosts: [\"*.example-corp.net\"]\n");
        ScanJob j = job();
        j.sourceRoots = List.of(dir.resolve("src/main/resources"));
        j.formats = ScanJob.formats(List.of("html"));
        j.dependencies = io.wsscan.deps.DependencyOptions.of(List.of(jar));
        ScanJob.Outcome o = j.run();
        List<String> clients = o.result().endpoints().stream()
                .map(e -> e.file() + " " + (e.pkg() == null ? "-" : e.pkg().label())).toList();
        assertEquals(List.of("chat-ui-1.4.0.jar!/META-INF/resources/webjars/chat-ui/1.4.0/chat.js chat-ui@1.4.0",
                "src/main/frontend/node_modules/push-lib/push.js push-lib@2.0.1",
                "src/main/resources/static/app.js -"), clients);
        List<Finding> untrusted = o.result().findings().stream().filter(f -> f.ruleId().equals("js/ws-untrusted-host")).toList();
        assertEquals(1, untrusted.size(), untrusted::toString);
        assertTrue(untrusted.get(0).message().startsWith("In dependency push-lib@2.0.1 (npm): "), untrusted.get(0).message());
        assertTrue(Files.readString(dir.resolve("target/wsscan/wsscan.html")).contains("push-lib 2.0.1 (npm)"));
        List<String> log = ScanJob.summary(o, dir, 50);
        assertTrue(log.get(1).startsWith("wsscan: dependencies: 1 runtime npm package and 1 webjar read at inventory depth: 2 scripts"),
                log::toString);

        ScanJob without = job();
        without.sourceRoots = List.of(dir.resolve("src/main/resources"));
        assertEquals(1, without.run().result().endpoints().size(), "off by default");
    }

    /** With a cache the second run reuses the first's results and writes the same reports; the summary says so. */
    @Test
    void cachedRunsWriteTheSameReports() throws IOException {
        write("src/main/resources/static/app.js", APP_JS);
        write("src/main/java/demo/Chat.java", "package demo;\n@javax.websocket.server.ServerEndpoint(\"/chat\")\npublic class Chat {}\n");
        ScanJob plain = job();
        plain.sourceRoots = List.of(dir.resolve("src/main"));
        String expected = Files.readString(plain.run().sarif());
        assertFalse(Files.exists(dir.resolve("target/wsscan-cache")));
        for (int run = 0; run < 2; run++) {
            ScanJob j = job();
            j.sourceRoots = List.of(dir.resolve("src/main"));
            j.cache = dir.resolve("target/wsscan-cache");
            ScanJob.Outcome o = j.run();
            assertEquals(expected, Files.readString(o.sarif()));
            assertEquals(run == 0 ? 0 : 2, o.result().stats().unitsCached());
            assertTrue(ScanJob.summary(o, dir, 10).get(0).endsWith(", " + (run == 0 ? 0 : 2) + " of 2 units from the cache"),
                    ScanJob.summary(o, dir, 10)::toString);
        }
    }

    /** A module's SARIF is relative to the build's top (sourceRoot), whose .wsscan.yml applies; suppressed results stay out unless asked. */
    @Test
    void pathsFromTheSourceRootAndSuppressedResultsLeftOut() throws IOException {
        write(".wsscan.yml", "ignore:\n  - path: \"web/src/main/resources/static/legacy.js\"\n    rules: [\"*\"]\n    reason: retired page\n");
        write("web/src/main/resources/static/app.js", APP_JS);
        write("web/src/main/resources/static/legacy.js", APP_JS);
        ScanJob j = job();
        j.root = dir.resolve("web");
        j.outputDirectory = dir.resolve("web/target/wsscan");
        j.sourceRoot = dir;
        j.sourceRoots = List.of(dir.resolve("web/src/main/resources"));
        ScanJob.Outcome o = j.run();
        assertTrue(o.result().findings().stream().anyMatch(f -> f.suppressed()), "the root policy's ignore entry applied");
        String sarif = Files.readString(dir.resolve("web/target/wsscan/wsscan.sarif"));
        assertTrue(sarif.contains("\"uri\": \"web/src/main/resources/static/app.js\""), sarif);
        assertFalse(sarif.contains("legacy.js\""), "suppressed results are left out of SARIF by default");

        ScanJob keep = job();
        keep.root = dir.resolve("web");
        keep.outputDirectory = dir.resolve("web/target/wsscan");
        keep.sourceRoot = dir;
        keep.sourceRoots = List.of(dir.resolve("web/src/main/resources"));
        keep.includeSuppressed = true;
        keep.run();
        sarif = Files.readString(dir.resolve("web/target/wsscan/wsscan.sarif"));
        assertTrue(sarif.contains("\"uri\": \"web/src/main/resources/static/legacy.js\"") && sarif.contains("\"suppressions\""), sarif);
    }

    @Test
    void listValuesSplitOnCommasOutsideBraces() {
        assertEquals(List.of("a", "b", "src/{app,admin}/**", "c"),
                ScanJob.split(List.of(" a, b ,", "src/{app,admin}/**,c", " ")));
        assertEquals(List.of("x{,"), ScanJob.split(List.of("x{,")));
        assertEquals(List.of(), ScanJob.split(null));
    }

    @Test
    void defaultSourceRootsAreTheExistingOnesInOrder() throws IOException {
        for (String d : List.of("src/main/java", "src/main/resources", "src/main/webapp", "frontend",
                "target/generated-sources/annotations")) {
            Files.createDirectories(dir.resolve(d));
        }
        List<Path> roots = ScanJob.defaultSourceRoots(dir,
                List.of(dir.resolve("src/main/java").toString(), dir.resolve("target/generated-sources/annotations").toString(),
                        "src/main/kotlin"),
                List.of(dir.resolve("src/main/resources").toString()), dir.resolve("target"));
        assertEquals(List.of(dir.resolve("src/main/java"), dir.resolve("src/main/resources"),
                dir.resolve("src/main/webapp"), dir.resolve("frontend")), roots);
    }

    /** Test code under a scanned root is reported as notes that pass failOn=error, unless includeTests. */
    @Test
    void includeTestsKeepsTheLevelsOfTestCode() throws IOException {
        write("src/test/resources/static/app.test.js", APP_JS);
        ScanJob j = job();
        j.sourceRoots = List.of(dir.resolve("src/test/resources"));
        assertFalse(j.options().includeTests());
        ScanJob.Outcome o = j.run();
        assertEquals("0 errors, 0 warnings, 2 notes", ScanJob.counts(o.result().findings()));
        assertTrue(Verdict.of(o, dir, 10).failing(Level.ERROR).isEmpty());
        assertTrue(ScanJob.summary(o, dir, 10).contains(
                "wsscan: 2 findings in test code shown as notes; includeTests=true to treat them as production"));
        Finding xss = o.result().findings().stream().filter(f -> f.ruleId().equals("js/ws-message-xss")).findFirst().orElseThrow();
        assertTrue(ScanJob.describe(xss, o.result().classOf(xss.file()))
                .startsWith("src/test/resources/static/app.test.js:3:3 [test] note js/ws-message-xss "), ScanJob.describe(xss));

        j.includeTests = true;
        assertTrue(j.options().includeTests());
        ScanJob.Outcome all = j.run();
        assertEquals("1 error, 1 warning, 0 notes", ScanJob.counts(all.result().findings()));
        assertEquals(1, Verdict.of(all, dir, 10).failing(Level.ERROR).size());
        assertTrue(ScanJob.summary(all, dir, 10).stream().noneMatch(l -> l.contains("shown as notes")));
    }

    @Test
    void scansRelativeToTheModuleAndWritesEveryFormat() throws IOException {
        write("src/main/resources/static/app.js", APP_JS);
        write("src/main/webapp/js/vendor/lib.js", APP_JS);
        write("src/main/webapp/js/page.js", "console.log('no sockets here');\n");
        ScanJob j = job();
        j.sourceRoots = List.of(dir.resolve("src/main/resources"), dir.resolve("src/main/webapp"));
        j.excludes = List.of("vendor");
        j.formats = ScanJob.formats(List.of("json", "text"));
        j.category = "wsscan/web/";
        j.classpath = List.of(dir.resolve("lib.jar"));
        ScanOptions options = j.options();
        assertEquals(List.of(dir.resolve("lib.jar")), options.classpath());
        assertEquals(dir, options.root());
        assertEquals(List.of("vendor"), options.excludes());
        assertEquals(1, options.threads());
        ScanJob.Outcome o = j.run();

        assertEquals(Set.of(Formats.SARIF, Formats.JSON, Formats.TEXT), o.reports().keySet());
        for (Path p : o.reports().values()) assertTrue(Files.isRegularFile(p), p.toString());
        assertEquals(dir.resolve("target/wsscan/wsscan.sarif"), o.sarif());
        assertEquals(2, o.result().stats().filesAnalysed());

        JsonNode run = new ObjectMapper().readTree(o.sarif().toFile()).at("/runs/0");
        assertEquals("wsscan/web/", run.at("/automationDetails/id").asText());
        List<String> rules = new ArrayList<>();
        for (JsonNode r : run.path("results")) {
            rules.add(r.path("ruleId").asText());
            assertEquals("src/main/resources/static/app.js", r.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
            assertEquals("%SRCROOT%", r.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asText());
            assertFalse(r.at("/partialFingerprints/primaryLocationLineHash").asText().isEmpty());
        }
        assertTrue(rules.contains("js/ws-message-xss"), rules.toString());
        assertTrue(rules.contains("js/ws-cleartext"), rules.toString());

        Verdict v = Verdict.of(o, dir, 10);
        List<Verdict.Listed> failing = v.failing(Level.ERROR);
        assertTrue(failing.stream().allMatch(f -> f.level() == Level.ERROR) && !failing.isEmpty());
        assertTrue(v.failing(null).isEmpty());
        assertEquals("1 error", ScanJob.levelCounts(failing.stream().map(Verdict.Listed::level).toList(), false));
        assertEquals("1 error, 1 warning, 0 notes", ScanJob.counts(o.result().findings()));
        List<String> summary = ScanJob.summary(o, dir, 10);
        assertEquals("wsscan: 2 files analysed", summary.get(0));
        assertTrue(summary.get(1).startsWith("wsscan: findings: 1 error, 1 warning, 0 notes"), summary.get(1));
        assertTrue(summary.contains("wsscan: report target/wsscan/wsscan.sarif"), summary.toString());
        assertTrue(summary.contains("wsscan: report target/wsscan/wsscan.txt"), summary.toString());
        // the failure names the report a person reads first
        assertEquals("1 finding at or above failOn=error (1 error); see target/wsscan/wsscan.txt (SARIF: target/wsscan/wsscan.sarif)",
                v.failure(failing, Level.ERROR, dir));
        assertTrue(Files.readString(o.readable()).contains("js/ws-message-xss"));
        j.formats = ScanJob.formats(List.of("html"));
        ScanJob.Outcome html = j.run();
        assertEquals(dir.resolve("target/wsscan/wsscan.html"), html.readable());
        assertTrue(Verdict.of(html, dir, 10).failure(failing, Level.ERROR, dir.getParent())
                .endsWith("; see " + dir.getFileName() + "/target/wsscan/wsscan.html (SARIF: " + dir.getFileName() + "/target/wsscan/wsscan.sarif)"));
    }

    /**
     * The module's compile classpath reaches the Java analysis: a server whose base class comes from a
     * class folder (a sibling module's target/classes) is an endpoint only with the classpath.
     */
    @Test
    void theCompileClasspathReachesTheJavaAnalysis() throws IOException {
        Path libSrc = dir.resolve("lib-src");
        Files.createDirectories(libSrc.resolve("org/java_websocket/server"));
        Files.createDirectories(libSrc.resolve("com/example/base"));
        // a stand-in of Java-WebSocket's server class (no network in tests), and a library base class on it
        Files.writeString(libSrc.resolve("org/java_websocket/server/WebSocketServer.java"),
                "package org.java_websocket.server; public abstract class WebSocketServer {"
                        + " public abstract void onMessage(Object conn, String message); }");
        Files.writeString(libSrc.resolve("com/example/base/BaseServer.java"),
                "package com.example.base; public abstract class BaseServer extends org.java_websocket.server.WebSocketServer {}");
        Path classes = dir.resolve("lib/target/classes");
        Files.createDirectories(classes);
        int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, System.err, "-d", classes.toString(),
                "--release", "17", "-proc:none", libSrc.resolve("org/java_websocket/server/WebSocketServer.java").toString(),
                libSrc.resolve("com/example/base/BaseServer.java").toString());
        assertEquals(0, rc);
        write("src/main/java/com/example/app/GameServer.java", """
                package com.example.app;
                import com.example.base.*;
                public class GameServer extends BaseServer {
                    @Override public void onMessage(Object conn, String message) { }
                }
                """);
        ScanJob without = job();
        without.sourceRoots = List.of(dir.resolve("src/main/java"));
        assertEquals(List.of(), without.run().result().findings().stream().map(Finding::ruleId).toList());
        ScanJob with = job();
        with.sourceRoots = List.of(dir.resolve("src/main/java"));
        with.classpath = List.of(classes, dir.resolve("not-built/classes"));
        assertEquals(List.of("java/ws-missing-origin-check"), with.run().result().findings().stream().map(Finding::ruleId).toList());
    }

    @Test
    void includesBaselineAndRulesNarrowTheResults() throws IOException {
        write("src/main/resources/static/app.js", APP_JS);
        write("src/main/resources/static/admin.js", APP_JS);
        ScanJob first = job();
        first.sourceRoots = List.of(dir.resolve("src/main/resources"));
        first.includes = List.of("**/app.js");
        ScanJob.Outcome o = first.run();
        assertTrue(o.result().findings().stream().allMatch(f -> f.file().endsWith("app.js")));
        Path previous = dir.resolve("previous.sarif");
        Files.copy(o.sarif(), previous);

        ScanJob second = job();
        second.sourceRoots = List.of(dir.resolve("src/main/resources"));
        second.baseline = previous;
        second.rules = List.of("js/ws-message-xss");
        ScanJob.Outcome again = second.run();
        // app.js's result is in the baseline; admin.js has the same code but is another file: new
        assertEquals(List.of("src/main/resources/static/admin.js:3:3 error js/ws-message-xss"),
                again.result().findings().stream().map(f -> ScanJob.describe(f).replaceFirst(" Data.*", "")).toList());
        assertEquals(1, again.inBaseline());
        assertEquals(List.of("js/ws-message-xss"), List.copyOf(again.result().catalog().rules().keySet()));
    }

    @Test
    void configurationProblemsAreOneLine() throws IOException {
        write("src/main/resources/static/app.js", APP_JS);
        ScanJob unknownRule = job();
        unknownRule.sourceRoots = List.of(dir.resolve("src/main/resources"));
        unknownRule.rules = List.of("js/nope");
        assertEquals("unknown rule id 'js/nope' (see 'wsscan rules')",
                assertThrows(ScanJob.ConfigurationException.class, unknownRule::run).getMessage());

        ScanJob missingRuleset = job();
        missingRuleset.rulesets = List.of(dir.resolve("rules/mine.yml"));
        assertEquals("ruleset file not found: " + dir.resolve("rules/mine.yml"),
                assertThrows(ScanJob.ConfigurationException.class, missingRuleset::run).getMessage());

        ScanJob brokenRuleset = job();
        brokenRuleset.rulesets = List.of(write("rules/broken.yml", "just: [a list\n"));
        String msg = assertThrows(ScanJob.ConfigurationException.class, brokenRuleset::run).getMessage();
        assertTrue(msg.startsWith(dir.resolve("rules/broken.yml") + ":") && msg.contains("not valid YAML") && !msg.contains("\n"), msg);

        ScanJob badThreads = job();
        badThreads.threads = 0;
        assertEquals("threads must be at least 1, not 0",
                assertThrows(ScanJob.ConfigurationException.class, badThreads::run).getMessage());

        ScanJob missingBaseline = job();
        missingBaseline.baseline = dir.resolve("old.sarif");
        assertTrue(assertThrows(ScanJob.ConfigurationException.class, missingBaseline::run).getMessage()
                .startsWith("baseline file not found: "));

        ScanJob outsideRoot = job();
        outsideRoot.root = dir.resolve("src/main/resources/static");
        outsideRoot.sourceRoots = List.of(dir.resolve("src/main/resources"));
        assertTrue(assertThrows(ScanJob.ConfigurationException.class, outsideRoot::run).getMessage()
                .contains("is not inside the scan root"));
    }

    /** baselineRef: a git repository made with JGit; only what its HEAD does not have is reported. */
    @Test
    void baselineRefReportsOnlyWhatTheRevisionLacks() throws Exception {
        write("src/main/resources/static/app.js", APP_JS);
        org.eclipse.jgit.lib.PersonIdent who = new org.eclipse.jgit.lib.PersonIdent("Test", "test@example.org",
                java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        String head;
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern("src").call();
            head = git.commit().setMessage("app").setAuthor(who).setCommitter(who).setSign(false).call().getId().abbreviate(12).name();
        }
        write("src/main/resources/static/app.js", "// moved down by two lines\n\n" + APP_JS);
        write("src/main/resources/static/admin.js", APP_JS);
        ScanJob j = job();
        j.sourceRoots = List.of(dir.resolve("src/main/resources"));
        j.baselineRef = "main";
        ScanJob.Outcome o = j.run();
        assertEquals(List.of("src/main/resources/static/admin.js"), o.result().findings().stream().map(Finding::file).distinct().toList());
        assertEquals(2, o.inRef());
        assertEquals("wsscan: findings: 1 error, 1 warning, 0 notes; 2 already in main (" + head + "), dropped",
                ScanJob.summary(o, dir, 10).get(1));

        ScanJob missing = job();
        missing.sourceRoots = j.sourceRoots;
        missing.baselineRef = "release/9";
        assertEquals("baselineRef: no such ref 'release/9' in " + dir.toRealPath(),
                assertThrows(ScanJob.ConfigurationException.class, missing::run).getMessage());
        Path plain = Files.createDirectories(dir.resolve("target/plain"));
        org.eclipse.jgit.util.FileUtils.delete(dir.resolve(".git").toFile(), org.eclipse.jgit.util.FileUtils.RECURSIVE);
        ScanJob notGit = job();
        notGit.root = plain;
        notGit.baselineRef = "main";
        assertTrue(assertThrows(ScanJob.ConfigurationException.class, notGit::run).getMessage()
                .endsWith(" is not inside a git work tree"));
    }

    @Test
    void nothingToScanStillWritesAnEmptyReport() throws IOException {
        ScanJob j = job();
        ScanJob.Outcome o = j.run();
        assertTrue(Files.isRegularFile(o.sarif()));
        JsonNode run = new ObjectMapper().readTree(o.sarif().toFile()).at("/runs/0");
        assertEquals(0, run.path("results").size());
        assertFalse(run.at("/tool/driver/rules").isEmpty());
        assertEquals("wsscan: findings: 0 errors, 0 warnings, 0 notes", ScanJob.summary(o, dir, 10).get(1));
    }

    @Test
    void describeAndDisplay() {
        Finding f = new Finding("js/ws-message-xss", Level.ERROR, "src/app.js", new Region(3, 5, 3, 20),
                "Message data reaches innerHTML\nsecond line", List.of(), null);
        assertEquals("src/app.js:3:5 error js/ws-message-xss Message data reaches innerHTML", ScanJob.describe(f));
        assertEquals("target/wsscan/wsscan.sarif", ScanJob.display(dir.resolve("target/wsscan/wsscan.sarif"), dir));
        assertEquals(dir.getParent().resolve("x").toString(), ScanJob.display(dir.getParent().resolve("x"), dir));
        assertEquals(Path.of("/a/b"), AggregateMojo.commonAncestor(Path.of("/a/b/c"), Path.of("/a/b/d/e")));
    }
}

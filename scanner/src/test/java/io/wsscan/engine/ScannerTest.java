package io.wsscan.engine;

import io.wsscan.findings.Finding;
import io.wsscan.findings.Notification;
import io.wsscan.findings.Region;
import io.wsscan.findings.Step;
import io.wsscan.rules.RulesetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScannerTest {

    static final String XSS = "js/ws-message-xss";
    static final String CLEARTEXT = "js/ws-cleartext";

    @TempDir
    Path dir;

    /**
     * A test-only analyzer whose behaviour is chosen by the file name: {@code throw*} throws,
     * {@code sleep*} runs past any budget, {@code deep*} overflows the stack; any other file gets one
     * finding per line containing {@code SINK} (twice, to test de-duplication) and, for {@code ts*},
     * front end {@code closure}.
     */
    static final class FakeAnalyzer implements FileAnalyzer {
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public boolean accepts(String relPath) {
            return relPath.endsWith(".js");
        }

        @Override
        public FileReport analyze(SourceFile file) {
            String name = file.path().getFileName().toString();
            seen.add(file.relPath());
            if (name.startsWith("throw")) throw new IllegalStateException("boom in the analyzer\nsecond line");
            if (name.startsWith("sleep")) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new FileReport(List.of(finding(file.relPath(), XSS, 1)), List.of(), "rhino", true);
            }
            if (name.startsWith("deep")) return new FileReport(List.of(), List.of(), "rhino", recurse(0) > 0);
            List<Finding> out = new ArrayList<>();
            String[] lines = file.text().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains("SINK")) {
                    String rule = lines[i].contains("CLEAR") ? CLEARTEXT : XSS;
                    out.add(finding(file.relPath(), rule, i + 1));
                    out.add(finding(file.relPath(), rule, i + 1));
                }
            }
            return new FileReport(out, List.of(), name.startsWith("ts") ? "closure" : "rhino", true);
        }

        private static int recurse(int n) {
            return recurse(n + 1) + 1;
        }
    }

    static Finding finding(String file, String rule, int line) {
        Region r = new Region(line, 1, line, 5);
        return new Finding(rule, Finding.Level.ERROR, file, r, "bad", List.of(new Step(file, r, "here")), null);
    }

    private void write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private ScanOptions.Builder options() {
        return ScanOptions.builder().path(dir).threads(2).timeBudget(Duration.ofSeconds(2));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void analyzerFailuresBecomeNotificationsAndTheScanGoesOn() throws IOException {
        write("a/ok.js", "var x;\nSINK\n");
        write("a/throw.js", "x");
        write("a/sleep.js", "x");
        write("a/deep.js", "x");
        write("b/ok2.js", "SINK\n");
        FakeAnalyzer fake = new FakeAnalyzer();
        ScanResult r = new Scanner(List.of(fake)).scan(options().build());

        assertEquals(5, fake.seen.size());
        List<String> kinds = r.notifications().stream().map(n -> n.file() + " " + n.kind()).toList();
        assertEquals(List.of("a/deep.js too-deep", "a/sleep.js time-budget", "a/throw.js internal-error"), kinds);
        Notification thrown = r.notifications().get(2);
        assertTrue(thrown.message().contains("IllegalStateException: boom in the analyzer"), thrown.message());
        assertFalse(thrown.message().contains("second line"), "one-line reason: " + thrown.message());

        assertEquals(List.of("a/ok.js", "b/ok2.js"), r.findings().stream().map(Finding::file).toList());
        assertEquals(5, r.stats().filesDiscovered());
        assertEquals(2, r.stats().filesAnalysed());
        assertEquals(List.of("a/ok.js", "b/ok2.js"), r.analysedFiles());
        assertEquals(3, r.stats().filesSkipped());
        assertEquals("var x;\nSINK\n".length() + "SINK\n".length(), r.stats().bytesAnalysed());
        assertEquals(dir.toRealPath(), r.root());
        assertTrue(r.frontEnds().isEmpty());
    }

    @Test
    void inlineSuppressionsAreApplied() throws IOException {
        write("app.js", String.join("\n",
                "// wsscan-ignore js/ws-message-xss: the server escapes this feed",
                "",
                "SINK xss",
                "/* wsscan-ignore js/ws-cleartext, js/ws-message-xss */",
                "SINK CLEAR",
                "// wsscan-ignore js/ws-cleartext: wrong rule",
                "SINK xss",
                "SINK xss // wsscan-ignore js/ws-message-xss: its own line",
                "SINK xss", ""));
        ScanResult r = new Scanner(List.of(new FakeAnalyzer())).scan(options().build());
        assertEquals(5, r.findings().size(), r.findings()::toString);
        Finding first = r.findings().get(0);
        assertEquals(3, first.region().startLine());
        assertNotNull(first.suppression());
        assertEquals("the server escapes this feed", first.suppression().reason());
        assertEquals(1, first.suppression().line());
        Finding second = r.findings().get(1);
        assertEquals(CLEARTEXT, second.ruleId());
        assertEquals("", second.suppression().reason());
        assertEquals(4, second.suppression().line());
        assertNull(r.findings().get(2).suppression());
        // a comment after code covers its own line, not the next one
        assertEquals("its own line", r.findings().get(3).suppression().reason());
        assertNull(r.findings().get(4).suppression());
    }

    @Test
    void findingsAreDedupedSortedAndFilteredByRuleIds() throws IOException {
        write("z.js", "SINK\nSINK CLEAR\n");
        write("a.js", "\nSINK\n");
        write("ts-like.js", "nothing");
        ScanResult all = new Scanner(List.of(new FakeAnalyzer())).scan(options().build());
        assertEquals(List.of("a.js:2", "z.js:1", "z.js:2"),
                all.findings().stream().map(f -> f.file() + ":" + f.region().startLine()).toList());
        assertEquals(java.util.Map.of("ts-like.js", "closure"), all.frontEnds());

        ScanResult only = new Scanner(List.of(new FakeAnalyzer())).scan(options().ruleIds(Set.of(CLEARTEXT)).build());
        assertEquals(List.of("z.js:2"),
                only.findings().stream().map(f -> f.file() + ":" + f.region().startLine()).toList());
        assertEquals(Set.of(CLEARTEXT), only.catalog().rules().keySet());
    }

    @Test
    void unknownRuleIdIsAConfigurationError() {
        RulesetException e = assertThrows(RulesetException.class,
                () -> new Scanner(List.of(new FakeAnalyzer())).scan(options().ruleIds(Set.of("js/nope")).build()));
        assertTrue(e.getMessage().contains("js/nope"));
    }

    @Test
    void skippedFilesAreCountedAndProgressIsReported() throws IOException {
        write("big.js", "x".repeat(5000));
        write("bin.js", "a\u0000b");
        write("ok.js", "fine");
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        int[] started = new int[1];
        ScanOptions.ProgressListener listener = new ScanOptions.ProgressListener() {
            @Override
            public void started(int files, long bytes) {
                started[0] = files;
            }

            @Override
            public void fileDone(String relPath, long bytes) {
                done.add(relPath);
            }
        };
        ScanResult r = new Scanner(List.of(new FakeAnalyzer()))
                .scan(options().maxFileSize(1000).progress(listener).build());
        assertEquals(List.of("big.js too-large", "bin.js binary"),
                r.notifications().stream().map(n -> n.file() + " " + n.kind()).toList());
        assertEquals(3, r.stats().filesDiscovered());
        assertEquals(1, r.stats().filesAnalysed());
        assertEquals(2, r.stats().filesSkipped());
        assertEquals(2, started[0]);
        assertEquals(Set.of("bin.js", "ok.js"), Set.copyOf(done));
    }

    @Test
    void emptyFolderScansCleanly() {
        ScanResult r = new Scanner(List.of(new FakeAnalyzer())).scan(options().build());
        assertTrue(r.findings().isEmpty());
        assertEquals(0, r.stats().filesDiscovered());
    }

    @Test
    void defaultScannerRunsTheJsAnalyzer() throws IOException {
        write("app.js", "var ws = new WebSocket('wss://example.com');\n");
        ScanResult r = new Scanner().scan(options().build());
        assertEquals(1, r.stats().filesAnalysed());
    }

    @Test
    void rootIncludesAndClasspathOptions() throws IOException {
        write("mod/src/main/resources/static/app.js", "SINK\n");
        write("mod/src/main/webapp/other.js", "SINK\n");
        Path mod = dir.resolve("mod");
        Path jar = dir.resolve("lib/dep.jar");
        ScanOptions o = ScanOptions.builder()
                .paths(List.of(mod.resolve("src/main/resources"), mod.resolve("src/main/webapp")))
                .root(mod).include("**/static/**").classpath(List.of(jar, mod.resolve("target/classes")))
                .threads(1).build();
        assertEquals(List.of(jar, mod.resolve("target/classes")), o.classpath());
        assertEquals(List.of("**/static/**"), o.includes());
        ScanResult r = new Scanner(List.of(new FakeAnalyzer())).scan(o);
        assertEquals(mod.toRealPath(), r.root());
        assertEquals(List.of("src/main/resources/static/app.js"), r.findings().stream().map(Finding::file).distinct().toList());

        ScanOptions defaults = ScanOptions.builder().build();
        assertNull(defaults.root());
        assertTrue(defaults.includes().isEmpty() && defaults.classpath().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new Scanner(List.of(new FakeAnalyzer()))
                .scan(ScanOptions.builder().path(dir).root(mod).build()));
    }

    // ---- linked files (modules importing each other)

    /**
     * A linking analyzer for {@code .mjs} files: links are the lines {@code link NAME}, a file is
     * relevant when it contains {@code WS}; {@code analyzeTogether} records its units and throws when a
     * file contains {@code FAILUNIT}; findings are FakeAnalyzer's.
     */
    static final class FakeLinker implements LinkingAnalyzer {
        final List<List<String>> units = Collections.synchronizedList(new ArrayList<>());
        final List<String> alone = Collections.synchronizedList(new ArrayList<>());
        private final FakeAnalyzer inner = new FakeAnalyzer();

        @Override
        public boolean accepts(String relPath) {
            return relPath.endsWith(".mjs");
        }

        @Override
        public FileReport analyze(SourceFile file) {
            alone.add(file.relPath());
            return inner.analyze(file);
        }

        @Override
        public List<String> links(SourceFile file, Set<String> scanned) {
            return file.text().lines().filter(l -> l.startsWith("link ")).map(l -> l.substring(5))
                    .filter(scanned::contains).toList();
        }

        @Override
        public boolean relevant(SourceFile file) {
            return file.text().contains("WS");
        }

        @Override
        public java.util.Map<String, FileReport> analyzeTogether(List<SourceFile> files) {
            units.add(files.stream().map(SourceFile::relPath).toList());
            java.util.Map<String, FileReport> out = new java.util.TreeMap<>();
            for (SourceFile f : files) {
                if (f.text().contains("FAILUNIT")) throw new IllegalStateException("unit failed");
                out.put(f.relPath(), inner.analyze(f));
            }
            return out;
        }
    }

    @Test
    void linkedFilesWithSomethingRelevantAreAnalysedTogether() throws IOException {
        write("app/main.mjs", "link app/socket.mjs\nlink app/view.mjs\nSINK\n");
        write("app/socket.mjs", "WS\n");
        write("app/view.mjs", "\nSINK\n");
        write("lib/a.mjs", "link lib/b.mjs\n");      // linked, nothing relevant: each alone
        write("lib/b.mjs", "SINK\n");
        write("solo.mjs", "WS SINK\n");
        FakeLinker linker = new FakeLinker();
        ScanResult r = new Scanner(List.of(linker)).scan(options().build());
        assertEquals(List.of(List.of("app/main.mjs", "app/socket.mjs", "app/view.mjs")), linker.units);
        assertEquals(Set.of("lib/a.mjs", "lib/b.mjs", "solo.mjs"), Set.copyOf(linker.alone));
        assertEquals(List.of("app/main.mjs:3", "app/view.mjs:2", "lib/b.mjs:1", "solo.mjs:1"),
                r.findings().stream().map(f -> f.file() + ":" + f.region().startLine()).toList());
        assertEquals(6, r.stats().filesAnalysed());
    }

    @Test
    void aFailingUnitFallsBackToEachFileAlone() throws IOException {
        write("main.mjs", "link socket.mjs\nSINK\n");
        write("socket.mjs", "WS FAILUNIT\n");
        FakeLinker linker = new FakeLinker();
        ScanResult r = new Scanner(List.of(linker)).scan(options().build());
        assertEquals(1, linker.units.size());
        assertEquals(Set.of("main.mjs", "socket.mjs"), Set.copyOf(linker.alone));
        assertEquals(List.of("main.mjs:2"), r.findings().stream().map(f -> f.file() + ":" + f.region().startLine()).toList());
        assertEquals(2, r.stats().filesAnalysed());
        // not silent: each file says that it was analysed without the file it links to
        List<Notification> fallback = r.notifications().stream().filter(n -> n.kind().equals("unit-fallback")).toList();
        assertEquals(List.of("main.mjs", "socket.mjs"), fallback.stream().map(Notification::file).toList());
        assertEquals("the analysis of this file together with 1 linked file failed (IllegalStateException); it was analysed"
                + " alone, so data flowing from those files may be missed", fallback.get(0).message());
        assertEquals(fallback, r.notifications());
        assertTrue(fallback.stream().noneMatch(Notification::fileSkipped), "the files were analysed");
    }

    @Test
    void aHubIsNotWalkedThroughSoItsPackageStaysOutOfTheUnit() throws IOException {
        // an index module linking to many files, one of them relevant: the relevant file, its import
        // and the hub form the unit; the hub's other modules are analysed alone
        StringBuilder hub = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            String name = String.format("m/f%03d.mjs", i);
            write(name, i == 7 ? "WS\nlink m/helper.mjs\n" : "SINK\n");
            hub.append("link ").append(name).append('\n');
        }
        write("m/helper.mjs", "\nSINK\n");
        write("hub.mjs", hub.toString());
        FakeLinker linker = new FakeLinker();
        ScanResult r = new Scanner(List.of(linker)).scan(options().build());
        assertEquals(List.of(List.of("hub.mjs", "m/f007.mjs", "m/helper.mjs")), linker.units);
        assertEquals(39, linker.alone.size(), "every other module alone");
        assertEquals(42, r.stats().filesAnalysed());
        assertEquals(40, r.findings().size(), "39 modules and the helper, each once");
    }

    @Test
    void aLinkedGroupTooLargeForOneProgramIsSplitAroundItsRelevantFiles() throws IOException {
        // a relevant file importing more files than one unit may hold
        StringBuilder main = new StringBuilder("WS\n");
        for (int i = 0; i < Units.MAX_FILES + 5; i++) {
            String name = String.format("m/f%03d.mjs", i);
            write(name, i == 7 ? "WS SINK\n" : "SINK\n");
            main.append("link ").append(name).append('\n');
        }
        write("main.mjs", main.toString());
        FakeLinker linker = new FakeLinker();
        ScanResult r = new Scanner(List.of(linker)).scan(options().build());
        assertEquals(2, linker.units.size(), "one unit per relevant file: " + linker.units.stream().map(List::size).toList());
        List<String> forF007 = linker.units.stream().filter(u -> u.get(0).equals("m/f007.mjs")).findFirst().orElseThrow();
        assertEquals(List.of("m/f007.mjs", "main.mjs"), forF007, "its importer as context");
        List<String> forMain = linker.units.stream().filter(u -> u.get(0).equals("main.mjs")).findFirst().orElseThrow();
        assertEquals(Units.MAX_FILES, forMain.size(), "bounded");
        assertEquals(Units.MAX_FILES + 4, linker.alone.size(), "the other files alone, each once");
        assertEquals(Units.MAX_FILES + 6, r.stats().filesAnalysed());
        assertEquals(Units.MAX_FILES + 5, r.findings().size(), "every file's findings once");
    }

    @Test
    void defaultScannerLinksModulesOnDisk() throws IOException {
        write("src/socket.js", "export const ws = new WebSocket('wss://example.com/ws');\n");
        write("src/view.js", "import { ws } from './socket';\nws.onmessage = (e) => { document.body.innerHTML = e.data; };\n");
        ScanResult r = new Scanner().scan(options().build());
        assertEquals(List.of("js/ws-message-xss src/view.js:2"),
                r.findings().stream().map(f -> f.ruleId() + " " + f.file() + ":" + f.region().startLine()).toList());
        assertEquals(2, r.stats().filesAnalysed());
    }
}

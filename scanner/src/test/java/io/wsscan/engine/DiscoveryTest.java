package io.wsscan.engine;

import io.wsscan.findings.Notification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiscoveryTest {

    @TempDir
    Path dir;

    static final FileAnalyzer JS = new FileAnalyzer() {
        @Override
        public boolean accepts(String relPath) {
            return relPath.endsWith(".js");
        }

        @Override
        public FileReport analyze(SourceFile file) {
            return new FileReport(List.of(), List.of(), "rhino", true);
        }
    };

    private Path write(String rel, String text) throws IOException {
        return write(rel, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String rel, byte[] bytes) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    private static List<String> rels(Discovery.Result r) {
        return r.files().stream().map(Discovery.Candidate::relPath).toList();
    }

    private Discovery.Result discover(List<String> excludes, long max) {
        return new Discovery(List.of(JS), excludes, max, false).discover(List.of(dir));
    }

    @Test
    void skipsDefaultExcludedFoldersAndUnacceptedFiles() throws IOException {
        write("package-lock.json", "{}");
        write("node_modules/lib/a.js", "x");
        write(".git/hooks/b.js", "x");
        write("target/c.js", "x");
        write("web/build/d.js", "x");
        write("src/app.js", "x");
        write("src/readme.txt", "x");
        Discovery.Result r = discover(List.of(), 1000);
        assertEquals(List.of("src/app.js"), rels(r));
        assertEquals(dir.toRealPath(), r.root());
        // the installed node_modules is named with its reason; it is a folder, not a skipped file
        assertEquals(List.of(new Notification("node_modules", 0, 0, NodeModules.DEPENDENCIES,
                "installed dependencies, not scanned: the lockfile package-lock.json lies beside it (name the folder to scan it)")),
                r.notifications());
        assertEquals(0, r.skippedFiles());
    }

    /** node-red's layout: product code in packages/node_modules, installed dependencies in the root node_modules. */
    @Test
    void filesOfUnsupportedTypesThatUseWebSocketsAreListed() throws IOException {
        write("src/app.js", "x");
        write("src/client.coffee", "ws = new WebSocket 'ws://a.example'\n");
        write("src/relay.py", "import asyncio\nasync def main(): await websockets.connect(URL)  # WebSocket relay\n");
        write("src/embed.dart", "window.postMessage(data, '*');\n");
        write("src/chat.rb", "socket = io('https://a.example')\n");
        write("src/plain.py", "print('hello')\n");           // no WebSocket use: left out silently, as before
        write("README.md", "Uses `new WebSocket(url)`.\n");  // documentation is never opened
        write("dist/app.js.map", "{\"sources\":[\"WebSocket\"]}");
        write("LICENSE", "WebSocket");
        write(".jshintrc", "{ \"globals\": { \"WebSocket\": true } }");
        write("bin/tool", "#!/usr/bin/env node\nnew WebSocket(u)\n");
        write("img/logo.bin", new byte[] {'W', 'e', 'b', 0, 'S', 'o', 'c', 'k', 'e', 't'});
        // build files name WebSocket libraries as dependencies: not code left unread
        write("pom.xml", "<artifactId>spring-boot-starter-websocket</artifactId> <!-- WebSocket -->");
        write("server/build.gradle.kts", "implementation(\"org.java-websocket:Java-WebSocket:1.6.0\")");
        write("py/setup.py", "install_requires=['websockets']  # WebSocket server");
        Discovery.Result r = discover(List.of(), 1000);
        assertEquals(List.of("src/app.js"), rels(r));
        List<Notification> notes = r.notifications();
        assertEquals(List.of("bin/tool", "src/chat.rb", "src/client.coffee", "src/embed.dart", "src/relay.py"),
                notes.stream().map(Notification::file).toList());
        assertTrue(notes.stream().allMatch(n -> n.kind().equals(UnsupportedTypes.KIND)));
        assertEquals("not analysed: unsupported type (.coffee), but it uses WebSocket", notes.get(2).message());
        assertEquals("not analysed: unsupported type (no extension), but it uses WebSocket", notes.get(0).message());
        assertEquals("not analysed: unsupported type (.rb), but it uses socket.io", notes.get(1).message());
        assertEquals("not analysed: unsupported type (.dart), but it uses postMessage", notes.get(3).message());
        assertEquals(5, r.skippedFiles(), "each is counted as a skipped file");
        // an include glob that leaves a file out also leaves out its note; a large file is not read
        Discovery.Result some = new Discovery(List.of(JS), List.of(), List.of("**/*.js"), 1000, false, null).discover(List.of(dir));
        assertTrue(some.notifications().isEmpty(), some.notifications().toString());
        write("src/big.coffee", "WebSocket " + "x".repeat((int) UnsupportedTypes.MAX_BYTES));
        assertTrue(discover(List.of(), Long.MAX_VALUE).notifications().stream().noneMatch(n -> n.file().equals("src/big.coffee")));
    }

    @Test
    void aNodeModulesOfTheProjectsOwnPackagesIsWalked() throws IOException {
        for (String f : List.of("package.json", "package-lock.json", "node_modules/.package-lock.json", "node_modules/ws/index.js",
                "packages/node_modules/@app/editor/package.json", "packages/node_modules/@app/editor/comms.js")) {
            write(f, f.endsWith(".json") ? "{}" : "x");
        }
        Discovery.Result r = discover(List.of(), 1000);
        assertEquals(List.of("packages/node_modules/@app/editor/comms.js"), rels(r));
        assertEquals(List.of("node_modules", "packages/node_modules"), r.notifications().stream().map(Notification::file).toList());
        Notification own = r.notifications().get(1);
        assertEquals("info", own.kind());
        assertTrue(own.message().startsWith("scanned as the project's own packages: no install manifest"), own.message());
        assertEquals(NodeModules.DEPENDENCIES, r.notifications().get(0).kind());
        // an exclude still leaves it out, without a note
        Discovery.Result excluded = discover(List.of("packages/node_modules"), 1000);
        assertEquals(List.of(), rels(excluded));
        assertEquals(List.of("node_modules"), excluded.notifications().stream().map(Notification::file).toList());
    }

    @Test
    void anExplicitlyGivenPathInsideAnExcludedFolderIsScanned() throws IOException {
        write("node_modules/lib/a.js", "x");
        Discovery.Result r = new Discovery(List.of(JS), List.of(), 1000, false)
                .discover(List.of(dir.resolve("node_modules/lib")));
        assertEquals(List.of("a.js"), rels(r));
    }

    @Test
    void excludeGlobs() throws IOException {
        write("src/app.js", "x");
        write("src/app.min.js", "x");
        write("src/deep/er/lib.min.js", "x");
        write("vendor/jquery.js", "x");
        write("src/vendor/x.js", "x");
        write("src/gen/a/b.js", "x");
        write("test/app.test.js", "x");
        write("src/keep/gen.js", "x");
        Discovery.Result r = discover(List.of("**/*.min.js", "vendor", "src/gen/**", "*.test.js"), 1000);
        assertEquals(List.of("src/app.js", "src/keep/gen.js"), rels(r));

        Discovery.Result anchored = discover(List.of("/vendor/", "src/*.js"), 1000);
        assertEquals(List.of("src/deep/er/lib.min.js", "src/gen/a/b.js", "src/keep/gen.js", "src/vendor/x.js",
                "test/app.test.js"), rels(anchored));

        Discovery.Result braces = discover(List.of("{vendor,test}/**", "src/[dg]*/**"), 1000);
        assertEquals(List.of("src/app.js", "src/app.min.js", "src/keep/gen.js", "src/vendor/x.js"), rels(braces));
    }

    @Test
    void includeGlobsKeepOnlyMatchingFiles() throws IOException {
        write("src/main/resources/static/app.js", "x");
        write("src/main/resources/static/vendor/lib.js", "x");
        write("src/main/webapp/page.js", "x");
        write("tools/build.js", "x");
        Discovery.Result r = new Discovery(List.of(JS), List.of("vendor"), List.of("src/main/**", "build.js"), 1000,
                false, null).discover(List.of(dir));
        // includes pick files; excludes still win over them
        assertEquals(List.of("src/main/resources/static/app.js", "src/main/webapp/page.js", "tools/build.js"), rels(r));

        Discovery.Result none = new Discovery(List.of(JS), List.of(), List.of("*.ts"), 1000, false, null)
                .discover(List.of(dir));
        assertEquals(List.of(), rels(none));
        assertTrue(none.notifications().isEmpty());
    }

    @Test
    void anExplicitRootMakesPathsRelativeToIt() throws IOException {
        write("mod/src/main/resources/static/app.js", "x");
        write("mod/src/main/webapp/page.js", "x");
        Path mod = dir.resolve("mod");
        List<Path> roots = List.of(mod.resolve("src/main/resources"), mod.resolve("src/main/webapp"));
        Discovery.Result implicit = new Discovery(List.of(JS), List.of(), 1000, false).discover(roots);
        assertEquals(List.of("resources/static/app.js", "webapp/page.js"), rels(implicit));

        Discovery.Result explicit = new Discovery(List.of(JS), List.of("src/main/webapp/**"), List.of(), 1000, false,
                mod).discover(roots);
        assertEquals(mod.toRealPath(), explicit.root());
        // excludes are relative to the explicit root as well
        assertEquals(List.of("src/main/resources/static/app.js"), rels(explicit));

        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> Discovery.scanRoot(List.of(dir), mod));
        assertTrue(outside.getMessage().contains("is not inside the scan root"), outside.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Discovery.scanRoot(roots, mod.resolve("nope")));
    }

    @Test
    void tooLargeFilesAreNotedNotAnalysed() throws IOException {
        write("big.js", "x".repeat(2048));
        write("small.js", "x");
        Discovery.Result r = discover(List.of(), 1024);
        assertEquals(List.of("small.js"), rels(r));
        assertEquals(1, r.notifications().size());
        Notification n = r.notifications().get(0);
        assertEquals("big.js", n.file());
        assertEquals("too-large", n.kind());
        assertTrue(n.message().contains("2 KB") && n.message().contains("1 KB"), n.message());
        assertEquals(1, r.skippedFiles());
    }

    @Test
    void sortedByRelativePath() throws IOException {
        for (String f : List.of("z.js", "a/b.js", "m.js", "a.js", "B.js", "a/a/z.js")) write(f, "x");
        List<String> got = rels(discover(List.of(), 1000));
        assertEquals(got.stream().sorted().toList(), got);
        assertEquals(6, got.size());
    }

    @Test
    void overlappingPathsGiveEachFileOnce() throws IOException {
        write("a/b/c.js", "x");
        write("a/d.js", "x");
        Discovery.Result r = new Discovery(List.of(JS), List.of(), 1000, false)
                .discover(List.of(dir.resolve("a"), dir.resolve("a/b"), dir.resolve("a/b/c.js")));
        assertEquals(List.of("b/c.js", "d.js"), rels(r));
    }

    @Test
    void scanRoot() throws IOException {
        Path f = write("x/y/file.js", "x");
        write("x/z/other.js", "x");
        Path real = dir.toRealPath();
        assertEquals(real.resolve("x/y"), Discovery.scanRoot(List.of(dir.resolve("x/y"))));
        assertEquals(real.resolve("x/y"), Discovery.scanRoot(List.of(f)));
        assertEquals(real.resolve("x"), Discovery.scanRoot(List.of(f, dir.resolve("x/z/other.js"))));
        assertEquals(real.resolve("x"), Discovery.scanRoot(List.of(dir.resolve("x/z"), dir.resolve("x"))));
        assertThrows(IllegalArgumentException.class, () -> Discovery.scanRoot(List.of(dir.resolve("nope"))));
    }

    private Discovery.Loaded load(String rel, byte[] bytes) throws IOException {
        Path p = write(rel, bytes);
        return Discovery.load(new Discovery.Candidate(p, rel, bytes.length), 1 << 20);
    }

    @Test
    void binaryByNulByte() throws IOException {
        byte[] b = "var a = 1;\u0000\u0001".getBytes(StandardCharsets.ISO_8859_1);
        Discovery.Loaded l = load("bin.js", b);
        assertNull(l.source());
        assertEquals("binary", l.skipped().kind());
    }

    @Test
    void binaryByInvalidUtf8ThatIsMostlyNotText() throws IOException {
        byte[] b = new byte[4096];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (0x80 + (i * 7) % 0x7f + 1);
        Discovery.Loaded l = load("noise.js", b);
        assertNull(l.source());
        assertEquals("binary", l.skipped().kind());
    }

    @Test
    void latin1TextFallsBackToIso88591() throws IOException {
        byte[] b = "var caf\u00e9 = 'cr\u00e8me br\u00fbl\u00e9e';\n".getBytes(StandardCharsets.ISO_8859_1);
        Discovery.Loaded l = load("latin1.js", b);
        assertNotNull(l.source(), () -> String.valueOf(l.skipped()));
        assertEquals("var caf\u00e9 = 'cr\u00e8me br\u00fbl\u00e9e';\n", l.source().text());
    }

    @Test
    void utf8BomIsStripped() throws IOException {
        byte[] text = "var s = '\u00fc';\n".getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[text.length + 3];
        b[0] = (byte) 0xEF;
        b[1] = (byte) 0xBB;
        b[2] = (byte) 0xBF;
        System.arraycopy(text, 0, b, 3, text.length);
        Discovery.Loaded l = load("bom.js", b);
        assertEquals("var s = '\u00fc';\n", l.source().text());
        assertEquals("bom.js", l.source().relPath());
    }

    @Test
    void utf16WithBomIsDecoded() throws IOException {
        byte[] text = "var x = 1;".getBytes(StandardCharsets.UTF_16LE);
        byte[] b = new byte[text.length + 2];
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xFE;
        System.arraycopy(text, 0, b, 2, text.length);
        assertEquals("var x = 1;", load("u16.js", b).source().text());
    }

    @Test
    void unreadableFileIsAReadError() {
        Path missing = dir.resolve("gone.js");
        Discovery.Loaded l = Discovery.load(new Discovery.Candidate(missing, "gone.js", 10), 1000);
        assertEquals("read-error", l.skipped().kind());
        assertEquals("gone.js", l.skipped().file());
    }

    @Test
    void fileThatGrewPastTheLimitIsTooLarge() throws IOException {
        Path p = write("grew.js", "x".repeat(100));
        Discovery.Loaded l = Discovery.load(new Discovery.Candidate(p, "grew.js", 10), 50);
        assertEquals("too-large", l.skipped().kind());
    }

    @Test
    void formatSize() {
        assertEquals("512 B", Discovery.formatSize(512));
        assertEquals("20 MB", Discovery.formatSize(20L * 1024 * 1024));
        assertEquals("1.5 KB", Discovery.formatSize(1536));
    }

    /** A malformed glob is an IllegalArgumentException with a message for people, never a regex error. */
    @Test
    void malformedGlobsAreClearErrors() {
        for (String bad : List.of("[z-a]", "[!]", "[^]", "[a-\\]", "a[b", "{a,b", "x/[", "[]", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Discovery.Glob(bad), bad);
            assertTrue(e.getMessage().startsWith("invalid glob '" + bad + "': "), e::getMessage);
            assertTrue(e.getMessage().lines().count() == 1, e::getMessage);
        }
    }

    @Test
    void characterClasses() {
        assertTrue(new Discovery.Glob("[]a].js").matches("].js"));
        assertTrue(new Discovery.Glob("[!a].js").matches("b.js"));
        assertTrue(!new Discovery.Glob("[!a].js").matches("a.js"));
        assertTrue(new Discovery.Glob("[[].js").matches("[.js"));
        assertTrue(new Discovery.Glob("[a-c&&x].js").matches("&.js"));
        assertTrue(new Discovery.Glob("x[.-/]y/z.js").matches("x.y/z.js"));
        assertTrue(!new Discovery.Glob("x[.-/]y/z.js").matches("x/y/z.js")); // a class never matches '/'
        assertTrue(new Discovery.Glob("{a,b{c,d}}.js").matches("bd.js"));
        assertTrue(new Discovery.Glob("caf\u00e9[\u00e8-\u00ea].js").matches("caf\u00e9\u00e9.js"));
    }
}

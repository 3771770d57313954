package io.wsscan.engine;

import io.wsscan.findings.Notification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Discovery under odd file trees: every entry is analysed or listed with a reason, nothing is followed out of the root. */
class HostileTreeTest {

    @TempDir
    Path dir;

    private Path write(String rel) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "new WebSocket('ws://x.example/');\n");
        return p;
    }

    private void link(String rel, Path target) throws IOException {
        Files.createSymbolicLink(dir.resolve(rel), target);
    }

    /** Runs a shell script in the temp folder (for what Java cannot create: FIFOs, raw-byte names, long paths). */
    private void sh(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    private Discovery.Result discover(boolean follow) {
        return new Discovery(List.of(DiscoveryTest.JS), List.of(), 1 << 20, follow).discover(List.of(dir));
    }

    private static List<String> rels(Discovery.Result r) {
        return r.files().stream().map(Discovery.Candidate::relPath).toList();
    }

    private static Map<String, Notification> notes(Discovery.Result r) {
        Map<String, Notification> m = new TreeMap<>();
        for (Notification n : r.notifications()) m.put(n.file(), n);
        return m;
    }

    @Test
    void symbolicLinksAreListedNeverFollowedOutOfTheRoot(@TempDir Path outside) throws IOException {
        write("src/a.js");
        Files.writeString(outside.resolve("secret.js"), "x");
        link("in.js", dir.resolve("src/a.js"));
        link("out.js", outside.resolve("secret.js"));
        link("outdir", outside);
        link("srclink", dir.resolve("src"));
        link("up", dir);
        link("gone.js", dir.resolve("missing.js"));
        link("loop1", dir.resolve("loop2"));
        link("loop2", dir.resolve("loop1"));
        link("readme.md", dir.resolve("src/a.js")); // listed: its target is a file an analyser reads
        Discovery.Result r = discover(false);
        assertEquals(List.of("src/a.js"), rels(r));
        Map<String, Notification> n = notes(r);
        assertEquals(List.of("gone.js", "in.js", "loop1", "loop2", "out.js", "outdir", "readme.md", "srclink", "up"),
                List.copyOf(n.keySet()));
        n.values().forEach(x -> assertEquals("symlink", x.kind()));
        assertTrue(n.get("in.js").message().contains("src/a.js"), n.get("in.js")::message);
        assertTrue(n.get("out.js").message().contains("leaving the scan root"));
        assertTrue(n.get("outdir").message().contains("leaving the scan root"));
        assertTrue(n.get("gone.js").message().contains("dangling"));
        assertTrue(n.get("loop1").message().contains("loop"), n.get("loop1")::message);
        assertEquals(n.size(), r.skippedFiles());
        // nothing outside the root is ever named
        r.notifications().forEach(x -> assertTrue(!x.message().contains(outside.toString()), x::message));
    }

    @Test
    void followingLinksAnalysesEachFileOnceAndStaysInsideTheRoot(@TempDir Path outside) throws IOException {
        write("src/a.js");
        write("lib/b.js");
        Files.writeString(outside.resolve("secret.js"), "x");
        link("in.js", dir.resolve("src/a.js"));
        link("srclink", dir.resolve("src"));
        link("src/up", dir);
        link("out.js", outside.resolve("secret.js"));
        Files.createDirectories(dir.resolve("x"));
        link("x/only.js", dir.resolve("lib/b.js"));
        link("x/also.js", dir.resolve("lib/b.js"));
        Discovery.Result r = discover(true);
        assertEquals(List.of("lib/b.js", "src/a.js"), rels(r));
        Map<String, Notification> n = notes(r);
        assertTrue(n.get("in.js").message().contains("analysed under that path"), n.get("in.js")::message);
        assertTrue(n.get("x/only.js").message().contains("lib/b.js"));
        assertTrue(n.get("out.js").message().contains("leaving"));
        assertTrue(n.get("src/up").message().contains("already scanned"), n.toString());
        assertTrue(n.get("srclink").message().contains("already scanned"), n.toString());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void fifosAndSocketsAreListedNeverOpened() throws Exception {
        write("a.js");
        sh("mkfifo pipe.js && mkfifo other");
        Discovery.Result r = discover(false);
        assertEquals(List.of("a.js"), rels(r));
        Map<String, Notification> n = notes(r);
        assertEquals(List.of("other", "pipe.js"), List.copyOf(n.keySet()));
        assertEquals("not-a-regular-file", n.get("pipe.js").kind());
        // given explicitly, a FIFO is listed too (opening it would block)
        Discovery.Result explicit = new Discovery(List.of(DiscoveryTest.JS), List.of(), 1 << 20, false)
                .discover(List.of(dir.resolve("pipe.js")));
        assertEquals(List.of(), rels(explicit));
        assertEquals("not-a-regular-file", explicit.notifications().get(0).kind());
    }

    @Test
    void namesTheJvmCannotDecodeAreListedSeparatelyNotMerged() throws Exception {
        write("ok.js");
        sh("touch \"$(printf 'a\\377.js')\" \"$(printf 'a\\376.js')\" && mkdir \"$(printf 'd\\377')\" 'my dir' "
                + "&& touch \"$(printf 'd\\377')/in.js\" \"$(printf 'my dir/b\\377.js')\" \"$(printf 'x\\377.png')\"");
        Discovery.Result r = discover(false);
        assertEquals(List.of("ok.js"), rels(r));
        Map<String, Notification> n = notes(r);
        // the whole path percent-encoded, as a URI path: unique, and the real bytes (a .png is not analysed anyway)
        assertEquals(List.of("a%FE.js", "a%FF.js", "d%FF", "my%20dir/b%FF.js"), List.copyOf(n.keySet()));
        n.values().forEach(x -> assertEquals("unreadable-name", x.kind()));
        assertTrue(n.get("d%FF").message().contains("nothing below it"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void pathsLongerThanPathMaxAreListed() throws Exception {
        String name = "d".repeat(250);
        // 20 levels of 251 bytes: past 4096 bytes, made with relative cd so the shell never uses a long path
        StringBuilder s = new StringBuilder("mkdir deep && cd -P deep");
        for (int i = 0; i < 20; i++) s.append(" && mkdir ").append(name).append(" && cd -P ").append(name);
        s.append(" && echo x > far.js");
        try {
            write("near.js");
            sh(s.toString());
            Discovery.Result r = discover(false);
            assertEquals(List.of("near.js"), rels(r));
            assertEquals(1, r.notifications().size(), r.notifications()::toString);
            Notification n = r.notifications().get(0);
            assertEquals("path-too-long", n.kind());
            assertTrue(n.file().startsWith("deep/" + name + "/"), n::file);
            assertTrue(n.message().contains("nothing below it"), n::message);
        } finally {
            sh("rm -rf deep"); // @TempDir cleanup cannot delete paths past PATH_MAX
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void twoHundredLevelsDeep() throws IOException {
        Path p = dir;
        for (int i = 0; i < 200; i++) p = p.resolve("d");
        Files.createDirectories(p);
        Files.writeString(p.resolve("deep.js"), "x");
        Discovery.Result r = discover(false);
        assertEquals(List.of("d/".repeat(200) + "deep.js"), rels(r));
        assertTrue(r.notifications().isEmpty());
    }

    @Test
    void backslashAndOddCharactersStayInTheName() throws IOException {
        write("b\\c.js");
        write("sp ace#%?.js");
        assertEquals(List.of("b\\c.js", "sp ace#%?.js"), rels(discover(false)));
    }
}

package io.wsscan.engine;

import io.wsscan.findings.Notification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Incremental scans: results with and without the cache are the same, and nothing stale or foreign is trusted. */
class ScanCacheTest {

    @TempDir
    Path dir;

    static final String LIB = """
            export function show(x) {
              document.getElementById('out').innerHTML = x;
            }
            """;
    static final String APP = """
            import { show } from './lib.js';
            const s = new WebSocket('wss://chat.example-corp.net/live');
            s.onmessage = (e) => show(e.data);
            """;
    static final String APP_SAFE = """
            import { show } from './lib.js';
            const s = new WebSocket('wss://chat.example-corp.net/live');
            s.onmessage = (e) => show('a message came');
            """;
    static final String ALONE = """
            const t = new WebSocket('ws://feed.example-corp.net/x');
            t.onmessage = (e) => { document.body.innerHTML = e.data; };
            """;
    static final String SOCKET = """
            package demo;
            import javax.websocket.OnMessage;
            import javax.websocket.Session;
            import javax.websocket.server.ServerEndpoint;
            @ServerEndpoint("/files")
            public class FileSocket {
                @OnMessage
                public void onMessage(String name, Session session) throws Exception {
                    session.getBasicRemote().sendText(Store.read(name));
                }
            }
            """;
    static final String STORE = """
            package demo;
            import java.nio.file.Files;
            import java.nio.file.Path;
            public class Store {
                public static String read(String name) throws Exception {
                    return Files.readString(Path.of("/srv/files").resolve(name));
                }
            }
            """;
    static final String STORE_SAFE = """
            package demo;
            import java.nio.file.Files;
            import java.nio.file.Path;
            public class Store {
                public static String read(String name) throws Exception {
                    return Files.readString(Path.of("/srv/files/index.txt"));
                }
            }
            """;

    private Path project() throws IOException {
        Path root = Files.createDirectories(dir.resolve("project"));
        Path web = Files.createDirectories(root.resolve("web"));
        Files.writeString(web.resolve("lib.js"), LIB);
        Files.writeString(web.resolve("app.js"), APP);
        Files.writeString(web.resolve("alone.js"), ALONE);
        Path java = Files.createDirectories(root.resolve("server/src/main/java/demo"));
        Files.writeString(java.resolve("FileSocket.java"), SOCKET);
        Files.writeString(java.resolve("Store.java"), STORE);
        return root;
    }

    private static ScanResult scan(Path root, Path cache) {
        return new Scanner().scan(ScanOptions.builder().path(root).threads(2).cache(cache).build());
    }

    private static String reports(ScanResult r) throws IOException {
        return io.wsscan.testing.Reports.all(r);
    }

    /** The reports of a scan without the cache, after a first scan has filled {@code cache}. */
    private static String plainAfterCold(Path root, Path cache) throws IOException {
        String plain = reports(scan(root, null));
        scan(root, cache);
        return plain;
    }

    private List<Path> entries(Path cache) throws IOException {
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(p -> p.getFileName().toString().endsWith(ScanCache.SUFFIX)
                    && !p.getFileName().toString().startsWith(ScanCache.FACTS_PREFIX)).sorted().toList();
        }
    }

    @Test
    void coldWarmAndChangedScansEqualScansWithoutCache() throws IOException {
        Path root = project();
        Path cache = dir.resolve("cache");
        ScanResult first = scan(root, null);
        String plain = reports(first);
        // findings that need both files of their unit or batch
        assertTrue(first.findings().stream().anyMatch(f -> f.file().equals("web/lib.js") && f.ruleId().equals("js/ws-message-xss")),
                first.findings()::toString);
        assertTrue(first.findings().stream().anyMatch(f -> f.ruleId().equals("java/ws-message-injection")), first.findings()::toString);

        ScanResult cold = scan(root, cache);
        assertEquals(plain, reports(cold));
        assertEquals(0, cold.stats().unitsCached());
        // the linked unit (app.js + lib.js), alone.js, and the Java batch
        assertEquals(3, cold.stats().units());
        assertEquals(3, entries(cache).size());

        ScanResult warm = scan(root, cache);
        assertEquals(plain, reports(warm));
        assertEquals(3, warm.stats().unitsCached());

        // app.js no longer passes the message on: lib.js, in the same unit, loses its finding
        Files.writeString(root.resolve("web/app.js"), APP_SAFE);
        ScanResult changedFirst = scan(root, null);
        String changedPlain = reports(changedFirst);
        assertTrue(changedFirst.findings().stream().noneMatch(f -> f.file().equals("web/lib.js")), changedFirst.findings()::toString);
        ScanResult changed = scan(root, cache);
        assertEquals(changedPlain, reports(changed));
        assertEquals(2, changed.stats().unitsCached());
        // the old unit's entry was not used by this scan: pruned
        assertEquals(3, entries(cache).size());

        // a helper of the Java batch changes: the endpoint's file loses its finding
        Files.writeString(root.resolve("server/src/main/java/demo/Store.java"), STORE_SAFE);
        ScanResult javaFirst = scan(root, null);
        String javaPlain = reports(javaFirst);
        assertTrue(javaFirst.findings().stream().noneMatch(f -> f.ruleId().equals("java/ws-message-injection")), javaPlain);
        ScanResult javaChanged = scan(root, cache);
        assertEquals(javaPlain, reports(javaChanged));
        assertEquals(2, javaChanged.stats().unitsCached());
    }

    @Test
    void aManifestAboveAFileIsPartOfItsKey() throws IOException {
        Path root = project();
        Path cache = dir.resolve("cache");
        scan(root, cache);
        Files.writeString(root.resolve("package.json"), "{\"dependencies\": {\"socket.io\": \"^2.0.4\"}}");
        ScanResult after = scan(root, cache);
        // every JavaScript unit may read it; the Java batch does not
        assertEquals(1, after.stats().unitsCached());
        assertEquals(reports(scan(root, null)), reports(after));
    }

    @Test
    void otherRulesOrOptionsDoNotShareEntries() throws IOException {
        Path root = project();
        Path cache = dir.resolve("cache");
        scan(root, cache);
        ScanResult tests = new Scanner().scan(ScanOptions.builder().path(root).cache(cache).includeTests(true).build());
        assertEquals(0, tests.stats().unitsCached());
        ScanResult oneRule = new Scanner().scan(ScanOptions.builder().path(root).cache(cache)
                .ruleIds(List.of("java/ws-message-injection")).build());
        assertEquals(0, oneRule.stats().unitsCached());
        assertEquals(reports(new Scanner().scan(ScanOptions.builder().path(root)
                .ruleIds(List.of("java/ws-message-injection")).build())), reports(oneRule));
    }

    @Test
    void corruptOrForeignEntriesAreIgnoredWithANote() throws IOException {
        Path root = project();
        Path cache = dir.resolve("cache");
        ScanResult plain = scan(root, null);
        scan(root, cache);
        List<Path> e = entries(cache);
        assertEquals(3, e.size());
        String whole = Files.readString(e.get(0));
        Files.writeString(e.get(0), whole.substring(0, whole.length() / 2)); // truncated
        Files.write(e.get(1), new byte[]{0, 1, 2, (byte) 0xff, '{'}); // garbage
        String third = Files.readString(e.get(2));
        Files.writeString(e.get(2), third.replaceFirst("\"format\":1", "\"format\":99"));

        ScanResult r = scan(root, cache);
        assertEquals(0, r.stats().unitsCached());
        assertEquals(plain.findings(), r.findings());
        assertEquals(plain.endpoints(), r.endpoints());
        List<Notification> notes = r.notifications().stream().filter(n -> n.kind().equals(ScanCache.NOTE_KIND)).toList();
        assertEquals(3, notes.size(), notes::toString);
        assertTrue(notes.stream().allMatch(n -> n.message().startsWith("ignored cache entry ")), notes::toString);
        assertTrue(notes.stream().anyMatch(n -> n.message().contains("format 99")), notes::toString);
        // the entries were written again
        assertEquals(3, scan(root, cache).stats().unitsCached());

        // an entry of another build, and one whose key is not its name (copied over another)
        e = entries(cache);
        Files.writeString(e.get(0), Files.readString(e.get(0)).replaceFirst("\"tool\":\"[^\"]*\"", "\"tool\":\"0.0.1+feedface\""));
        Files.copy(e.get(2), e.get(1), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        r = scan(root, cache);
        assertEquals(1, r.stats().unitsCached());
        assertEquals(plain.findings(), r.findings());
        notes = r.notifications().stream().filter(n -> n.kind().equals(ScanCache.NOTE_KIND)).toList();
        assertEquals(2, notes.size(), notes::toString);
        assertTrue(notes.stream().anyMatch(n -> n.message().contains("another wsscan build")), notes::toString);
        assertTrue(notes.stream().anyMatch(n -> n.message().contains("key does not match")), notes::toString);
    }

    @Test
    void theLinksOfFilesAreReadAgainWhenTheirStoreIsBrokenOrTheFilesChange() throws IOException {
        Path root = project();
        Path cache = dir.resolve("cache");
        String plain = plainAfterCold(root, cache);
        Path facts;
        try (Stream<Path> s = Files.list(cache)) {
            facts = s.filter(p -> p.getFileName().toString().startsWith(ScanCache.FACTS_PREFIX)).findFirst().orElseThrow();
        }
        String text = Files.readString(facts);
        assertTrue(text.contains("./lib.js") || text.contains("web/lib.js"), text);
        Files.writeString(facts, text.substring(0, text.length() - 3));
        ScanResult r = scan(root, cache);
        assertEquals(3, r.stats().unitsCached());
        assertTrue(r.notifications().stream().anyMatch(n -> n.kind().equals(ScanCache.NOTE_KIND)
                && n.message().contains("links")), r.notifications()::toString);
        assertEquals(plain, reports(scan(root, cache)));

        // app.js stops importing lib.js: two units of one file each, whose results come from no stored unit
        Files.writeString(root.resolve("web/app.js"), APP.replace("import { show } from './lib.js';", "const show = (x) => x;"));
        ScanResult apart = scan(root, cache);
        assertEquals(reports(scan(root, null)), reports(apart));
        assertEquals(4, apart.stats().units());
        assertEquals(2, apart.stats().unitsCached());
    }

    @Test
    void theCacheFolderInsideTheTreeIsNotScanned() throws IOException {
        Path root = project();
        Path cache = root.resolve(".wsscan-cache");
        String plain = plainAfterCold(root, cache);
        // an entry holds messages about WebSockets: scanned, it would be noted as an unsupported type
        assertEquals(plain, reports(scan(root, cache)));
    }

    @Test
    void aFolderThatCannotHoldTheCacheIsNotedAndTheScanGoesOn() throws IOException {
        Path root = project();
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        ScanResult r = scan(root, file);
        assertEquals(-1, r.stats().unitsCached());
        assertTrue(r.notifications().stream().anyMatch(n -> n.kind().equals(ScanCache.NOTE_KIND)
                && n.message().contains("cannot be used")), r.notifications()::toString);
        assertEquals(scan(root, null).findings(), r.findings());
    }

    @Test
    void outcomesThatDependOnMoreThanTheInputsAreNotStored() {
        FileOutcome ok = FileOutcome.skipped("a.js", new Notification("a.js", 0, 0, "binary", "binary file, not text"), 3);
        FileOutcome late = FileOutcome.skipped("b.js", new Notification("b.js", 0, 0, "time-budget", "took too long"), 3);
        FileOutcome deep = FileOutcome.skipped("c.js", new Notification("c.js", 0, 0, "too-deep",
                "code is nested too deeply to analyse (stack overflow)"), 3);
        assertTrue(ScanCache.cacheable(List.of(ok)));
        assertFalse(ScanCache.cacheable(List.of(ok, late)));
        assertFalse(ScanCache.cacheable(List.of(deep)));
    }

    @Test
    void anEntryIsStoredOnlyWhenItReadsBackTheSame() {
        List<Notification> notes = new java.util.ArrayList<>();
        ScanCache cache = ScanCache.open(dir.resolve("c"), "scan", notes);
        assertTrue(notes.isEmpty(), notes::toString);
        FileOutcome plain = FileOutcome.skipped("a.js", new Notification("a.js", 0, 0, "binary", "binary file, not text é ✓"), 3);
        FileOutcome odd = FileOutcome.skipped("b.js", new Notification("b.js", 0, 0, "binary", "half a pair \uD800 here"), 3);
        String k1 = cache.key("t").add("1").hex(), k2 = cache.key("t").add("2").hex();
        cache.put(k1, List.of(plain));
        cache.put(k2, List.of(odd));
        assertEquals(List.of(plain), cache.get(k1, "a.js"));
        List<FileOutcome> back = cache.get(k2, "b.js");
        assertTrue(back == null || back.equals(List.of(odd)), String.valueOf(back));
        assertTrue(cache.notes().isEmpty(), cache.notes()::toString);
    }

    @Test
    void scanKeysAreStableAndFollowThePolicy() throws IOException {
        Path root = project();
        io.wsscan.rules.RuleCatalog catalog = io.wsscan.rules.RuleCatalog.builtin();
        ScanOptions options = ScanOptions.builder().path(root).build();
        String a = ScanCache.scanKey(catalog, io.wsscan.policy.Policy.NONE, options, root);
        assertEquals(a, ScanCache.scanKey(io.wsscan.rules.RuleCatalog.builtin(), io.wsscan.policy.Policy.NONE, options, root));
        io.wsscan.policy.Policy p = io.wsscan.policy.Policy.parse(null, "allowedHosts: [chat.example-corp.net]\n");
        io.wsscan.policy.Policy q = io.wsscan.policy.Policy.parse(null, "allowedHosts: [chat.example-corp.net]\n");
        io.wsscan.policy.Policy other = io.wsscan.policy.Policy.parse(null, "allowedHosts: [feed.example-corp.net]\n");
        assertEquals(ScanCache.scanKey(catalog, p, options, root), ScanCache.scanKey(catalog, q, options, root));
        assertNotEquals(ScanCache.scanKey(catalog, p, options, root), ScanCache.scanKey(catalog, other, options, root));
        assertNotEquals(a, ScanCache.scanKey(catalog, p, options, root));
        assertTrue(ScanCache.toolId().matches("[^+]+\\+[0-9a-f]{16}"), ScanCache.toolId());
        assertEquals(64, new ScanCache.Key().add("x").hex().length());
        assertNotEquals(new ScanCache.Key().add("ab").add("c").hex(), new ScanCache.Key().add("a").add("bc").hex());
    }
}

package io.wsscan.deps;

import io.wsscan.engine.ScanOptions;
import io.wsscan.engine.ScanResult;
import io.wsscan.engine.Scanner;
import io.wsscan.findings.Finding;
import io.wsscan.inventory.Endpoint;
import io.wsscan.policy.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.wsscan.deps.NpmPackagesTest.pkg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DependencyScanTest {

    @TempDir
    Path dir;

    static final String SOCK_LIB = """
            function Feed() {
              var ws = new WebSocket('wss://rt.vendor-example.net/feed');
              ws.onopen = function () { ws.send(document.cookie); };
              ws.onmessage = function (e) { document.getElementById('out').innerHTML = e.data; };
            }
            module.exports = Feed;
            """;

    /** An app with one runtime dependency (with a test folder and a minified twin) and one dev tool. */
    private void app() throws IOException {
        Files.writeString(dir.resolve("package.json"),
                "{\"dependencies\": {\"sock-lib\": \"^1\"}, \"devDependencies\": {\"dev-lib\": \"^1\"}}");
        Files.writeString(dir.resolve("app.js"), "new WebSocket('wss://own.example-corp.net/live');\n");
        Path nm = dir.resolve("node_modules");
        Path lib = pkg(nm.resolve("sock-lib"), "sock-lib", "1.2.3", "");
        Files.writeString(lib.resolve("index.js"), SOCK_LIB);
        Files.writeString(lib.resolve("index.min.js"), "new WebSocket('wss://rt.vendor-example.net/feed');");
        Files.createDirectories(lib.resolve("test"));
        Files.writeString(lib.resolve("test/feed.js"), "new WebSocket('ws://localhost:9999/test');");
        Path dev = pkg(nm.resolve("dev-lib"), "dev-lib", "1.0.0", "");
        Files.writeString(dev.resolve("server.js"), "new WebSocket('wss://dev-tools.example.org/reload');");
        Files.writeString(nm.resolve(".package-lock.json"), "{}");
    }

    /** A webjar built here: META-INF/resources/webjars/live-feed/2.1.0/. */
    private Path webjar() throws IOException {
        Path jar = dir.resolve("lib/live-feed-2.1.0.jar");
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("META-INF/resources/webjars/live-feed/2.1.0/live.js"));
            zip.write("""
                    var es = new EventSource('https://events.vendor-example.net/stream');
                    var s = new SockJS('https://sock.vendor-example.net/s');
                    s.send(localStorage.getItem('apiSecret'));
                    """.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/resources/webjars/live-feed/2.1.0/examples/demo.js"));
            zip.write("new WebSocket('wss://demo.vendor-example.net');".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/maven/org.webjars/live-feed/pom.properties"));
            zip.write("version=2.1.0".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }

    private ScanResult scan(DependencyOptions deps, Policy policy) {
        return new Scanner().scan(ScanOptions.builder().path(dir).threads(2).policy(policy).dependencies(deps).build());
    }

    private static List<String> clients(ScanResult r) {
        return r.endpoints().stream().filter(Endpoint::isClient)
                .map(e -> e.file() + " " + e.url() + " " + (e.pkg() == null ? "-" : e.pkg().label() + " " + e.pkg().source())
                        + " " + e.sends())
                .toList();
    }

    @Test
    void runtimePackagesAndWebjarsJoinTheInventory() throws IOException {
        app();
        Path jar = webjar();
        ScanResult r = scan(DependencyOptions.of(List.of(jar)), Policy.NONE);
        assertEquals(List.of(
                "app.js wss://own.example-corp.net/live - []",
                "live-feed-2.1.0.jar!/META-INF/resources/webjars/live-feed/2.1.0/live.js https://events.vendor-example.net/stream live-feed@2.1.0 webjar []",
                "live-feed-2.1.0.jar!/META-INF/resources/webjars/live-feed/2.1.0/live.js https://sock.vendor-example.net/s live-feed@2.1.0 webjar [stored-secret]",
                "node_modules/sock-lib/index.js wss://rt.vendor-example.net/feed sock-lib@1.2.3 npm [cookie]"), clients(r));
        // library code is not judged by the taint rules: the XSS in sock-lib is the library's business
        assertTrue(r.findings().stream().noneMatch(f -> f.file().startsWith("node_modules/")), r.findings()::toString);
        String summary = r.notifications().stream().filter(n -> n.message().startsWith("dependencies: 1 runtime npm package"))
                .findFirst().orElseThrow().message();
        for (String part : List.of("1 webjar read", "1 installed package left out", "not read: 1 test/example scripts",
                "1 copies of another script of the package")) {
            assertTrue(summary.contains(part), summary);
        }
    }

    @Test
    void theSameAtOneAndTwoThreads() throws IOException {
        app();
        Path jar = webjar();
        ScanResult one = new Scanner().scan(ScanOptions.builder().path(dir).threads(1).dependencies(DependencyOptions.of(List.of(jar))).build());
        ScanResult two = scan(DependencyOptions.of(List.of(jar)), Policy.NONE);
        assertEquals(one.endpoints(), two.endpoints());
        assertEquals(one.notifications(), two.notifications());
    }

    @Test
    void withoutTheOptionDependenciesAreNotRead() throws IOException {
        app();
        assertEquals(List.of("app.js wss://own.example-corp.net/live - []"), clients(scan(DependencyOptions.NONE, Policy.NONE)));
    }

    @Test
    void theAllowlistAppliesToDependenciesAndNamesThePackage() throws IOException {
        app();
        Path jar = webjar();
        Files.writeString(dir.resolve(".wsscan.yml"), """
                allowedHosts: [own.example-corp.net, rt.vendor-example.net, sock.vendor-example.net]
                firstPartyHosts: [own.example-corp.net]
                """);
        ScanResult r = scan(DependencyOptions.of(List.of(jar)), Policy.find(null, dir, dir));
        List<Finding> untrusted = r.findings().stream().filter(f -> f.ruleId().equals(DependencyScan.UNTRUSTED_HOST)).toList();
        assertEquals(1, untrusted.size(), untrusted::toString);
        Finding f = untrusted.get(0);
        assertEquals("live-feed-2.1.0.jar!/META-INF/resources/webjars/live-feed/2.1.0/live.js", f.file());
        assertTrue(f.message().startsWith("In dependency live-feed@2.1.0 (webjar): WebSocket connection to host "
                + "events.vendor-example.net (EventSource)"), f.message());
        assertEquals(Finding.Level.WARNING, f.level(), "a dependency is shipped code: its level is not capped");
    }

    @Test
    void aBundleOfTheProjectNamesThePackageOfItsBanner() throws IOException {
        Files.createDirectories(dir.resolve("static/js"));
        Files.writeString(dir.resolve("static/js/rt.min.js"),
                "/*! rt-client v3.2.0 | MIT */\nvar s=new WebSocket('wss://rt.vendor-example.net/x');\n");
        assertEquals(List.of("static/js/rt.min.js wss://rt.vendor-example.net/x rt-client@3.2.0 bundle []"),
                clients(scan(DependencyOptions.of(List.of()), Policy.NONE)));
        assertEquals(List.of("static/js/rt.min.js wss://rt.vendor-example.net/x - []"), clients(scan(DependencyOptions.NONE, Policy.NONE)));
        // nothing installed: one note says so
        assertTrue(scan(DependencyOptions.of(List.of()), Policy.NONE).notifications().stream().anyMatch(n -> n.message().equals(
                "dependencies: none read: no installed runtime npm package (a package.json beside a node_modules, up to 4 levels "
                        + "down) and no webjar in 0 jars")));
    }

    @Test
    void minifiedAndModuleFormatCopiesAreLeftOut() {
        AtomicInteger copies = new AtomicInteger();
        List<String> kept = DependencyScan.withoutCopies(List.of("d/a.js", "d/a.min.js", "d/a.mjs", "d/a.cjs",
                "d/b.min.js", "e/a.min.js", "d/c.mjs",
                "build/esm/t/ws.js", "build/cjs/t/ws.js", "build/esm-debug/t/ws.js", "build/esm/only-esm.js",
                "dist/esm5/x.js", "dist/esm/x.js", "node_modules/esm/index.js", "node_modules/es/index.js"), s -> s, copies);
        assertEquals(List.of("d/a.js", "d/b.min.js", "e/a.min.js", "d/c.mjs", "build/cjs/t/ws.js", "build/esm/only-esm.js",
                "dist/esm/x.js", "node_modules/esm/index.js", "node_modules/es/index.js"), kept);
        assertEquals(6, copies.get());
    }

    @Test
    void webjarEntriesAreReadFromTheZip() throws IOException {
        Path jar = webjar();
        Webjars.Contents c = Webjars.read(jar, "live-feed-2.1.0.jar", 1 << 20);
        assertEquals(1, c.scripts().size(), "the example is not shipped code; pom.properties is no script");
        Webjars.Script s = c.scripts().get(0);
        assertEquals(new Endpoint.Package("live-feed", "2.1.0", "webjar"), s.pkg());
        assertTrue(s.text().contains("new EventSource("));
        Webjars.Contents small = Webjars.read(jar, "live-feed-2.1.0.jar", 10);
        assertEquals(List.of("live-feed-2.1.0.jar!/META-INF/resources/webjars/live-feed/2.1.0/live.js"), small.skipped());
    }
}

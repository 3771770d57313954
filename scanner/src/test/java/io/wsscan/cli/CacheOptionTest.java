package io.wsscan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.wsscan.cli.MainTest.assertUsageError;
import static io.wsscan.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --cache}: where the cache goes, what the summary says, and a bad folder as a usage error. */
class CacheOptionTest {

    @TempDir
    Path dir;

    private Path app() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("app.js"), """
                const s = new WebSocket('ws://chat.example-corp.net/live');
                s.onmessage = (e) => { document.getElementById('out').innerHTML = e.data; };
                """);
        return src;
    }

    @Test
    void withoutAValueTheCacheIsBesideTheReport() throws IOException {
        Path src = app();
        Path report = dir.resolve("out/report.json");
        MainTest.Run first = run("scan", src.toString(), "-o", report.toString(), "--fail-on", "none", "--cache");
        assertEquals(0, first.code(), first::toString);
        assertTrue(first.err().contains(", 0 of 1 units from the cache"), first::err);
        assertTrue(Files.isDirectory(dir.resolve("out/.wsscan-cache")), first::err);
        String json = Files.readString(report);
        MainTest.Run second = run("scan", src.toString(), "-o", report.toString(), "--fail-on", "none", "--cache");
        assertTrue(second.err().contains(", 1 of 1 units from the cache"), second::err);
        assertEquals(json, Files.readString(report));
        MainTest.Run none = run("scan", src.toString(), "--fail-on", "none", "-q");
        assertFalse(none.err().contains("cache"), none::err);
    }

    @Test
    void theDocumentCommandsTakeIt() throws IOException {
        Path src = app();
        Path cache = dir.resolve("c");
        MainTest.Run a = run("inventory", "--cache=" + cache, src.toString());
        MainTest.Run b = run("inventory", "--cache=" + cache, src.toString());
        assertEquals(0, a.code(), a::toString);
        assertEquals(a.out(), b.out());
        assertTrue(a.out().contains("chat.example-corp.net"), a::out);
        assertTrue(Files.isDirectory(cache));
    }

    @Test
    void aFileIsNoCacheFolder() throws IOException {
        Path src = app();
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        assertUsageError(run("scan", "--cache=" + file, src.toString()), "--cache " + file + ": not a folder");
        assertUsageError(run("scan", "--cache=" + file.resolve("sub"), src.toString()), "is not a folder");
        assertUsageError(run("inventory", "--cache=" + file, src.toString()), "not a folder");
    }
}

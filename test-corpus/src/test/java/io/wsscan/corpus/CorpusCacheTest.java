package io.wsscan.corpus;

import io.wsscan.engine.ScanOptions;
import io.wsscan.engine.ScanResult;
import io.wsscan.engine.Scanner;
import io.wsscan.policy.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus scanned with the incremental-scan cache: cold, warm, and warm after one JavaScript and one
 * Java file changed, every report is byte for byte the one a scan without the cache writes.
 */
class CorpusCacheTest {

    @TempDir
    Path tmp;

    private static ScanResult scan(Path root, Path cache) {
        return new Scanner().scan(ScanOptions.builder().path(root).policy(Policy.find(null, root))
                .threads(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()))).cache(cache).build());
    }

    private static String reports(ScanResult r) throws IOException {
        return io.wsscan.testing.Reports.all(r);
    }

    /** The corpus folders and its policy, copied: the copy may be changed. */
    private Path copy() throws IOException {
        Path from = CorpusRun.locateRoot();
        Path to = tmp.resolve("corpus");
        for (String dir : CorpusRun.CORPUS_DIRS) {
            Path d = from.resolve(dir);
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> walk = Files.walk(d)) {
                for (Path p : walk.toList()) {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(target);
                    else if (Files.isRegularFile(p)) Files.copy(p, target);
                }
            }
        }
        Files.copy(from.resolve(".wsscan.yml"), to.resolve(".wsscan.yml"));
        return to;
    }

    @Test
    void reportsWithTheCacheAreThoseWithout() throws IOException {
        Path root = copy();
        Path cache = tmp.resolve("cache");
        String plain = reports(scan(root, null));

        ScanResult cold = scan(root, cache);
        assertEquals(plain, reports(cold));
        assertEquals(0, cold.stats().unitsCached());
        ScanResult warm = scan(root, cache);
        assertEquals(plain, reports(warm));
        assertEquals(warm.stats().units(), warm.stats().unitsCached());
        assertTrue(warm.stats().units() > 100, warm.stats()::toString);

        // one script that imports another, and one Java file of a project with several
        Path js = find(root.resolve("js"), ".js", "import ");
        Path java = find(root.resolve("java"), ".java", "@ServerEndpoint");
        Files.writeString(js, Files.readString(js).replaceFirst("\n", "\nconst changedByTheTest = location.hash;\n"));
        Files.writeString(java, Files.readString(java) + "\nclass ChangedByTheTest { String s = \"x\"; }\n");
        String changedPlain = reports(scan(root, null));
        ScanResult changed = scan(root, cache);
        assertEquals(changedPlain, reports(changed));
        assertTrue(changed.stats().unitsCached() < changed.stats().units() && changed.stats().unitsCached() > 0,
                changed.stats()::toString);
    }

    /** The first file (by path) under {@code dir} with this extension whose text contains {@code marker}. */
    private static Path find(Path dir, String extension, String marker) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(extension)).sorted().toList()) {
                if (Files.readString(p).contains(marker)) return p;
            }
        }
        throw new IllegalStateException("no " + extension + " file with " + marker + " under " + dir);
    }
}

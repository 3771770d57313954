package io.wsscan.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Declared npm versions: nearest declaring manifest upward, never above the scan root. */
class DependenciesTest {

    @TempDir
    Path dir;

    private Dependencies at(String relPath) throws IOException {
        Path f = dir.resolve("root").resolve(relPath);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "// code\n");
        Dependencies d = new Dependencies();
        d.file(f, relPath);
        return d;
    }

    private void manifest(String folder, String json) throws IOException {
        Path m = dir.resolve(folder).resolve("package.json");
        Files.createDirectories(m.getParent());
        Files.writeString(m, json);
    }

    @Test
    void nearestDeclaringManifestWins() throws IOException {
        manifest("root", "{\"dependencies\": {\"socket.io\": \"^4.7.2\", \"ws\": \"~8.2\"}}");
        manifest("root/packages/hmr", "{\"devDependencies\": {\"socket.io\": \"^2.0.4\"}}");
        Dependencies d = at("packages/hmr/lib/server.js");
        assertEquals(2, d.major("packages/hmr/lib/server.js", "socket.io"));
        // not declared by the package itself: the workspace root's declaration applies
        assertEquals(8, d.major("packages/hmr/lib/server.js", "ws"));
        assertNull(d.major("packages/hmr/lib/server.js", "express"));
    }

    @Test
    void rangesWithoutANumberAndBrokenManifestsDeclareNothing() throws IOException {
        manifest("root/a", "{\"dependencies\": {\"socket.io\": \"latest\"}}");
        manifest("root/b", "{ not json");
        manifest("root/c", "{\"dependencies\": {\"socket.io\": \">=2.1.0 <3\"}}");
        assertNull(at("a/x.js").major("a/x.js", "socket.io"));
        assertNull(at("b/x.js").major("b/x.js", "socket.io"));
        assertEquals(2, at("c/x.js").major("c/x.js", "socket.io"));
    }

    @Test
    void nothingAboveTheScanRootIsRead() throws IOException {
        // a manifest beside the scan root's folder, outside the scan
        manifest("", "{\"dependencies\": {\"socket.io\": \"^2.0.0\"}}");
        assertNull(at("srv/index.js").major("srv/index.js", "socket.io"));
        assertNull(Dependencies.NONE.major("srv/index.js", "socket.io"));
    }
}

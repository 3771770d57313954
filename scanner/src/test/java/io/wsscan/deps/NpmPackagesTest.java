package io.wsscan.deps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class NpmPackagesTest {

    @TempDir
    Path tmp;

    /** A package folder with its package.json: name, version and {@code "dependencies"} JSON (may be empty). */
    public static Path pkg(Path dir, String name, String version, String deps) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"" + name + "\", \"version\": \"" + version + "\""
                + (deps.isEmpty() ? "" : ", \"dependencies\": {" + deps + "}") + "}");
        return dir;
    }

    private static List<String> labels(NpmPackages.Result r) {
        return r.runtime().stream().map(i -> i.pkg().label()).toList();
    }

    @Test
    void runtimeDependenciesAreFollowedAsNodeResolvesThem() throws IOException {
        Path root = tmp.toRealPath();
        Files.writeString(root.resolve("package.json"), """
                {"name": "app", "dependencies": {"a": "^1", "@s/b": "^3", "gone": "^1"},
                 "devDependencies": {"devtool": "^9"},
                 "optionalDependencies": {"opt": "^1"},
                 "peerDependencies": {"peer": "^1"}}
                """);
        Path nm = root.resolve("node_modules");
        pkg(nm.resolve("a"), "a", "1.0.0", "\"c\": \"^2\"");
        pkg(nm.resolve("a/node_modules/c"), "c", "2.0.0", "");   // nested: a's own version of c
        pkg(nm.resolve("c"), "c", "1.0.0", "");                  // hoisted for devtool only
        pkg(nm.resolve("@s/b"), "@s/b", "3.1.0", "\"d\": \"*\"");
        pkg(nm.resolve("d"), "d", "0.1.0", "");
        pkg(nm.resolve("devtool"), "devtool", "9.0.0", "\"c\": \"^1\"");
        pkg(nm.resolve("peer"), "peer", "1.2.0", "");

        NpmPackages.Result r = NpmPackages.resolve(root);
        assertEquals(List.of("@s/b@3.1.0", "a@1.0.0", "c@2.0.0", "d@0.1.0", "peer@1.2.0"), labels(r));
        NpmPackages.Installed c = r.runtime().stream().filter(i -> i.pkg().name().equals("c")).findFirst().orElseThrow();
        assertEquals(nm.resolve("a/node_modules/c"), c.dir());
        // devtool and the c@1 only it needs
        assertEquals(2, r.leftOut());
        // a missing optional dependency is normal; a missing plain one is worth a note
        assertEquals(List.of("gone (package.json)"), r.missing());
        assertEquals(List.of(root), r.projects());
    }

    @Test
    void workspaceMembersAddTheirDependenciesAndStayOwnCode() throws IOException {
        Path root = tmp.toRealPath();
        Files.writeString(root.resolve("package.json"), "{\"name\": \"mono\", \"workspaces\": [\"packages/*\"]}");
        Path web = pkg(root.resolve("packages/web"), "web", "0.0.1", "\"e\": \"^1\"");
        Path nm = root.resolve("node_modules");
        pkg(nm.resolve("e"), "e", "1.0.0", "");
        pkg(nm.resolve("unused"), "unused", "1.0.0", "");
        Files.createSymbolicLink(nm.resolve("web"), web);

        NpmPackages.Result r = NpmPackages.resolve(root);
        assertEquals(List.of("e@1.0.0"), labels(r));
        assertEquals(1, r.leftOut());
    }

    @Test
    void pnpmLayoutResolvesThroughItsLinks() throws IOException {
        Path root = tmp.toRealPath();
        Files.writeString(root.resolve("package.json"), "{\"dependencies\": {\"x\": \"1.0.0\"}}");
        Path store = root.resolve("node_modules/.pnpm");
        Path x = pkg(store.resolve("x@1.0.0/node_modules/x"), "x", "1.0.0", "\"y\": \"2.0.0\"");
        Path y = pkg(store.resolve("y@2.0.0/node_modules/y"), "y", "2.0.0", "");
        pkg(store.resolve("z@3.0.0/node_modules/z"), "z", "3.0.0", "");
        Files.createSymbolicLink(store.resolve("x@1.0.0/node_modules/y"), y);
        Files.createSymbolicLink(root.resolve("node_modules/x"), x);

        NpmPackages.Result r = NpmPackages.resolve(root);
        assertEquals(List.of("x@1.0.0", "y@2.0.0"), labels(r));
        assertEquals(y, r.runtime().get(1).dir());
        assertEquals(1, r.leftOut(), "z is installed but nothing at run time needs it");
    }

    @Test
    void projectsInSubfoldersAreFound() throws IOException {
        Path root = tmp.toRealPath();
        Path front = root.resolve("src/main/frontend");
        Files.createDirectories(front);
        Files.writeString(front.resolve("package.json"), "{\"dependencies\": {\"a\": \"1\"}}");
        pkg(front.resolve("node_modules/a"), "a", "1.0.0", "");
        NpmPackages.Result r = NpmPackages.resolve(root);
        assertEquals(List.of("a@1.0.0"), labels(r));
        assertEquals(List.of(front), r.projects());
    }

    @Test
    void namesThatLeaveTheFolderAreNotPackages() throws IOException {
        assertTrue(NpmPackages.validName("socket.io-client"));
        assertTrue(NpmPackages.validName("@stomp/stompjs"));
        assertFalse(NpmPackages.validName("../evil"));
        assertFalse(NpmPackages.validName("a/b"));
        assertFalse(NpmPackages.validName("@scope"));
        assertFalse(NpmPackages.validName("@s/.."));
        Path root = tmp.toRealPath();
        assertNull(NpmPackages.locate(root, root, "nothing-here"));
    }
}

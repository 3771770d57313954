package io.wsscan.engine;

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

/** Each rule of {@link NodeModules}: what makes a node_modules installed dependencies or the project's own. */
class NodeModulesTest {

    @TempDir
    Path tmp;

    private Path root() throws IOException {
        return tmp.toRealPath();
    }

    private void write(String rel, String text) throws IOException {
        Path p = tmp.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /** Writes files given as path, text, path, text, ... */
    private void files(String... pathThenText) throws IOException {
        for (int i = 0; i < pathThenText.length; i += 2) write(pathThenText[i], pathThenText[i + 1]);
    }

    private NodeModules.Decision decide(String rel) throws IOException {
        Path dir = root().resolve(rel);
        Files.createDirectories(dir);
        return NodeModules.decide(root(), dir);
    }

    @Test
    void aPackageManagersManifestInsideMeansInstalled() throws IOException {
        for (String m : List.of(".package-lock.json", ".yarn-integrity", ".modules.yaml", ".yarn-state.yml")) {
            String rel = "p-" + m.substring(1).replace('.', '-') + "/node_modules";
            write(rel + "/" + m, "x");
            NodeModules.Decision d = decide(rel);
            assertTrue(d.installed(), m);
            assertEquals("it holds " + m + ", a package manager's install manifest", d.reason());
        }
        Files.createDirectories(tmp.resolve("pnpm/node_modules/.pnpm"));
        assertTrue(decide("pnpm/node_modules").installed());
    }

    @Test
    void aLockfileBesideMeansInstalled() throws IOException {
        for (String l : List.of("package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "bun.lock")) {
            String rel = "l-" + l.replace('.', '-');
            write(rel + "/" + l, "x");
            NodeModules.Decision d = decide(rel + "/node_modules");
            assertTrue(d.installed(), l);
            assertEquals("the lockfile " + l + " lies beside it", d.reason());
        }
    }

    @Test
    void npmInstallMetadataInAPackageMeansInstalled() throws IOException {
        files("old/node_modules/@types/node/package.json", "{\"name\": \"@types/node\"}",
                "old/node_modules/ws/package.json", "{\"name\": \"ws\", \"_resolved\": \"https://registry.npmjs.org/ws/-/ws-1.0.0.tgz\"}");
        NodeModules.Decision d = decide("old/node_modules");
        assertTrue(d.installed());
        assertEquals("its package ws has npm's install metadata (_resolved)", d.reason());
        // a package.json that is not JSON is no evidence either way
        write("odd/node_modules/x/package.json", "{ not json");
        assertFalse(decide("odd/node_modules").installed());
    }

    @Test
    void theDependencyFolderOfAMemberPackageInAnInstalledProjectIsInstalled() throws IOException {
        // npm workspaces: a member's own dependencies land in packages/a/node_modules, without a manifest
        files("package-lock.json", "{}", "packages/a/package.json", "{\"name\": \"a\"}",
                "packages/a/node_modules/left-pad/index.js", "x");
        NodeModules.Decision d = decide("packages/a/node_modules");
        assertTrue(d.installed());
        assertEquals("it is the dependency folder of a package in a project installed above (package-lock.json)", d.reason());
    }

    @Test
    void aFolderOfPackagesNobodyInstalledIsTheProjectsOwn() throws IOException {
        files("package-lock.json", "{}", "packages/node_modules/@node-red/util/package.json", "{\"name\": \"@node-red/util\"}");
        NodeModules.Decision d = decide("packages/node_modules");
        assertFalse(d.installed());
        assertEquals("no install manifest, lockfile or install metadata: the project's own packages", d.reason());
    }

    @Test
    void workspacePackagesInsideAreTheProjectsOwnEvenBesideALockfile() throws IOException {
        files("package.json", "{\"workspaces\": {\"packages\": [\"node_modules/@app/*\", \"!node_modules/@app/vendored\"]}}",
                "package-lock.json", "{}", "node_modules/@app/vendored/package.json", "{}", "node_modules/@app/ui/package.json", "{}");
        NodeModules.Decision d = decide("node_modules");
        assertFalse(d.installed());
        assertEquals("its package node_modules/@app/ui is a workspace of package.json (\"node_modules/@app/*\")", d.reason());
        // a glob list that covers nothing inside leaves the other rules to decide
        files("other/package.json", "{\"workspaces\": [\"packages/*\"]}", "other/yarn.lock", "x",
                "other/node_modules/ws/package.json", "{}");
        assertTrue(decide("other/node_modules").installed());
    }

    @Test
    void workspaceGlobsAreAnchoredAndLaterNegationsWin() {
        assertEquals("pkgs/*", NodeModules.covering(List.of("pkgs/*"), "pkgs/a"));
        assertNull(NodeModules.covering(List.of("pkgs/*"), "x/pkgs/a"));
        assertEquals("a", NodeModules.covering(List.of("a"), "a"));
        assertNull(NodeModules.covering(List.of("pkgs/*", "!pkgs/b"), "pkgs/b"));
        assertEquals("pkgs/**", NodeModules.covering(List.of("pkgs/**"), "pkgs/node_modules/@s/x"));
        assertNull(NodeModules.covering(List.of("[z-a]"), "z"), "a glob the package manager rejects covers nothing");
    }
}

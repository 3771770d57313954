package io.wsscan.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells a {@code node_modules} folder of installed dependencies from one that holds the project's own
 * packages (node-red keeps its product code in {@code packages/node_modules/@node-red/...}; workspaces
 * may list packages there). The decision reads only a few names and small files around the folder, so
 * it is cheap and depends on nothing but the tree:
 * <ol>
 *   <li>first party when an enclosing {@code package.json} (up to the scan root) lists a package inside
 *       it in {@code workspaces};</li>
 *   <li>installed when it holds a package manager's install manifest ({@link #MANIFESTS});</li>
 *   <li>installed when a lockfile ({@link #LOCKFILES}) lies beside it;</li>
 *   <li>installed when one of its first packages carries npm's install metadata ({@link #INSTALL_FIELDS});</li>
 *   <li>installed when it is the dependency folder of a package ({@code package.json} beside it) in a
 *       project that was installed (a lockfile, or a {@code node_modules} with a manifest, in a folder
 *       above): npm workspaces put a member's own dependencies there, without a manifest;</li>
 *   <li>otherwise first party: nothing in it was put there by a package manager.</li>
 * </ol>
 */
public final class NodeModules {

    /** The folder name this class decides about. */
    public static final String NAME = "node_modules";

    /** Notification kind of a {@code node_modules} folder left out as installed dependencies. */
    public static final String DEPENDENCIES = "dependencies";

    /** Files and folders package managers write into the {@code node_modules} they install. */
    static final List<String> MANIFESTS = List.of(".package-lock.json", ".yarn-integrity", ".modules.yaml",
            ".yarn-state.yml", ".pnpm", ".deno");

    /** Lockfiles written beside the {@code node_modules} a package manager installs. */
    static final List<String> LOCKFILES = List.of("package-lock.json", "npm-shrinkwrap.json", "yarn.lock",
            "pnpm-lock.yaml", "bun.lockb", "bun.lock");

    /** {@code package.json} fields npm (up to version 6) adds to the packages it installs. */
    static final List<String> INSTALL_FIELDS = List.of("_resolved", "_integrity", "_from");

    /** How many packages of a folder are looked at for install metadata. */
    static final int PACKAGES_READ = 8;

    /** A {@code package.json} larger than this is not read (a manifest is a few KB). */
    static final long MAX_MANIFEST_BYTES = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The decision and the evidence it rests on, as a clause for the summary. */
    public record Decision(boolean installed, String reason) {
    }

    private NodeModules() {
    }

    /**
     * Decides about {@code dir}, a folder named {@code node_modules} under {@code root} (both real
     * paths, {@code dir} inside {@code root}).
     */
    public static Decision decide(Path root, Path dir) {
        Path parent = dir.getParent();
        String workspace = workspaceCovering(root, dir);
        if (workspace != null) return new Decision(false, workspace);
        for (String m : MANIFESTS) {
            if (Files.exists(dir.resolve(m), LinkOption.NOFOLLOW_LINKS)) {
                return new Decision(true, "it holds " + m + ", a package manager's install manifest");
            }
        }
        String lock = lockfileIn(parent);
        if (lock != null) return new Decision(true, "the lockfile " + lock + " lies beside it");
        String metadata = installMetadata(dir);
        if (metadata != null) return new Decision(true, metadata);
        if (Files.isRegularFile(parent.resolve("package.json"), LinkOption.NOFOLLOW_LINKS)) {
            for (Path p = parent.getParent(); p != null && p.startsWith(root); p = p.getParent()) {
                String above = lockfileIn(p);
                if (above == null && hasManifest(p.resolve(NAME))) above = NAME + " with an install manifest";
                if (above != null) {
                    return new Decision(true, "it is the dependency folder of a package in a project installed above ("
                            + slashes(root.relativize(p.resolve(above))) + ")");
                }
                if (p.equals(root)) break;
            }
        }
        return new Decision(false, "no install manifest, lockfile or install metadata: the project's own packages");
    }

    private static boolean hasManifest(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return false;
        for (String m : MANIFESTS) if (Files.exists(dir.resolve(m), LinkOption.NOFOLLOW_LINKS)) return true;
        return false;
    }

    private static String lockfileIn(Path dir) {
        for (String l : LOCKFILES) if (Files.isRegularFile(dir.resolve(l), LinkOption.NOFOLLOW_LINKS)) return l;
        return null;
    }

    /** Where npm's metadata was found in one of the first packages (by name), or null. */
    private static String installMetadata(Path dir) {
        int read = 0;
        for (Path pkg : packages(dir)) {
            if (read++ == PACKAGES_READ) break;
            JsonNode manifest = manifest(pkg.resolve("package.json"));
            if (manifest == null) continue;
            for (String field : INSTALL_FIELDS) {
                if (manifest.has(field)) {
                    return "its package " + slashes(dir.relativize(pkg))
                            + " has npm's install metadata (" + field + ")";
                }
            }
        }
        return null;
    }

    /**
     * The first enclosing {@code package.json} (from {@code dir}'s parent up to the root) whose
     * {@code workspaces} cover a package inside {@code dir}, as a clause; null when none does.
     */
    private static String workspaceCovering(Path root, Path dir) {
        List<Path> packages = null;
        for (Path p = dir.getParent(); p != null && p.startsWith(root); p = p.getParent()) {
            JsonNode manifest = manifest(p.resolve("package.json"));
            List<String> globs = manifest == null ? List.of() : workspaces(manifest.path("workspaces"));
            if (!globs.isEmpty()) {
                if (packages == null) packages = packages(dir);
                for (Path pkg : packages) {
                    String rel = slashes(p.relativize(pkg));
                    String glob = covering(globs, rel);
                    if (glob != null) {
                        return "its package " + rel + " is a workspace of " + slashes(root.relativize(p.resolve("package.json")))
                                + " (\"" + glob + "\")";
                    }
                }
            }
            if (p.equals(root)) break;
        }
        return null;
    }

    /** The workspace glob that takes in {@code rel} (relative to the package.json), or null; later "!" globs take it out. */
    public static String covering(List<String> globs, String rel) {
        String by = null;
        for (String g : globs) {
            boolean negated = g.startsWith("!");
            Discovery.Glob glob;
            try {
                String body = negated ? g.substring(1) : g;
                // workspace globs are relative to the package.json: anchored even without a '/'
                glob = new Discovery.Glob(body.startsWith("/") || body.startsWith("./") ? body : "/" + body);
            } catch (IllegalArgumentException e) {
                continue; // a glob the package manager would reject covers nothing
            }
            if (glob.matches(rel)) by = negated ? null : g;
        }
        return by;
    }

    /** The globs of a {@code workspaces} member: an array (npm, yarn) or {@code {packages: [...]}} (yarn 1). */
    public static List<String> workspaces(JsonNode w) {
        JsonNode list = w.isObject() ? w.path("packages") : w;
        List<String> out = new ArrayList<>();
        if (list.isArray()) {
            for (JsonNode g : list) if (g.isTextual() && !g.asText().isBlank()) out.add(g.asText().trim());
        }
        return out;
    }

    /** The package folders directly in {@code dir} and in its {@code @scope} folders, by name; links are not packages here. */
    static List<Path> packages(Path dir) {
        List<Path> out = new ArrayList<>();
        for (Path e : sortedFolders(dir)) {
            String name = e.getFileName().toString();
            if (name.startsWith(".")) continue;
            if (name.startsWith("@")) out.addAll(sortedFolders(e));
            else out.add(e);
        }
        return out;
    }

    private static List<Path> sortedFolders(Path dir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path e : s) if (Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) out.add(e);
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            // an unreadable folder holds no evidence; the walk notes it when it gets there
        }
        out.sort(null);
        return out;
    }

    /** A small regular {@code package.json} read as JSON; null when missing, too large or not JSON. */
    public static JsonNode manifest(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_MANIFEST_BYTES) return null;
            try (InputStream in = Files.newInputStream(file)) {
                JsonNode n = JSON.readTree(in);
                return n != null && n.isObject() ? n : null;
            }
        } catch (IOException e) {
            return null; // malformed or unreadable: no evidence either way
        }
    }

    private static String slashes(Path p) {
        return p.toString().replace('\\', '/');
    }
}

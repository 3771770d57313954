package io.wsscan.deps;

import com.fasterxml.jackson.databind.JsonNode;
import io.wsscan.engine.NodeModules;
import io.wsscan.inventory.Endpoint;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The npm packages an application ships: from each project folder ({@code package.json} beside a
 * {@code node_modules}) the packages of its {@code dependencies}, {@code optionalDependencies} and
 * {@code peerDependencies} (and those of its workspaces' members), then each installed package's own
 * {@code dependencies} and {@code optionalDependencies}, resolved as Node does: {@code node_modules} of the
 * requiring package's folder first, then of each folder above it. {@code devDependencies} are build tools,
 * not shipped code, and are not followed. Packages are identified by their real folder, so pnpm's
 * {@code node_modules/.pnpm/NAME@VERSION/node_modules/NAME} layout (links to the store) resolves too.
 * Nothing is read outside the scan root.
 */
public final class NpmPackages {

    private NpmPackages() {
    }

    /** How deep below the scan root project folders are looked for (monorepos keep apps one or two levels down). */
    static final int PROJECT_DEPTH = 4;

    /** Keys of a project's package.json whose packages run with the application. */
    private static final List<String> ROOT_KEYS = List.of("dependencies", "optionalDependencies", "peerDependencies");
    /** Keys of an installed package's package.json that npm installs for it (peers are the requirer's to give). */
    private static final List<String> PACKAGE_KEYS = List.of("dependencies", "optionalDependencies");

    /** One installed runtime package: its name and version, and its real folder (absolute). */
    public record Installed(Endpoint.Package pkg, Path dir) {
    }

    /**
     * @param runtime   the runtime packages, by folder
     * @param leftOut   installed packages no runtime dependency reaches (dev tools and their dependencies)
     * @param missing   declared runtime dependencies that are not installed ({@code name (from package.json)})
     * @param projects  the project folders read (absolute)
     */
    public record Result(List<Installed> runtime, int leftOut, List<String> missing, List<Path> projects) {
    }

    /** The runtime packages of every project folder under {@code root} (a real, absolute path). */
    public static Result resolve(Path root) {
        List<Path> projects = new ArrayList<>();
        findProjects(root, 0, projects);
        Map<Path, Installed> runtime = new TreeMap<>();
        Set<Path> seen = new HashSet<>();
        List<String> missing = new ArrayList<>();
        Deque<Path> todo = new ArrayDeque<>();
        for (Path project : projects) {
            JsonNode manifest = NodeModules.manifest(project.resolve("package.json"));
            List<Path> members = new ArrayList<>(List.of(project));
            members.addAll(workspaceMembers(project, manifest));
            for (Path member : members) {
                JsonNode m = member.equals(project) ? manifest : NodeModules.manifest(member.resolve("package.json"));
                for (String name : names(m, ROOT_KEYS)) {
                    Path found = locate(root, member, name);
                    if (found == null) {
                        // an optional or peer dependency may be absent on purpose; a plain one is worth a word
                        if (m.path("dependencies").has(name)) missing.add(name + " (" + rel(root, member.resolve("package.json")) + ")");
                        continue;
                    }
                    todo.add(found);
                }
            }
        }
        while (!todo.isEmpty()) {
            Path dir = todo.poll();
            if (!seen.add(dir)) continue;
            JsonNode m = NodeModules.manifest(dir.resolve("package.json"));
            if (m == null) continue;
            if (isInstalled(root, dir)) {
                String name = m.path("name").isTextual() ? m.path("name").asText() : installedName(dir);
                String version = m.path("version").isTextual() ? m.path("version").asText() : null;
                runtime.put(dir, new Installed(new Endpoint.Package(name, version, "npm"), dir));
            }
            // a linked workspace member is the project's own code (scanned as such), but what it needs is shipped
            for (String name : names(m, PACKAGE_KEYS)) {
                Path found = locate(root, dir, name);
                if (found != null && !seen.contains(found)) todo.add(found);
            }
        }
        Set<Path> all = new HashSet<>();
        for (Path project : projects) installedUnder(root, project.resolve(NodeModules.NAME), all);
        all.removeAll(runtime.keySet());
        List<Installed> out = new ArrayList<>(runtime.values());
        out.sort(Comparator.comparing(Installed::pkg).thenComparing(Installed::dir));
        return new Result(List.copyOf(out), all.size(), List.copyOf(missing), List.copyOf(projects));
    }

    /** Folders with a package.json and an installed node_modules, the root first, not inside any node_modules. */
    private static void findProjects(Path dir, int depth, List<Path> out) {
        if (Files.isRegularFile(dir.resolve("package.json"), LinkOption.NOFOLLOW_LINKS)
                && Files.isDirectory(dir.resolve(NodeModules.NAME), LinkOption.NOFOLLOW_LINKS)) {
            out.add(dir);
        }
        if (depth >= PROJECT_DEPTH) return;
        for (Path sub : folders(dir)) {
            String name = sub.getFileName().toString();
            if (name.startsWith(".") || name.equals(NodeModules.NAME) || name.equals("target") || name.equals("build")) continue;
            findProjects(sub, depth + 1, out);
        }
    }

    /** The member folders of a package.json's {@code workspaces} (globs over folders up to three levels down). */
    private static List<Path> workspaceMembers(Path project, JsonNode manifest) {
        if (manifest == null) return List.of();
        List<String> globs = NodeModules.workspaces(manifest.path("workspaces"));
        if (globs.isEmpty()) return List.of();
        List<Path> out = new ArrayList<>();
        collectMembers(project, project, globs, 0, out);
        return out;
    }

    private static void collectMembers(Path project, Path dir, List<String> globs, int depth, List<Path> out) {
        for (Path sub : folders(dir)) {
            String name = sub.getFileName().toString();
            if (name.startsWith(".") || name.equals(NodeModules.NAME)) continue;
            String rel = rel(project, sub);
            if (NodeModules.covering(globs, rel) != null && Files.isRegularFile(sub.resolve("package.json"))) out.add(sub);
            if (depth < 2) collectMembers(project, sub, globs, depth + 1, out);
        }
    }

    /** Dependency names under these keys of a manifest, sorted and without repeats. */
    private static List<String> names(JsonNode manifest, List<String> keys) {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        if (manifest == null) return List.of();
        for (String key : keys) {
            for (Iterator<String> it = manifest.path(key).fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (validName(name)) out.add(name);
            }
        }
        return List.copyOf(out);
    }

    /** An npm package name (optionally scoped) that cannot step out of a folder. */
    static boolean validName(String name) {
        String[] parts = name.split("/", -1);
        if (parts.length > 2 || parts.length == 2 && !parts[0].startsWith("@")) return false;
        for (String p : parts) if (p.isEmpty() || p.equals(".") || p.equals("..") || p.contains("\\")) return false;
        return parts.length == 2 || !name.startsWith("@");
    }

    /**
     * Node's lookup of package {@code name} required from {@code from}: {@code DIR/node_modules/NAME} for
     * {@code from} and each folder above it (folders named node_modules are not looked in), up to the scan
     * root; the package's real folder, or null.
     */
    static Path locate(Path root, Path from, String name) {
        for (Path p = from; p != null && p.startsWith(root); p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals(NodeModules.NAME)) continue;
            Path candidate = p.resolve(NodeModules.NAME).resolve(name);
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                try {
                    Path real = candidate.toRealPath();
                    return real.startsWith(root) ? real : null;
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** True when a package folder lies inside a node_modules folder (installed), false for linked own code. */
    private static boolean isInstalled(Path root, Path dir) {
        for (Path p : root.relativize(dir)) if (p.toString().equals(NodeModules.NAME)) return true;
        return false;
    }

    /** The package name a folder inside node_modules stands for: {@code @scope/name} or {@code name}. */
    private static String installedName(Path dir) {
        Path parent = dir.getParent();
        String name = dir.getFileName().toString();
        return parent != null && parent.getFileName().toString().startsWith("@") ? parent.getFileName() + "/" + name : name;
    }

    /** Every installed package folder (real path) in this node_modules and the node_modules nested in them. */
    private static void installedUnder(Path root, Path nodeModules, Set<Path> out) {
        for (Path e : entries(nodeModules)) {
            String name = e.getFileName().toString();
            if (name.equals(".pnpm")) {
                for (Path store : folders(e)) installedUnder(root, store.resolve(NodeModules.NAME), out);
            } else if (name.startsWith("@")) {
                for (Path scoped : entries(e)) installedPackage(root, scoped, out);
            } else if (!name.startsWith(".")) {
                installedPackage(root, e, out);
            }
        }
    }

    private static void installedPackage(Path root, Path dir, Set<Path> out) {
        try {
            Path real = dir.toRealPath();
            // a link to a workspace member is the project's own code, not an installed package
            if (!real.startsWith(root) || !isInstalled(root, real)) return;
            if (!Files.isRegularFile(real.resolve("package.json")) || !out.add(real)) return;
            installedUnder(root, real.resolve(NodeModules.NAME), out);
        } catch (IOException e) {
            // a dangling link is no installed package
        }
    }

    /** Sub-folders (not links), sorted. */
    private static List<Path> folders(Path dir) {
        List<Path> out = new ArrayList<>();
        for (Path e : entries(dir)) if (Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) out.add(e);
        return out;
    }

    /** Entries of a folder (links too: npm and pnpm link packages), sorted; none when it cannot be read. */
    private static List<Path> entries(Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path e : s) out.add(e);
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            return out;
        }
        out.sort(null);
        return out;
    }

    static String rel(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }
}

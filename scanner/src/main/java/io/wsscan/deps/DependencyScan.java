package io.wsscan.deps;

import io.wsscan.analysis.JsAnalyzer;
import io.wsscan.analysis.Models;
import io.wsscan.engine.Classification;
import io.wsscan.engine.Discovery;
import io.wsscan.engine.FileReport;
import io.wsscan.engine.NodeModules;
import io.wsscan.engine.ScanOptions;
import io.wsscan.engine.Scanner;
import io.wsscan.engine.SourceFile;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Notification;
import io.wsscan.inventory.Endpoint;
import io.wsscan.policy.Policy;
import io.wsscan.rules.RuleCatalog;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Third-party code at inventory depth ({@code --dependencies}): the scripts of the installed runtime npm
 * packages ({@link NpmPackages}) and of webjars ({@link Webjars}). Only scripts whose text names a connection
 * API (the models' triggers) are parsed and analysed; the rest is counted. What comes out:
 * <ul>
 *   <li>client connections, each with its package and the kinds of data seen reaching its sends (cookies,
 *       storage, passwords and the other sensitive kinds, user input);</li>
 *   <li>{@code js/ws-untrusted-host} findings (when the policy has an allowlist), naming the package. Other
 *       rules do not run on library code: their findings would be about the library's internals, which the
 *       application's team neither owns nor can fix, and reading a library alone does not show how the
 *       application uses it;</li>
 *   <li>one {@code info} note with the counts, one per declared dependency that is not installed, and the
 *       problems of files that could not be read or analysed.</li>
 * </ul>
 * Server endpoints in library code are not listed: a server library defines no endpoint of the application.
 */
public final class DependencyScan {

    private DependencyScan() {
    }

    private static final boolean DEBUG = Boolean.getBoolean("wsscan.debug");

    /** The rule that runs on dependency code. */
    public static final String UNTRUSTED_HOST = "js/ws-untrusted-host";

    /** Source kinds whose reaching a send the dependency inventory reports. */
    static final Set<String> SENT_KINDS = Set.of("cookie", "stored-secret", "secret", "password", "card", "health",
            "geolocation", "user-input");

    /** Notification kind of the dependency summary and of declared dependencies that are not installed. */
    public static final String NOTE = "info";

    /** How the messages of those notes start. */
    public static final String PREFIX = "dependencies: ";

    /** What the dependencies added to a scan. */
    public record Result(List<Endpoint> endpoints, List<Finding> findings, List<Notification> notifications) {
    }

    /** One script of a package: on disk ({@code path}) or already read (a webjar entry). */
    private record Script(Endpoint.Package pkg, String relPath, Path path, String text, long size) {
    }

    /**
     * Reads the dependencies of the project at {@code root} (the scan root) as {@code options.dependencies()}
     * asks, with the rules of {@code catalog} that apply to dependency code.
     */
    public static Result run(Path root, RuleCatalog catalog, Policy policy, ScanOptions options) {
        // reports are byte-identical for the same input: no times in the notes
        List<Notification> notes = new ArrayList<>();
        List<Script> scripts = new ArrayList<>();
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            realRoot = root.toAbsolutePath().normalize();
        }
        NpmPackages.Result npm = NpmPackages.resolve(realRoot);
        for (String m : npm.missing()) {
            notes.add(new Notification("", 0, 0, NOTE, PREFIX + m + " is a runtime dependency but is not installed; run the package manager's install to inventory it"));
        }
        AtomicInteger leftOutFiles = new AtomicInteger();
        for (NpmPackages.Installed p : npm.runtime()) listScripts(realRoot, p, options.maxFileSize(), scripts, leftOutFiles, notes);
        int webjarPackages = 0;
        for (Path jar : options.dependencies().jars()) {
            try {
                Webjars.Contents c = Webjars.read(jar, jar.getFileName().toString(), options.maxFileSize());
                webjarPackages += (int) c.scripts().stream().map(Webjars.Script::pkg).distinct().count();
                for (Webjars.Script s : c.scripts()) {
                    scripts.add(new Script(s.pkg(), s.relPath(), null, s.text(), s.text().length()));
                }
                for (String s : c.skipped()) notes.add(new Notification(s, 0, 0, "too-large", "webjar script over the size limit or not text; not read"));
            } catch (IOException e) {
                notes.add(new Notification(jar.getFileName().toString(), 0, 0, "read-error", "cannot read jar: " + e.getMessage()));
            }
        }
        AtomicInteger twins = new AtomicInteger();
        scripts = withoutCopies(scripts, Script::relPath, twins);
        Set<String> rules = catalog.rule(UNTRUSTED_HOST) != null ? Set.of(UNTRUSTED_HOST) : Set.of();
        JsAnalyzer analyzer = new JsAnalyzer(catalog.only(rules), policy, SENT_KINDS);
        // inventory depth: a script is parsed only when it names a connection API, not for postMessage or server code
        Models connecting = Models.load(catalog.modelDocuments().stream().filter(d -> d.has("connections")).toList());
        Analysed a = analyse(scripts, analyzer, connecting, options);
        long bytes = scripts.stream().mapToLong(Script::size).sum();
        if (npm.runtime().isEmpty() && webjarPackages == 0) {
            notes.add(new Notification("", 0, 0, NOTE, PREFIX + "none read: no installed runtime npm package (a package.json "
                    + "beside a node_modules, up to " + NpmPackages.PROJECT_DEPTH + " levels down) and no webjar in "
                    + options.dependencies().jars().size() + " jar" + (options.dependencies().jars().size() == 1 ? "" : "s")));
        } else {
            notes.add(new Notification("", 0, 0, NOTE, PREFIX + String.format(Locale.ROOT,
                "%d runtime npm package%s and %d webjar%s read at inventory depth: %d scripts (%.1f MB), %d naming "
                        + "a connection API analysed; %d installed package%s left out (not reached from runtime "
                        + "dependencies: dev tools and theirs); not read: %d test/example scripts of packages, %d copies "
                        + "of another script of the package (minified, or another module format)",
                npm.runtime().size(), npm.runtime().size() == 1 ? "" : "s", webjarPackages, webjarPackages == 1 ? "" : "s",
                scripts.size(), bytes / 1048576.0, a.analysed.get(), npm.leftOut(), npm.leftOut() == 1 ? "" : "s",
                leftOutFiles.get(), twins.get())));
        }
        notes.addAll(a.notes);
        return new Result(List.copyOf(a.endpoints), List.copyOf(a.findings), List.copyOf(notes));
    }

    /** JavaScript a package runs: {@code .js}, {@code .mjs}, {@code .cjs} (TypeScript sources in packages are not what runs). */
    static boolean isScript(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".js") || n.endsWith(".mjs") || n.endsWith(".cjs");
    }

    /** True for a package's tests and examples (by the classification's path patterns), which the application does not run. */
    static boolean notShipped(String pathInPackage) {
        Classification.Kind k = Classification.builtin().classify(pathInPackage, null);
        return k == Classification.Kind.TEST || k == Classification.Kind.EXAMPLE;
    }

    /** The scripts of one package folder, without its own node_modules (other packages) and hidden folders. */
    private static void listScripts(Path root, NpmPackages.Installed p, long maxBytes, List<Script> out,
                                    AtomicInteger leftOut, List<Notification> notes) {
        List<Script> found = new ArrayList<>();
        try {
            Files.walkFileTree(p.dir(), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(p.dir()) && (name.equals(NodeModules.NAME) || name.startsWith("."))) return FileVisitResult.SKIP_SUBTREE;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!attrs.isRegularFile() || !isScript(file.getFileName().toString())) return FileVisitResult.CONTINUE;
                    if (notShipped(NpmPackages.rel(p.dir(), file))) {
                        leftOut.incrementAndGet();
                        return FileVisitResult.CONTINUE;
                    }
                    String rel = NpmPackages.rel(root, file);
                    if (attrs.size() > maxBytes) {
                        notes.add(new Notification(rel, 0, 0, "too-large", "dependency script larger than the size limit; not read"));
                        return FileVisitResult.CONTINUE;
                    }
                    found.add(new Script(p.pkg(), rel, file, null, attrs.size()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    notes.add(new Notification(NpmPackages.rel(root, file), 0, 0, "read-error", "cannot read: " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            notes.add(new Notification(NpmPackages.rel(root, p.dir()), 0, 0, "read-error", "cannot read package: " + e.getMessage()));
        }
        found.sort(java.util.Comparator.comparing(Script::relPath));
        out.addAll(found);
    }

    /**
     * The scripts without copies of another script of the same package: minified ({@code a.min.js} next to
     * {@code a.js}), in another module format beside it ({@code a.mjs} or {@code a.cjs} next to {@code a.js}), or
     * the same path in a sibling build folder of another module format ({@code build/esm/a.js} and
     * {@code build/esm-debug/a.js} when {@code build/cjs/a.js} is there; {@link #FORMAT_FOLDERS} in order of
     * preference). Dual-format packages compile one source several times: reading every copy would list each
     * connection several times, at several times the cost.
     */
    static <T> List<T> withoutCopies(List<T> scripts, java.util.function.Function<T, String> path, AtomicInteger copies) {
        Set<String> paths = new java.util.HashSet<>();
        // the same path with its format folder as '*' -> the rank of the best format folder that has it
        java.util.Map<String, Integer> bestFormat = new java.util.HashMap<>();
        for (T t : scripts) {
            String p = path.apply(t);
            paths.add(p);
            FormatCopy c = FormatCopy.of(p);
            if (c != null) bestFormat.merge(c.key(), c.rank(), Math::min);
        }
        List<T> out = new ArrayList<>(scripts.size());
        for (T t : scripts) {
            String p = path.apply(t);
            java.util.regex.Matcher m = MINIFIED.matcher(p);
            java.util.regex.Matcher f = MODULE_FORMAT.matcher(p);
            FormatCopy c = FormatCopy.of(p);
            if (m.matches() && paths.contains(m.group(1) + m.group(2)) || f.matches() && paths.contains(f.group(1) + ".js")
                    || c != null && bestFormat.get(c.key()) < c.rank()) {
                copies.incrementAndGet();
                continue;
            }
            out.add(t);
        }
        return out;
    }

    private static final java.util.regex.Pattern MINIFIED = java.util.regex.Pattern.compile("(.*)\\.min(\\.[cm]?js)");
    private static final java.util.regex.Pattern MODULE_FORMAT = java.util.regex.Pattern.compile("(.*)\\.[cm]js");

    /** Build folders that hold one module format of a package's code, the preferred first. */
    static final List<String> FORMAT_FOLDERS = List.of("cjs", "commonjs", "esm", "es", "esm5", "es5", "esm2015", "es2015",
            "esm2017", "es2017", "esm2020", "module", "esm-debug", "cjs-debug");

    /** A path with a format folder: the path with that folder as '*', and the folder's rank. */
    private record FormatCopy(String key, int rank) {
        static FormatCopy of(String path) {
            String[] parts = path.split("/");
            // within the package: a package named like a format folder ('esm') is no build folder
            int start = 0;
            for (int i = 0; i < parts.length - 1; i++) {
                if (parts[i].equals(NodeModules.NAME)) start = i + (parts[i + 1].startsWith("@") ? 3 : 2);
                else if (parts[i].equals("webjars")) start = i + 3;
            }
            for (int i = parts.length - 2; i >= start; i--) {
                int rank = FORMAT_FOLDERS.indexOf(parts[i]);
                if (rank < 0) continue;
                parts[i] = "*";
                return new FormatCopy(String.join("/", parts), rank);
            }
            return null;
        }
    }

    /** What the analysis of the scripts found; filled from several threads. */
    private static final class Analysed {
        final List<Endpoint> endpoints = new ArrayList<>();
        final List<Finding> findings = new ArrayList<>();
        final List<Notification> notes = new ArrayList<>();
        final AtomicInteger analysed = new AtomicInteger();
    }

    /**
     * Reads each script, asks the prefilter, and analyses those that name a connection API on
     * {@code options.threads()} threads, each file under the scan's time budget.
     */
    private static Analysed analyse(List<Script> scripts, JsAnalyzer analyzer, Models connecting, ScanOptions options) {
        Analysed out = new Analysed();
        if (scripts.isEmpty()) return out;
        int threads = Math.max(1, Math.min(options.threads(), scripts.size()));
        ExecutorService supervisors = Executors.newFixedThreadPool(threads, Scanner.daemonThreads("wsscan-deps", 0));
        ExecutorService workers = Executors.newCachedThreadPool(Scanner.daemonThreads("wsscan-deps-analyze", Scanner.ANALYSIS_STACK_BYTES));
        try {
            List<Future<FileReport>> reports = new ArrayList<>();
            for (Script s : scripts) reports.add(supervisors.submit(() -> one(s, analyzer, connecting, options, workers, out)));
            for (int i = 0; i < scripts.size(); i++) {
                Script s = scripts.get(i);
                FileReport r;
                try {
                    r = reports.get(i).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("scan interrupted", e);
                } catch (ExecutionException e) {
                    r = FileReport.skipped(new Notification(s.relPath(), 0, 0, "internal-error", "analyzer failed: " + e.getCause()));
                }
                if (r == null) continue;
                for (Notification n : r.notifications()) if (!n.kind().equals("info")) out.notes.add(n);
                for (Endpoint e : r.endpoints()) if (e.isClient()) out.endpoints.add(e.withPackage(s.pkg()));
                for (Finding f : r.findings()) out.findings.add(named(f, s.pkg()));
            }
        } finally {
            supervisors.shutdownNow();
            workers.shutdownNow();
        }
        return out;
    }

    /** One script: null when the prefilter finds no connection API in it (it is not parsed). */
    private static FileReport one(Script s, JsAnalyzer analyzer, Models connecting, ScanOptions options,
                                  ExecutorService workers, Analysed out) {
        String text = s.text();
        if (text == null) {
            try {
                text = Discovery.decode(Files.readAllBytes(s.path()));
            } catch (IOException e) {
                return FileReport.skipped(new Notification(s.relPath(), 0, 0, "read-error", "cannot read file: " + e.getMessage()));
            }
            if (text == null) return null; // binary: no script
        }
        SourceFile src = new SourceFile(s.path(), s.relPath(), text);
        if (!connecting.relevant(text) || !analyzer.relevant(src)) return null;
        out.analysed.incrementAndGet();
        Future<FileReport> task = workers.submit(() -> analyzer.analyze(src));
        try {
            long t0 = System.nanoTime();
            FileReport r = task.get(options.timeBudget().toMillis(), TimeUnit.MILLISECONDS);
            if (DEBUG) System.err.printf("wsscan.debug: deps %d ms %s%n", (System.nanoTime() - t0) / 1_000_000, s.relPath());
            return r;
        } catch (TimeoutException e) {
            task.cancel(true);
            return FileReport.skipped(new Notification(s.relPath(), 0, 0, "time-budget",
                    "analysis took longer than the per-file time budget; dependency script skipped"));
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            return FileReport.skipped(new Notification(s.relPath(), 0, 0, "internal-error", "scan interrupted"));
        } catch (ExecutionException e) {
            Throwable t = e.getCause() == null ? e : e.getCause();
            String kind = t instanceof StackOverflowError ? "too-deep" : "internal-error";
            return FileReport.skipped(new Notification(s.relPath(), 0, 0, kind, "analysis failed: " + t));
        }
    }

    /** The finding with its package named in the message. */
    static Finding named(Finding f, Endpoint.Package pkg) {
        String message = "In dependency " + pkg.label() + " (" + pkg.source() + "): " + f.message();
        return new Finding(f.ruleId(), f.level(), f.file(), f.region(), message, f.trace(), f.suppression());
    }

}

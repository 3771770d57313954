package io.wsscan.engine;

import io.wsscan.analysis.JsAnalyzer;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Notification;
import io.wsscan.findings.Suppressions;
import io.wsscan.html.TemplateAnalyzer;
import io.wsscan.rules.RuleCatalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs a scan: loads the rule catalog, discovers files, analyses them in parallel (one task per
 * file), and collects findings and notes into a deterministic {@link ScanResult}.
 *
 * <p>Each file runs under a wall-time budget and a guard against any {@link Throwable} from the
 * analyzer: a file over budget, a stack overflow or an analyzer bug becomes a {@link Notification} for
 * that file and the scan goes on. Files are analysed on threads with a large stack (deeply nested code
 * is common in minified bundles); a file that still overflows it is reported as {@code too-deep}.
 */
public final class Scanner {

    /** Stack size of analysis threads: room for any tree within {@link io.wsscan.ir.Nesting#MAX} levels, JIT or not. */
    public static final long ANALYSIS_STACK_BYTES = 32L * 1024 * 1024;

    private static final boolean DEBUG = Boolean.getBoolean("wsscan.debug");

    private final java.util.function.BiFunction<RuleCatalog, ScanOptions, List<FileAnalyzer>> analyzers;

    /** The standard analyzers: JavaScript files, the scripts inside HTML/JSP/Vue templates, and Java server code. */
    public Scanner() {
        this.analyzers = (catalog, options) -> {
            JsAnalyzer js = new JsAnalyzer(catalog, options.policy());
            return List.of(js, new TemplateAnalyzer(js), new io.wsscan.java.JavaAnalyzer(catalog));
        };
    }

    /** Fixed analyzers (tests, embedding); the catalog still decides which rules' findings are kept. */
    public Scanner(List<FileAnalyzer> analyzers) {
        this(catalog -> analyzers);
    }

    /** Analyzers built from the scan's rule catalog (after user rulesets and the rule filter). */
    public Scanner(Function<RuleCatalog, List<FileAnalyzer>> analyzers) {
        this.analyzers = (catalog, options) -> analyzers.apply(catalog);
    }

    /**
     * Scans.
     *
     * @throws io.wsscan.rules.RulesetException when a ruleset is broken or a rule id is unknown
     * @throws IllegalArgumentException         when a path does not exist
     */
    public ScanResult scan(ScanOptions options) {
        long t0 = System.nanoTime();
        RuleCatalog catalog = RuleCatalog.load(options.rulesets());
        // every rule a suppression may name, also those this scan leaves out (--rules, the policy)
        java.util.Set<String> knownRules = java.util.Set.copyOf(catalog.rules().keySet());
        io.wsscan.policy.Policy policy = options.policy();
        policy.checkRules(catalog.rules().keySet());
        if (!options.ruleIds().isEmpty()) catalog = catalog.only(options.ruleIds());
        for (String id : options.ruleIds()) {
            // asked for by name, a rule that cannot run must not pass silently
            if (catalog.rule(id).needsAllowlist() && !policy.hasAllowlist()) {
                throw new io.wsscan.rules.RulesetException("rule " + id + " needs allowedHosts in .wsscan.yml (or --config FILE)");
            }
        }
        catalog = catalog.only(catalog.rules().values().stream()
                .filter(r -> policy.enabled(r.id()) && (!r.needsAllowlist() || policy.hasAllowlist()))
                .map(io.wsscan.rules.RuleMeta::id).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
        List<FileAnalyzer> fileAnalyzers = List.copyOf(analyzers.apply(catalog, options));

        Discovery.Result found = new Discovery(fileAnalyzers, options).discover(options.paths());
        List<Discovery.Candidate> files = found.files();
        long totalBytes = files.stream().mapToLong(Discovery.Candidate::size).sum();
        options.progress().started(files.size(), totalBytes);

        List<Notification> notes = new ArrayList<>(found.notifications());
        ScanCache cache = openCache(options, catalog, policy, found.root(), notes);
        List<FileOutcome> outcomes = analyseAll(files, fileAnalyzers, options, cache);
        options.progress().finished();
        if (cache != null) {
            cache.prune();
            notes.addAll(cache.notes());
        }

        List<Finding> findings = new ArrayList<>();
        List<io.wsscan.inventory.Endpoint> endpoints = new ArrayList<>();
        List<io.wsscan.inventory.PageScript> pageScripts = new ArrayList<>();
        Map<String, String> frontEnds = new TreeMap<>();
        java.util.TreeSet<String> analysedFiles = new java.util.TreeSet<>();
        List<String> partlyRead = new ArrayList<>();
        Map<String, Classification.Kind> classes = new TreeMap<>();
        int analysed = 0;
        long bytes = 0;
        for (FileOutcome o : outcomes) {
            notes.addAll(o.notifications());
            pageScripts.addAll(o.pageScripts());
            notes.addAll(Suppressions.problems(o.relPath(), o.suppressions(), knownRules, options.reportUnusedSuppressions(),
                    id -> io.wsscan.rules.Spelling.nearMiss(id, knownRules)));
            if (!o.analysed()) continue;
            analysed++;
            analysedFiles.add(o.relPath());
            if (o.partlyRead()) partlyRead.add(o.relPath());
            if (!o.kind().production()) classes.put(o.relPath(), o.kind());
            bytes += o.bytes();
            for (Finding f : o.findings()) {
                if (catalog.rule(f.ruleId()) != null) findings.add(f);
            }
            endpoints.addAll(o.endpoints());
            if (o.frontEnd() != null && !"rhino".equals(o.frontEnd())) frontEnds.put(o.relPath(), o.frontEnd());
        }
        if (options.dependencies().enabled()) {
            // third-party code at inventory depth: its connections, and the allowlist's findings naming the package
            io.wsscan.deps.DependencyScan.Result deps = io.wsscan.deps.DependencyScan.run(found.root(), catalog, policy, options);
            findings.addAll(deps.findings());
            endpoints.addAll(deps.endpoints());
            notes.addAll(deps.notifications());
        }
        List<Finding> sorted = capOutsideProduction(policy.apply(findings, found.root()), classes).stream()
                .distinct().sorted(Finding.ORDER).toList();
        List<Notification> sortedNotes = notes.stream().distinct().sorted(Notification.ORDER).toList();
        int discovered = files.size() + found.skippedFiles();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        ScanResult.Stats stats = new ScanResult.Stats(discovered, analysed, discovered - analysed, bytes, millis,
                cache == null ? -1 : cache.hits(), cache == null ? 0 : cache.units());
        List<io.wsscan.inventory.Endpoint> sortedEndpoints = endpoints.stream().distinct()
                .sorted(io.wsscan.inventory.Endpoint.ORDER).toList();
        return new ScanResult(found.root(), sorted, sortedNotes, catalog, stats, Map.copyOf(frontEnds), sortedEndpoints,
                List.copyOf(analysedFiles), classes, partlyRead, sourceRoot(options, found.root()),
                loadedFiles(pageScripts, analysedFiles));
    }

    /** Page scripts sorted, each relative one naming the analysed file its {@code src} loads. */
    static List<io.wsscan.inventory.PageScript> loadedFiles(List<io.wsscan.inventory.PageScript> scripts, java.util.Set<String> analysed) {
        List<io.wsscan.inventory.PageScript> out = new ArrayList<>(scripts.size());
        for (io.wsscan.inventory.PageScript s : scripts) {
            String file = s.party() == io.wsscan.inventory.Endpoint.Party.RELATIVE
                    ? io.wsscan.html.PageScripts.resolve(s.page(), s.src(), analysed::contains) : null;
            out.add(file == null ? s : s.withFile(file));
        }
        out.sort(io.wsscan.inventory.PageScript.ORDER);
        return List.copyOf(out);
    }

    /**
     * Findings in test, example, generated and vendored files at {@code note}. The one place levels are
     * capped: after every rule and the policy's level overrides, so whatever level a rule or the policy
     * chose, such a finding never fails {@code --fail-on error} or {@code warning}.
     */
    static List<Finding> capOutsideProduction(List<Finding> findings, Map<String, Classification.Kind> classes) {
        if (classes.isEmpty()) return findings;
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            boolean capped = classes.containsKey(f.file()) && f.level() != Finding.Level.NOTE;
            out.add(capped ? f.withLevel(Finding.Level.NOTE) : f);
        }
        return out;
    }

    /** The cache of {@code --cache}, or null when none is asked for or it cannot be used (then with a note). */
    private static ScanCache openCache(ScanOptions options, RuleCatalog catalog, io.wsscan.policy.Policy policy, Path root,
                                       List<Notification> notes) {
        if (options.cache() == null) return null;
        String key;
        try {
            key = ScanCache.scanKey(catalog, policy, options, root);
        } catch (IllegalStateException e) {
            notes.add(new Notification("", 0, 0, ScanCache.NOTE_KIND, "the cache is not used: " + e.getMessage()));
            return null;
        }
        return ScanCache.open(options.cache(), key, notes);
    }

    private List<FileOutcome> analyseAll(List<Discovery.Candidate> files, List<FileAnalyzer> fileAnalyzers,
                                         ScanOptions options, ScanCache cache) {
        if (files.isEmpty()) return List.of();
        List<FileOutcome> together = new ArrayList<>();
        files = analyseProjects(files, fileAnalyzers, options, together, cache);
        if (files.isEmpty()) return together;
        int threads = Math.min(options.threads(), files.size());
        // Supervisors read a file and wait for its analysis; analysis runs on its own thread so that a
        // runaway analyzer can be abandoned (daemon threads) without stalling the pool.
        ExecutorService supervisors = Executors.newFixedThreadPool(threads, daemonThreads("wsscan-file", 0));
        ExecutorService workers = Executors.newCachedThreadPool(daemonThreads("wsscan-analyze", ANALYSIS_STACK_BYTES));
        try {
            long planStart = System.nanoTime();
            java.util.concurrent.atomic.AtomicLong busyNanos = new java.util.concurrent.atomic.AtomicLong(); // debug output only
            List<Units.Unit> units = Units.plan(files, fileAnalyzers, options, supervisors, cache);
            if (DEBUG) System.err.printf("wsscan.debug: units planned in %d ms%n", (System.nanoTime() - planStart) / 1_000_000);
            List<Future<List<FileOutcome>>> futures = new ArrayList<>(units.size());
            for (Units.Unit u : units) {
                futures.add(supervisors.submit(() -> {
                    long t0 = System.nanoTime();
                    try {
                        return analyseCached(u, fileAnalyzers, options, workers, cache);
                    } finally {
                        if (DEBUG) busyNanos.addAndGet(System.nanoTime() - t0);
                        if (DEBUG && System.nanoTime() - t0 > 100_000_000L) {
                            System.err.printf("wsscan.debug: %d ms from %d ms: %s%s%n", (System.nanoTime() - t0) / 1_000_000,
                                    (t0 - planStart) / 1_000_000, u.files().get(0).relPath(), u.files().size() > 1 ? " (+" + (u.files().size() - 1) + ")" : "");
                        }
                        for (Discovery.Candidate c : u.files()) {
                            if (u.keep().contains(c.relPath())) options.progress().fileDone(c.relPath(), c.size());
                        }
                    }
                }));
            }
            List<FileOutcome> out = new ArrayList<>(together);
            Stall stall = new Stall(options);
            for (int i = 0; i < futures.size(); i++) {
                out.addAll(await(futures.get(i), units.get(i), stall));
            }
            if (DEBUG) {
                System.err.printf("wsscan.debug: %d units on %d threads: busy %d ms of %d ms since planning%n", units.size(), threads,
                        busyNanos.get() / 1_000_000, (System.nanoTime() - planStart) / 1_000_000);
            }
            return out;
        } finally {
            supervisors.shutdownNow();
            workers.shutdownNow();
        }
    }

    /**
     * Files of {@link ProjectAnalyzer}s (Java) are loaded and analysed together, one call per batch the
     * analyzer forms ({@link ProjectAnalyzer#batches}), each under a time budget of the per-file budget
     * times its number of files; their outcomes go to {@code out}. Returns the files left for per-file analysis.
     */
    private static List<Discovery.Candidate> analyseProjects(List<Discovery.Candidate> files,
                                                             List<FileAnalyzer> fileAnalyzers, ScanOptions options,
                                                             List<FileOutcome> out, ScanCache cache) {
        Map<ProjectAnalyzer, List<Discovery.Candidate>> groups = new java.util.LinkedHashMap<>();
        List<Discovery.Candidate> rest = new ArrayList<>();
        for (Discovery.Candidate c : files) {
            FileAnalyzer a = fileAnalyzers.stream().filter(x -> x.accepts(c.relPath())).findFirst().orElse(null);
            if (a instanceof ProjectAnalyzer p) groups.computeIfAbsent(p, k -> new ArrayList<>()).add(c);
            else rest.add(c);
        }
        for (Map.Entry<ProjectAnalyzer, List<Discovery.Candidate>> g : groups.entrySet()) {
            out.addAll(analyseProject(g.getKey(), g.getValue(), options, cache));
        }
        return rest;
    }

    private static List<FileOutcome> analyseProject(ProjectAnalyzer analyzer, List<Discovery.Candidate> group,
                                                    ScanOptions options, ScanCache cache) {
        List<FileOutcome> out = new ArrayList<>();
        List<SourceFile> sources = new ArrayList<>();
        Map<String, Long> bytes = new TreeMap<>();
        for (Discovery.Candidate c : group) {
            Discovery.Loaded loaded = Discovery.load(c, options.maxFileSize());
            if (loaded.skipped() != null) {
                out.add(FileOutcome.skipped(c.relPath(), loaded.skipped(), loaded.bytes()));
                options.progress().fileDone(c.relPath(), c.size());
            } else {
                sources.add(loaded.source());
                bytes.put(c.relPath(), loaded.bytes());
            }
        }
        if (sources.isEmpty()) return out;
        for (List<SourceFile> batch : analyzer.batches(sources)) {
            String key = null;
            List<FileOutcome> done = null;
            if (cache != null) {
                ScanCache.Key k = cache.key("project:" + analyzer.getClass().getName());
                for (SourceFile f : batch) k.add(f.relPath()).add(f.text()).add(bytes.get(f.relPath()));
                key = k.hex();
                done = cache.get(key, batch.size() + " files of " + batch.get(0).relPath() + "'s batch");
            }
            if (done == null) {
                done = analyseBatch(analyzer, batch, bytes, options);
                if (cache != null) cache.put(key, done);
            }
            out.addAll(done);
            for (SourceFile f : batch) options.progress().fileDone(f.relPath(), bytes.get(f.relPath()));
        }
        return out;
    }

    private static List<FileOutcome> analyseBatch(ProjectAnalyzer analyzer, List<SourceFile> sources, Map<String, Long> bytes,
                                                  ScanOptions options) {
        List<FileOutcome> out = new ArrayList<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(daemonThreads("wsscan-project", ANALYSIS_STACK_BYTES));
        Map<String, FileReport> reports;
        Notification failed = null;
        try {
            Future<Map<String, FileReport>> task = worker.submit(() -> analyzer.analyzeTogether(sources, options));
            try {
                reports = task.get(options.timeBudget().toMillis() * Math.max(1, sources.size()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                task.cancel(true);
                reports = Map.of();
                failed = new Notification("", 0, 0, "time-budget", "analysis took longer than the time budget; file skipped");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reports = Map.of();
                failed = new Notification("", 0, 0, "internal-error", "scan interrupted");
            } catch (ExecutionException | CancellationException e) {
                Throwable t = e.getCause() == null ? e : e.getCause();
                reports = Map.of();
                failed = t instanceof StackOverflowError
                        ? new Notification("", 0, 0, "too-deep", "code is nested too deeply to analyse (stack overflow)")
                        : internalError("", t);
            }
        } finally {
            worker.shutdownNow();
        }
        for (SourceFile src : sources) {
            String rel = src.relPath();
            long b = bytes.get(rel);
            FileReport report = reports == null ? null : reports.get(rel);
            if (report == null) {
                Notification n = failed != null
                        ? new Notification(rel, 0, 0, failed.kind(), failed.message())
                        : new Notification(rel, 0, 0, "internal-error",
                                "analyzer " + analyzer.getClass().getSimpleName() + " returned no report");
                out.add(FileOutcome.skipped(rel, n, b));
            } else {
                out.add(FileOutcome.of(src, report, b, options));
            }
        }
        return out;
    }

    /** Analyses started in this JVM: the heartbeat {@link Stall} watches. */
    private static final java.util.concurrent.atomic.AtomicLong ANALYSES = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Notices a scan that stopped making progress: no analysis of a file or unit started for longer
     * than any one may take (eight files' budgets, twice). Seen only when the JVM is so short of
     * memory that a task's own error handling failed and its future never completes: the files are
     * then listed instead of waited for forever.
     */
    private static final class Stall {
        private final long limitNanos;
        private long lastCount = -1;
        private long lastChange = System.nanoTime();
        private boolean stalled;

        Stall(ScanOptions options) {
            this.limitNanos = Math.max(options.timeBudget().toNanos() * 16, TimeUnit.SECONDS.toNanos(60));
        }

        /** Whether to give up waiting, after one more period of waiting without news. */
        boolean check() {
            long now = System.nanoTime();
            long count = ANALYSES.get();
            if (count != lastCount) {
                lastCount = count;
                lastChange = now;
            }
            if (now - lastChange > limitNanos) stalled = true;
            return stalled;
        }
    }

    private static List<FileOutcome> await(Future<List<FileOutcome>> f, Units.Unit u, Stall stall) {
        try {
            while (true) {
                if (!stall.stalled) {
                    try {
                        return f.get(5, TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        if (!stall.check()) continue;
                    }
                }
                if (f.isDone()) return f.get();
                List<FileOutcome> out = new ArrayList<>();
                for (Discovery.Candidate c : u.files()) {
                    if (u.keep().contains(c.relPath())) {
                        out.add(FileOutcome.skipped(c.relPath(), new Notification(c.relPath(), 0, 0, "internal-error",
                                "the scan stopped making progress before this file was analysed (out of memory?)"), c.size()));
                    }
                }
                return out;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (ExecutionException e) {
            // analyseOne and analyseUnit catch everything; this is a bug in the engine itself
            List<FileOutcome> out = new ArrayList<>();
            for (Discovery.Candidate c : u.files()) {
                if (u.keep().contains(c.relPath())) {
                    out.add(FileOutcome.skipped(c.relPath(), internalError(c.relPath(), e.getCause()), c.size()));
                }
            }
            return out;
        }
    }

    /**
     * A unit's outcomes: from the cache when an entry for exactly these inputs is there, else analysed
     * (and stored, unless the analysis fell back or failed for a reason outside the inputs).
     */
    private static List<FileOutcome> analyseCached(Units.Unit u, List<FileAnalyzer> fileAnalyzers, ScanOptions options,
                                                   ExecutorService workers, ScanCache cache) {
        Map<String, Discovery.Loaded> loaded = new java.util.HashMap<>();
        if (cache == null) {
            for (Discovery.Candidate c : u.files()) loaded.put(c.relPath(), Discovery.load(c, options.maxFileSize()));
            return analyse(u, loaded, fileAnalyzers, options, workers).outcomes();
        }
        // the key is of the bytes as read: by the pre-pass for linkable files (a unit found in the cache is
        // then not read again), else here
        Map<String, byte[]> raw = new java.util.HashMap<>();
        Map<String, String> digests = new java.util.HashMap<>();
        for (Discovery.Candidate c : u.files()) {
            String d = cache.knownDigest(c.relPath());
            if (d == null) {
                byte[] bytes = read(c);
                if (bytes == null) return analyseCached(u, fileAnalyzers, options, workers, null);
                raw.put(c.relPath(), bytes);
                d = cache.digest(c.relPath(), bytes);
            }
            digests.put(c.relPath(), d);
        }
        String analyzer = u.linker() != null ? u.linker().getClass().getName()
                : fileAnalyzers.stream().filter(a -> a.accepts(u.files().get(0).relPath())).findFirst()
                        .map(a -> a.getClass().getName()).orElse("none");
        ScanCache.Key k = cache.key(u.linker() != null ? "unit:" + analyzer : "file:" + analyzer);
        for (Discovery.Candidate c : u.files()) {
            k.add(c.relPath()).add(digests.get(c.relPath()));
            cache.addManifests(k, c.path(), c.relPath());
        }
        k.add(Canonical.of(u.keep())).add(Canonical.of(u.shares()));
        String key = k.hex();
        String what = u.files().get(0).relPath() + (u.files().size() > 1 ? " (+" + (u.files().size() - 1) + " linked)" : "");
        List<FileOutcome> stored = cache.get(key, what);
        if (stored != null) return stored;
        boolean asKeyed = true;
        for (Discovery.Candidate c : u.files()) {
            byte[] bytes = raw.get(c.relPath());
            if (bytes == null) {
                bytes = read(c);
                if (bytes == null) return analyseCached(u, fileAnalyzers, options, workers, null);
                // changed since the pre-pass read it: analysed as it is now, but not stored under the old key
                asKeyed &= new ScanCache.Key().add(bytes).hex().equals(digests.get(c.relPath()));
            }
            loaded.put(c.relPath(), Discovery.load(c, bytes, options.maxFileSize()));
        }
        Analysed a = analyse(u, loaded, fileAnalyzers, options, workers);
        if (a.complete() && asKeyed) cache.put(key, a.outcomes());
        return a.outcomes();
    }

    /** A file's bytes; null when it cannot be read (its unit is then analysed as without a cache, which notes it). */
    private static byte[] read(Discovery.Candidate c) {
        try {
            return java.nio.file.Files.readAllBytes(c.path());
        } catch (java.io.IOException | OutOfMemoryError e) {
            return null;
        }
    }

    /** A unit's outcomes; {@code complete} is false when a linked unit failed and its files were analysed alone. */
    private record Analysed(List<FileOutcome> outcomes, boolean complete) {
    }

    private static Analysed analyse(Units.Unit u, Map<String, Discovery.Loaded> loaded, List<FileAnalyzer> fileAnalyzers,
                                    ScanOptions options, ExecutorService workers) {
        if (u.linker() == null) {
            Discovery.Candidate c = u.files().get(0);
            return new Analysed(List.of(analyseOne(c, loaded.get(c.relPath()), fileAnalyzers, options, workers)), true);
        }
        return analyseUnit(u, loaded, fileAnalyzers, options, workers);
    }

    /**
     * Linked files analysed as one program, with a time budget that grows with the number of files.
     * If the unit fails (over budget, too deep, analyzer error), its files are analysed one by one, so
     * a problem in the linking never costs a file its own analysis.
     */
    private static Analysed analyseUnit(Units.Unit u, Map<String, Discovery.Loaded> loaded, List<FileAnalyzer> fileAnalyzers,
                                        ScanOptions options, ExecutorService workers) {
        List<SourceFile> sources = new ArrayList<>();
        List<FileOutcome> out = new ArrayList<>();
        for (Discovery.Candidate c : u.files()) {
            Discovery.Loaded l = loaded.get(c.relPath());
            if (l.skipped() != null) {
                if (u.keep().contains(c.relPath())) out.add(FileOutcome.skipped(c.relPath(), l.skipped(), l.bytes()));
            } else {
                sources.add(l.source());
            }
        }
        long budget = options.timeBudget().toMillis() * Math.min(u.files().size(), 8);
        ANALYSES.incrementAndGet();
        Future<Map<String, FileReport>> task = workers.submit(() -> u.linker().analyzeTogether(sources, u.shares()));
        Map<String, FileReport> reports;
        String why = null;
        try {
            reports = task.get(budget, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (TimeoutException | ExecutionException | CancellationException e) {
            task.cancel(true);
            reports = null;
            why = e instanceof TimeoutException ? "did not finish within its time budget (" + budget / 1000 + " s)"
                    : "failed (" + (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName() + ")";
        }
        boolean complete = true;
        for (SourceFile src : sources) {
            if (!u.keep().contains(src.relPath())) continue;
            FileReport r = reports == null ? null : reports.get(src.relPath());
            Discovery.Candidate c = u.files().stream().filter(x -> x.relPath().equals(src.relPath())).findFirst().orElseThrow();
            if (r == null) {
                complete = false;
                FileOutcome alone = analyseOne(c, loaded.get(src.relPath()), fileAnalyzers, options, workers);
                // said, not silent: flows from the linked files may be missing, and a slower machine may differ
                if (why != null && alone.analysed()) {
                    alone = alone.with(new Notification(src.relPath(), 0, 0, Notification.UNIT_FALLBACK, "the analysis of this file together with "
                            + (u.files().size() - 1) + " linked file" + (u.files().size() == 2 ? "" : "s") + " " + why
                            + "; it was analysed alone, so data flowing from those files may be missed"));
                }
                out.add(alone);
                continue;
            }
            out.add(FileOutcome.of(src, r, loaded.get(src.relPath()).bytes(), options));
        }
        return new Analysed(out, complete);
    }

    private static FileOutcome analyseOne(Discovery.Candidate c, Discovery.Loaded loaded, List<FileAnalyzer> fileAnalyzers,
                                          ScanOptions options, ExecutorService workers) {
        String rel = c.relPath();
        if (loaded.skipped() != null) return FileOutcome.skipped(rel, loaded.skipped(), loaded.bytes());
        SourceFile src = loaded.source();
        FileAnalyzer analyzer = fileAnalyzers.stream().filter(a -> a.accepts(rel)).findFirst().orElseThrow();

        ANALYSES.incrementAndGet();
        Future<FileReport> task = workers.submit(() -> analyzer.analyze(src));
        FileReport report;
        try {
            report = task.get(options.timeBudget().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            return FileOutcome.skipped(rel, new Notification(rel, 0, 0, "time-budget",
                    "analysis took longer than the per-file time budget of " + seconds(options) + "; file skipped"),
                    loaded.bytes());
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            return FileOutcome.skipped(rel, new Notification(rel, 0, 0, "internal-error", "scan interrupted"),
                    loaded.bytes());
        } catch (CancellationException e) {
            return FileOutcome.skipped(rel, new Notification(rel, 0, 0, "internal-error", "analysis cancelled"),
                    loaded.bytes());
        } catch (ExecutionException e) {
            Throwable t = e.getCause() == null ? e : e.getCause();
            Notification n = t instanceof StackOverflowError
                    ? new Notification(rel, 0, 0, "too-deep", "code is nested too deeply to analyse (stack overflow)")
                    : internalError(rel, t);
            return FileOutcome.skipped(rel, n, loaded.bytes());
        }
        if (report == null) {
            return FileOutcome.skipped(rel, new Notification(rel, 0, 0, "internal-error",
                    "analyzer " + analyzer.getClass().getSimpleName() + " returned no report"), loaded.bytes());
        }
        return FileOutcome.of(src, report, loaded.bytes(), options);
    }

    private static Notification internalError(String rel, Throwable t) {
        String msg = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("").strip();
        String where = "";
        StackTraceElement[] st = t.getStackTrace();
        if (st.length > 0) where = " at " + st[0].getClassName() + "." + st[0].getMethodName() + ":" + st[0].getLineNumber();
        return new Notification(rel, 0, 0, "internal-error",
                "analyzer failed: " + t.getClass().getName() + (msg.isEmpty() ? "" : ": " + msg) + where);
    }

    private static String seconds(ScanOptions o) {
        long ms = o.timeBudget().toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }

    /** Daemon threads named {@code prefix-N} with this stack size (0: the platform's default). */
    public static ThreadFactory daemonThreads(String prefix, long stackSize) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(null, r, prefix + "-" + n.incrementAndGet(), stackSize);
            t.setDaemon(true);
            return t;
        };
    }

    /** Highest heap use so far, summed over the heap pools' peaks (an upper bound; no extra tooling needed). */
    public static long peakHeapBytes() {
        long sum = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }

    /**
     * The real path of {@code options.sourceRoot()} when it holds the scan root, else null (URIs relative to
     * the scan root).
     *
     * @throws IllegalArgumentException when the source root is not a folder holding the scan root
     */
    static Path sourceRoot(ScanOptions options, Path root) {
        if (options.sourceRoot() == null) return null;
        Path top;
        try {
            top = options.sourceRoot().toRealPath();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("source root not found: " + options.sourceRoot());
        }
        if (!java.nio.file.Files.isDirectory(top)) throw new IllegalArgumentException("source root is not a folder: " + options.sourceRoot());
        if (!root.startsWith(top)) {
            throw new IllegalArgumentException("the scanned path " + root + " is not inside the source root " + options.sourceRoot());
        }
        return top;
    }

    /**
     * The top of the git work tree holding {@code folder}: the nearest folder, {@code folder} itself or above,
     * with a {@code .git} folder or file (a linked worktree or submodule has a file); null outside a work tree.
     */
    public static Path workTreeTop(Path folder) {
        for (Path d = folder.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            if (java.nio.file.Files.exists(d.resolve(".git"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) return d;
        }
        return null;
    }

    /** The scan root for these paths (see {@link Discovery#scanRoot}). */
    public static Path root(List<Path> paths) {
        return Discovery.scanRoot(paths);
    }
}

package io.wsscan.java;

import io.wsscan.engine.FileReport;
import io.wsscan.engine.ProjectAnalyzer;
import io.wsscan.engine.SourceFile;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Notification;
import io.wsscan.findings.Step;
import io.wsscan.findings.Suppressions;
import io.wsscan.rules.RuleCatalog;
import io.wsscan.rules.RuleMeta;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Java server code through the pipeline: JavaParser front end (each file parsed once) -> project index
 * (types, hierarchy, constants across files) -> origin checks and taint analysis driven by the Java
 * models -> findings of the rules that name these checks ({@code check:}) or sink kinds
 * ({@code sinks:}). Also reads {@code application.properties}/{@code application.yml} for framework
 * settings. The analysis works on the JavaParser AST behind small model classes ({@link JavaIndex},
 * {@link JavaTypes}) rather than on the shared IR.
 */
public final class JavaAnalyzer implements ProjectAnalyzer {

    public static final String FRONT_END = "javaparser";

    private final RuleCatalog catalog;
    private final JavaModels models;
    private final JavaFrontEnd frontEnd = new JavaFrontEnd();

    public JavaAnalyzer(RuleCatalog catalog) {
        this(catalog, BATCH_CHARS);
    }

    /** With another batch size (tests). */
    JavaAnalyzer(RuleCatalog catalog, long batchChars) {
        this.catalog = catalog;
        this.models = JavaModels.load(catalog.modelDocuments());
        this.batchChars = batchChars;
    }

    @Override
    public boolean accepts(String relPath) {
        String p = relPath.toLowerCase(Locale.ROOT);
        return p.endsWith(".java") || isSettings(p);
    }

    /**
     * Framework settings files: application[-profile].properties / .yml / .yaml, and Spring XML
     * configuration (an .xml file under resources/, webapp/ or WEB-INF/, or named like a Spring context).
     */
    public static boolean isSettings(String relPath) {
        String p = relPath.toLowerCase(Locale.ROOT);
        String name = p.substring(p.lastIndexOf('/') + 1);
        if (name.matches("(application|bootstrap)(-[\\w.-]+)?\\.(properties|ya?ml)")) return true;
        return isXml(p);
    }

    static boolean isXml(String relPath) {
        String p = relPath.toLowerCase(Locale.ROOT);
        String name = p.substring(p.lastIndexOf('/') + 1);
        if (!name.endsWith(".xml") || name.equals("pom.xml")) return false;
        return p.contains("/resources/") || p.startsWith("resources/") || p.contains("webapp/") || p.contains("web-inf/")
                || name.matches(".*(spring|context|servlet|websocket).*\\.xml");
    }

    @Override
    public FileReport analyze(SourceFile file) {
        return analyzeTogether(List.of(file)).get(file.relPath());
    }

    /**
     * Source text analysed as one unit at most (characters). Parsed Java keeps every token, roughly a
     * hundred times the text in heap (8 MB of source: about 1 GB), so larger scans are split along module boundaries (the folder
     * above {@code src/main/}); facts across modules of different batches are then not linked. At most 8 MB, and
     * less when the heap is smaller (a 128th of it), so that a batch fits whatever heap the scan was given.
     */
    static final long BATCH_CHARS = Math.max(256 * 1024, Math.min(8L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 128));

    private final long batchChars;

    @Override
    public Map<String, FileReport> analyzeTogether(List<SourceFile> files) {
        return analyzeTogether(files, Classpath.NONE);
    }

    /** With the scan's classpath (the Maven plugin's module compile classpath, the CLI's --classpath). */
    @Override
    public Map<String, FileReport> analyzeTogether(List<SourceFile> files, io.wsscan.engine.ScanOptions options) {
        return analyzeTogether(files, classpath(options.classpath()), options.timeBudget());
    }

    private List<java.nio.file.Path> classpathEntries;
    private Classpath classpath;

    /** One classpath for every batch of a scan (the scan calls once per batch), so its caches are shared. */
    private synchronized Classpath classpath(List<java.nio.file.Path> entries) {
        if (classpath == null || !entries.equals(classpathEntries)) {
            classpath = Classpath.of(entries, models);
            classpathEntries = List.copyOf(entries);
        }
        return classpath;
    }

    /** With library types from this classpath (shared by every batch of the scan, so its caches are too). */
    public Map<String, FileReport> analyzeTogether(List<SourceFile> files, Classpath classpath) {
        return analyzeTogether(files, classpath, null);
    }

    /** {@code perFile}: how long one file may take to parse (null: no limit); a file over it fails alone. */
    public Map<String, FileReport> analyzeTogether(List<SourceFile> files, Classpath classpath, java.time.Duration perFile) {
        Map<String, FileReport> out = new TreeMap<>();
        for (List<SourceFile> batch : batches(files)) out.putAll(analyzeBounded(batch, classpath, perFile));
        return out;
    }

    /**
     * All files in one batch when their text is at most {@link #BATCH_CHARS}; else whole modules (in module
     * order) packed into batches up to that size, a module larger than it a batch of its own.
     */
    @Override
    public List<List<SourceFile>> batches(List<SourceFile> files) {
        long total = 0;
        for (SourceFile f : files) total += f.text().length();
        if (total <= batchChars) return List.of(files);
        Map<String, List<SourceFile>> modules = new TreeMap<>();
        for (SourceFile f : files) modules.computeIfAbsent(JavaUnit.moduleOf(f.relPath()), k -> new ArrayList<>()).add(f);
        List<List<SourceFile>> out = new ArrayList<>();
        List<SourceFile> batch = new ArrayList<>();
        long size = 0;
        for (List<SourceFile> module : modules.values()) {
            long m = module.stream().mapToLong(f -> f.text().length()).sum();
            if (!batch.isEmpty() && size + m > batchChars) {
                out.add(batch);
                batch = new ArrayList<>();
                size = 0;
            }
            batch.addAll(module);
            size += m;
        }
        if (!batch.isEmpty()) out.add(batch);
        return out;
    }

    /**
     * A batch, and when it runs out of memory anyway, each half of it again: one file too large to
     * analyse fails alone ({@code too-large}) instead of costing every file of its batch its results.
     */
    private Map<String, FileReport> analyzeBounded(List<SourceFile> files, Classpath classpath, java.time.Duration perFile) {
        try {
            return analyzeBatch(files, classpath, perFile);
        } catch (OutOfMemoryError e) {
            Map<String, FileReport> out = new TreeMap<>();
            if (files.size() == 1) {
                String rel = files.get(0).relPath();
                out.put(rel, FileReport.skipped(new Notification(rel, 0, 0, "too-large",
                        "the Java analysis of this file ran out of memory; it was not analysed")));
                return out;
            }
            int half = files.size() / 2;
            out.putAll(analyzeBounded(files.subList(0, half), classpath, perFile));
            out.putAll(analyzeBounded(files.subList(half, files.size()), classpath, perFile));
            return out;
        }
    }

    private Map<String, FileReport> analyzeBatch(List<SourceFile> files, Classpath classpath, java.time.Duration perFile) {
        Map<String, FileReport> out = new TreeMap<>();
        List<JavaUnit> units = new ArrayList<>();
        List<SourceFile> settingsFiles = new ArrayList<>();
        List<SourceFile> javaFiles = new ArrayList<>();
        for (SourceFile f : files) (isSettings(f.relPath()) ? settingsFiles : javaFiles).add(f);
        List<Object> parsed = parseAll(javaFiles, perFile);
        for (int i = 0; i < javaFiles.size(); i++) {
            SourceFile f = javaFiles.get(i);
            if (parsed.get(i) instanceof JavaUnit u) {
                units.add(u);
            } else {
                JavaFrontEnd.Failure e = (JavaFrontEnd.Failure) parsed.get(i);
                out.put(f.relPath(), FileReport.skipped(new Notification(f.relPath(), e.line, e.column, e.kind,
                        "JavaParser could not parse this file (" + e.getMessage() + "); it was not analysed")));
            }
        }
        JavaIndex index = JavaIndex.build(units, models, classpath);
        JavaTypes types = new JavaTypes(index, models);
        List<SourceFile> xmlFiles = settingsFiles.stream().filter(f -> isXml(f.relPath())).toList();
        settingsFiles = settingsFiles.stream().filter(f -> !isXml(f.relPath())).toList();
        ProjectSettings settings = ProjectSettings.read(settingsFiles, models, usedSettings(index));
        index.properties(settings::property);
        OriginAnalysis origin = new OriginAnalysis(index, models, types, settings);
        origin.xmlConfiguration(xmlFiles);

        Map<String, List<JavaHit>> hitsByFile = new HashMap<>();
        Map<String, List<Notification>> notes = new HashMap<>();
        for (JavaHit h : settings.hits()) hitsByFile.computeIfAbsent(h.file(), k -> new ArrayList<>()).add(h);
        for (SourceFile x : xmlFiles) hitsByFile.computeIfAbsent(x.relPath(), k -> new ArrayList<>()).addAll(ProjectSettings.xml(x, models));
        for (JavaUnit u : units) {
            if (Thread.currentThread().isInterrupted()) throw new java.util.concurrent.CancellationException("Java analysis interrupted");
            try {
                hitsByFile.computeIfAbsent(u.relPath, k -> new ArrayList<>()).addAll(origin.run(u));
            } catch (RuntimeException | StackOverflowError e) {
                // one odd file must not cost the others their results
                notes.computeIfAbsent(u.relPath, k -> new ArrayList<>()).add(new Notification(u.relPath, 0, 0, "info",
                        "the origin analysis of this file failed (" + e.getClass().getSimpleName() + "); its other results are kept"));
            }
        }
        if (catalog.rules().values().stream().anyMatch(RuleMeta::isTaint)) {
            JavaTaint taint = new JavaTaint(index, models, types);
            for (JavaHit h : taint.run()) hitsByFile.computeIfAbsent(h.file(), k -> new ArrayList<>()).add(h);
            for (Map.Entry<String, String> f : taint.failures().entrySet()) {
                notes.computeIfAbsent(f.getKey(), k -> new ArrayList<>()).add(new Notification(f.getKey(), 0, 0, "info",
                        "the data-flow analysis of part of this file failed (" + f.getValue() + "); the rest was analysed"));
            }
        }

        // a jar or class folder the solver could not read: said once, on the first Java file of the batch
        if (!units.isEmpty()) {
            String first = units.stream().map(u -> u.relPath).sorted().findFirst().orElseThrow();
            for (String problem : classpath.problems()) {
                notes.computeIfAbsent(first, k -> new ArrayList<>()).add(new Notification(first, 0, 0, "info",
                        problem + "; its types were resolved from imports only"));
            }
        }

        // permissive configuration is graded by the threat model once every file's code is known
        for (List<JavaHit> hs : hitsByFile.values()) hs.replaceAll(origin::graded);

        Map<String, List<io.wsscan.inventory.Endpoint>> endpointsByFile = new HashMap<>();
        for (io.wsscan.inventory.Endpoint ep : origin.endpoints) {
            endpointsByFile.computeIfAbsent(ep.file(), k -> new ArrayList<>()).add(ep);
        }
        Map<String, JavaUnit> unitByPath = new HashMap<>();
        for (JavaUnit u : units) unitByPath.put(u.relPath, u);
        for (SourceFile f : files) {
            if (out.containsKey(f.relPath())) continue;
            List<Finding> findings = findings(hitsByFile.getOrDefault(f.relPath(), List.of()));
            JavaUnit u = unitByPath.get(f.relPath());
            if (u != null) findings = Suppressions.apply(findings, List.of(JavaSuppressions.of(u)));
            out.put(f.relPath(), new FileReport(findings, notes.getOrDefault(f.relPath(), List.of()), FRONT_END, true,
                    endpointsByFile.getOrDefault(f.relPath(), List.of())));
        }
        return out;
    }

    /**
     * Parses the files in parallel (the analysis after it needs all of them): a {@link JavaUnit} or a
     * {@link JavaFrontEnd.Failure} per file, in input order. Threads get a large stack for deep nesting.
     */
    private List<Object> parseAll(List<SourceFile> javaFiles, java.time.Duration perFile) {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), javaFiles.size() / 8));
        if (threads == 1) {
            List<Object> out = new ArrayList<>();
            for (SourceFile f : javaFiles) out.add(parseOne(f, perFile));
            return out;
        }
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(null, r, "wsscan-javaparser-" + n.incrementAndGet(), io.wsscan.engine.Scanner.ANALYSIS_STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<Object>> futures = new ArrayList<>();
            for (SourceFile f : javaFiles) futures.add(pool.submit(() -> parseOne(f, perFile)));
            List<Object> out = new ArrayList<>();
            for (var fu : futures) {
                try {
                    out.add(fu.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    out.add(new JavaFrontEnd.Failure("JavaParser failed: " + e.getCause(), 0, 0));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while parsing Java files", e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private Object parseOne(SourceFile f, java.time.Duration perFile) {
        try {
            long deadline = perFile == null ? Long.MAX_VALUE : System.nanoTime() + perFile.toNanos();
            JavaFrontEnd.Parsed p = frontEnd.parseNodes(f.text(), deadline);
            return new JavaUnit(f.relPath(), f.text(), p.cu(), p.preorder());
        } catch (JavaFrontEnd.Failure e) {
            return e;
        }
    }

    private Set<String> usedSettings(JavaIndex index) {
        Set<String> used = new HashSet<>();
        for (JavaModels.Endpoint e : models.endpoints) {
            if (e.config() == null || e.annotations().isEmpty()) continue;
            for (JavaIndex.TypeInfo t : index.allTypes()) {
                if (t.decl.getAnnotations().stream().anyMatch(a -> e.annotations().contains(index.resolve(a.getNameAsString(), a)))) {
                    used.add(t.unit.module() + "|" + e.config());
                }
            }
        }
        return used;
    }

    /** Hits to findings of every rule that asks for them; one finding per rule and start position. */
    private List<Finding> findings(List<JavaHit> hits) {
        Map<String, Finding> out = new LinkedHashMap<>();
        for (JavaHit h : hits) {
            for (RuleMeta rule : catalog.rules().values()) {
                if (!io.wsscan.rules.Schema.JAVA.equals(rule.language())) continue;
                boolean match = h.source() == null ? h.check().equals(rule.check())
                        : rule.isTaint() && rule.sources().contains(h.source()) && rule.sinks().contains(h.check());
                if (!match) continue;
                String message = rule.message().replace("{detail}", h.detail())
                        .replace("{source}", h.detail()).replace("{sink}", h.sink() == null ? "" : h.sink())
                        .replace("{advice}", rule.adviceFor(List.of(h.check())));
                List<Step> trace = h.trace();
                Finding f = new Finding(rule.id(), h.level() != null ? h.level() : rule.level(), h.file(), h.region(), message, trace, null);
                out.putIfAbsent(rule.id() + "@" + h.region().startLine() + ":" + h.region().startColumn(), f);
            }
        }
        List<Finding> list = new ArrayList<>(out.values());
        list.sort(Finding.ORDER);
        return list;
    }
}

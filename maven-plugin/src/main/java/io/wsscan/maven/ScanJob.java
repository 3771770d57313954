package io.wsscan.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wsscan.engine.Classification;
import io.wsscan.engine.ScanOptions;
import io.wsscan.engine.ScanResult;
import io.wsscan.engine.Scanner;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Finding.Level;
import io.wsscan.findings.Notification;
import io.wsscan.git.RefBaseline;
import io.wsscan.git.RefTree;
import io.wsscan.report.Baseline;
import io.wsscan.report.Formats;
import io.wsscan.rules.RuleCatalog;
import io.wsscan.rules.RulesetException;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One scan as the plugin runs it, in plain values (no Maven types), so that it can be checked and run
 * without a Maven build: validate the configuration, scan the source roots relative to {@code root},
 * drop baseline results, and write {@code wsscan.sarif} plus the other requested formats into the
 * output directory.
 *
 * <p>Every configuration problem is a {@link ConfigurationException} with a one-line message.
 */
final class ScanJob {

    /** Base name of every report file: {@code wsscan.sarif}, {@code wsscan.json}, {@code wsscan.txt}. */
    static final String REPORT_NAME = "wsscan";

    /** A configuration value the plugin cannot use; the mojos turn it into a MojoExecutionException. */
    static final class ConfigurationException extends RuntimeException {
        ConfigurationException(String message) {
            super(message);
        }
    }

    /**
     * What a scan produced: the (baseline-filtered) result, the reports written, how many results the
     * baseline dropped (and whether it matched by line hash, being older than wsscan fingerprints), and
     * how many results {@code baselineRef}'s revision already had ({@code refLabel} names it, null
     * without baselineRef).
     */
    record Outcome(ScanResult result, Map<Formats, Path> reports, int inBaseline, boolean byLineHash,
                   int inRef, String refLabel) {
        Path sarif() {
            return reports.get(Formats.SARIF);
        }

        /** The report a person reads: the HTML report when it was asked for, else the text report. */
        Path readable() {
            return reports.getOrDefault(Formats.HTML, reports.get(Formats.TEXT));
        }
    }

    Path root;
    List<Path> sourceRoots = List.of();
    List<String> includes = List.of();
    List<String> excludes = List.of();
    List<Path> rulesets = List.of();
    List<String> rules = List.of();
    Path baseline;
    /** A git revision whose findings are not reported (null for none). */
    String baselineRef;
    Integer threads;
    String category;
    List<Path> classpath = List.of();
    /** The runtime classpath's jars (webjars are among them). */
    List<Path> runtimeJars = List.of();
    /** Third-party code read at inventory depth (the {@code dependencies} parameter). */
    io.wsscan.deps.DependencyOptions dependencies = io.wsscan.deps.DependencyOptions.NONE;
    Path outputDirectory;
    Set<Formats> formats = formats(null);
    /** Test, example, generated and vendored files count as production code (their findings keep their level). */
    boolean includeTests;
    /** Keep suppressed results in SARIF. */
    boolean includeSuppressed;
    /** The folder SARIF paths are relative to and the policy is looked for up to (null: the scan root). */
    Path sourceRoot;
    /** The incremental-scan cache folder; null for none. */
    Path cache;

    // ---- the forked JVM's request (ForkedScans) ------------------------------------------------------

    /** This job as JSON: every field, paths as strings, null fields left out. */
    ObjectNode toJson(ObjectMapper json) {
        ObjectNode o = json.createObjectNode();
        putPath(o, "root", root);
        putAll(o, "sourceRoots", sourceRoots.stream().map(Path::toString).toList());
        putAll(o, "includes", includes);
        putAll(o, "excludes", excludes);
        putAll(o, "rulesets", rulesets.stream().map(Path::toString).toList());
        putAll(o, "rules", rules);
        putPath(o, "baseline", baseline);
        if (baselineRef != null) o.put("baselineRef", baselineRef);
        if (threads != null) o.put("threads", threads);
        if (category != null) o.put("category", category);
        putAll(o, "classpath", classpath.stream().map(Path::toString).toList());
        putAll(o, "runtimeJars", runtimeJars.stream().map(Path::toString).toList());
        o.put("dependencies", dependencies.enabled());
        putAll(o, "dependencyJars", dependencies.jars().stream().map(Path::toString).toList());
        putPath(o, "outputDirectory", outputDirectory);
        putAll(o, "formats", formats.stream().map(Enum::name).toList());
        o.put("includeTests", includeTests);
        o.put("includeSuppressed", includeSuppressed);
        putPath(o, "sourceRoot", sourceRoot);
        putPath(o, "cache", cache);
        return o;
    }

    /** The job {@link #toJson} wrote. */
    static ScanJob fromJson(JsonNode o) {
        ScanJob j = new ScanJob();
        j.root = path(o, "root");
        j.sourceRoots = strings(o, "sourceRoots").stream().map(Path::of).toList();
        j.includes = strings(o, "includes");
        j.excludes = strings(o, "excludes");
        j.rulesets = strings(o, "rulesets").stream().map(Path::of).toList();
        j.rules = strings(o, "rules");
        j.baseline = path(o, "baseline");
        j.baselineRef = o.hasNonNull("baselineRef") ? o.get("baselineRef").asText() : null;
        j.threads = o.hasNonNull("threads") ? o.get("threads").asInt() : null;
        j.category = o.hasNonNull("category") ? o.get("category").asText() : null;
        j.classpath = strings(o, "classpath").stream().map(Path::of).toList();
        j.runtimeJars = strings(o, "runtimeJars").stream().map(Path::of).toList();
        j.dependencies = new io.wsscan.deps.DependencyOptions(o.path("dependencies").asBoolean(),
                strings(o, "dependencyJars").stream().map(Path::of).toList());
        j.outputDirectory = path(o, "outputDirectory");
        Set<Formats> fs = new LinkedHashSet<>();
        for (String f : strings(o, "formats")) fs.add(Formats.valueOf(f));
        j.formats = fs;
        j.includeTests = o.path("includeTests").asBoolean();
        j.includeSuppressed = o.path("includeSuppressed").asBoolean();
        j.sourceRoot = path(o, "sourceRoot");
        j.cache = path(o, "cache");
        return j;
    }

    private static void putPath(ObjectNode o, String key, Path p) {
        if (p != null) o.put(key, p.toString());
    }

    private static void putAll(ObjectNode o, String key, List<String> values) {
        ArrayNode a = o.putArray(key);
        values.forEach(a::add);
    }

    private static Path path(JsonNode o, String key) {
        return o.hasNonNull(key) ? Path.of(o.get(key).asText()) : null;
    }

    private static List<String> strings(JsonNode o, String key) {
        List<String> out = new ArrayList<>();
        o.path(key).forEach(n -> out.add(n.asText()));
        return out;
    }

    // ---- configuration values ----------------------------------------------------------------------

    /** The failOn threshold: a level, or null for {@code none}. */
    static Level failOn(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "error" -> Level.ERROR;
            case "warning" -> Level.WARNING;
            case "note" -> Level.NOTE;
            case "none" -> null;
            default -> throw new ConfigurationException(
                    "failOn must be error, warning, note or none, not '" + (value == null ? "" : value.trim()) + "'");
        };
    }

    /**
     * The formats to write: SARIF (for tools) and text (for the person reading a failed build's log)
     * always, first, then the requested ones in order. Entries may hold several comma-separated names
     * (as {@code -Dwsscan.formats=json,html} gives them).
     */
    static Set<Formats> formats(List<String> requested) {
        Set<Formats> out = new LinkedHashSet<>();
        out.add(Formats.SARIF);
        out.add(Formats.TEXT);
        for (String name : split(requested)) {
            Formats f = Formats.byName(name).orElseThrow(() -> new ConfigurationException(
                    "unknown report format '" + name + "' in formats (choose " + String.join(", ", Formats.names()) + ")"));
            out.add(f);
        }
        return out;
    }

    /**
     * The non-blank, trimmed entries of a list whose elements may be comma-separated lists themselves.
     * Commas inside braces stay (a glob such as {@code src/{app,admin}/**} is one entry).
     */
    static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values == null) return out;
        for (String v : values) {
            if (v == null) continue;
            int depth = 0;
            int start = 0;
            for (int i = 0; i <= v.length(); i++) {
                char c = i < v.length() ? v.charAt(i) : ',';
                if (c == '{') depth++;
                else if (c == '}' && depth > 0) depth--;
                else if (c == ',' && (depth == 0 || i == v.length())) {
                    String part = v.substring(start, i).trim();
                    if (!part.isEmpty()) out.add(part);
                    start = i + 1;
                }
            }
        }
        return out;
    }

    /**
     * The folders a module scans by default, in this order and only those that exist: the compile
     * source roots (generated ones under the build directory left out: they are not the project's own
     * code), the resource directories, {@code src/main/resources}, {@code src/main/webapp},
     * {@code frontend} and {@code src/main/frontend}.
     */
    static List<Path> defaultSourceRoots(Path basedir, List<String> compileSourceRoots, List<String> resourceDirs,
                                         Path buildDirectory) {
        Set<Path> out = new LinkedHashSet<>();
        Path build = buildDirectory == null ? null : buildDirectory.toAbsolutePath().normalize();
        for (String s : compileSourceRoots == null ? List.<String>of() : compileSourceRoots) {
            Path p = basedir.resolve(s).toAbsolutePath().normalize();
            if (build != null && p.startsWith(build)) continue;
            out.add(p);
        }
        for (String s : resourceDirs == null ? List.<String>of() : resourceDirs) {
            out.add(basedir.resolve(s).toAbsolutePath().normalize());
        }
        for (String s : List.of("src/main/resources", "src/main/webapp", "frontend", "src/main/frontend")) {
            out.add(basedir.resolve(s).toAbsolutePath().normalize());
        }
        return out.stream().filter(Files::isDirectory).toList();
    }

    // ---- running -----------------------------------------------------------------------------------

    /** Checks every value that can be checked before scanning; throws on the first problem. */
    void validate() {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        if (threads != null && threads < 1) throw new ConfigurationException("threads must be at least 1, not " + threads);
        for (Path p : rulesets) {
            if (!Files.isRegularFile(p)) throw new ConfigurationException("ruleset file not found: " + p);
        }
        for (Path p : sourceRoots) {
            if (!Files.exists(p)) throw new ConfigurationException("source root not found: " + p);
        }
        if (baseline != null && !Files.isRegularFile(baseline)) {
            throw new ConfigurationException("baseline file not found: " + baseline);
        }
        if (baselineRef != null) {
            try {
                RefTree.verify(root.toAbsolutePath().normalize(), baselineRef);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(e.getMessage().replace("--baseline-ref", "baselineRef"));
            }
        }
        if (Files.exists(outputDirectory) && !Files.isDirectory(outputDirectory)) {
            throw new ConfigurationException("outputDirectory is a file, not a folder: " + outputDirectory);
        }
    }

    /** Validates, scans, applies the baseline and writes the reports. */
    Outcome run() throws IOException {
        validate();
        Baseline base = null;
        if (baseline != null) {
            try {
                base = Baseline.read(baseline);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(e.getMessage());
            }
        }
        ScanResult result;
        try {
            result = sourceRoots.isEmpty() ? emptyScan() : scan();
        } catch (RulesetException e) {
            throw new ConfigurationException(e.getMessage().lines().findFirst().orElse("broken ruleset"));
        }
        RefBaseline ref = null;
        if (baselineRef != null && !sourceRoots.isEmpty()) {
            try {
                ref = RefBaseline.scan(options(), baselineRef);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(e.getMessage().replace("--baseline-ref", "baselineRef"));
            }
        }
        Baseline.Applied applied = Baseline.apply(result.root(), result.findings(),
                Arrays.asList(base, ref == null ? null : ref.baseline()));
        result = result.withFindings(applied.kept());
        int inBaseline = applied.dropped()[0];
        int inRef = applied.dropped()[1];
        String refLabel = ref == null ? null : ref.ref() + " (" + ref.commit() + ")";
        Files.createDirectories(outputDirectory);
        Map<Formats, Path> written = new LinkedHashMap<>();
        for (Formats f : formats) {
            Path target = outputDirectory.resolve(REPORT_NAME + f.extension());
            try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                f.write(result, new Formats.Options(category, false, null, includeSuppressed), w);
            }
            written.put(f, target);
        }
        return new Outcome(result, written, inBaseline, base != null && base.byLineHash(), inRef, refLabel);
    }

    /**
     * The scanner's options for this job (the module's classpath goes to Java analysis), under the
     * policy {@code .wsscan.yml} of the project folder when there is one.
     */
    ScanOptions options() {
        io.wsscan.policy.Policy policy;
        try {
            policy = io.wsscan.policy.Policy.find(null, root, top());
        } catch (io.wsscan.policy.PolicyException e) {
            throw new ConfigurationException(e.getMessage());
        }
        ScanOptions.Builder b = ScanOptions.builder().paths(sourceRoots).root(root).includes(includes)
                .excludes(excludes).rulesets(rulesets).ruleIds(new LinkedHashSet<>(rules)).classpath(classpath)
                .policy(policy).includeTests(includeTests).sourceRoot(top()).dependencies(dependencies).cache(cache);
        if (threads != null) b.threads(threads);
        return b.build();
    }

    /** The source root when it holds the scan root (a module of the build), else none. */
    private Path top() {
        Path r = root.toAbsolutePath().normalize();
        return sourceRoot != null && r.startsWith(sourceRoot) ? sourceRoot : null;
    }

    private ScanResult scan() {
        try {
            return new Scanner().scan(options());
        } catch (io.wsscan.policy.PolicyException e) {
            throw new ConfigurationException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    /** Nothing to scan: still load the rules (so a bad rule id or ruleset is reported) and write empty reports. */
    private ScanResult emptyScan() {
        RuleCatalog catalog = RuleCatalog.load(rulesets);
        if (!rules.isEmpty()) catalog = catalog.only(new LinkedHashSet<>(rules));
        return new ScanResult(root.toAbsolutePath().normalize(), List.of(), List.of(), catalog,
                new ScanResult.Stats(0, 0, 0, 0, 0), Map.of());
    }

    // ---- summary -----------------------------------------------------------------------------------

    /** Counts of unsuppressed findings for every level, e.g. {@code 1 error, 2 warnings, 0 notes}. */
    static String counts(List<Finding> findings) {
        return counts(findings, true);
    }

    /** Counts of unsuppressed findings per level; levels with none are left out unless {@code zeros}. */
    static String counts(List<Finding> findings, boolean zeros) {
        return levelCounts(findings.stream().filter(f -> !f.suppressed()).map(Finding::level).toList(), zeros);
    }

    /** Counts per level, e.g. {@code 1 error, 2 warnings, 0 notes}; levels with none are left out unless {@code zeros}. */
    static String levelCounts(java.util.Collection<Level> levels, boolean zeros) {
        Map<Level, Integer> by = new EnumMap<>(Level.class);
        for (Level l : levels) by.merge(l, 1, Integer::sum);
        List<String> parts = new ArrayList<>();
        for (Level l : Level.values()) {
            int n = by.getOrDefault(l, 0);
            if (n == 0 && !zeros) continue;
            parts.add(n + " " + l.sarifName() + (n == 1 ? "" : "s"));
        }
        return String.join(", ", parts);
    }

    /** One line per finding, {@code path:line:col level rule message}, paths relative to the scan root. */
    static String describe(Finding f) {
        return describe(f, Classification.Kind.PRODUCTION);
    }

    /** {@link #describe(Finding)} with the class of a file that is not production code: {@code path:line:col [test] note ...}. */
    static String describe(Finding f, Classification.Kind kind) {
        String msg = f.message() == null ? "" : f.message().lines().findFirst().orElse("").strip();
        return f.file() + ":" + f.region().startLine() + ":" + f.region().startColumn()
                + (kind.production() ? "" : " [" + kind.id() + "]") + " " + f.level().sarifName()
                + " " + f.ruleId() + (msg.isEmpty() ? "" : " " + msg);
    }

    /**
     * The summary the mojos log: files, counts per level, the files that were not analysed, and the
     * report paths (relative to {@code displayBase} when inside it).
     */
    static List<String> summary(Outcome o, Path displayBase, int maxListed) {
        ScanResult r = o.result();
        List<String> lines = new ArrayList<>();
        ScanResult.Stats s = r.stats();
        StringBuilder files = new StringBuilder("wsscan: ").append(s.filesAnalysed())
                .append(s.filesAnalysed() == 1 ? " file" : " files").append(" analysed");
        String partly = r.partlyReadSummary();
        if (partly != null) files.append(" (").append(partly).append(')');
        if (s.filesSkipped() > 0) files.append(", ").append(s.filesSkipped()).append(" not analysed");
        if (s.unitsCached() >= 0) files.append(", ").append(s.unitsCached()).append(" of ").append(s.units()).append(" units from the cache");
        lines.add(files.toString());
        // what the dependencies parameter read, and declared runtime packages that are not installed
        for (Notification n : r.notifications()) {
            if (n.kind().equals(io.wsscan.deps.DependencyScan.NOTE) && n.message().startsWith(io.wsscan.deps.DependencyScan.PREFIX)) {
                lines.add("wsscan: " + n.message());
            }
        }
        for (Notification n : r.notifications()) {
            if (n.kind().equals("cache")) lines.add("wsscan: cache: " + n.message());
        }
        long suppressed = r.findings().stream().filter(Finding::suppressed).count();
        StringBuilder counts = new StringBuilder("wsscan: findings: ").append(counts(r.findings()));
        if (suppressed > 0) counts.append(" (").append(suppressed).append(" suppressed)");
        if (o.inBaseline() > 0) {
            counts.append("; ").append(o.inBaseline()).append(" in the baseline, dropped");
            if (o.byLineHash()) counts.append(" (").append(Baseline.LINE_HASH_NOTE).append(')');
        }
        if (o.refLabel() != null) counts.append("; ").append(o.inRef()).append(" already in ").append(o.refLabel()).append(", dropped");
        lines.add(counts.toString());
        String outside = r.outsideProductionSummary();
        if (outside != null) lines.add("wsscan: " + outside.replace("--include-tests", "includeTests=true"));
        int listed = 0;
        for (Notification n : r.notifications()) {
            if (!n.fileSkipped()) continue;
            if (listed++ == maxListed) {
                lines.add("wsscan:   ... and more files not analysed (see the SARIF report)");
                break;
            }
            lines.add("wsscan: not analysed: " + n.file() + " (" + n.kind() + "): " + n.message());
        }
        for (Map.Entry<Formats, Path> e : o.reports().entrySet()) {
            lines.add("wsscan: report " + display(e.getValue(), displayBase));
        }
        return lines;
    }

    /** {@code p} relative to {@code base} when it lies inside it, else absolute; '/' separators. */
    static String display(Path p, Path base) {
        Path abs = p.toAbsolutePath().normalize();
        if (base != null) {
            Path b = base.toAbsolutePath().normalize();
            if (abs.startsWith(b) && !abs.equals(b)) return b.relativize(abs).toString().replace('\\', '/');
        }
        return abs.toString();
    }
}

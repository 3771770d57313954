package io.wsscan.cli;

import io.wsscan.engine.Discovery;
import io.wsscan.engine.ScanOptions;
import io.wsscan.engine.ScanResult;
import io.wsscan.engine.Scanner;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Finding.Level;
import io.wsscan.findings.Notification;
import io.wsscan.git.RefBaseline;
import io.wsscan.policy.Policy;
import io.wsscan.report.Baseline;
import io.wsscan.report.Formats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code wsscan scan}: scan files and folders, write reports, exit by {@code --fail-on}. */
@Command(name = "scan", sortOptions = false,
        description = "Scan files and folders for WebSocket security problems.",
        footer = {"",
                "Exit codes: 0 nothing unsuppressed at or above --fail-on; 1 findings at or",
                "above it; 2 usage or configuration error; 3 internal error.",
                "Suppress a finding with a comment on the line before it:",
                "  // wsscan-ignore RULE_ID: reason"})
final class ScanCommand implements Callable<Integer> {

    static final String HINT = "see 'wsscan scan --help'";
    private static final int MAX_LISTED_NOTES = 20;

    @ParentCommand
    private Main main;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders to scan (default: .).")
    private List<Path> paths = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", split = ",",
            description = "sarif, json, text or html (repeatable or comma-separated; default: text).")
    private List<String> formats = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of stdout; without --format the extension (.sarif, .json, "
                    + ".txt, .html) chooses the format; with several formats FILE is a base name and each format adds its extension.")
    private Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit 1 when an unsuppressed finding is at or above LEVEL: error, warning, note "
                    + "or none (default: ${DEFAULT-VALUE}).")
    private String failOn;

    @Option(names = "--ruleset", paramLabel = "FILE", description = "Also load this ruleset file (repeatable).")
    private List<Path> rulesets = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "ID", split = ",", description = "Run only these rules (comma-separated ids).")
    private List<String> rules = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Skip paths matching GLOB, relative to the scan root; ** spans folders, a glob "
                    + "without / matches any file or folder name (repeatable). Folders named .git, target and "
                    + "build, and node_modules of installed dependencies, are skipped unless given as a PATH.")
    private List<String> excludes = new ArrayList<>();

    @Option(names = "--include", paramLabel = "GLOB",
            description = "Analyse only files matching GLOB (same syntax as --exclude; repeatable). "
                    + "Excludes still apply.")
    private List<String> includes = new ArrayList<>();

    @Option(names = "--classpath", paramLabel = "PATHS",
            description = "Jars and class folders the scanned Java code compiles against, separated by '${sys:path.separator}' "
                    + "(repeatable); library types found there resolve names that imports alone cannot.")
    private List<String> classpath = new ArrayList<>();

    @picocli.CommandLine.Mixin
    private DependencyFlags deps = new DependencyFlags();

    @Option(names = "--config", paramLabel = "FILE",
            description = "Policy file (default: the nearest .wsscan.yml from the scan root up to the repository root).")
    private Path config;

    @Option(names = "--source-root", paramLabel = "DIR",
            description = "The folder SARIF paths are relative to (default: the top of the git work tree holding the "
                    + "scanned path, else the scan root); GitHub resolves them from the repository root.")
    private Path sourceRoot;

    @Option(names = "--no-gitignore",
            description = "Also scan what .gitignore files ignore (by default ignored, untracked files are left out).")
    private boolean noGitignore;

    @Option(names = "--inventory",
            description = "Add the endpoint inventory to the SARIF report as note results (rule inventory/ws-endpoint).")
    private boolean inventory;

    @Option(names = "--include-suppressed",
            description = "Keep suppressed findings in the SARIF report, with their suppressions (GitHub code scanning "
                    + "ignores suppressions and opens an alert for each, so by default they are left out).")
    private boolean includeSuppressed;

    @Option(names = "--include-tests",
            description = "Treat test, example, generated and vendored files as production code: their findings "
                    + "keep their level and can fail the scan (by default they are notes).")
    private boolean includeTests;

    @Option(names = "--report-unused-suppressions",
            description = "List wsscan-ignore comments that suppressed no finding in this scan (a comment without a "
                    + "rule id, or naming a rule that does not exist, is always listed).")
    private boolean reportUnusedSuppressions;

    @Option(names = "--baseline", paramLabel = "SARIF",
            description = "Drop results already in this earlier SARIF report (same rule, file and code, wherever the "
                    + "lines moved).")
    private Path baseline;

    @Option(names = "--baseline-ref", paramLabel = "REF",
            description = "Report only results that git revision REF does not have (e.g. origin/main): REF's tree is "
                    + "scanned the same way and its results are dropped. Read with JGit; the scanned paths must be in a "
                    + "git work tree. With --baseline, results in either are dropped.")
    private String baselineRef;

    @Option(names = "--cache", paramLabel = "DIR", arity = "0..1", fallbackValue = "",
            description = "Reuse results of earlier scans for files (and linked files, Java batches) whose content, "
                    + "rules, policy, options and wsscan build did not change; kept in DIR (default: "
                    + Inputs.DEFAULT_CACHE + " in the report's folder, else the current one). Write --cache=DIR before PATHs.")
    private String cache;

    @Option(names = "--threads", paramLabel = "N", description = "Analysis threads (default: number of cores).")
    private Integer threads;

    @Option(names = "--max-file-size", paramLabel = "SIZE",
            description = "Skip larger files, e.g. 20MB, 512KB (default: 20MB).")
    private String maxFileSize;

    @Option(names = "--time-budget", paramLabel = "DURATION",
            description = "Give up on a file after this much wall time, e.g. 30s, 2m (default: 30s).")
    private String timeBudget;

    @Option(names = "--category", paramLabel = "ID", defaultValue = "wsscan/",
            description = "SARIF automationDetails.id (default: ${DEFAULT-VALUE}).")
    private String category;

    @Option(names = "--no-progress", description = "No progress bar.")
    private boolean noProgress;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary on stderr.")
    private boolean quiet;

    private Policy policy;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Override
    public Integer call() throws IOException {
        List<Formats> fmts = formats();
        Level threshold = failOnLevel(failOn);
        long maxSize = maxFileSize == null ? ScanOptions.DEFAULT_MAX_FILE_SIZE : parseSize(maxFileSize);
        if (threads != null && threads < 1) throw new UsageException("--threads must be at least 1", HINT);
        java.time.Duration budget = timeBudget == null ? ScanOptions.DEFAULT_TIME_BUDGET : parseDuration(timeBudget);
        // every input is checked before anything is read at length or created
        List<Path> scanPaths = Inputs.scanPaths(paths, HINT);
        Inputs.globs(excludes, "--exclude");
        Inputs.globs(includes, "--include");
        List<Path> userRulesets = Inputs.rulesets(rulesets);
        List<Path> cp = classpathEntries(classpath);
        io.wsscan.deps.DependencyOptions dependencies = deps.options(HINT);
        if (baseline != null) Inputs.readable(baseline, "--baseline", Baseline.MAX_BYTES);
        if (baselineRef != null && baselineRef.isBlank()) throw new UsageException("--baseline-ref needs a git revision, e.g. origin/main", HINT);
        Map<Formats, Path> targets = targets(fmts, output);
        for (Path t : targets.values()) {
            if (t != null) Inputs.checkWritable(t);
        }
        Inputs.config(config, HINT);
        Path cacheDir = Inputs.cacheFolder(cache, output, HINT);
        Path scanRoot = Scanner.root(scanPaths);
        Path top = sourceRoot == null ? Scanner.workTreeTop(scanRoot) : Inputs.sourceRoot(sourceRoot, scanRoot);
        policy = Policy.find(config, scanRoot, top);
        Baseline base = baseline == null ? null : readBaseline(baseline);
        if (baselineRef != null) refCommit(Scanner.root(scanPaths));
        boolean progress = !quiet && !noProgress && Terminal.progressAllowed(main.env);
        ScanOptions.Builder b = ScanOptions.builder().policy(policy).paths(scanPaths).excludes(excludes).includes(includes).ruleIds(ruleIds())
                .rulesets(userRulesets).maxFileSize(maxSize).classpath(cp).includeTests(includeTests).timeBudget(budget)
                .reportUnusedSuppressions(reportUnusedSuppressions).sourceRoot(top).gitignore(!noGitignore)
                .dependencies(dependencies).cache(cacheDir);
        if (threads != null) b.threads(threads);
        if (progress) b.progress(new ProgressBar(main.err));
        ScanOptions options = b.build();
        ScanResult result = new Scanner().scan(options);

        RefBaseline ref = baselineRef == null ? null : refBaseline(options);
        List<String> dropped = new ArrayList<>();
        if (base != null || ref != null) {
            Baseline.Applied a = Baseline.apply(result.root(), result.findings(),
                    java.util.Arrays.asList(base, ref == null ? null : ref.baseline()));
            if (a.dropped()[0] > 0) {
                dropped.add(a.dropped()[0] + " in the baseline (dropped" + (base.byLineHash() ? "; " + Baseline.LINE_HASH_NOTE : "") + ")");
            }
            if (ref != null) dropped.add(a.dropped()[1] + " already in " + ref.ref() + " (" + ref.commit() + ", dropped)");
            result = result.withFindings(a.kept());
        }

        List<String> written = new ArrayList<>();
        for (Map.Entry<Formats, Path> e : targets.entrySet()) {
            write(e.getKey(), result, e.getValue());
            if (e.getValue() != null) written.add(e.getValue() + " (" + e.getKey().id() + ")");
        }
        if (!quiet) {
            if (policy.file() != null) main.err.println("wsscan: policy " + Inputs.shown(policy.file()));
            summary(main.err, result, dropped, written);
        }
        return exitCode(result.findings(), threshold);
    }

    // ---- options -----------------------------------------------------------------------------------

    private List<Formats> formats() {
        Set<Formats> out = new LinkedHashSet<>();
        String choices = String.join(", ", Formats.names());
        for (String f : formats) {
            String n = f.trim().toLowerCase(Locale.ROOT);
            if (n.isEmpty()) continue;
            Formats fmt = Formats.byName(n).orElseThrow(() -> new UsageException(
                    "unknown format '" + f.trim() + "' (choose " + choices + ")", HINT));
            out.add(fmt);
        }
        String ext = output == null ? null : extensionFormat(output);
        if (out.isEmpty()) {
            // -o report.sarif alone: the file's extension says which report is wanted
            out.add(ext == null ? Formats.TEXT : Formats.byName(ext).orElseThrow());
        } else if (out.size() == 1 && ext != null && !ext.equals(out.iterator().next().id())) {
            throw new UsageException("--output " + output.getFileName() + " is named like a " + ext + " report, but --format is "
                    + out.iterator().next().id() + " (drop -f to take the format from the extension, or rename the file)", HINT);
        }
        return List.copyOf(out);
    }

    /** The format a report file's extension names ({@code .sarif}, {@code .json}, {@code .txt}, {@code .html}), or null. */
    static String extensionFormat(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".htm")) return Formats.HTML.id();
        for (Formats f : Formats.values()) if (name.endsWith(f.extension()) && name.length() > f.extension().length()) return f.id();
        return null;
    }

    private Set<String> ruleIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (String r : rules) {
            if (!r.isBlank()) ids.add(r.trim());
        }
        return ids;
    }

    /** The {@code --fail-on} threshold; null for {@code none}. */
    static Level failOnLevel(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "error" -> Level.ERROR;
            case "warning" -> Level.WARNING;
            case "note" -> Level.NOTE;
            case "none" -> null;
            default -> throw new UsageException("--fail-on must be error, warning, note or none, not '" + s + "'", HINT);
        };
    }

    private static final Pattern SIZE = Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\\s*");

    /** A size such as {@code 20MB}, {@code 512KB}, {@code 1.5G} or {@code 1000} (bytes); units are 1024-based. */
    static long parseSize(String s) {
        Matcher m = SIZE.matcher(s);
        if (!m.matches()) {
            throw new UsageException("invalid --max-file-size '" + s + "' (use e.g. 20MB, 512KB or a number of bytes)", HINT);
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        long mult = switch (unit.charAt(0)) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        double bytes = v * mult;
        if (bytes < 1 || bytes > Long.MAX_VALUE / 2) {
            throw new UsageException("invalid --max-file-size '" + s + "' (must be at least 1 byte)", HINT);
        }
        return (long) bytes;
    }

    private static final Pattern DURATION = Pattern.compile("(?i)\\s*(\\d{1,6})\\s*(ms|s|m)?\\s*");

    /** A wall-time budget such as {@code 30s}, {@code 2m}, {@code 500ms} or {@code 90} (seconds). */
    static java.time.Duration parseDuration(String s) {
        Matcher m = DURATION.matcher(s);
        if (!m.matches()) {
            throw new UsageException("invalid --time-budget '" + s + "' (use e.g. 30s, 2m or a number of seconds)", HINT);
        }
        long v = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
        java.time.Duration d = switch (unit) {
            case "ms" -> java.time.Duration.ofMillis(v);
            case "m" -> java.time.Duration.ofMinutes(v);
            default -> java.time.Duration.ofSeconds(v);
        };
        if (d.isZero()) throw new UsageException("invalid --time-budget '" + s + "' (must be more than 0)", HINT);
        return d;
    }

    /** Fails fast, before the scan, when --baseline-ref's repository or revision is missing. */
    private void refCommit(Path root) {
        try {
            io.wsscan.git.RefTree.verify(root, baselineRef);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The findings of --baseline-ref's revision, scanned with the options of this scan. */
    private RefBaseline refBaseline(ScanOptions options) {
        try {
            return RefBaseline.scan(options, baselineRef);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Baseline readBaseline(Path sarif) {
        try {
            return Baseline.read(sarif);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * The entries of {@code --classpath} values split at the platform's path separator (empty parts
     * ignored), each an existing jar or folder (a usage error otherwise).
     */
    static List<Path> classpathEntries(List<String> values) {
        List<Path> out = new ArrayList<>();
        for (String v : values) {
            for (String part : v.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator))) {
                if (part.isBlank()) continue;
                Path p;
                try {
                    p = Path.of(part);
                } catch (java.nio.file.InvalidPathException e) {
                    throw new UsageException("--classpath entry is not a valid path: " + part);
                }
                if (!Files.exists(p)) throw new UsageException("--classpath entry not found: " + part);
                if (!Files.isRegularFile(p) && !Files.isDirectory(p)) {
                    throw new UsageException("--classpath entry is not a regular file or folder: " + part);
                }
                if (Files.isRegularFile(p) && !part.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(jar|zip)")) {
                    throw new UsageException("--classpath entry is neither a jar nor a folder: " + part);
                }
                out.add(p);
            }
        }
        return out;
    }

    /** Format -> output file (null for stdout), in the order given. */
    static Map<Formats, Path> targets(List<Formats> fmts, Path output) {
        Map<Formats, Path> out = new LinkedHashMap<>();
        if (output == null) {
            if (fmts.size() > 1) {
                throw new UsageException("several formats need --output BASE (each format then gets its extension)", HINT);
            }
            out.put(fmts.get(0), null);
        } else if (fmts.size() == 1) {
            out.put(fmts.get(0), output);
        } else {
            String name = output.getFileName().toString();
            for (Formats f : Formats.values()) {
                String ext = f.extension();
                if (name.endsWith(ext) && name.length() > ext.length()) {
                    name = name.substring(0, name.length() - ext.length());
                    break;
                }
            }
            for (Formats f : fmts) out.put(f, output.resolveSibling(name + f.extension()));
        }
        return out;
    }


    // ---- output ------------------------------------------------------------------------------------

    private void write(Formats format, ScanResult result, Path target) throws IOException {
        if (target == null) {
            boolean colour = !format.machineReadable() && Terminal.colourAllowed(main.env);
            Writer w = new BufferedWriter(new OutputStreamWriter(main.out, StandardCharsets.UTF_8));
            format.write(result, new Formats.Options(category, colour, inventory(format, result), includeSuppressed), w);
            w.flush();
            return;
        }
        Inputs.createParent(target);
        try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            format.write(result, new Formats.Options(category, false, inventory(format, result), includeSuppressed), w);
        } catch (IOException e) {
            throw new UsageException("cannot write " + target + ": " + Inputs.why(e));
        }
    }

    /** The inventory a report shows: always in HTML (the endpoint map), in SARIF only with --inventory. */
    private io.wsscan.inventory.Inventory inventory(Formats format, ScanResult result) {
        boolean wanted = format == Formats.HTML || inventory && format == Formats.SARIF;
        return wanted ? io.wsscan.inventory.Inventory.of(result, policyOf(result).firstPartyHosts()) : null;
    }

    private Policy policyOf(ScanResult result) {
        return policy == null ? Policy.NONE : policy;
    }

    /** The exit code for these findings: 1 when an unsuppressed one is at or above the threshold (null = none). */
    static int exitCode(List<Finding> findings, Level threshold) {
        if (threshold == null) return Main.OK;
        for (Finding f : findings) {
            if (!f.suppressed() && f.level().atLeast(threshold)) return Main.FINDINGS;
        }
        return Main.OK;
    }

    /**
     * How many files each front end other than Rhino (the default for JavaScript) read, most first:
     * {@code wsscan: read by closure 5532, types-only 637, tree-sitter 325 (the SARIF run lists each file)}.
     */
    static String frontEnds(Map<String, String> byFile) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (String fe : byFile.values()) counts.merge(fe, 1, Integer::sum);
        List<String> parts = counts.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .map(e -> e.getKey() + " " + e.getValue()).toList();
        return "wsscan: read by " + String.join(", ", parts) + " (the others by Rhino; the SARIF run lists each file)";
    }

    /**
     * The summary on stderr. {@code dropped} are the baselines' parts of the findings line, e.g.
     * {@code 2 in the baseline (dropped)}.
     */
    static void summary(PrintStream err, ScanResult r, List<String> dropped, List<String> written) {
        ScanResult.Stats s = r.stats();
        double secs = s.millis() / 1000.0;
        double mbps = s.millis() > 0 ? s.bytesAnalysed() / 1048576.0 / secs : 0;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "wsscan: %d %s analysed (%s in %.2f s, %s MB/s, %.1f files/s, peak heap %d MB)",
                s.filesAnalysed(), plural(s.filesAnalysed(), "file"), Discovery.formatSize(s.bytesAnalysed()),
                secs, String.format(Locale.ROOT, mbps >= 10 ? "%.0f" : mbps >= 0.1 ? "%.1f" : "%.2f", mbps),
                secs > 0 ? s.filesAnalysed() / secs : 0.0, Scanner.peakHeapBytes() / 1048576));
        String partly = r.partlyReadSummary();
        if (partly != null) sb.append(", ").append(partly);
        if (s.unitsCached() >= 0) sb.append(", ").append(s.unitsCached()).append(" of ").append(s.units()).append(" units from the cache");
        if (s.filesSkipped() > 0) {
            Map<String, Integer> byKind = new LinkedHashMap<>();
            for (Notification n : r.notifications()) {
                if (n.fileSkipped() && n.line() == 0) byKind.merge(n.kind(), 1, Integer::sum);
            }
            sb.append(", ").append(s.filesSkipped()).append(" skipped");
            if (!byKind.isEmpty()) {
                List<String> parts = new ArrayList<>();
                byKind.forEach((k, v) -> parts.add(v + " " + k));
                sb.append(" (").append(String.join(", ", parts)).append(')');
            }
        }
        err.println(sb);
        if (!r.frontEnds().isEmpty()) err.println(frontEnds(r.frontEnds()));
        int listed = 0;
        for (Notification n : r.notifications()) {
            if (listed++ == MAX_LISTED_NOTES) {
                err.println("  ... and " + (r.notifications().size() - MAX_LISTED_NOTES) + " more (see the SARIF or JSON report)");
                break;
            }
            String where = n.file().isEmpty() ? "" : n.file() + (n.line() > 0 ? ":" + n.line() : "") + ": ";
            err.println("  " + where + n.kind() + ": " + n.message());
        }
        Map<Level, Integer> byLevel = new EnumMap<>(Level.class);
        int suppressed = 0;
        for (Finding f : r.findings()) {
            if (f.suppressed()) suppressed++;
            else byLevel.merge(f.level(), 1, Integer::sum);
        }
        int active = r.findings().size() - suppressed;
        StringBuilder fl = new StringBuilder("wsscan: ").append(active).append(' ').append(plural(active, "finding"));
        if (active > 0) {
            List<String> parts = new ArrayList<>();
            for (Level l : Level.values()) {
                Integer c = byLevel.get(l);
                if (c != null) parts.add(c + " " + l.sarifName());
            }
            fl.append(" (").append(String.join(", ", parts)).append(')');
        }
        if (suppressed > 0) fl.append(", ").append(suppressed).append(" suppressed");
        for (String d : dropped) fl.append(", ").append(d);
        err.println(fl);
        String outside = r.outsideProductionSummary();
        if (outside != null) err.println("wsscan: " + outside);
        for (String w : written) err.println("wsscan: wrote " + w);
        err.flush();
    }

    private static String plural(int n, String word) {
        return n == 1 ? word : word + "s";
    }
}

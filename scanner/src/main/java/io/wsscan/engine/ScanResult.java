package io.wsscan.engine;

import io.wsscan.findings.Finding;
import io.wsscan.findings.Notification;
import io.wsscan.inventory.Endpoint;
import io.wsscan.inventory.PageScript;
import io.wsscan.rules.RuleCatalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a report needs from one scan. Lists are sorted ({@link Finding#ORDER},
 * {@link Notification#ORDER}, {@link Endpoint#ORDER}) so reports are deterministic.
 *
 * @param root       the directory all relative paths are relative to (SARIF %SRCROOT%)
 * @param catalog    the rules that ran (reports list exactly these)
 * @param frontEnds  relative path -> front end, for every analysed file not read by the default one
 * @param endpoints  every client connection and server endpoint of the analysed files (inventory)
 * @param analysedFiles relative paths of the analysed files, sorted: with the files of {@code notifications}
 *                   that are not {@code info}, every discovered file is named once (so a check can tell
 *                   which files were lost, not only how many)
 * @param classes    relative path -> class of every analysed file that is not production (test, example,
 *                   generated, vendored); empty with {@code --include-tests}
 * @param partlyRead relative paths of the analysed files whose parser skipped lines in error recovery (or
 *                   cut parts nested too deeply), sorted; their {@code info} notifications say which lines
 * @param sourceRoot the folder SARIF URIs are relative to ({@code %SRCROOT%}): the repository's top, which holds
 *                   {@code root}; null means {@code root}
 * @param pageScripts the {@code <script src>} tags of the scanned pages ({@link PageScript#ORDER}), for the inventory
 */
public record ScanResult(Path root, List<Finding> findings, List<Notification> notifications,
                         RuleCatalog catalog, Stats stats, Map<String, String> frontEnds, List<Endpoint> endpoints,
                         List<String> analysedFiles, Map<String, Classification.Kind> classes, List<String> partlyRead,
                         Path sourceRoot, List<PageScript> pageScripts) {

    public ScanResult {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        analysedFiles = analysedFiles == null ? List.of() : List.copyOf(analysedFiles);
        classes = classes == null ? Map.of() : Map.copyOf(classes);
        partlyRead = partlyRead == null ? List.of() : partlyRead.stream().sorted().toList();
        pageScripts = pageScripts == null ? List.of() : List.copyOf(pageScripts);
    }

    /** A result without page scripts. */
    public ScanResult(Path root, List<Finding> findings, List<Notification> notifications,
                      RuleCatalog catalog, Stats stats, Map<String, String> frontEnds, List<Endpoint> endpoints,
                      List<String> analysedFiles, Map<String, Classification.Kind> classes, List<String> partlyRead,
                      Path sourceRoot) {
        this(root, findings, notifications, catalog, stats, frontEnds, endpoints, analysedFiles, classes, partlyRead,
                sourceRoot, List.of());
    }

    /** A result whose SARIF URIs are relative to the scan root. */
    public ScanResult(Path root, List<Finding> findings, List<Notification> notifications,
                      RuleCatalog catalog, Stats stats, Map<String, String> frontEnds, List<Endpoint> endpoints,
                      List<String> analysedFiles, Map<String, Classification.Kind> classes, List<String> partlyRead) {
        this(root, findings, notifications, catalog, stats, frontEnds, endpoints, analysedFiles, classes, partlyRead, null);
    }

    /** A result where every analysed file was read whole. */
    public ScanResult(Path root, List<Finding> findings, List<Notification> notifications,
                      RuleCatalog catalog, Stats stats, Map<String, String> frontEnds, List<Endpoint> endpoints,
                      List<String> analysedFiles, Map<String, Classification.Kind> classes) {
        this(root, findings, notifications, catalog, stats, frontEnds, endpoints, analysedFiles, classes, List.of());
    }

    /** A result where every file is production code. */
    public ScanResult(Path root, List<Finding> findings, List<Notification> notifications,
                      RuleCatalog catalog, Stats stats, Map<String, String> frontEnds, List<Endpoint> endpoints,
                      List<String> analysedFiles) {
        this(root, findings, notifications, catalog, stats, frontEnds, endpoints, analysedFiles, Map.of());
    }

    /** A result without the list of analysed files. */
    public ScanResult(Path root, List<Finding> findings, List<Notification> notifications,
                      RuleCatalog catalog, Stats stats, Map<String, String> frontEnds, List<Endpoint> endpoints) {
        this(root, findings, notifications, catalog, stats, frontEnds, endpoints, List.of());
    }

    /** A result without inventory entries. */
    public ScanResult(Path root, List<Finding> findings, List<Notification> notifications,
                      RuleCatalog catalog, Stats stats, Map<String, String> frontEnds) {
        this(root, findings, notifications, catalog, stats, frontEnds, List.of(), List.of());
    }

    /** The same scan with other findings (baseline, policy). */
    public ScanResult withFindings(List<Finding> kept) {
        return new ScanResult(root, kept, notifications, catalog, stats, frontEnds, endpoints, analysedFiles, classes,
                partlyRead, sourceRoot, pageScripts);
    }

    /** The same scan with SARIF URIs relative to {@code folder} (which must hold the root; null: the root). */
    public ScanResult withSourceRoot(Path folder) {
        return new ScanResult(root, findings, notifications, catalog, stats, frontEnds, endpoints, analysedFiles, classes,
                partlyRead, folder, pageScripts);
    }

    /**
     * The scan root's path relative to {@link #sourceRoot} with a trailing '/' ('/' separators), "" when they are
     * the same or there is no source root: what SARIF puts before each relative path.
     */
    public String sourcePrefix() {
        if (sourceRoot == null || root == null || sourceRoot.equals(root) || !root.startsWith(sourceRoot)) return "";
        String rel = sourceRoot.relativize(root).toString().replace(java.io.File.separatorChar, '/');
        return rel.isEmpty() ? "" : rel + "/";
    }

    /** The class of a file of this scan ({@link Classification.Kind#PRODUCTION} unless listed in {@code classes}). */
    public Classification.Kind classOf(String file) {
        return classes.getOrDefault(file, Classification.Kind.PRODUCTION);
    }

    /** Unsuppressed findings in files that are not production: shown as notes, never failing a build. */
    public int findingsOutsideProduction() {
        int n = 0;
        for (Finding f : findings) {
            if (!f.suppressed() && !classOf(f.file()).production()) n++;
        }
        return n;
    }

    /**
     * One sentence on the findings shown as notes because their files are not production code, e.g.
     * {@code 3 findings in test/example code shown as notes; --include-tests to treat them as production};
     * null when there are none.
     */
    public String outsideProductionSummary() {
        java.util.EnumSet<Classification.Kind> kinds = java.util.EnumSet.noneOf(Classification.Kind.class);
        int n = 0;
        for (Finding f : findings) {
            Classification.Kind k = classOf(f.file());
            if (!f.suppressed() && !k.production()) {
                n++;
                kinds.add(k);
            }
        }
        if (n == 0) return null;
        String what = String.join("/", kinds.stream().map(Classification.Kind::id).toList());
        return n + (n == 1 ? " finding" : " findings") + " in " + what
                + " code shown as notes; --include-tests to treat them as production";
    }

    /**
     * The clause the summaries add after the count of analysed files, e.g. {@code 2 only partly read:
     * lines skipped by parse recovery, see the info notes}; null when every analysed file was read whole.
     */
    public String partlyReadSummary() {
        if (partlyRead.isEmpty()) return null;
        return partlyRead.size() + " only partly read: lines skipped by parse recovery, see the info notes";
    }

    /**
     * Counts for the summary and the benchmark; {@code millis} is wall time of the scan. {@code unitsCached}:
     * how many of the {@code units} looked up in the cache (files, linked units, Java batches) came from it;
     * -1 when the scan used no cache.
     */
    public record Stats(int filesDiscovered, int filesAnalysed, int filesSkipped, long bytesAnalysed,
                        long millis, int unitsCached, int units) {

        /** Counts of a scan without a cache. */
        public Stats(int filesDiscovered, int filesAnalysed, int filesSkipped, long bytesAnalysed, long millis) {
            this(filesDiscovered, filesAnalysed, filesSkipped, bytesAnalysed, millis, -1, 0);
        }
    }
}

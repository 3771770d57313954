package io.wsscan.engine;

import io.wsscan.findings.Finding;
import io.wsscan.findings.Notification;
import io.wsscan.inventory.Endpoint;
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
 */
public record ScanResult(Path root, List<Finding> findings, List<Notification> notifications,
                         RuleCatalog catalog, Stats stats, Map<String, String> frontEnds, List<Endpoint> endpoints,
                         List<String> analysedFiles) {

    public ScanResult {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        analysedFiles = analysedFiles == null ? List.of() : List.copyOf(analysedFiles);
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
        return new ScanResult(root, kept, notifications, catalog, stats, frontEnds, endpoints, analysedFiles);
    }

    /** Counts for the summary and the benchmark; {@code millis} is wall time of the scan. */
    public record Stats(int filesDiscovered, int filesAnalysed, int filesSkipped, long bytesAnalysed,
                        long millis) {
    }
}

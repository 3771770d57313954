package io.wsscan.engine;

import io.wsscan.findings.Finding;
import io.wsscan.findings.Notification;
import io.wsscan.rules.RuleCatalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a report needs from one scan. Lists are sorted ({@link Finding#ORDER},
 * {@link Notification#ORDER}) so reports are deterministic.
 *
 * @param root       the directory all relative paths are relative to (SARIF %SRCROOT%)
 * @param catalog    the rules that ran (reports list exactly these)
 * @param frontEnds  relative path -> front end, for every analysed file not read by the default one
 */
public record ScanResult(Path root, List<Finding> findings, List<Notification> notifications,
                         RuleCatalog catalog, Stats stats, Map<String, String> frontEnds) {

    /** Counts for the summary and the benchmark; {@code millis} is wall time of the scan. */
    public record Stats(int filesDiscovered, int filesAnalysed, int filesSkipped, long bytesAnalysed,
                        long millis) {
    }
}

package io.wsscan.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An analyzer whose files depend on each other (modules importing modules, classic scripts sharing a
 * page's globals). Before analysis the scanner asks every file, cheaply and without parsing, which
 * other files of the scan it links to, which global names it shares and whether it matters on its
 * own; files linked to a relevant file are then analysed together.
 */
public interface LinkingAnalyzer extends FileAnalyzer {

    /** Files of the scan (relative paths, as in {@code scanned}) that this file imports or requires. */
    List<String> links(SourceFile file, Set<String> scanned);

    /** False when nothing of interest can happen in this file by itself (a cheap prefilter). */
    boolean relevant(SourceFile file);

    /** Analyses the files as one program; a report for each of them, keyed by relative path. */
    Map<String, FileReport> analyzeTogether(List<SourceFile> files);

    /**
     * {@link #analyzeTogether(List)} where classic scripts share global names: {@code shares} maps a
     * script to the files of the unit whose top-level names it sees (the other scripts of its pages).
     */
    default Map<String, FileReport> analyzeTogether(List<SourceFile> files, Map<String, Set<String>> shares) {
        return analyzeTogether(files);
    }

    /** The global names this file shares when it is a classic script; null for a module. */
    default GlobalNames globals(SourceFile file) {
        return null;
    }

    /** Whether a file (of another analyzer) is a page whose {@code <script src>} list this analyzer reads. */
    default boolean isPage(String relPath) {
        return false;
    }

    /** The scripts a page loads, as files of the scan ({@code scanned}), in order. */
    default PageLoads pageScripts(SourceFile page, Set<String> scanned) {
        return PageLoads.NONE;
    }
}

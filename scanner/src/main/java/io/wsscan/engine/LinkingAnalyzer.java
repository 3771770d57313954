package io.wsscan.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An analyzer whose files depend on each other (modules importing modules). Before analysis the
 * scanner asks every file, cheaply and without parsing, which other files of the scan it links to and
 * whether it matters on its own; files linked to a relevant file are then analysed together.
 */
public interface LinkingAnalyzer extends FileAnalyzer {

    /** Files of the scan (relative paths, as in {@code scanned}) that this file imports or requires. */
    List<String> links(SourceFile file, Set<String> scanned);

    /** False when nothing of interest can happen in this file by itself (a cheap prefilter). */
    boolean relevant(SourceFile file);

    /** Analyses the files as one program; a report for each of them, keyed by relative path. */
    Map<String, FileReport> analyzeTogether(List<SourceFile> files);
}

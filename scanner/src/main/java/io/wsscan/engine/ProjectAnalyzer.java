package io.wsscan.engine;

import java.util.List;
import java.util.Map;

/**
 * A language whose files are analysed together: a project pass over all of them (declarations,
 * class hierarchy, constants) before each file is analysed. {@link #analyze(SourceFile)} still works
 * on one file alone, as if it were the whole project.
 */
public interface ProjectAnalyzer extends FileAnalyzer {

    /**
     * Analyses these files as one project and returns one report per file, keyed by relative path.
     * Must not throw for bad input; a file missing from the result counts as not analysed.
     */
    Map<String, FileReport> analyzeTogether(List<SourceFile> files);

    /**
     * The same within a scan, which passes its options (the classpath of the scanned code, for one);
     * by default the options are not used.
     */
    default Map<String, FileReport> analyzeTogether(List<SourceFile> files, ScanOptions options) {
        return analyzeTogether(files);
    }

    /**
     * How the analyzer splits these files into parts analysed apart (no facts cross from one to another):
     * analysing each part with {@link #analyzeTogether} gives the same reports as analysing them all. By
     * default one part. The scan caches results per part.
     */
    default List<List<SourceFile>> batches(List<SourceFile> files) {
        return List.of(files);
    }
}

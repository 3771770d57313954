package io.wsscan.engine;

/**
 * A language's path through the pipeline for one file: parse, lower, analyse, apply rules.
 * Implementations are stateless across files and safe to call from several threads at once.
 */
public interface FileAnalyzer {

    /** True when this analyzer reads files with this (relative) path, decided by extension. */
    boolean accepts(String relPath);

    /** Analyses one file. Must not throw for bad input: a parse failure is a notification. */
    FileReport analyze(SourceFile file);
}

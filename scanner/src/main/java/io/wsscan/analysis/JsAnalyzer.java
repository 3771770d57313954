package io.wsscan.analysis;

import io.wsscan.engine.FileAnalyzer;
import io.wsscan.engine.FileReport;
import io.wsscan.engine.SourceFile;
import io.wsscan.rules.RuleCatalog;

import java.util.List;
import java.util.Locale;

/** JavaScript files: Rhino front end -> IR -> taint and structural rules. (Being built.) */
public final class JsAnalyzer implements FileAnalyzer {

    private final RuleCatalog catalog;

    public JsAnalyzer(RuleCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public boolean accepts(String relPath) {
        String p = relPath.toLowerCase(Locale.ROOT);
        return p.endsWith(".js") || p.endsWith(".mjs") || p.endsWith(".cjs");
    }

    @Override
    public FileReport analyze(SourceFile file) {
        return new FileReport(List.of(), List.of(), "rhino", true);
    }
}

package io.wsscan.java;

import io.wsscan.engine.FileReport;
import io.wsscan.engine.SourceFile;
import io.wsscan.findings.Finding;
import io.wsscan.rules.RuleCatalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the Java analyzer over in-memory files and renders findings as "file:line rule" strings. */
final class JavaFixture {

    static final JavaAnalyzer ANALYZER = new JavaAnalyzer(RuleCatalog.builtin());

    private final Map<String, String> files = new LinkedHashMap<>();

    static JavaFixture of(String path, String text) {
        return new JavaFixture().with(path, text);
    }

    JavaFixture with(String path, String text) {
        files.put(path, text);
        return this;
    }

    Map<String, FileReport> reports() {
        List<SourceFile> src = new ArrayList<>();
        files.forEach((p, t) -> src.add(new SourceFile(Path.of("/x", p), p, t)));
        return ANALYZER.analyzeTogether(src);
    }

    List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        reports().values().forEach(r -> out.addAll(r.findings()));
        return out;
    }

    /** "path:line rule-id" of every unsuppressed finding, sorted. */
    List<String> lines() {
        return findings().stream().filter(f -> !f.suppressed())
                .map(f -> f.file() + ":" + f.region().startLine() + " " + f.ruleId()).sorted().toList();
    }
}

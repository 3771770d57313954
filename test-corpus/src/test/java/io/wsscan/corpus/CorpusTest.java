/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.corpus;

import io.wsscan.testing.Annotation;
import io.wsscan.testing.AnnotationParser;
import io.wsscan.testing.Annotation.Kind;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Notification;
import io.wsscan.rules.RuleCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The corpus is the specification of the rules: this test runs the real scanner over it and requires
 * every {@code expect} to be reported and nothing else (docs/architecture.md, "Contracts the code keeps"). It also requires the
 * annotations to be well formed and to name rules of the built-in catalog, every {@code js/} and {@code java/} rule to
 * have at least {@value #MIN_CASES} {@code expect} and {@value #MIN_CASES} {@code safe} cases, and every
 * corpus file to be analysed without notifications.
 *
 * <p>The score table is printed to standard output and written to {@code target/corpus-score.txt}.
 */
class CorpusTest {

    /** Minimum number of expect and of safe annotations for every rule whose id starts with {@code js/} or {@code java/}. */
    static final int MIN_CASES = 5;

    private static Path root;
    private static TreeMap<String, String> files;
    private static List<Annotation> annotations;
    private static List<AnnotationParser.Problem> problems;
    private static CorpusRun.Result run;

    @BeforeAll
    static void readCorpus() {
        root = CorpusRun.locateRoot();
        files = CorpusRun.readCorpus(root);
        annotations = new ArrayList<>();
        problems = new ArrayList<>();
        for (Map.Entry<String, String> e : files.entrySet()) {
            AnnotationParser.Result r = AnnotationParser.parse(e.getKey(), e.getValue());
            annotations.addAll(r.annotations());
            problems.addAll(r.problems());
        }
    }

    /** The scanner runs once, on first use, so that the annotation checks do not depend on it. */
    private static synchronized CorpusRun.Result run() {
        if (run == null) run = CorpusRun.run(root);
        return run;
    }

    @Test
    void annotationsAreWellFormedAndNameKnownRules() {
        assertFalse(files.isEmpty(), "no corpus files under " + root);
        Set<String> known = RuleCatalog.builtin().rules().keySet();
        List<String> bad = new ArrayList<>();
        problems.forEach(p -> bad.add(p.toString()));
        for (Annotation a : annotations) {
            if (!known.contains(a.ruleId())) {
                bad.add(a.file() + ":" + a.commentLine() + ": unknown rule id '" + a.ruleId() + "' (known: " + known + ")");
            }
        }
        if (!bad.isEmpty()) fail(bad.size() + " annotation problem(s):\n  " + String.join("\n  ", bad));
    }

    @Test
    void everyJsAndJavaRuleHasEnoughCases() {
        Map<String, int[]> counts = new TreeMap<>();
        for (String id : RuleCatalog.builtin().rules().keySet()) {
            if (id.startsWith("js/") || id.startsWith("java/")) counts.put(id, new int[2]);
        }
        for (Annotation a : annotations) {
            int[] c = counts.get(a.ruleId());
            // known gaps (expect-missing, expect-spurious) are not cases the rule handles
            if (c != null && a.kind() == Kind.EXPECT) c[0]++;
            if (c != null && a.kind() == Kind.SAFE) c[1]++;
        }
        List<String> thin = new ArrayList<>();
        counts.forEach((id, c) -> {
            if (c[0] < MIN_CASES || c[1] < MIN_CASES) {
                thin.add(id + ": " + c[0] + " expect, " + c[1] + " safe");
            }
        });
        if (!thin.isEmpty()) {
            fail("rules with fewer than " + MIN_CASES + " expect or " + MIN_CASES + " safe cases in the corpus:\n  "
                    + String.join("\n  ", thin));
        }
    }

    @Test
    void everyCorpusFileIsAnalysed() {
        CorpusRun.Result r = run();
        List<String> out = new ArrayList<>();
        for (Notification n : r.notifications()) {
            // JS with #private fields is read by tree-sitter after Closure rejects it: analysed in full
            if (n.kind().equals("info") && n.message().startsWith("read by tree-sitter")) continue;
            out.add(n.file() + (n.line() > 0 ? ":" + n.line() + (n.column() > 0 ? ":" + n.column() : "") : "")
                    + ": [" + n.kind() + "] " + n.message());
        }
        for (String f : r.notPickedUp()) out.add(f + ": no analyzer of the scanner picked it up");
        int expected = r.corpusFiles().size();
        if (out.isEmpty() && r.filesAnalysed() < expected) {
            out.add("the scanner analysed " + r.filesAnalysed() + " files, the corpus has " + expected);
        }
        if (!out.isEmpty()) {
            fail("the scanner did not fully analyse the corpus (" + out.size() + "):\n  " + String.join("\n  ", out));
        }
    }

    @Test
    void scannerReportsExactlyTheExpectedFindings() throws IOException {
        CorpusRun.Result r = run();
        CorpusScore score = CorpusScore.score(annotations, r.findings(), r.catalog().rules().keySet());
        StringBuilder report = new StringBuilder();
        report.append("wsscan corpus: ").append(files.size()).append(" files, ").append(annotations.size())
                .append(" annotations, ").append(r.findings().size()).append(" findings\n\n");
        report.append(score.format(files));
        if (!r.suppressed().isEmpty()) {
            report.append("\nsuppressed findings (not scored): ").append(r.suppressed().size()).append('\n');
            for (Finding f : r.suppressed()) {
                report.append("  ").append(f.file()).append(':').append(f.region().startLine()).append("  ")
                        .append(f.ruleId()).append('\n');
            }
        }
        String text = report.toString();
        System.out.println(text);
        Path target = root.resolve("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("corpus-score.txt"), text, StandardCharsets.UTF_8);

        assertTrue(score.errors() == 0, "the scanner does not match the corpus: " + score.misses().size()
                + " false negative(s), " + score.falsePositives().size() + " false positive(s)\n\n" + text);
    }
}

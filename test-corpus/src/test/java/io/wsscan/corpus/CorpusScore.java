/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.corpus;

import io.wsscan.testing.Annotation;
import io.wsscan.testing.Annotation.Kind;
import io.wsscan.findings.Finding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores findings against annotations.
 *
 * <ul>
 *   <li><b>tp</b>: an {@code expect} with at least one finding of its rule starting on its line (several
 *       findings of one rule on one expected line count once, and are not false positives);</li>
 *   <li><b>fn</b>: an {@code expect} without such a finding;</li>
 *   <li><b>fp</b>: a finding on a line that has no {@code expect} for the finding's rule — whether the line
 *       is annotated {@code safe} for that rule or not annotated at all. Several findings of one rule on
 *       one line count once.</li>
 * </ul>
 * An {@code expect} with a message substring is found only by a finding whose message contains it. Known
 * gaps count honestly but are not errors while they last: {@code expect-missing} is an expect and a fn,
 * {@code expect-spurious} a safe and (while reported) a fp. Once one is fixed it is an error
 * ("fixed: remove ..."), listed in {@link #fixedGaps()}.
 * Keys are (file, line, rule); a finding's line is {@code region().startLine()}.
 */
public final class CorpusScore {

    /** Counts for one rule. */
    public record Row(String ruleId, int expect, int safe, int tp, int fn, int fp) {
    }

    /** An expected finding that the scanner did not report. */
    public record Miss(Annotation annotation) {
    }

    /**
     * A finding no {@code expect} covers.
     *
     * @param onSafeLine true when the line is annotated {@code safe} for the rule
     */
    public record FalsePositive(Finding finding, boolean onSafeLine) {
    }

    private final TreeMap<String, Row> rows;
    private final List<Miss> misses;
    private final List<FalsePositive> falsePositives;
    private final List<String> fixedGaps;

    private CorpusScore(TreeMap<String, Row> rows, List<Miss> misses, List<FalsePositive> falsePositives,
                        List<String> fixedGaps) {
        this.rows = rows;
        this.misses = misses;
        this.falsePositives = falsePositives;
        this.fixedGaps = fixedGaps;
    }

    /**
     * Scores {@code findings} against {@code annotations}. {@code ruleIds} are listed in the table even
     * when they have no annotation and no finding (the rules that ran).
     */
    public static CorpusScore score(Collection<Annotation> annotations, Collection<Finding> findings,
                                    Collection<String> ruleIds) {
        Map<Key, Annotation> expected = new HashMap<>();
        Set<Key> safe = new HashSet<>();
        Map<Key, Annotation> gaps = new TreeMap<>(Key.ORDER);
        Map<String, int[]> counts = new TreeMap<>(); // rule -> expect, safe, tp, fn, fp
        for (String id : ruleIds) counts.computeIfAbsent(id, k -> new int[5]);
        for (Annotation a : annotations) {
            Key k = new Key(a.file(), a.line(), a.ruleId());
            int[] c = counts.computeIfAbsent(a.ruleId(), x -> new int[5]);
            switch (a.kind()) {
                case EXPECT -> {
                    if (expected.putIfAbsent(k, a) == null) c[0]++;
                }
                case SAFE -> {
                    if (safe.add(k)) c[1]++;
                }
                case EXPECT_MISSING -> {
                    if (gaps.putIfAbsent(k, a) == null) {
                        c[0]++;
                        c[3]++;
                    }
                }
                case EXPECT_SPURIOUS -> {
                    if (gaps.putIfAbsent(k, a) == null && safe.add(k)) c[1]++;
                }
            }
        }

        Set<Key> found = new HashSet<>();
        Set<Key> reported = new HashSet<>();
        Map<Key, Finding> unexpected = new TreeMap<>(Key.ORDER);
        for (Finding f : findings) {
            Key k = new Key(f.file(), f.region().startLine(), f.ruleId());
            reported.add(k);
            Annotation e = expected.get(k);
            if (e != null) {
                if (e.matches(f)) found.add(k);
            } else if (!gaps.containsKey(k)) {
                unexpected.putIfAbsent(k, f);
            }
        }
        List<String> fixedGaps = new ArrayList<>();
        gaps.forEach((k, a) -> {
            boolean isReported = reported.contains(k);
            if (a.kind() == Kind.EXPECT_MISSING && isReported) {
                fixedGaps.add(a.where() + "  " + a.ruleId() + "  fixed: remove expect-missing (now reported)");
            } else if (a.kind() == Kind.EXPECT_SPURIOUS && !isReported) {
                fixedGaps.add(a.where() + "  " + a.ruleId() + "  fixed: remove expect-spurious (no longer reported)");
            } else if (a.kind() == Kind.EXPECT_SPURIOUS) {
                counts.get(k.ruleId)[4]++;
            }
        });

        List<Miss> misses = new ArrayList<>();
        for (Map.Entry<Key, Annotation> e : expected.entrySet()) {
            int[] c = counts.get(e.getKey().ruleId);
            if (found.contains(e.getKey())) {
                c[2]++;
            } else {
                c[3]++;
                misses.add(new Miss(e.getValue()));
            }
        }
        misses.sort(Comparator.comparing((Miss m) -> m.annotation().file())
                .thenComparingInt(m -> m.annotation().line())
                .thenComparing(m -> m.annotation().ruleId()));

        List<FalsePositive> fps = new ArrayList<>();
        for (Map.Entry<Key, Finding> e : unexpected.entrySet()) {
            counts.computeIfAbsent(e.getKey().ruleId, x -> new int[5])[4]++;
            fps.add(new FalsePositive(e.getValue(), safe.contains(e.getKey())));
        }

        TreeMap<String, Row> rows = new TreeMap<>();
        counts.forEach((id, c) -> rows.put(id, new Row(id, c[0], c[1], c[2], c[3], c[4])));
        return new CorpusScore(rows, List.copyOf(misses), List.copyOf(fps), List.copyOf(fixedGaps));
    }

    /** One row per rule, sorted by rule id. */
    public List<Row> rows() {
        return List.copyOf(rows.values());
    }

    public Row row(String ruleId) {
        return rows.getOrDefault(ruleId, new Row(ruleId, 0, 0, 0, 0, 0));
    }

    public List<Miss> misses() {
        return misses;
    }

    public List<FalsePositive> falsePositives() {
        return falsePositives;
    }

    /** Known gaps ({@code expect-missing}, {@code expect-spurious}) that the scanner no longer has. */
    public List<String> fixedGaps() {
        return fixedGaps;
    }

    /**
     * False negatives plus false positives plus fixed gaps, known gaps left out: zero when the scanner
     * matches the corpus.
     */
    public int errors() {
        return misses.size() + falsePositives.size() + fixedGaps.size();
    }

    /**
     * The report: the per-rule table, then every false negative (with the annotated source line) and
     * every false positive (with the finding's message).
     *
     * @param sources relative path -> file text, to quote the annotated lines
     */
    public String format(Map<String, String> sources) {
        StringBuilder sb = new StringBuilder();
        int w = Math.max(28, rows.keySet().stream().mapToInt(String::length).max().orElse(0));
        String fmt = "%-" + w + "s %7s %7s %7s %7s %7s%n";
        sb.append(String.format(Locale.ROOT, fmt, "rule", "expect", "safe", "tp", "fn", "fp"));
        sb.append("-".repeat(w + 40)).append('\n');
        int[] t = new int[5];
        for (Row r : rows.values()) {
            sb.append(String.format(Locale.ROOT, fmt, r.ruleId(), r.expect(), r.safe(), r.tp(), r.fn(), r.fp()));
            t[0] += r.expect();
            t[1] += r.safe();
            t[2] += r.tp();
            t[3] += r.fn();
            t[4] += r.fp();
        }
        sb.append("-".repeat(w + 40)).append('\n');
        sb.append(String.format(Locale.ROOT, fmt, "total", t[0], t[1], t[2], t[3], t[4]));
        if (t[0] > 0) {
            sb.append(String.format(Locale.ROOT, "recall %.1f%%", 100.0 * t[2] / t[0]));
            if (t[2] + t[4] > 0) sb.append(String.format(Locale.ROOT, ", precision %.1f%%", 100.0 * t[2] / (t[2] + t[4])));
            sb.append('\n');
        }

        if (!misses.isEmpty()) {
            sb.append("\nfalse negatives (expected, not reported): ").append(misses.size()).append('\n');
            for (Miss m : misses) {
                Annotation a = m.annotation();
                sb.append("  ").append(a.where()).append("  ").append(a.ruleId())
                        .append(a.level() == null ? "" : "@" + a.level()).append(a.message() == null ? "" : " \"" + a.message() + "\"").append("  | ").append(sourceLine(sources, a.file(), a.line())).append('\n');
            }
        }
        if (!falsePositives.isEmpty()) {
            sb.append("\nfalse positives (reported, not expected): ").append(falsePositives.size()).append('\n');
            for (FalsePositive fp : falsePositives) {
                Finding f = fp.finding();
                sb.append("  ").append(f.file()).append(':').append(f.region().startLine()).append("  ")
                        .append(f.ruleId()).append(fp.onSafeLine() ? "  [line annotated safe]" : "  [line not annotated]")
                        .append("  ").append(f.message()).append('\n')
                        .append("      | ").append(sourceLine(sources, f.file(), f.region().startLine())).append('\n');
            }
        }
        if (!fixedGaps.isEmpty()) {
            sb.append("\nknown gaps that are fixed: ").append(fixedGaps.size()).append('\n');
            for (String g : fixedGaps) sb.append("  ").append(g).append('\n');
        }
        return sb.toString();
    }

    private static String sourceLine(Map<String, String> sources, String file, int line) {
        String text = sources.get(file);
        if (text == null) return "(file not in the corpus)";
        String[] lines = text.split("\r\n|\r|\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1].strip() : "(no line " + line + ")";
    }

    private record Key(String file, int line, String ruleId) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::file).thenComparingInt(Key::line)
                .thenComparing(Key::ruleId);
    }
}

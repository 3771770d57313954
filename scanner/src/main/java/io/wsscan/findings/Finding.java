package io.wsscan.findings;

import java.util.Comparator;
import java.util.List;

/**
 * One result of one rule. {@code file} is the path relative to the scan root with '/' separators.
 * {@code trace} is empty for structural findings and runs source -> ... -> sink for taint findings.
 * {@code suppression} is null unless an inline {@code wsscan-ignore} comment covers the finding.
 */
public record Finding(String ruleId, Level level, String file, Region region, String message,
                      List<Step> trace, Suppression suppression) {

    public enum Level {
        ERROR, WARNING, NOTE;

        public String sarifName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Level parse(String s) {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        }

        /** True when this level is at or above {@code threshold} (error is highest). */
        public boolean atLeast(Level threshold) {
            return ordinal() <= threshold.ordinal();
        }
    }

    /** Why a finding was suppressed, and where the suppressing comment is. */
    public record Suppression(String reason, int line) {
    }

    public Finding {
        trace = List.copyOf(trace);
    }

    public Finding withSuppression(Suppression s) {
        return new Finding(ruleId, level, file, region, message, trace, s);
    }

    public Finding withLevel(Level l) {
        return new Finding(ruleId, l, file, region, message, trace, suppression);
    }

    public boolean suppressed() {
        return suppression != null;
    }

    /** Output order: file, position, rule, message — stable across runs and thread schedules. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparing(Finding::region)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message)
            .thenComparing(f -> f.trace().size());
}

/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.testing;

/**
 * One annotation for one rule (docs/architecture.md, "Contracts the code keeps"), as used by the test corpus and by {@link RuleTester}:
 * {@code // expect: RULE "message substring"} (a finding of the rule must start on {@link #line}),
 * {@code // safe: RULE} (none may), and the known gaps {@code // expect-missing: RULE} (a finding should
 * start there but the scanner misses it) and {@code // expect-spurious: RULE} (the scanner reports a
 * finding there that it should not).
 *
 * @param file        path relative to the scanned root, '/' separators (the same form as
 *                    {@link io.wsscan.findings.Finding#file()})
 * @param commentLine 1-based line of the annotation comment
 * @param line        1-based line the annotation applies to: the next line that is neither blank nor a
 *                    comment line
 * @param kind        which annotation
 * @param ruleId      the rule the annotation is about
 * @param message     for {@code expect}: a substring the finding's message must contain, or null
 * @param level       for {@code expect}: the SARIF level the finding must have ({@code RULE@note}), or null
 */
public record Annotation(String file, int commentLine, int line, Kind kind, String ruleId, String message, String level) {

    /** An annotation without a message substring or level. */
    public Annotation(String file, int commentLine, int line, Kind kind, String ruleId) {
        this(file, commentLine, line, kind, ruleId, null, null);
    }

    /** An annotation without a level. */
    public Annotation(String file, int commentLine, int line, Kind kind, String ruleId, String message) {
        this(file, commentLine, line, kind, ruleId, message, null);
    }

    /** True when finding {@code f} satisfies this annotation's message substring and level. */
    public boolean matches(io.wsscan.findings.Finding f) {
        return (message == null || f.message().contains(message))
                && (level == null || f.level().name().equalsIgnoreCase(level));
    }

    /** What an {@code expect} asks beyond the rule and line, for failure messages ("" when nothing). */
    public String demands() {
        String s = level == null ? "" : " at level " + level;
        return message == null ? s : s + " with a message containing \"" + message + "\"";
    }

    public enum Kind {
        EXPECT("expect"), SAFE("safe"), EXPECT_MISSING("expect-missing"), EXPECT_SPURIOUS("expect-spurious");

        private final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }

        /** The keyword as written in a source file. */
        public String keyword() {
            return keyword;
        }

        static Kind of(String keyword) {
            for (Kind k : values()) {
                if (k.keyword.equals(keyword)) return k;
            }
            throw new IllegalArgumentException(keyword);
        }
    }

    /** {@code file:line}, for messages. */
    public String where() {
        return file + ":" + line;
    }
}

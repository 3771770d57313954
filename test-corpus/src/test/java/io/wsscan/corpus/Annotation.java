/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.corpus;

/**
 * One corpus annotation for one rule: {@code // expect: RULE} (a finding of the rule must start on
 * {@link #line}) or {@code // safe: RULE} (none may).
 *
 * @param file        path relative to the corpus root, '/' separators (the same form as
 *                    {@link io.wsscan.findings.Finding#file()})
 * @param commentLine 1-based line of the annotation comment
 * @param line        1-based line the annotation applies to: the next line that is neither blank nor a
 *                    comment line
 * @param kind        expect or safe
 * @param ruleId      the rule the annotation is about
 */
public record Annotation(String file, int commentLine, int line, Kind kind, String ruleId) {

    public enum Kind {
        EXPECT, SAFE;

        /** The keyword as written in a corpus file. */
        public String keyword() {
            return this == EXPECT ? "expect" : "safe";
        }
    }

    /** {@code file:line}, for messages. */
    public String where() {
        return file + ":" + line;
    }
}

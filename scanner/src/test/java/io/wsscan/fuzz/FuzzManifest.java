/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the generator made and what is expected of each item; written as {@code manifest.json} next to
 * the generated scan root so that a run can be checked (and re-checked) without regenerating.
 *
 * @param seed        the generator's seed
 * @param root        the scan root, relative to the manifest's folder
 * @param entries     every path under the scan root that the scan must account for
 * @param configCases hostile {@code .wsscan.yml} cases, each a scan root of its own
 */
public record FuzzManifest(long seed, String root, List<Entry> entries, List<ConfigCase> configCases) {

    /** What a scan must do with an entry. */
    public enum Expect {
        /**
         * The file must be reported with {@code rule} at {@code line}, or listed in {@code notAnalysed}
         * (a kind other than {@code info}): a hostile prefix may make a file unreadable, never make its
         * findings vanish silently.
         */
        REPORT_OR_LISTED,
        /** The file must be analysed or listed in {@code notAnalysed}; nothing is known about its findings. */
        ACCOUNTED
    }

    /**
     * One generated path (a file, a symbolic link, a FIFO).
     *
     * @param path  relative to the scan root, '/' separators (as in the JSON report)
     * @param cls   the hostile class it belongs to (the first folder of {@code path})
     * @param rule  the seeded rule for {@link Expect#REPORT_OR_LISTED}, else null
     * @param line  the 1-based line of the seeded finding, else 0
     * @param what  how it was made (for people reading a violation)
     */
    public record Entry(String path, String cls, Expect expect, String rule, int line, String what) {
    }

    /**
     * A scan root with a hostile policy file and one seeded file. Expected: exit 2 with one
     * {@code wsscan: error:} line naming the policy file, or a normal scan (exit 0/1) that reports the seed.
     *
     * @param name  the case's name (its folder under {@code configs/})
     * @param dir   the case's scan root, relative to the manifest's folder
     * @param seed  the seeded file, relative to {@code dir}
     */
    public record ConfigCase(String name, String dir, String seed, String rule, int line, String what) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    public static FuzzManifest read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), FuzzManifest.class);
    }
}

/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsscan.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The hostile-input slice: a few hundred generated files scanned by the scanner in a subprocess, with every
 * check of {@link FuzzCheck}. Violations that today's code is known to have are listed in
 * {@link #KNOWN_DEFECTS}; the test fails on any other violation, and also when a listed defect no longer
 * occurs, so the list is shortened as fixes land and cannot go stale.
 */
class FuzzSliceTest {

    /**
     * Known failures, {@code CLASS/CHECK} -> the defect (details: {@code bench/fuzz/README.md}). Delete an
     * entry when its fix lands: the test says which.
     */
    static final Map<String, String> KNOWN_DEFECTS = new TreeMap<>();

    /**
     * Violations that a listed defect causes on some runs only, key -> the {@link #KNOWN_DEFECTS} key that is
     * their cause. Allowed, not required, while the cause is listed; once the cause is fixed they must go too.
     * (Deep nesting used to be one: where the stack overflowed depended on the JIT; it is counted now.)
     */
    static final Map<String, String> INTERMITTENT = new TreeMap<>();

    static final long SEED = 20261207L;
    static final long MAX_RSS_MB = 1024;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void hostileSliceLosesAndHidesNothing() throws IOException, InterruptedException {
        Path corpus = Path.of("..", "test-corpus").toAbsolutePath().normalize();
        Path gen = dir.resolve("corpus");
        FuzzManifest m = FuzzGenerator.generate(corpus, gen, FuzzGenerator.Config.slice(SEED));
        assertTrue(m.entries().size() >= 200, "a few hundred paths: " + m.entries().size());

        FuzzCheck.Outcome o = FuzzCheck.check(gen, dir.resolve("runs"),
                new FuzzCheck.Limits(System.getProperty("java.class.path"), "512m", MAX_RSS_MB, 600_000));
        FuzzCheck.printTable(o, System.out);
        assertTrue(o.perFileList(), "the JSON report names the analysed files (analysedFiles)");

        Set<String> seen = o.keys();
        List<String> problems = new ArrayList<>();
        for (FuzzCheck.Violation v : o.violations()) {
            String cause = INTERMITTENT.get(v.key());
            boolean intermittent = cause != null && KNOWN_DEFECTS.containsKey(cause);
            if (!KNOWN_DEFECTS.containsKey(v.key()) && !intermittent) {
                problems.add("new violation " + v.key() + " " + v.path() + ": " + v.detail());
            }
        }
        INTERMITTENT.forEach((key, cause) -> {
            if (!KNOWN_DEFECTS.containsKey(cause)) problems.add("fixed: remove from INTERMITTENT: " + key + " (its cause " + cause + " is fixed)");
        });
        for (String known : KNOWN_DEFECTS.keySet()) {
            if (!seen.contains(known)) problems.add("fixed: remove from KNOWN_DEFECTS: " + known + " (" + KNOWN_DEFECTS.get(known) + ")");
        }
        if (!problems.isEmpty()) fail(problems.size() + " problems:\n" + String.join("\n", problems));
    }

    /** The seeds alone give exactly the findings the manifest promises (the generator's ground truth). */
    @Test
    void seedsAreReportedWhenAlone() throws IOException {
        Path root = Files.createDirectories(dir.resolve("seeds"));
        Map<String, Seeds.Seeded> expected = new TreeMap<>();
        for (String kind : FuzzGenerator.KINDS) {
            Seeds.Seeded s = Seeds.file(kind, "", kind);
            Files.writeString(root.resolve("seed." + kind), s.text());
            expected.put("seed." + kind, s);
            Seeds.Seeded h = Seeds.file(kind, kind.equals("java") ? FuzzGenerator.javaDeep("calls", 50) : FuzzGenerator.jsDeep("calls", 50), kind + "h");
            Files.writeString(root.resolve("shallow." + kind), h.text());
            expected.put("shallow." + kind, h);
        }
        Path report = dir.resolve("seeds.json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[]{"scan", root.toString(), "-f", "json", "-o", report.toString(), "-q"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("CI", "true"));
        assertEquals(1, code, err::toString);
        JsonNode doc = new ObjectMapper().readTree(report.toFile());
        Set<String> found = new TreeSet<>();
        for (JsonNode f : doc.path("findings")) found.add(f.path("file").asText() + ":" + f.path("startLine").asInt() + " " + f.path("ruleId").asText());
        Set<String> want = expected.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue().line() + " " + e.getValue().rule())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(want);
        missing.removeAll(found);
        assertEquals(Set.of(), missing, "found: " + found);
        assertEquals(0, doc.path("notAnalysed").size(), doc.path("notAnalysed")::toString);
    }

    /** Same seed, same corpus: the generator is deterministic. */
    @Test
    void generatorIsDeterministic() throws IOException {
        FuzzGenerator.Config small = new FuzzGenerator.Config(7, 2, List.of(100), List.of("calls.js"), List.of(4096L),
                List.of("minified:4096"), 4096, List.of("huge"));
        Path corpus = Path.of("..", "test-corpus").toAbsolutePath().normalize();
        FuzzManifest a = FuzzGenerator.generate(corpus, dir.resolve("a"), small);
        FuzzManifest b = FuzzGenerator.generate(corpus, dir.resolve("b"), small);
        assertEquals(a, b);
        for (FuzzManifest.Entry e : a.entries()) {
            Path pa = dir.resolve("a/root").resolve(e.path());
            if (Files.isRegularFile(pa, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                assertTrue(java.util.Arrays.equals(Files.readAllBytes(pa), Files.readAllBytes(dir.resolve("b/root").resolve(e.path()))), e.path());
            }
        }
    }
}

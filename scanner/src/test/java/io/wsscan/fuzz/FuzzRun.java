/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The full run by hand ({@code bench/fuzz/run.sh}): generates a hostile corpus, scans it in subprocesses,
 * prints the summary table and every violation, and exits 1 on any violation (2 on bad arguments).
 */
public final class FuzzRun {

    private FuzzRun() {
    }

    static final String USAGE = "usage: FuzzRun --corpus DIR --work DIR --classpath CP [--slice] [--seed N] [--mutants N]"
            + " [--depths N,N] [--sizes BYTES,BYTES] [--config-bytes N] [--max-rss-mb N] [--heap 512m] [--timeout-s N]";

    public static void main(String[] args) throws IOException, InterruptedException {
        System.exit(run(args));
    }

    static int run(String[] args) throws IOException, InterruptedException {
        Path corpus = null, work = null;
        String cp = null, heap = "512m";
        boolean slice = false;
        long seed = 20261207L, maxRssMb = 1536, timeoutS = 900;
        Integer mutants = null, configBytes = null;
        List<Integer> depths = null;
        List<Long> sizes = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--slice")) {
                slice = true;
                continue;
            }
            if (i + 1 >= args.length) return usage("missing value of " + a);
            String v = args[++i];
            try {
                switch (a) {
                    case "--corpus" -> corpus = Path.of(v);
                    case "--work" -> work = Path.of(v);
                    case "--classpath" -> cp = v;
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--mutants" -> mutants = Integer.parseInt(v);
                    case "--depths" -> depths = Arrays.stream(v.split(",")).map(Integer::parseInt).toList();
                    case "--sizes" -> sizes = Arrays.stream(v.split(",")).map(FuzzRun::bytes).toList();
                    case "--config-bytes" -> configBytes = (int) bytes(v);
                    case "--max-rss-mb" -> maxRssMb = Long.parseLong(v);
                    case "--heap" -> heap = v;
                    case "--timeout-s" -> timeoutS = Long.parseLong(v);
                    default -> {
                        return usage("unknown option " + a);
                    }
                }
            } catch (NumberFormatException e) {
                return usage("not a number for " + a + ": " + v);
            }
        }
        if (corpus == null || work == null || cp == null) return usage("--corpus, --work and --classpath are required");
        // the scanner runs in a folder of its own: relative classpath entries must not depend on ours
        cp = String.join(java.io.File.pathSeparator, Arrays.stream(cp.split(java.io.File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString()).toList());
        if (Files.exists(work) && Files.list(work).findAny().isPresent()) return usage("--work folder is not empty: " + work);
        FuzzGenerator.Config d = slice ? FuzzGenerator.Config.slice(seed) : FuzzGenerator.Config.full(seed);
        FuzzGenerator.Config c = new FuzzGenerator.Config(seed, mutants == null ? d.mutants() : mutants,
                depths == null ? d.depths() : depths, d.deep(), sizes == null ? d.bigSizes() : sizes,
                sizes == null ? d.big() : null, configBytes == null ? d.configBytes() : configBytes, d.configs());
        Path gen = work.resolve("corpus");
        long t0 = System.nanoTime();
        FuzzManifest m = FuzzGenerator.generate(corpus, gen, c);
        System.out.printf("generated %d paths and %d policy cases in %s (seed %d) in %.1f s%n", m.entries().size(),
                m.configCases().size(), gen, seed, (System.nanoTime() - t0) / 1e9);
        FuzzCheck.Outcome o = FuzzCheck.check(gen, work.resolve("runs"), new FuzzCheck.Limits(cp, heap, maxRssMb, timeoutS * 1000));
        FuzzCheck.printTable(o, System.out);
        return o.violations().isEmpty() ? 0 : 1;
    }

    /** {@code 512k}, {@code 20m}, {@code 1g} or plain bytes. */
    static long bytes(String s) {
        String t = s.strip().toLowerCase(java.util.Locale.ROOT);
        long mul = t.endsWith("k") ? 1024 : t.endsWith("m") ? 1024 * 1024 : t.endsWith("g") ? 1024L * 1024 * 1024 : 1;
        return Long.parseLong(mul == 1 ? t : t.substring(0, t.length() - 1)) * mul;
    }

    private static int usage(String why) {
        System.err.println("fuzz: error: " + why);
        System.err.println(USAGE);
        return 2;
    }
}

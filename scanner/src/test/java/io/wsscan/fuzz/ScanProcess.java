/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code io.wsscan.cli.Main} in a JVM of its own, in a fresh working folder with a fresh
 * {@code HOME} and temp folder, and measures its peak resident set size: {@code /usr/bin/time -v}
 * when installed (exact), otherwise {@code VmHWM} of {@code /proc/PID/status} polled every 50 ms
 * (can miss a peak in the last 50 ms before exit).
 *
 * @param classpath the scanner's classpath (its jar, or classes plus dependencies)
 * @param heap      the {@code -Xmx} value, e.g. {@code 512m}
 * @param timeoutMillis a run over this is killed and reported as a hang
 */
record ScanProcess(String classpath, String heap, long timeoutMillis) {

    /**
     * One finished (or killed) run.
     *
     * @param pid      the JVM's process id (for temp files named after it)
     * @param home     the fresh HOME, {@code cwd} the fresh working folder, {@code tmp} the fresh temp folder
     * @param peakRssKb peak resident set size in KB, or -1 when it could not be measured
     */
    record Result(int exitCode, boolean timedOut, long pid, String stdout, String stderr, long peakRssKb,
                  long millis, Path home, Path cwd, Path tmp) {
    }

    private static final Path TIME = Path.of("/usr/bin/time");

    /** Runs {@code wsscan ARGS} with {@code work} as the parent of the fresh folders. */
    Result run(Path work, List<String> args) throws IOException, InterruptedException {
        Path home = Files.createDirectories(work.resolve("home"));
        Path cwd = Files.createDirectories(work.resolve("cwd"));
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Path rss = work.resolve("time-v.txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>();
        boolean timed = Files.isExecutable(TIME);
        if (timed) cmd.addAll(List.of(TIME.toString(), "-f", "%M", "-o", rss.toString()));
        cmd.addAll(List.of(java, "-Xmx" + heap, "-Djava.io.tmpdir=" + tmp, "-cp", classpath, "io.wsscan.cli.Main"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
                .redirectOutput(work.resolve("stdout.txt").toFile()).redirectError(work.resolve("stderr.txt").toFile());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("TMPDIR", tmp.toString());
        pb.environment().put("CI", "true");
        pb.environment().remove("WSSCAN_DEBUG");
        long t0 = System.nanoTime();
        Process p = pb.start();
        long pid = p.pid();
        long polledKb = -1;
        boolean timedOut = false;
        long deadline = t0 + timeoutMillis * 1_000_000L;
        while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
            if (timed) {
                pid = p.children().map(ProcessHandle::pid).findFirst().orElse(pid);
            }
            polledKb = Math.max(polledKb, vmHwmKb(pid));
            if (System.nanoTime() > deadline) {
                timedOut = true;
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
                break;
            }
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        long peak = polledKb;
        if (timed && !timedOut && Files.exists(rss)) {
            // time -v prints "Command exited with non-zero status N" before the value when the exit code is not 0
            List<String> lines = Files.readAllLines(rss);
            for (String l : lines) {
                if (l.strip().matches("\\d+")) peak = Math.max(peak, Long.parseLong(l.strip()));
            }
        }
        int code = timedOut ? -1 : p.exitValue();
        return new Result(code, timedOut, pid, read(work.resolve("stdout.txt")), read(work.resolve("stderr.txt")),
                peak, millis, home, cwd, tmp);
    }

    private static long vmHwmKb(long pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("VmHWM:")) return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | NumberFormatException e) {
            // the process just ended, or no /proc
        }
        return -1;
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }
}

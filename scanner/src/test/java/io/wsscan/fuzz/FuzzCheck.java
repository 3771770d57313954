/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsscan.fuzz.FuzzManifest.ConfigCase;
import io.wsscan.fuzz.FuzzManifest.Entry;
import io.wsscan.fuzz.FuzzManifest.Expect;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Runs the scanner as a subprocess over a generated corpus (see {@link FuzzGenerator}) and checks that
 * it loses and hides nothing: no crash, every generated path accounted for, every seeded finding
 * reported or its file listed as not analysed, nothing written outside the output folder, the same bytes
 * with 1 and 2 threads, peak RSS within a bound, and hostile policy files rejected with one line or
 * ignored safely. Each violation is keyed {@code CLASS/CHECK} so that known defects can be listed.
 */
public final class FuzzCheck {

    /** Checks, as used in violation keys. */
    static final String CRASH = "crash", HANG = "hang", UNACCOUNTED = "unaccounted", EVASION = "evasion",
            INTERNAL_ERROR = "internal-error", OUTSIDE_WRITE = "outside-write", NOT_IDENTICAL = "not-identical",
            RSS = "rss", UNEXPECTED = "unexpected-path", CONFIG = "config";

    /** A broken promise: {@code cls} is a hostile class ({@code *} for the whole scan), {@code check} one of the constants. */
    public record Violation(String cls, String check, String path, String detail) {
        public String key() {
            return cls + "/" + check;
        }
    }

    /**
     * The limits of a check.
     *
     * @param classpath  the scanner's classpath for the subprocess
     * @param maxRssMb   peak resident set size allowed for one scan
     * @param timeoutMillis a scan over this is killed (a hang)
     */
    public record Limits(String classpath, String heap, long maxRssMb, long timeoutMillis) {
    }

    /** Per hostile class: how many paths, and how many of them broke which promise. */
    public record Outcome(List<Violation> violations, Map<String, Integer> filesPerClass, long peakRssKb,
                          long wallMillis, boolean identical, List<Integer> exitCodes, boolean perFileList) {
        public Set<String> keys() {
            TreeSet<String> k = new TreeSet<>();
            for (Violation v : violations) k.add(v.key());
            return k;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private FuzzCheck() {
    }

    /** Checks the corpus generated in {@code dir} (its {@code manifest.json}); scratch and reports go to {@code work}. */
    public static Outcome check(Path dir, Path work, Limits limits) throws IOException, InterruptedException {
        FuzzManifest m = FuzzManifest.read(dir.resolve("manifest.json"));
        Path root = dir.resolve(m.root()).toRealPath();
        ScanProcess scanner = new ScanProcess(limits.classpath(), limits.heap(), limits.timeoutMillis());
        List<Violation> out = new ArrayList<>();
        long t0 = System.nanoTime();
        long peak = -1;
        List<Integer> codes = new ArrayList<>();
        byte[][] json = new byte[2][];
        byte[][] sarif = new byte[2][];
        boolean perFileList = false;
        for (int threads = 1; threads <= 2; threads++) {
            Path w = Files.createDirectories(work.resolve("threads-" + threads));
            Path reports = Files.createDirectories(w.resolve("out"));
            Map<String, String> rootBefore = snapshot(root);
            Set<String> tmpBefore = tmpEntries();
            ScanProcess.Result r = scanner.run(w, List.of("scan", root.toString(), "-f", "json,sarif",
                    "-o", reports.resolve("report").toString(), "--threads", String.valueOf(threads), "--no-progress",
                    "--fail-on", "error"));
            codes.add(r.exitCode());
            peak = Math.max(peak, r.peakRssKb());
            String run = "--threads " + threads;
            processChecks(r, run, reports, limits, out);
            outsideWrites(run, root, rootBefore, r, tmpBefore, out);
            Path jf = reports.resolve("report.json");
            Path sf = reports.resolve("report.sarif");
            if (Files.exists(jf)) json[threads - 1] = Files.readAllBytes(jf);
            if (Files.exists(sf)) sarif[threads - 1] = Files.readAllBytes(sf);
            if (json[threads - 1] != null) {
                perFileList |= accounting(m, JSON.readTree(json[threads - 1]), run, out);
            }
        }
        boolean identical = json[0] != null && json[1] != null && sarif[0] != null && sarif[1] != null
                && Arrays.equals(json[0], json[1]) && Arrays.equals(sarif[0], sarif[1]);
        if (!identical) notIdentical(m, json, sarif, work, out);
        // policy cases are small scans of their own; two at a time halves their wall time
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<ConfigRun>> runs = new ArrayList<>();
            for (ConfigCase c : m.configCases()) runs.add(pool.submit(() -> configCase(dir, work, scanner, limits, c)));
            for (java.util.concurrent.Future<ConfigRun> f : runs) {
                try {
                    ConfigRun r = f.get();
                    out.addAll(r.violations());
                    codes.add(r.exitCode());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IOException("policy case failed to run", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Integer> perClass = new TreeMap<>();
        for (Entry e : m.entries()) perClass.merge(e.cls(), 1, Integer::sum);
        perClass.put("config", m.configCases().size());
        long wall = (System.nanoTime() - t0) / 1_000_000;
        // one violation per class, check and path (the two thread counts usually agree)
        Map<String, Violation> distinct = new java.util.LinkedHashMap<>();
        for (Violation v : out) distinct.putIfAbsent(v.key() + "|" + v.path(), v);
        return new Outcome(List.copyOf(distinct.values()), perClass, peak, wall, identical, codes, perFileList);
    }

    /**
     * Names the files whose findings, notes or analysed status differ between the two thread counts (one
     * violation per file, keyed by its class); differences that no file explains are keyed {@code *}.
     */
    private static void notIdentical(FuzzManifest m, byte[][] json, byte[][] sarif, Path work, List<Violation> out)
            throws IOException {
        String where = " between --threads 1 and --threads 2 (" + work + "/threads-*/out)";
        int before = out.size();
        if (json[0] != null && json[1] != null && !Arrays.equals(json[0], json[1])) {
            Map<String, String> a = perFile(JSON.readTree(json[0])), b = perFile(JSON.readTree(json[1]));
            Set<String> files = new TreeSet<>(a.keySet());
            files.addAll(b.keySet());
            Map<String, Entry> byPath = new TreeMap<>();
            for (Entry e : m.entries()) byPath.put(e.path(), e);
            for (String f : files) {
                if (!a.getOrDefault(f, "").equals(b.getOrDefault(f, ""))) {
                    Entry e = owner(byPath, f);
                    out.add(new Violation(e == null ? "*" : e.cls(), NOT_IDENTICAL, f, "results differ" + where
                            + ": 1 thread [" + a.getOrDefault(f, "absent") + "], 2 threads [" + b.getOrDefault(f, "absent") + "]"));
                }
            }
        }
        if (out.size() == before) {
            out.add(new Violation("*", NOT_IDENTICAL, "", "JSON " + (Arrays.equals(json[0], json[1]) ? "same" : "differs")
                    + ", SARIF " + (Arrays.equals(sarif[0], sarif[1]) ? "same" : "differs") + where));
        }
    }

    /** File -> its findings (rule and line), notes (kind) and whether it was analysed, as one comparable string. */
    private static Map<String, String> perFile(JsonNode report) {
        Map<String, List<String>> parts = new TreeMap<>();
        for (JsonNode f : report.path("findings")) {
            parts.computeIfAbsent(f.path("file").asText(), k -> new ArrayList<>()).add(f.path("ruleId").asText() + "@" + f.path("startLine").asInt());
        }
        for (JsonNode n : report.path("notAnalysed")) {
            parts.computeIfAbsent(n.path("file").asText(), k -> new ArrayList<>()).add(n.path("kind").asText());
        }
        for (JsonNode n : report.path("analysedFiles")) parts.computeIfAbsent(n.asText(), k -> new ArrayList<>()).add("analysed");
        Map<String, String> out = new TreeMap<>();
        parts.forEach((k, v) -> out.put(k, String.join(" ", v)));
        return out;
    }

    /** Exit code, reports written, no JVM crash log, no hang, RSS bound. */
    private static void processChecks(ScanProcess.Result r, String run, Path reports, Limits limits, List<Violation> out)
            throws IOException {
        if (r.timedOut()) {
            out.add(new Violation("*", HANG, "", run + ": killed after " + limits.timeoutMillis() / 1000 + " s"));
            return;
        }
        if (r.exitCode() != 0 && r.exitCode() != 1) {
            out.add(new Violation("*", CRASH, "", run + ": exit code " + r.exitCode() + ": " + firstLines(r.stderr())));
        }
        for (String f : List.of("report.json", "report.sarif")) {
            if (!Files.isRegularFile(reports.resolve(f))) out.add(new Violation("*", CRASH, f, run + ": " + f + " not written"));
        }
        for (Path hs : crashLogs(List.of(r.cwd(), r.home(), r.tmp(), reports, Path.of(System.getProperty("java.io.tmpdir"))), r.pid())) {
            out.add(new Violation("*", CRASH, hs.toString(), run + ": JVM crash log " + hs + ": " + firstProblematicFrame(hs)));
        }
        if (r.peakRssKb() > limits.maxRssMb() * 1024) {
            out.add(new Violation("*", RSS, "", run + ": peak RSS " + r.peakRssKb() / 1024 + " MB over " + limits.maxRssMb() + " MB"));
        }
    }

    /**
     * Every entry accounted for and every seed reported or its file listed. Returns whether the report has
     * the per-file list {@code analysedFiles}; without it accounting falls back to counts (see README).
     */
    static boolean accounting(FuzzManifest m, JsonNode report, String run, List<Violation> out) {
        Map<String, Entry> byPath = new TreeMap<>();
        for (Entry e : m.entries()) byPath.put(e.path(), e);
        Map<String, List<String>> listed = new TreeMap<>();
        for (JsonNode n : report.path("notAnalysed")) {
            String file = n.path("file").asText();
            String kind = n.path("kind").asText();
            if (!"info".equals(kind)) listed.computeIfAbsent(file, k -> new ArrayList<>()).add(kind + ": " + n.path("message").asText());
            if ("internal-error".equals(kind)) {
                Entry e = owner(byPath, file);
                out.add(new Violation(e == null ? "*" : e.cls(), INTERNAL_ERROR, file, run + ": " + n.path("message").asText()));
            }
        }
        Set<String> reported = new HashSet<>();
        for (JsonNode f : report.path("findings")) {
            if (!f.path("suppressed").asBoolean()) {
                reported.add(f.path("ruleId").asText() + "|" + f.path("file").asText() + "|" + f.path("startLine").asInt());
            }
        }
        JsonNode list = report.get("analysedFiles");
        Set<String> analysed = new TreeSet<>();
        if (list != null) list.forEach(n -> analysed.add(n.asText()));
        // every path the report names must be one we made (or lie under a generated folder link)
        Set<String> named = new TreeSet<>(analysed);
        named.addAll(listed.keySet());
        for (String p : named) {
            if (owner(byPath, p) == null) out.add(new Violation("*", UNEXPECTED, p, run + ": the report names a path that was not generated"));
        }
        int unaccountedWithoutList = 0;
        for (Entry e : m.entries()) {
            boolean isListed = listed.containsKey(e.path()) || under(listed.keySet(), e.path());
            boolean isAnalysed = analysed.contains(e.path()) || under(analysed, e.path());
            if (e.expect() == Expect.REPORT_OR_LISTED && !isListed
                    && !reported.contains(e.rule() + "|" + e.path() + "|" + e.line())) {
                out.add(new Violation(e.cls(), EVASION, e.path(), run + ": " + e.rule() + " at line " + e.line()
                        + " not reported and the file is not listed (" + e.what() + ")"
                        + (list == null || isAnalysed ? "" : "; not among analysedFiles either")));
            }
            if (list != null && !isListed && !isAnalysed) {
                out.add(new Violation(e.cls(), UNACCOUNTED, e.path(), run + ": neither analysed nor listed (" + e.what() + ")"));
            }
            if (list == null && !isListed) unaccountedWithoutList++;
        }
        if (list == null) {
            // without a per-file list only the count can be checked: files not listed must all be analysed
            int analysedCount = report.path("summary").path("analysed").asInt();
            if (analysedCount != unaccountedWithoutList) {
                out.add(new Violation("*", UNACCOUNTED, "", run + ": " + unaccountedWithoutList
                        + " generated paths are not listed, but summary.analysed is " + analysedCount));
            }
        }
        return list != null;
    }

    /** The entry that {@code path} is, or lies under (a generated folder link). */
    private static Entry owner(Map<String, Entry> byPath, String path) {
        Entry e = byPath.get(path);
        if (e != null) return e;
        for (int i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
            Entry up = byPath.get(path.substring(0, i));
            if (up != null) return up;
        }
        return null;
    }

    private static boolean under(Set<String> paths, String dir) {
        String prefix = dir + "/";
        String next = paths instanceof TreeSet<String> ts ? ts.ceiling(prefix) : null;
        if (next != null) return next.startsWith(prefix);
        for (String p : paths) if (p.startsWith(prefix)) return true;
        return false;
    }

    /** A hostile policy: exit 2 with one line naming it, or a normal scan that still reports the seed. */
    private record ConfigRun(int exitCode, List<Violation> violations) {
    }

    private static ConfigRun configCase(Path dir, Path work, ScanProcess scanner, Limits limits, ConfigCase c)
            throws IOException, InterruptedException {
        Path root = dir.resolve(c.dir()).toAbsolutePath().normalize();
        Path w = Files.createDirectories(work.resolve("config-" + c.name()));
        Path reports = Files.createDirectories(w.resolve("out"));
        Map<String, String> before = snapshot(root);
        Set<String> tmpBefore = tmpEntries();
        ScanProcess.Result r = scanner.run(w, List.of("scan", root.toString(), "-f", "json,sarif",
                "-o", reports.resolve("report").toString(), "--no-progress"));
        String run = "config " + c.name() + " (" + c.what() + ")";
        List<Violation> found = new ArrayList<>();
        if (r.timedOut()) {
            found.add(new Violation("config", HANG, c.name(), run + ": killed after " + limits.timeoutMillis() / 1000 + " s"));
        } else if (r.exitCode() == 2) {
            List<String> lines = r.stderr().lines().filter(l -> !l.isBlank()).toList();
            boolean oneLine = !lines.isEmpty() && lines.size() <= 2 && lines.get(0).startsWith("wsscan: error: ")
                    && lines.get(0).contains(".wsscan.yml") && !r.stderr().contains("\tat ");
            if (!oneLine) found.add(new Violation("config", CONFIG, c.name(), run + ": exit 2 without one line naming .wsscan.yml: " + firstLines(r.stderr())));
        } else if (r.exitCode() == 0 || r.exitCode() == 1) {
            Path jf = reports.resolve("report.json");
            boolean seen = false;
            if (Files.exists(jf)) {
                for (JsonNode f : JSON.readTree(jf.toFile()).path("findings")) {
                    seen |= c.rule().equals(f.path("ruleId").asText()) && c.seed().equals(f.path("file").asText())
                            && f.path("startLine").asInt() == c.line();
                }
            }
            if (!seen) found.add(new Violation("config", EVASION, c.name(), run + ": exit " + r.exitCode() + " but the seed " + c.rule() + " is not reported"));
        } else {
            found.add(new Violation("config", CRASH, c.name(), run + ": exit code " + r.exitCode() + ": " + firstLines(r.stderr())));
        }
        for (Path hs : crashLogs(List.of(r.cwd(), r.home(), r.tmp(), reports), r.pid())) {
            found.add(new Violation("config", CRASH, c.name(), run + ": JVM crash log " + hs));
        }
        if (r.peakRssKb() > limits.maxRssMb() * 1024) {
            found.add(new Violation("config", RSS, c.name(), run + ": peak RSS " + r.peakRssKb() / 1024 + " MB"));
        }
        List<Violation> writes = new ArrayList<>();
        outsideWrites(run, root, before, r, tmpBefore, writes);
        for (Violation v : writes) found.add(new Violation("config", v.check(), c.name(), v.detail()));
        return new ConfigRun(r.exitCode(), found);
    }

    // ---- writes outside the output folder -------------------------------------------------------

    /**
     * HOME, the working folder and the temp folder of the run must be empty afterwards, and the scan
     * root unchanged. In the shared /tmp only entries named after the run's process id can be told
     * apart from other processes' files; those must be gone when the run ends.
     */
    private static void outsideWrites(String run, Path root, Map<String, String> rootBefore, ScanProcess.Result r,
                                      Set<String> tmpBefore, List<Violation> out) throws IOException {
        for (Path fresh : List.of(r.home(), r.cwd(), r.tmp())) {
            Map<String, String> left = snapshot(fresh);
            for (String p : left.keySet()) {
                out.add(new Violation("*", OUTSIDE_WRITE, fresh.getFileName() + "/" + p, run + ": left in the run's " + fresh.getFileName()
                        + " folder: " + p));
            }
        }
        Map<String, String> after = snapshot(root);
        if (!after.equals(rootBefore)) {
            Set<String> changed = new TreeSet<>();
            for (String k : after.keySet()) if (!after.get(k).equals(rootBefore.get(k))) changed.add(k);
            for (String k : rootBefore.keySet()) if (!after.containsKey(k)) changed.add(k);
            for (String k : changed) out.add(new Violation("*", OUTSIDE_WRITE, k, run + ": scan root changed: " + k));
        }
        Set<String> tmpNew = new TreeSet<>(tmpEntries());
        tmpNew.removeAll(tmpBefore);
        String pid = String.valueOf(r.pid());
        for (String t : tmpNew) {
            if (t.matches(".*\\b" + pid + "\\b.*")) out.add(new Violation("*", OUTSIDE_WRITE, t, run + ": left in /tmp: " + t));
        }
    }

    /** Relative path -> type, size and modification time of everything under {@code dir}; links and FIFOs are not followed. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> s = new TreeMap<>();
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return s;
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                if (!d.equals(dir)) s.put(dir.relativize(d).toString(), "dir " + a.lastModifiedTime());
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                s.put(dir.relativize(f).toString(), (a.isSymbolicLink() ? "link" : a.isOther() ? "other" : "file")
                        + " " + a.size() + " " + a.lastModifiedTime());
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
                s.put(dir.relativize(f).toString(), "unreadable");
                return FileVisitResult.CONTINUE;
            }
        });
        return s;
    }

    /** Names in /tmp and in the JVMs' /tmp/hsperfdata_USER folders. */
    private static Set<String> tmpEntries() throws IOException {
        Set<String> names = new TreeSet<>();
        Path tmp = Path.of("/tmp");
        if (!Files.isDirectory(tmp)) return names;
        try (Stream<Path> s = Files.list(tmp)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        }
        for (String n : List.copyOf(names)) {
            if (n.startsWith("hsperfdata_")) {
                try (Stream<Path> s = Files.list(tmp.resolve(n))) {
                    s.forEach(p -> names.add(n + "/" + p.getFileName()));
                } catch (IOException e) {
                    // another user's folder
                }
            }
        }
        return names;
    }

    /** JVM crash logs in the run's own folders, and the one named after its process id in the shared temp folder. */
    private static List<Path> crashLogs(List<Path> dirs, long pid) {
        List<Path> logs = new ArrayList<>();
        Path shared = Path.of(System.getProperty("java.io.tmpdir"));
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) continue;
            if (d.equals(shared)) {
                Path own = d.resolve("hs_err_pid" + pid + ".log");
                if (Files.exists(own)) logs.add(own);
                continue;
            }
            try (Stream<Path> s = Files.walk(d, 2)) {
                s.filter(p -> p.getFileName().toString().startsWith("hs_err_pid")).forEach(logs::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                logs.add(d.resolve("(unreadable: " + e.getMessage() + ")"));
            }
        }
        return logs;
    }

    private static String firstProblematicFrame(Path hs) {
        try {
            for (String l : Files.readAllLines(hs, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                if (l.startsWith("# C ") || l.startsWith("# J ") || l.startsWith("# V ") || l.startsWith("#  SIGSEGV") || l.startsWith("# Problematic")) {
                    return l.substring(1).strip();
                }
            }
        } catch (IOException e) {
            return "unreadable";
        }
        return "";
    }

    private static String firstLines(String s) {
        List<String> l = s.lines().filter(x -> !x.isBlank()).limit(3).toList();
        return String.join(" | ", l);
    }

    // ---- summary --------------------------------------------------------------------------------

    /** The summary table: paths and violations per class, then the whole-run checks, then every violation. */
    public static void printTable(Outcome o, PrintStream p) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (Violation v : o.violations()) counts.computeIfAbsent(v.cls(), k -> new TreeMap<>()).merge(v.check(), 1, Integer::sum);
        p.printf(Locale.ROOT, "%-10s %6s %7s %11s %8s %8s %8s  %s%n", "class", "paths", "crashes", "unaccounted", "evasions",
                "internal", "other", "");
        Set<String> classes = new TreeSet<>(o.filesPerClass().keySet());
        classes.addAll(counts.keySet());
        for (String cls : classes) {
            Map<String, Integer> c = counts.getOrDefault(cls, Map.of());
            int other = c.entrySet().stream().filter(e -> !Set.of(CRASH, UNACCOUNTED, EVASION, INTERNAL_ERROR).contains(e.getKey()))
                    .mapToInt(Map.Entry::getValue).sum();
            p.printf(Locale.ROOT, "%-10s %6s %7d %11d %8d %8d %8d%n", cls, o.filesPerClass().containsKey(cls) ? o.filesPerClass().get(cls) : "-",
                    c.getOrDefault(CRASH, 0) + c.getOrDefault(HANG, 0), c.getOrDefault(UNACCOUNTED, 0), c.getOrDefault(EVASION, 0),
                    c.getOrDefault(INTERNAL_ERROR, 0), other);
        }
        long outside = o.violations().stream().filter(v -> v.check().equals(OUTSIDE_WRITE)).count();
        p.printf(Locale.ROOT, "exit codes %s; outside writes %d; identical at 1 and 2 threads: %s; peak RSS %s; wall time %.1f s; per-file list: %s%n",
                o.exitCodes(), outside, o.identical() ? "yes" : "no",
                o.peakRssKb() < 0 ? "unknown" : (o.peakRssKb() / 1024) + " MB", o.wallMillis() / 1000.0,
                o.perFileList() ? "yes (analysedFiles)" : "no (accounting by count)");
        p.printf(Locale.ROOT, "%d violations%s%n", o.violations().size(), o.violations().isEmpty() ? "" : " (" + String.join(", ", o.keys()) + ")");
        for (Violation v : o.violations()) p.println("  " + v.key() + "  " + v.path() + "  " + v.detail());
    }
}

/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.testing;

import io.wsscan.engine.FileReport;
import io.wsscan.engine.ScanOptions;
import io.wsscan.engine.ScanResult;
import io.wsscan.engine.Scanner;
import io.wsscan.engine.SourceFile;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Notification;
import io.wsscan.policy.Policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Tests rules on code that says what it expects, in the test corpus's annotation language
 * (docs/architecture.md, {@link AnnotationParser}):
 * <pre>{@code
 * RuleTester.using(analyzer::analyzeTogether).check("app.js", """
 *     var ws = new WebSocket('wss://h/ws');
 *     ws.onmessage = function (e) {
 *       // expect: js/ws-message-xss "innerHTML"
 *       el.innerHTML = e.data;
 *       // safe: js/ws-message-xss
 *       el.textContent = e.data;
 *     };
 *     """);
 * }</pre>
 * Every {@code expect} must be reported on its line (with the message substring, if given), every other
 * finding fails the test, and the known gaps {@code expect-missing} / {@code expect-spurious} fail with
 * "fixed: remove ..." once the scanner gets them right. {@link #only} narrows the check to some rules
 * (as a unit test of one rule does); annotations of other rules are then a mistake. A rule reported
 * twice on one line fails too (the scanner reports each rule once per location). Every file must be
 * analysed without any notification (none skipped, unparsable or read by a fallback parser). The findings are returned for further asserts (traces,
 * levels) that the annotations cannot express. A tester is immutable: {@link #file} and {@link #only}
 * return new ones, so one can be shared by the tests of a class.
 */
public final class RuleTester {

    /** What ran: the unsuppressed findings, and each file's front end (null when the runner does not say). */
    public record Result(List<Finding> findings, Map<String, String> frontEnds) {

        /** The findings of one rule, in report order. */
        public List<Finding> of(String ruleId) {
            return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
        }

        /** The one finding of a rule; fails when there is not exactly one. */
        public Finding only(String ruleId) {
            List<Finding> of = of(ruleId);
            if (of.size() != 1) throw new AssertionError("expected one " + ruleId + " finding, got " + of);
            return of.get(0);
        }

        public String frontEnd(String file) {
            return frontEnds.get(file);
        }
    }

    /** Runs files (relative path -> text) and returns findings and notifications. */
    private interface Runner {
        Run run(Map<String, String> files);
    }

    private record Run(List<Finding> findings, List<Notification> notifications, Map<String, String> frontEnds) {
    }

    private final Runner runner;
    private final Set<String> only;
    private final Map<String, String> files = new LinkedHashMap<>();

    private RuleTester(Runner runner, Set<String> only) {
        this.runner = runner;
        this.only = only;
    }

    /**
     * The whole scanner ({@link Scanner} with its standard analyzers and the built-in rules) over the files
     * written to a fresh temporary folder; a {@code .wsscan.yml} among the files is the policy.
     */
    public static RuleTester scanner() {
        return new RuleTester(RuleTester::scan, null);
    }

    /** An analyzer's {@code analyzeTogether} (in memory, all files as one program). */
    public static RuleTester using(Function<List<SourceFile>, Map<String, FileReport>> analyzeTogether) {
        return new RuleTester(files -> {
            List<SourceFile> src = new ArrayList<>();
            files.forEach((p, t) -> src.add(new SourceFile(Path.of(p), p, t)));
            Map<String, FileReport> reports = analyzeTogether.apply(src);
            List<Finding> findings = new ArrayList<>();
            List<Notification> notes = new ArrayList<>();
            Map<String, String> frontEnds = new TreeMap<>();
            for (String p : files.keySet()) {
                FileReport r = reports.get(p);
                if (r == null) throw new AssertionError("no report for " + p + " (reports: " + reports.keySet() + ")");
                if (!r.analysed()) throw new AssertionError(p + " not analysed: " + r.notifications());
                findings.addAll(r.findings());
                notes.addAll(r.notifications());
                frontEnds.put(p, r.frontEnd());
            }
            return new Run(findings, notes, frontEnds);
        }, null);
    }

    /**
     * A tester that checks only findings of these rules; the others are ignored, and annotating them is
     * a mistake.
     */
    public RuleTester only(String... ruleIds) {
        RuleTester t = new RuleTester(runner, new TreeSet<>(List.of(ruleIds)));
        t.files.putAll(files);
        return t;
    }

    /** A tester with one more file (relative path, '/' separators); this one is left as it is. */
    public RuleTester file(String relPath, String text) {
        RuleTester t = new RuleTester(runner, only);
        t.files.putAll(files);
        t.files.put(relPath, text);
        return t;
    }

    /** One file: adds it and checks. */
    public Result check(String relPath, String text) {
        return file(relPath, text).check();
    }

    /** Runs the files and checks the findings against their annotations; throws AssertionError on a mismatch. */
    public Result check() {
        if (files.isEmpty()) throw new IllegalStateException("no files to check");
        List<Annotation> annotations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        files.forEach((p, t) -> {
            AnnotationParser.Result r = AnnotationParser.parse(p, t);
            annotations.addAll(r.annotations());
            r.problems().forEach(x -> problems.add(x.toString()));
        });
        if (only != null) {
            for (Annotation a : annotations) {
                if (!only.contains(a.ruleId())) {
                    problems.add(a.file() + ":" + a.commentLine() + ": '" + a.ruleId() + "' is not among the rules under test " + only);
                }
            }
        }
        if (!problems.isEmpty()) throw new AssertionError("annotation mistakes:\n  " + String.join("\n  ", problems));

        Result result = run();
        List<AnnotationCheck.Failure> failures = new ArrayList<>(AnnotationCheck.check(annotations, result.findings()));
        Map<String, List<Finding>> perLine = new TreeMap<>();
        for (Finding f : result.findings()) {
            perLine.computeIfAbsent(f.file() + ":" + f.region().startLine() + " " + f.ruleId(), k -> new ArrayList<>()).add(f);
        }
        perLine.values().stream().filter(fs -> fs.size() > 1).forEach(fs -> failures.add(new AnnotationCheck.Failure(
                fs.get(0).file(), fs.get(0).region().startLine(), fs.get(0).ruleId(),
                "reported " + fs.size() + " times on one line: " + fs.stream().map(Finding::message).toList())));
        if (!failures.isEmpty()) {
            StringBuilder sb = new StringBuilder("findings do not match the annotations:\n");
            for (AnnotationCheck.Failure f : failures) {
                sb.append("  ").append(f).append("\n      | ").append(sourceLine(f.file(), f.line())).append('\n');
            }
            sb.append("code:\n");
            files.forEach((p, t) -> {
                sb.append("  --- ").append(p).append('\n');
                String[] lines = t.split("\r\n|\r|\n", -1);
                for (int i = 0; i < lines.length; i++) sb.append(String.format("  %3d  %s%n", i + 1, lines[i]));
            });
            throw new AssertionError(sb.toString());
        }
        return result;
    }

    /**
     * Runs the files without looking at annotations: the unsuppressed findings (of the rules under test,
     * with {@link #only}); fails when the scanner has a notification about any file.
     */
    public Result run() {
        if (files.isEmpty()) throw new IllegalStateException("no files to run");
        Run run = runner.run(Collections.unmodifiableMap(files)); // in the order given: deterministic runs
        // a note means the code was not read as written: the test would not test what it shows
        List<String> notes = run.notifications().stream()
                .map(n -> n.file() + ":" + n.line() + ": [" + n.kind() + "] " + n.message()).toList();
        if (!notes.isEmpty()) throw new AssertionError("not (fully) analysed:\n  " + String.join("\n  ", notes));
        List<Finding> findings = run.findings().stream()
                .filter(f -> !f.suppressed() && (only == null || only.contains(f.ruleId()))).toList();
        return new Result(findings, run.frontEnds());
    }

    private String sourceLine(String file, int line) {
        String text = files.get(file);
        if (text == null) return "(not a file of the test)";
        String[] lines = text.split("\r\n|\r|\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1].strip() : "(no line " + line + ")";
    }

    private static Run scan(Map<String, String> files) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("wsscan-rule-tester");
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path f = dir.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
            }
            ScanResult r = new Scanner().scan(ScanOptions.builder().path(dir).policy(Policy.find(null, dir))
                    .threads(1).build());
            return new Run(r.findings(), r.notifications(), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}

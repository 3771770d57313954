/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.corpus;

import io.wsscan.engine.ScanOptions;
import io.wsscan.engine.ScanResult;
import io.wsscan.engine.Scanner;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Notification;
import io.wsscan.policy.Policy;
import io.wsscan.rules.RuleCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The corpus on disk and one run of the real scanner over it.
 *
 * <p>The corpus root is the {@code test-corpus} module folder; corpus files live in its language folders
 * ({@link #CORPUS_DIRS}) and their paths are relative to the root ({@code js/xss/chat-widget.js}), the
 * same form the scanner reports.
 */
public final class CorpusRun {

    /** Language folders of the corpus, under the corpus root. Missing ones are fine. */
    public static final List<String> CORPUS_DIRS = List.of("js", "ts", "jsx", "html", "java", "node");

    /** Extensions of corpus source files; other files in the corpus folders (notes, configs) are not cases. */
    public static final Set<String> SOURCE_EXTENSIONS = Set.of("js", "mjs", "cjs", "ts", "tsx", "mts", "cts",
            "jsx", "html", "htm", "jsp", "vue", "java", "php", "phtml", "erb", "ejs", "hbs", "handlebars", "mustache",
            "twig", "j2", "jinja", "jinja2", "njk", "liquid", "cshtml", "razor", "aspx", "ascx", "master", "gsp",
            "svelte", "astro");

    /** Folder names never walked into, as in the scanner's discovery. */
    private static final Set<String> SKIPPED_DIRS = Set.of("node_modules", ".git", "target", "build");

    /**
     * The result of a run.
     *
     * @param root          the corpus root
     * @param corpusFiles   relative path -> text of every corpus source file
     * @param catalog       the rules that ran
     * @param findings      unsuppressed findings, in report order
     * @param suppressed    findings an inline {@code wsscan-ignore} suppressed (not scored)
     * @param notifications everything the scanner said it could not (fully) analyse
     * @param handled       relative paths of the files the scanner picked up (analysed or skipped)
     * @param filesAnalysed how many files the scanner says it analysed
     */
    public record Result(Path root, TreeMap<String, String> corpusFiles, RuleCatalog catalog,
                         List<Finding> findings, List<Finding> suppressed, List<Notification> notifications,
                         Set<String> handled, int filesAnalysed) {

        /**
         * Corpus files that no analyzer of the scanner picked up (files the scanner picked up and then
         * skipped come with a notification).
         */
        public List<String> notPickedUp() {
            List<String> out = new ArrayList<>();
            for (String f : corpusFiles.keySet()) {
                if (!handled.contains(f)) out.add(f);
            }
            return out;
        }
    }

    private CorpusRun() {
    }

    /** The corpus root: the {@code test-corpus} module folder, whether run from it or from the project. */
    public static Path locateRoot() {
        List<Path> candidates = new ArrayList<>();
        String basedir = System.getProperty("basedir");
        if (basedir != null) candidates.add(Path.of(basedir));
        candidates.add(Path.of(""));
        candidates.add(Path.of("test-corpus"));
        for (Path c : candidates) {
            Path abs = c.toAbsolutePath().normalize();
            if (Files.isDirectory(abs.resolve("js")) && Files.isDirectory(abs.resolve("src/test/java/io/wsscan/corpus"))) {
                return abs;
            }
        }
        throw new IllegalStateException("cannot find the test-corpus folder (looked in " + candidates + ")");
    }

    /** Reads the corpus and runs the scanner over it. */
    public static Result run(Path root) {
        TreeMap<String, String> files = readCorpus(root);
        Set<String> handled = new ConcurrentSkipListSet<>();
        ScanResult scan = scan(root, new ScanOptions.ProgressListener() {
            @Override
            public void fileDone(String relPath, long bytes) {
                handled.add(relPath);
            }
        });
        List<Finding> findings = new ArrayList<>();
        List<Finding> suppressed = new ArrayList<>();
        for (Finding f : scan.findings()) {
            (f.suppressed() ? suppressed : findings).add(f);
        }
        return new Result(root, files, scan.catalog(), List.copyOf(findings), List.copyOf(suppressed),
                scan.notifications(), Collections.unmodifiableSet(new TreeSet<>(handled)),
                scan.stats().filesAnalysed());
    }

    /**
     * The one place that calls the scanner: the real {@link Scanner} with its standard analyzers and the
     * built-in rules, over the corpus root without its own {@code src/} (this test) and {@code target/},
     * under the corpus policy {@code .wsscan.yml} (its host allowlist turns on js/ws-untrusted-host).
     */
    static ScanResult scan(Path root, ScanOptions.ProgressListener progress) {
        ScanOptions options = ScanOptions.builder()
                .path(root)
                .policy(Policy.find(null, root))
                .exclude("/src")
                .threads(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())))
                .progress(progress)
                .build();
        return new Scanner().scan(options);
    }

    /** Relative path -> text of every source file in the corpus folders. */
    static TreeMap<String, String> readCorpus(Path root) {
        TreeMap<String, String> out = new TreeMap<>();
        for (String dir : CORPUS_DIRS) {
            Path start = root.resolve(dir);
            if (!Files.isDirectory(start)) continue;
            try {
                Files.walkFileTree(start, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                        return !d.equals(start) && SKIPPED_DIRS.contains(d.getFileName().toString())
                                ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        String rel = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                        if (attrs.isRegularFile() && (SOURCE_EXTENSIONS.contains(extension(file)) || isSettings(rel))) {
                            out.put(rel, Files.readString(file, StandardCharsets.UTF_8));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the corpus folder " + start, e);
            }
        }
        return out;
    }

    /** Framework settings files the Java analyzer reads (application.properties/.yml, Spring XML). */
    static boolean isSettings(String relPath) {
        return io.wsscan.java.JavaAnalyzer.isSettings(relPath);
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}

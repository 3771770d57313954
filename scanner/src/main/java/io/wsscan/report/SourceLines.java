/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scanned files' text for the reports, read once per file: line hashes, wsscan fingerprints,
 * baselines and message links all ask for the lines of the same few files. The most recently used
 * files are kept (findings come sorted by file, and traces mostly stay in theirs).
 */
final class SourceLines {

    private static final int CACHED_FILES = 32;

    /** A file's text and its lines (split at LF, CR and CRLF). */
    private record Read(String text, List<String> lines) {
    }

    private static final Read UNREADABLE = new Read(null, null);

    private final Path root;
    private final Map<String, Read> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Read> e) {
            return size() > CACHED_FILES;
        }
    };

    SourceLines(Path root) {
        this.root = root == null ? null : root.toAbsolutePath().normalize();
    }

    /** The file's text (UTF-8, malformed bytes as U+FFFD); null when it is not a readable file under the root. */
    String text(String file) {
        return read(file).text();
    }

    /** The file's lines; null when it is not a readable file under the root. */
    List<String> lines(String file) {
        return read(file).lines();
    }

    private Read read(String file) {
        if (file == null || root == null) return UNREADABLE;
        return cache.computeIfAbsent(file, f -> {
            try {
                Path p = root.resolve(f).normalize();
                if (!p.startsWith(root) || !Files.isRegularFile(p)) return UNREADABLE;
                String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                return new Read(text, text.lines().toList());
            } catch (IOException | InvalidPathException e) {
                return UNREADABLE;
            }
        });
    }
}

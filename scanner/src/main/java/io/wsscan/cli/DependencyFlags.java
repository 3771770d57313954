/*
 * Copyright 2026 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.cli;

import io.wsscan.deps.DependencyOptions;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** {@code --dependencies} and {@code --webjars}: third-party code read at inventory depth ({@code inventory}, {@code scan}). */
final class DependencyFlags {

    @Option(names = "--dependencies", description = "Also read the code the application ships: installed runtime npm "
            + "packages (not devDependencies) and the webjars of --webjars, at inventory depth: which package opens "
            + "which connection, to which host, sending what kinds of data.")
    boolean dependencies;

    @Option(names = "--webjars", paramLabel = "PATHS", description = "With --dependencies: jars, or folders of jars, "
            + "whose META-INF/resources/webjars/ scripts are read, separated by '${sys:path.separator}' (repeatable).")
    List<String> webjars = new ArrayList<>();

    /** The options, after checking every jar path (a usage error names the bad one). */
    DependencyOptions options(String hint) {
        if (!dependencies) {
            if (!webjars.isEmpty()) throw new UsageException("--webjars needs --dependencies", hint);
            return DependencyOptions.NONE;
        }
        List<Path> jars = new ArrayList<>();
        for (String v : webjars) {
            for (String part : v.split(Pattern.quote(java.io.File.pathSeparator))) {
                if (part.isBlank()) continue;
                Path p;
                try {
                    p = Path.of(part);
                } catch (InvalidPathException e) {
                    throw new UsageException("--webjars entry is not a valid path: " + part, hint);
                }
                if (Files.isDirectory(p)) {
                    jars.addAll(jarsIn(p, part, hint));
                } else if (!Files.isRegularFile(p)) {
                    throw new UsageException("--webjars entry not found: " + part, hint);
                } else if (!isJar(p)) {
                    throw new UsageException("--webjars entry is neither a jar nor a folder: " + part, hint);
                } else {
                    jars.add(p);
                }
            }
        }
        return DependencyOptions.of(jars);
    }

    private static boolean isJar(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".jar") || n.endsWith(".zip");
    }

    /** The jars directly in a folder, by name. */
    private static List<Path> jarsIn(Path dir, String shown, String hint) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && isJar(p)).sorted().toList();
        } catch (IOException e) {
            throw new UsageException("--webjars folder cannot be read: " + shown, hint);
        }
    }
}

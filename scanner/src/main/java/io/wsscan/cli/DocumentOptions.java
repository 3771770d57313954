/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.cli;

import io.wsscan.engine.Scanner;
import io.wsscan.policy.Policy;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The options of the commands that scan and print one document ({@code inventory}, {@code report},
 * {@code policy csp}): where it goes and which policy applies, with the checks and the writing they share.
 */
final class DocumentOptions {

    /** Prints the document to a writer that the caller need not close. */
    interface Body {
        void write(Writer w) throws IOException;
    }

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Policy file (default: the nearest .wsscan.yml from the scanned folder up to the repository's top).")
    Path config;

    @Option(names = "--cache", paramLabel = "DIR", arity = "0..1", fallbackValue = "",
            description = "Reuse results of earlier scans (as 'wsscan scan --cache'); kept in DIR (default: "
                    + Inputs.DEFAULT_CACHE + " in the output's folder, else the current one). Write --cache=DIR before PATHs.")
    String cache;

    /** Checks the output, the policy file and the cache folder before anything is scanned. */
    void check(String hint) {
        if (output != null) Inputs.checkWritable(output);
        Inputs.config(config, hint);
        Inputs.cacheFolder(cache, output, hint);
    }

    /** The cache folder of {@code --cache}, null without it. */
    Path cacheFolder(String hint) {
        return Inputs.cacheFolder(cache, output, hint);
    }

    /** The policy of a scan of {@code scanRoot}: --config, else the nearest .wsscan.yml up to the repository's top. */
    Policy policy(Path scanRoot) {
        return Policy.find(config, scanRoot, Scanner.workTreeTop(scanRoot));
    }

    /** Writes the document to --output, or to {@code out}. */
    void write(PrintStream out, Body body) throws IOException {
        if (output == null) {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            body.write(w);
            w.flush();
            return;
        }
        Inputs.createParent(output);
        try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            body.write(w);
        } catch (IOException e) {
            throw new UsageException("cannot write " + output + ": " + Main.firstLine(e.getMessage()));
        }
    }
}

package io.wsscan.git;

import io.wsscan.engine.Discovery;
import io.wsscan.engine.ScanOptions;
import io.wsscan.engine.ScanResult;
import io.wsscan.engine.Scanner;
import io.wsscan.report.Baseline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings a git revision already has, as a {@link Baseline}: the revision's tree is scanned with
 * the same options (rules, policy, globs, limits) and the same paths relative to the repository, so a
 * finding of the work tree that is in it has the same rule, path and fingerprint.
 *
 * @param baseline the revision's findings
 * @param ref      the revision as given
 * @param commit   the abbreviated id of the commit it resolved to
 * @param findings how many findings the revision's scan had
 */
public record RefBaseline(Baseline baseline, String ref, String commit, int findings) {

    /**
     * Scans {@code ref}'s tree.
     *
     * @throws IllegalArgumentException (one line) when the scan root is not in a git work tree, the ref
     *                                  does not exist or the repository cannot be read
     */
    public static RefBaseline scan(ScanOptions options, String ref) {
        Path root = Discovery.scanRoot(options.paths(), options.root());
        List<Path> paths = new ArrayList<>();
        for (Path p : options.paths()) paths.add(Discovery.real(p));
        try (RefTree tree = RefTree.checkout(root, paths, ref, options.maxFileSize())) {
            if (tree.paths().isEmpty()) {
                // none of the scanned paths exists in the revision: everything is new
                return new RefBaseline(Baseline.of(tree.root(), List.of()), ref, tree.commit(), 0);
            }
            ScanResult r = new Scanner().scan(options.withPaths(tree.paths(), tree.root(), null));
            // fingerprinted before close() deletes the files
            return new RefBaseline(Baseline.of(tree.root(), r.findings()), ref, tree.commit(), r.findings().size());
        }
    }
}

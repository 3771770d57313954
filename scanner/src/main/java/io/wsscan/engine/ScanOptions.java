package io.wsscan.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to scan and how. Build with {@link #builder()}; every field has a default except the paths
 * (default: the current directory).
 *
 * @param paths          files or directories to scan
 * @param excludes       globs matched against paths relative to the scan root ({@code **} spans folders;
 *                       a glob without '/' matches any single file or folder name), on top of the default
 *                       excludes {@code node_modules/}, {@code .git/}, {@code target/}, {@code build/}
 * @param ruleIds        only these rules run; empty means all rules of the catalog
 * @param rulesets       user ruleset files loaded after the built-in ruleset
 * @param threads        size of the analysis pool (default: available processors)
 * @param maxFileSize    files larger than this many bytes are skipped with a {@code too-large} note
 * @param timeBudget     wall-time budget for analysing one file; over it the file's results are dropped
 *                       with a {@code time-budget} note
 * @param followSymlinks whether the walk follows symbolic links (default false)
 * @param progress       told about the scan's progress; never null
 * @param root           the folder that relative paths (and so SARIF URIs, include and exclude globs) are
 *                       relative to; every path must lie inside it. Null (the default) means the deepest
 *                       folder containing every path ({@link Discovery#scanRoot})
 * @param includes       globs in the syntax of {@code excludes}: when any are given, only files matching at
 *                       least one are analysed (folders are still walked); empty means every file an
 *                       analyzer accepts
 * @param classpath      jars and class folders the scanned Java code compiles against (for type resolution
 *                       by Java analysis; the Maven plugin passes the module's compile classpath); empty
 *                       when unknown
 * @param includeTests   treat every file as production: no {@link Classification}, no capped levels
 * @param reportUnusedSuppressions list {@code wsscan-ignore} comments that suppressed nothing
 * @param sourceRoot     the folder SARIF URIs are relative to (the repository's top, so GitHub finds the files
 *                       when a subfolder is scanned); must hold {@code root}. Null (the default): the scan root
 * @param gitignore      leave out what {@code .gitignore} files (from {@code sourceRoot}, else the scan root, down)
 *                       and the repository's {@code info/exclude} ignore, unless git tracks it (default false;
 *                       the command line turns it on)
 * @param dependencies   third-party code whose connections join the inventory ({@code --dependencies}); never
 *                       null, {@link io.wsscan.deps.DependencyOptions#NONE} by default
 * @param cache          folder of the incremental-scan cache ({@link ScanCache}); null (the default): no cache
 */
public record ScanOptions(List<Path> paths, List<String> excludes, Set<String> ruleIds, List<Path> rulesets,
                          int threads, long maxFileSize, Duration timeBudget, boolean followSymlinks,
                          ProgressListener progress, Path root, List<String> includes, List<Path> classpath,
                          io.wsscan.policy.Policy policy, boolean includeTests, boolean reportUnusedSuppressions,
                          Path sourceRoot, boolean gitignore, io.wsscan.deps.DependencyOptions dependencies, Path cache) {

    public static final long DEFAULT_MAX_FILE_SIZE = 20L * 1024 * 1024;
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(30);

    public ScanOptions {
        paths = List.copyOf(paths);
        excludes = List.copyOf(excludes);
        ruleIds = Set.copyOf(ruleIds);
        rulesets = List.copyOf(rulesets);
        includes = List.copyOf(includes);
        classpath = List.copyOf(classpath);
        if (policy == null) policy = io.wsscan.policy.Policy.NONE;
        if (dependencies == null) dependencies = io.wsscan.deps.DependencyOptions.NONE;
        Objects.requireNonNull(timeBudget, "timeBudget");
        Objects.requireNonNull(progress, "progress");
        if (paths.isEmpty()) throw new IllegalArgumentException("no paths to scan");
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        if (maxFileSize < 1) throw new IllegalArgumentException("maxFileSize must be positive");
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("timeBudget must be positive");
        }
    }

    /**
     * These options for other paths under another root, with another progress listener (null for none): a
     * copy of a revision's tree, outside any repository, so without a source root of its own, and without the
     * cache (its pruning would drop the entries of the main scan).
     */
    public ScanOptions withPaths(List<Path> otherPaths, Path otherRoot, ProgressListener otherProgress) {
        return new ScanOptions(otherPaths, excludes, ruleIds, rulesets, threads, maxFileSize, timeBudget, followSymlinks,
                otherProgress == null ? ProgressListener.NONE : otherProgress, otherRoot, includes, classpath, policy,
                includeTests, reportUnusedSuppressions, null, gitignore, dependencies, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Told about the scan's progress. {@link #fileDone} is called from worker threads, possibly at the
     * same time from several: implementations must be thread-safe.
     */
    public interface ProgressListener {
        ProgressListener NONE = new ProgressListener() {
        };

        /** Discovery is over: this many files, of this many bytes in total, will be analysed. */
        default void started(int files, long bytes) {
        }

        /** One file is done (analysed, skipped or over budget). */
        default void fileDone(String relPath, long bytes) {
        }

        /** Every file is done; called once, from the thread that called {@link Scanner#scan}. */
        default void finished() {
        }
    }

    public static final class Builder {
        private final List<Path> paths = new ArrayList<>();
        private final List<String> excludes = new ArrayList<>();
        private final Set<String> ruleIds = new LinkedHashSet<>();
        private final List<Path> rulesets = new ArrayList<>();
        private int threads = Runtime.getRuntime().availableProcessors();
        private long maxFileSize = DEFAULT_MAX_FILE_SIZE;
        private Duration timeBudget = DEFAULT_TIME_BUDGET;
        private boolean followSymlinks;
        private ProgressListener progress = ProgressListener.NONE;
        private Path root;
        private final List<String> includes = new ArrayList<>();
        private final List<Path> classpath = new ArrayList<>();
        private io.wsscan.policy.Policy policy = io.wsscan.policy.Policy.NONE;
        private boolean includeTests;
        private boolean reportUnusedSuppressions;
        private Path sourceRoot;
        private boolean gitignore;
        private io.wsscan.deps.DependencyOptions dependencies = io.wsscan.deps.DependencyOptions.NONE;
        private Path cache;

        private Builder() {
        }

        public Builder path(Path p) {
            paths.add(p);
            return this;
        }

        public Builder paths(Collection<Path> ps) {
            paths.addAll(ps);
            return this;
        }

        public Builder exclude(String glob) {
            excludes.add(glob);
            return this;
        }

        public Builder excludes(Collection<String> globs) {
            excludes.addAll(globs);
            return this;
        }

        public Builder ruleIds(Collection<String> ids) {
            ruleIds.addAll(ids);
            return this;
        }

        public Builder ruleset(Path p) {
            rulesets.add(p);
            return this;
        }

        public Builder rulesets(Collection<Path> ps) {
            rulesets.addAll(ps);
            return this;
        }

        public Builder threads(int n) {
            threads = n;
            return this;
        }

        public Builder maxFileSize(long bytes) {
            maxFileSize = bytes;
            return this;
        }

        public Builder timeBudget(Duration d) {
            timeBudget = d;
            return this;
        }

        public Builder followSymlinks(boolean follow) {
            followSymlinks = follow;
            return this;
        }

        public Builder progress(ProgressListener l) {
            progress = l == null ? ProgressListener.NONE : l;
            return this;
        }

        /** The folder relative paths are relative to (see the record's {@code root}); null for the default. */
        public Builder root(Path folder) {
            root = folder;
            return this;
        }

        public Builder include(String glob) {
            includes.add(glob);
            return this;
        }

        public Builder includes(Collection<String> globs) {
            includes.addAll(globs);
            return this;
        }

        /** Adds jars or class folders to the classpath of the scanned Java code, in order. */
        public Builder classpath(Collection<Path> entries) {
            classpath.addAll(entries);
            return this;
        }

        /** The scan policy ({@code .wsscan.yml}); discovery adds its excludes, relative to the policy's folder. */
        public Builder policy(io.wsscan.policy.Policy p) {
            policy = p == null ? io.wsscan.policy.Policy.NONE : p;
            return this;
        }

        /** Whether suppression comments that suppressed nothing are reported (default false). */
        public Builder reportUnusedSuppressions(boolean report) {
            reportUnusedSuppressions = report;
            return this;
        }

        /** Whether test, example, generated and vendored files count as production (default false). */
        public Builder includeTests(boolean all) {
            includeTests = all;
            return this;
        }

        /** The folder SARIF URIs are relative to (see the record's {@code sourceRoot}); null for the scan root. */
        public Builder sourceRoot(Path folder) {
            sourceRoot = folder;
            return this;
        }

        /** Whether {@code .gitignore} rules leave files out (default false). */
        public Builder gitignore(boolean honour) {
            gitignore = honour;
            return this;
        }

        /** Third-party code to add to the inventory (default: none). */
        public Builder dependencies(io.wsscan.deps.DependencyOptions d) {
            dependencies = d == null ? io.wsscan.deps.DependencyOptions.NONE : d;
            return this;
        }

        /** The incremental-scan cache folder (created when missing); null for none (the default). */
        public Builder cache(Path folder) {
            cache = folder;
            return this;
        }

        public ScanOptions build() {
            List<Path> ps = paths.isEmpty() ? List.of(Path.of(".")) : paths;
            return new ScanOptions(ps, excludes, ruleIds, rulesets, threads, maxFileSize, timeBudget,
                    followSymlinks, progress, root, includes, classpath, policy, includeTests, reportUnusedSuppressions,
                    sourceRoot, gitignore, dependencies, cache);
        }
    }
}

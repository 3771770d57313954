package io.wsscan.maven;

import io.wsscan.findings.Finding.Level;
import io.wsscan.report.Formats;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the goals share: the parameters, building a {@link ScanJob} from them, logging the summary and
 * turning configuration problems into a one-line {@link MojoExecutionException}.
 */
abstract class AbstractWsscanMojo extends AbstractMojo {

    /** How many findings and unanalysed files the log lists before it refers to the report. */
    static final int MAX_LISTED = 50;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** Skip wsscan entirely: no scan, no report. */
    @Parameter(property = "wsscan.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * Report formats besides SARIF, which is always written ({@code wsscan.sarif}): {@code json}
     * ({@code wsscan.json}) and {@code text} ({@code wsscan.txt}). Comma-separated on the command line.
     */
    @Parameter(property = "wsscan.formats")
    protected List<String> formats;

    /**
     * Where the reports go. Default: {@code target/wsscan} of the module ({@code aggregate}: of the
     * execution root). Relative paths are relative to the module folder ({@code aggregate}: the root folder).
     */
    @Parameter(property = "wsscan.outputDirectory")
    protected String outputDirectory;

    /**
     * Folders (or files) to scan. Default: the module's compile source roots (generated sources under
     * the build directory left out), its resource directories, {@code src/main/resources},
     * {@code src/main/webapp}, and {@code frontend/} and {@code src/main/frontend} when present.
     * Relative paths are relative to the module folder. For {@code aggregate} these are scanned in
     * addition to every module's defaults, relative to the root folder.
     */
    @Parameter(property = "wsscan.sourceRoots")
    protected List<String> sourceRoots;

    /**
     * Only files matching one of these globs are analysed; relative to the module directory ({@code **}
     * spans folders; a glob without '/' matches a file or folder name anywhere).
     */
    @Parameter(property = "wsscan.includes")
    protected List<String> includes;

    /**
     * Files and folders matching these globs are skipped (same syntax as includes). Folders named
     * {@code .git}, {@code target} and {@code build}, and {@code node_modules} folders of installed
     * dependencies, are always skipped.
     */
    @Parameter(property = "wsscan.excludes")
    protected List<String> excludes;

    /** Extra ruleset files (YAML), loaded after the built-in rules; relative to the module (aggregate: root) folder. */
    @Parameter(property = "wsscan.rulesets")
    protected List<String> rulesets;

    /** Run only these rule ids (default: all). */
    @Parameter(property = "wsscan.rules")
    protected List<String> rules;

    /**
     * A previous SARIF report: results in it (same rule, file and code, wherever the lines moved) are
     * not reported. Relative to the module (aggregate: root) folder.
     */
    @Parameter(property = "wsscan.baseline")
    protected String baseline;

    /**
     * A git revision, e.g. {@code origin/main}: only results it does not have are reported. Its tree is
     * read with JGit (no git command needed) and scanned with the same configuration; the project must
     * be in a git work tree with that revision fetched.
     */
    @Parameter(property = "wsscan.baselineRef")
    protected String baselineRef;

    /** Analysis threads (default: the number of cores). */
    @Parameter(property = "wsscan.threads")
    protected Integer threads;

    /**
     * Treat test, example, generated and vendored files as production code. By default their findings
     * are reported as notes that never fail the build (files under {@code test/}, {@code examples/},
     * {@code vendor/}, {@code *.test.js}, {@code *.min.js}, ...; see the README).
     */
    @Parameter(property = "wsscan.includeTests", defaultValue = "false")
    protected boolean includeTests;

    /**
     * The folder SARIF paths are relative to, and up to which {@code .wsscan.yml} is looked for: the
     * repository's top, so that GitHub code scanning finds the files (default: the top-level project of
     * the build, which is the repository's top where the root pom lives there).
     */
    @Parameter(property = "wsscan.sourceRoot")
    protected String sourceRoot;

    /**
     * Keep suppressed results in SARIF (with their {@code suppressions}). By default they are left out,
     * because GitHub code scanning opens an alert for an uploaded result whether it is suppressed or not.
     */
    @Parameter(property = "wsscan.includeSuppressed", defaultValue = "false")
    protected boolean includeSuppressed;

    /**
     * Also read the code the application ships, at inventory depth: the installed runtime npm packages of the
     * module's {@code package.json} files (not devDependencies) and the webjars on the runtime classpath.
     * Their connections join the inventory with package and version, and {@code allowedHosts} applies to them
     * ({@code js/ws-untrusted-host} naming the package).
     */
    @Parameter(property = "wsscan.dependencies", defaultValue = "false")
    protected boolean dependencies;

    /**
     * Folder of the incremental-scan cache: a file, linked files or Java batch whose content, rules, policy,
     * options and wsscan build did not change since an earlier scan reuses its results (the reports are the
     * same as without it). Relative to the module (aggregate: root) folder.
     */
    @Parameter(property = "wsscan.cache", defaultValue = "${project.build.directory}/wsscan-cache")
    protected String cache;

    /** False: no cache (every file is analysed, nothing is written to {@code cache}). */
    @Parameter(property = "wsscan.useCache", defaultValue = "true")
    protected boolean useCache;

    /** The build (its top-level project is the sourceRoot default; check and aggregate read its reactor). */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected org.apache.maven.execution.MavenSession session;

    /** SARIF {@code automationDetails.id}: the GitHub code scanning category. */
    @Parameter(property = "wsscan.category", defaultValue = "wsscan/")
    protected String category;

    /**
     * Scan in a JVM of its own, started with {@code forkJvmArgs} and kept for the build's next modules.
     * Maven's JVM compiles with C2, which makes a short scan slower; {@code false} scans in Maven's JVM.
     * (The {@code report} goal always scans in Maven's JVM.)
     */
    @Parameter(property = "wsscan.fork", defaultValue = "true")
    protected boolean fork;

    /** Options of the forked JVM, separated by spaces; the default is the {@code ./wsscan} launcher's JIT setting. */
    @Parameter(property = "wsscan.forkJvmArgs", defaultValue = "-XX:TieredStopAtLevel=1")
    protected String forkJvmArgs;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("wsscan: skipped (wsscan.skip=true)");
            settle(null, List.of(), null);
            return;
        }
        Level threshold = threshold(); // a bad failOn is reported even where the goal has nothing to do
        if (!runsHere()) return;
        Path out = outputDirectory == null || outputDirectory.isBlank() ? null : resolvePath(outputDirectory);
        Verdict verdict = verdict(out == null ? defaultOutputDirectory() : out);
        settle(verdict, report(verdict, threshold), threshold);
    }

    /** Scans as the parameters say, forked or not, and writes the reports into {@code out}. */
    protected Verdict verdict(Path out) throws MojoExecutionException {
        if (!fork) return Verdict.of(scan(out), baseDirectory(), MAX_LISTED);
        ScanJob job = job(out);
        try {
            job.validate(); // here, so that a bad value is reported the same way forked or not
            List<String> jvm = forkJvmArgs == null || forkJvmArgs.isBlank() ? List.of() : List.of(forkJvmArgs.trim().split("\\s+"));
            getLog().debug("wsscan: scanning in a forked JVM with " + jvm);
            return ForkedScans.run(job, jvm, baseDirectory(), MAX_LISTED);
        } catch (ScanJob.ConfigurationException e) {
            throw new MojoExecutionException("wsscan: " + e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("wsscan: cannot write the reports in " + job.outputDirectory + ": " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new MojoExecutionException("wsscan: " + e.getMessage() + " (fork=false scans in Maven's JVM)", e);
        }
    }

    /** Scans in Maven's JVM as the parameters say and writes the reports into {@code out}; configuration problems are one line. */
    protected ScanJob.Outcome scan(Path out) throws MojoExecutionException {
        ScanJob job = job(out);
        try {
            return job.run();
        } catch (ScanJob.ConfigurationException e) {
            throw new MojoExecutionException("wsscan: " + e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("wsscan: cannot write the reports in " + job.outputDirectory + ": " + e.getMessage(), e);
        }
    }

    /** The job the parameters describe, its reports going into {@code out}. */
    private ScanJob job(Path out) throws MojoExecutionException {
        ScanJob job = new ScanJob();
        try {
            job.formats = formats();
            job.outputDirectory = out;
            configure(job);
            job.includes = ScanJob.split(includes);
            job.excludes = ScanJob.split(excludes);
            job.rules = ScanJob.split(rules);
            job.rulesets = paths(rulesets);
            job.baseline = baseline == null || baseline.isBlank() ? null : resolve(baseline);
            job.baselineRef = baselineRef == null || baselineRef.isBlank() ? null : baselineRef.trim();
            job.threads = threads;
            job.category = category;
            job.includeTests = includeTests;
            job.includeSuppressed = includeSuppressed;
            job.dependencies = dependencies ? io.wsscan.deps.DependencyOptions.of(job.runtimeJars) : io.wsscan.deps.DependencyOptions.NONE;
            job.cache = useCache && cache != null && !cache.isBlank() ? resolvePath(cache) : null;
            job.sourceRoot = sourceRoot != null && !sourceRoot.isBlank() ? resolvePath(sourceRoot)
                    : session == null || session.getTopLevelProject() == null ? null
                    : session.getTopLevelProject().getBasedir().toPath().toAbsolutePath().normalize();
        } catch (ScanJob.ConfigurationException e) {
            throw new MojoExecutionException("wsscan: " + e.getMessage());
        }
        if (getLog().isDebugEnabled()) {
            getLog().debug("wsscan: root " + job.root + ", source roots " + job.sourceRoots);
            getLog().debug("wsscan: classpath " + job.classpath);
        }
        return job;
    }

    /** The report formats to write. */
    protected Set<Formats> formats() {
        return ScanJob.formats(formats);
    }

    /** A module's scan: its folder is the root; the configured source roots or its defaults; its classpath. */
    protected void configureModule(ScanJob job) {
        job.root = project.getBasedir().toPath().toAbsolutePath().normalize();
        List<Path> configured = configuredSourceRoots();
        job.sourceRoots = configured.isEmpty() ? defaultSourceRoots(project) : configured;
        job.classpath = compileClasspath(project);
        job.runtimeJars = runtimeJars(project);
    }

    /** False when this goal has nothing to do in this project (it logs why). */
    protected boolean runsHere() {
        if ("pom".equals(project.getPackaging())) {
            getLog().info("wsscan: skipped for a module with packaging 'pom' (the aggregate goal scans the whole build)");
            return false;
        }
        return true;
    }

    /**
     * Ends the goal: throws a {@link MojoFailureException} naming the readable report when findings
     * reach the threshold. {@code verdict} is null when the goal was skipped.
     */
    protected void settle(Verdict verdict, List<Verdict.Listed> failing, Level threshold) throws MojoFailureException {
        if (!failing.isEmpty()) {
            throw new MojoFailureException("wsscan: " + verdict.failure(failing, threshold, baseDirectory()));
        }
    }

    /** The failOn level; null never fails (the scan goal). Must validate before scanning. */
    protected abstract Level threshold() throws MojoExecutionException;

    /** Sets the scan root, the source roots and the classpath. */
    protected abstract void configure(ScanJob job) throws MojoExecutionException;

    /** Parses failOn, as a configuration error when it is not a level. */
    protected static Level parseFailOn(String failOn) throws MojoExecutionException {
        try {
            return ScanJob.failOn(failOn);
        } catch (ScanJob.ConfigurationException e) {
            throw new MojoExecutionException("wsscan: " + e.getMessage());
        }
    }

    /** The folder relative paths in the configuration are relative to: the module's (aggregate: the root's). */
    protected Path baseDirectory() {
        return project.getBasedir().toPath().toAbsolutePath().normalize();
    }

    /** Where the reports go when {@code outputDirectory} is not set. */
    protected Path defaultOutputDirectory() {
        return Path.of(project.getBuild().getDirectory()).toAbsolutePath().normalize().resolve("wsscan");
    }

    /** The configured source roots, resolved; empty when none are configured. */
    protected List<Path> configuredSourceRoots() {
        return paths(sourceRoots);
    }

    static List<Path> defaultSourceRoots(MavenProject p) {
        List<String> resources = new ArrayList<>();
        for (Resource r : p.getBuild().getResources()) {
            if (r.getDirectory() != null) resources.add(r.getDirectory());
        }
        return ScanJob.defaultSourceRoots(p.getBasedir().toPath(), p.getCompileSourceRoots(), resources,
                Path.of(p.getBuild().getDirectory()));
    }

    /** The module's compile classpath (jars and class folders that exist). */
    protected List<Path> compileClasspath(MavenProject p) {
        Set<Path> out = new LinkedHashSet<>();
        try {
            for (String e : p.getCompileClasspathElements()) {
                Path path = Path.of(e);
                if (Files.exists(path)) out.add(path);
            }
        } catch (DependencyResolutionRequiredException e) {
            getLog().debug("wsscan: no compile classpath for " + p.getArtifactId() + ": " + e.getMessage());
        }
        return List.copyOf(out);
    }

    /** The jars of the module's runtime classpath (where webjars are), in classpath order. */
    protected List<Path> runtimeJars(MavenProject p) {
        Set<Path> out = new LinkedHashSet<>();
        try {
            for (String e : p.getRuntimeClasspathElements()) {
                Path path = Path.of(e);
                if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar")) out.add(path);
            }
        } catch (DependencyResolutionRequiredException e) {
            getLog().debug("wsscan: no runtime classpath for " + p.getArtifactId() + ": " + e.getMessage());
        }
        return List.copyOf(out);
    }

    /** Each entry (entries may be comma-separated lists) resolved against {@link #baseDirectory()}. */
    private List<Path> paths(List<String> values) {
        List<Path> out = new ArrayList<>();
        for (String v : ScanJob.split(values)) out.add(resolve(v));
        return out;
    }

    /** {@link #resolve(String)} with a bad path as a configuration error. */
    private Path resolvePath(String value) throws MojoExecutionException {
        try {
            return resolve(value);
        } catch (ScanJob.ConfigurationException e) {
            throw new MojoExecutionException("wsscan: " + e.getMessage());
        }
    }

    private Path resolve(String value) {
        Path p;
        try {
            p = Path.of(value.trim());
        } catch (java.nio.file.InvalidPathException e) {
            throw new ScanJob.ConfigurationException("not a valid path: '" + value.trim() + "'");
        }
        return (p.isAbsolute() ? p : baseDirectory().resolve(p)).toAbsolutePath().normalize();
    }

    /** Logs the summary and the findings; returns the findings that reach the threshold. */
    protected List<Verdict.Listed> report(Verdict verdict, Level threshold) {
        for (String line : verdict.summary()) getLog().info(line);
        List<Verdict.Listed> failing = verdict.failing(threshold);
        Set<Verdict.Listed> failingSet = new HashSet<>(failing);
        // the findings that fail the build first (as errors), then the others (as warnings)
        List<Verdict.Listed> shown = new ArrayList<>(failing);
        for (Verdict.Listed f : verdict.findings()) {
            if (!f.suppressed() && !failingSet.contains(f)) shown.add(f);
        }
        int listed = 0;
        for (Verdict.Listed f : shown) {
            if (listed++ == MAX_LISTED) {
                getLog().warn("wsscan:   ... and " + (shown.size() - MAX_LISTED) + " more (see the report)");
                break;
            }
            String line = "wsscan:   " + f.line();
            if (failingSet.contains(f)) getLog().error(line);
            else getLog().warn(line);
        }
        return failing;
    }
}

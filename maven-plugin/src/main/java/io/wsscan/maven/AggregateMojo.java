package io.wsscan.maven;

import io.wsscan.findings.Finding.Level;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One scan of the whole build: every reactor module's default source roots (plus any
 * {@code sourceRoots} configured here), one classpath of all modules, and one set of reports in
 * {@code target/wsscan} of the execution root, with paths relative to the root folder (or to the folder
 * that holds every module when some module lies outside it).
 *
 * <p>Declared in the root POM (and so inherited by the modules), it runs once, in the last project of
 * the reactor, when every module has been built and its dependencies are resolved; in the other
 * projects it does nothing. Declared with {@code <inherited>false</inherited>} it runs at the root
 * instead, before the modules are built (their classpaths may then lack their sibling modules).
 *
 * <p>Fails the build like {@code check} when findings reach {@code failOn}; set it to {@code none} for a
 * report only. Modules whose {@code check} failed earlier in the build held their failure back for
 * this goal: it fails the build for them after the report of the whole build is written.
 */
@Mojo(name = "aggregate", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME,
        threadSafe = true)
public class AggregateMojo extends AbstractWsscanMojo {

    /** The lowest level that fails the build: {@code error}, {@code warning}, {@code note}, or {@code none} (never fails). */
    @Parameter(property = "wsscan.failOn", defaultValue = "error")
    protected String failOn;


    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    @Override
    protected boolean runsHere() {
        List<MavenProject> projects = session.getProjects();
        MavenProject last = projects.get(projects.size() - 1);
        if (project == last) return true;
        if (project.isExecutionRoot() && !declaresThisGoal(last)) {
            getLog().info("wsscan: aggregate runs here, at the execution root, since " + last.getArtifactId()
                    + " (the last project of the build) does not declare it");
            return true;
        }
        getLog().info("wsscan: aggregate runs once, after the last project of the build (" + last.getArtifactId() + ")");
        return false;
    }

    /** True when {@code p}'s build has an execution of this plugin's aggregate goal. */
    private boolean declaresThisGoal(MavenProject p) {
        return Reactor.declaredPhase(p, mojoExecution, mojoExecution.getGoal(), Reactor.AGGREGATE_PHASE) != null;
    }

    /**
     * Fails for this scan's own findings and for the checks of modules that held their failure back
     * until this report was written (also when this goal was skipped).
     */
    @Override
    protected void settle(Verdict verdict, List<Verdict.Listed> failing, Level threshold) throws MojoFailureException {
        List<String> held = project == Reactor.last(session) ? Reactor.takeHeldBack(project) : List.of();
        if (held.isEmpty()) {
            super.settle(verdict, failing, threshold);
            return;
        }
        StringBuilder m = new StringBuilder("wsscan: ");
        if (!failing.isEmpty()) {
            m.append(verdict.failure(failing, threshold, baseDirectory())).append("; also ");
        } else if (verdict != null) {
            m.append("report of the whole build ").append(verdict.reports(baseDirectory())).append("; ");
        }
        m.append("check failed in ").append(held.size()).append(held.size() == 1 ? " module: " : " modules: ")
                .append(String.join("; ", held));
        throw new MojoFailureException(m.toString());
    }

    @Override
    protected Level threshold() throws MojoExecutionException {
        return parseFailOn(failOn);
    }

    /** The execution root: the project the build was started from. */
    private MavenProject executionRoot() {
        for (MavenProject p : session.getProjects()) {
            if (p.isExecutionRoot()) return p;
        }
        return session.getTopLevelProject() != null ? session.getTopLevelProject() : project;
    }

    @Override
    protected Path baseDirectory() {
        return executionRoot().getBasedir().toPath().toAbsolutePath().normalize();
    }

    @Override
    protected Path defaultOutputDirectory() {
        return Path.of(executionRoot().getBuild().getDirectory()).toAbsolutePath().normalize().resolve("wsscan");
    }

    @Override
    protected void configure(ScanJob job) {
        Set<Path> roots = new LinkedHashSet<>(configuredSourceRoots());
        Set<Path> classpath = new LinkedHashSet<>();
        Set<Path> runtimeJars = new LinkedHashSet<>();
        Path root = baseDirectory();
        for (MavenProject p : session.getProjects()) {
            roots.addAll(defaultSourceRoots(p));
            classpath.addAll(compileClasspath(p));
            runtimeJars.addAll(runtimeJars(p));
            root = commonAncestor(root, p.getBasedir().toPath().toAbsolutePath().normalize());
        }
        for (Path r : roots) root = commonAncestor(root, r);
        job.root = root;
        job.sourceRoots = new ArrayList<>(roots);
        job.classpath = new ArrayList<>(classpath);
        job.runtimeJars = new ArrayList<>(runtimeJars);
    }

    static Path commonAncestor(Path a, Path b) {
        Path r = a;
        while (r != null && !b.startsWith(r)) r = r.getParent();
        return r == null ? a.getRoot() : r;
    }
}

package io.wsscan.maven;

import io.wsscan.findings.Finding.Level;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
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
 * One scan of the whole reactor, run once at the project the build was started from: every module's
 * default source roots (plus any {@code sourceRoots} configured here), one classpath of all modules,
 * and one set of reports whose paths are relative to the reactor root (the execution root's folder,
 * or the folder that holds every module when some module lies outside it). Fails the build like
 * {@code check} when findings reach {@code failOn}; set {@code failOn} to {@code none} for a report only.
 */
@Mojo(name = "aggregate", aggregator = true, defaultPhase = LifecyclePhase.VERIFY,
        requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class AggregateMojo extends AbstractWsscanMojo {

    /** The lowest level that fails the build: {@code error}, {@code warning}, {@code note}, or {@code none} (never fails). */
    @Parameter(property = "wsscan.failOn", defaultValue = "error")
    protected String failOn;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${reactorProjects}", readonly = true, required = true)
    protected List<MavenProject> reactorProjects;

    @Override
    protected boolean runsHere() {
        if (!project.isExecutionRoot()) {
            getLog().info("wsscan: aggregate runs once, at the execution root; nothing to do in " + project.getArtifactId());
            return false;
        }
        return true;
    }

    @Override
    protected Level threshold() throws MojoExecutionException {
        return parseFailOn(failOn);
    }

    @Override
    protected void configure(ScanJob job) {
        Set<Path> roots = new LinkedHashSet<>();
        Set<Path> classpath = new LinkedHashSet<>();
        Path root = project.getBasedir().toPath().toAbsolutePath().normalize();
        if (sourceRoots != null && !sourceRoots.isEmpty()) roots.addAll(moduleSourceRoots(project));
        for (MavenProject p : reactorProjects) {
            roots.addAll(defaultSourceRoots(p));
            classpath.addAll(compileClasspath(p));
            root = commonAncestor(root, p.getBasedir().toPath().toAbsolutePath().normalize());
        }
        for (Path r : roots) root = commonAncestor(root, r);
        job.root = root;
        job.sourceRoots = new ArrayList<>(roots);
        job.classpath = new ArrayList<>(classpath);
    }

    static Path commonAncestor(Path a, Path b) {
        Path r = a;
        while (r != null && !b.startsWith(r)) r = r.getParent();
        return r == null ? a.getRoot() : r;
    }
}

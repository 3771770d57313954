package io.wsscan.maven;

import io.wsscan.findings.Finding.Level;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.nio.file.Path;
import java.util.List;

/**
 * Scans the module, writes the reports, and fails the build when an unsuppressed finding is at or
 * above {@code failOn}. Modules with packaging {@code pom} are skipped.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public class CheckMojo extends AbstractWsscanMojo {

    /** The lowest level that fails the build: {@code error}, {@code warning}, {@code note}, or {@code none} (never fails). */
    @Parameter(property = "wsscan.failOn", defaultValue = "error")
    protected String failOn;

    @Override
    protected Level threshold() throws MojoExecutionException {
        return parseFailOn(failOn);
    }

    @Override
    protected void configure(ScanJob job) {
        job.root = project.getBasedir().toPath().toAbsolutePath().normalize();
        List<Path> configured = configuredSourceRoots();
        job.sourceRoots = configured.isEmpty() ? defaultSourceRoots(project) : configured;
        job.classpath = compileClasspath(project);
    }
}

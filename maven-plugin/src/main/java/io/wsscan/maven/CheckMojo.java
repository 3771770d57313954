package io.wsscan.maven;

import io.wsscan.findings.Finding.Level;
import org.apache.maven.lifecycle.DefaultLifecycles;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

import java.nio.file.Path;
import java.util.List;

/**
 * Scans the module, writes the reports, and fails the build when an unsuppressed finding is at or
 * above {@code failOn}. Modules with packaging {@code pom} are skipped.
 *
 * <p>When the build also runs {@code aggregate} (declared for the last project of the reactor, in a
 * phase the build reaches), a failing module does not stop the build at once: the failure is logged and
 * held back, the other modules are built and scanned, and the aggregate goal fails the build after it
 * has written the report of the whole build, naming every module whose check failed.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME,
        threadSafe = true)
public class CheckMojo extends AbstractWsscanMojo {

    /** The lowest level that fails the build: {@code error}, {@code warning}, {@code note}, or {@code none} (never fails). */
    @Parameter(property = "wsscan.failOn", defaultValue = "error")
    protected String failOn;


    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    @Component
    protected DefaultLifecycles lifecycles;

    @Override
    protected Level threshold() throws MojoExecutionException {
        return parseFailOn(failOn);
    }

    @Override
    protected void configure(ScanJob job) {
        configureModule(job);
    }

    @Override
    protected void settle(Verdict verdict, List<Verdict.Listed> failing, Level threshold) throws MojoFailureException {
        MavenProject last = failing.isEmpty() ? null : aggregateProject();
        if (last != null) {
            // paths from the execution root, where the aggregate's failure is read
            Path root = Path.of(session.getExecutionRootDirectory()).toAbsolutePath().normalize();
            if (Reactor.holdBack(last, project.getArtifactId() + ": " + verdict.failure(failing, threshold, root))) {
                getLog().error("wsscan: " + verdict.failure(failing, threshold, baseDirectory()));
                getLog().error("wsscan: the build fails after the aggregate report of the whole build is written (in "
                        + last.getArtifactId() + ")");
                return;
            }
        }
        super.settle(verdict, failing, threshold);
    }

    /** The last project of the reactor when this build runs its aggregate goal after this check; else null. */
    private MavenProject aggregateProject() {
        // a check started on the command line (mvn wsscan:check) is not part of a lifecycle run
        if (mojoExecution.getLifecyclePhase() == null) return null;
        MavenProject last = Reactor.last(session);
        String phase = Reactor.declaredPhase(last, mojoExecution, Reactor.AGGREGATE, Reactor.AGGREGATE_PHASE);
        return phase != null && Reactor.reaches(session.getGoals(), lifecycles, phase) ? last : null;
    }
}

package io.wsscan.maven;

import io.wsscan.findings.Finding.Level;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Scans the module and writes the reports; never fails the build because of findings (a broken
 * configuration still stops it). Modules with packaging {@code pom} are skipped.
 */
@Mojo(name = "scan", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME,
        threadSafe = true)
public class ScanMojo extends AbstractWsscanMojo {

    @Override
    protected Level threshold() {
        return null;
    }

    @Override
    protected void configure(ScanJob job) {
        configureModule(job);
    }
}

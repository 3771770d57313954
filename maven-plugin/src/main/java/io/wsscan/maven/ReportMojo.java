package io.wsscan.maven;

import io.wsscan.report.Formats;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The wsscan page of the Maven site ({@code mvn site}, declared under {@code <reporting>}): a summary
 * page in the site's look (counts by level and rule, the findings) that links to the full,
 * self-contained HTML report and the SARIF file, both written to {@code wsscan/} in the site folder.
 * Never fails the build because of findings. Run on its own ({@code mvn wsscan:report}) it scans
 * like {@code scan} and also writes the HTML report.
 */
@Mojo(name = "report", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class ReportMojo extends ScanMojo implements MavenReport {

    /** The site page ({@code wsscan.html}); the full reports go to the folder of this name beside it. */
    static final String OUTPUT_NAME = "wsscan";

    private File reportOutputDirectory;

    @Override
    protected Set<Formats> formats() {
        Set<Formats> out = new LinkedHashSet<>(super.formats());
        out.add(Formats.HTML);
        return out;
    }

    // ---- MavenReport ---------------------------------------------------------------------------

    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        Path site = getReportOutputDirectory().toPath().toAbsolutePath().normalize();
        ScanJob.Outcome outcome;
        try {
            outcome = scan(site.resolve(OUTPUT_NAME));
        } catch (MojoExecutionException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
        report(Verdict.of(outcome, baseDirectory(), MAX_LISTED), null);
        SitePage.render(sink, outcome, site, project.getName() == null ? project.getArtifactId() : project.getName());
    }

    @Override
    public String getOutputName() {
        return OUTPUT_NAME;
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale locale) {
        return "wsscan";
    }

    @Override
    public String getDescription(Locale locale) {
        return "WebSocket security findings of wsscan: cleartext connections, missing origin checks, message data "
                + "reaching HTML, code or SQL, with data-flow traces.";
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        reportOutputDirectory = directory;
    }

    @Override
    public File getReportOutputDirectory() {
        if (reportOutputDirectory == null) {
            reportOutputDirectory = new File(project.getReporting() != null && project.getReporting().getOutputDirectory() != null
                    ? project.getReporting().getOutputDirectory() : project.getBuild().getDirectory() + "/site");
        }
        return reportOutputDirectory;
    }

    @Override
    public boolean isExternalReport() {
        return false;
    }

    /** Nothing to report for a skipped scan or a module with packaging {@code pom}. */
    @Override
    public boolean canGenerateReport() {
        return !skip && !"pom".equals(project.getPackaging());
    }
}

package io.wsscan.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.wsscan.engine.Classification;
import io.wsscan.engine.ScanResult;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Notification;
import io.wsscan.findings.Step;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * wsscan's own JSON report: a summary, every finding (suppressed ones flagged) with its trace, and
 * everything that was not analysed. Paths are relative to the scan root; the output is deterministic.
 * The format is documented in {@code docs/json-format.md}; {@link #FORMAT_VERSION} changes only when
 * a member is removed or changes meaning (new members may appear at any time).
 */
public final class JsonReport {

    /** Version of this JSON format (not of wsscan). */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectWriter WRITER = JsonOutput.writer(null);

    private JsonReport() {
    }

    /** Writes the report for {@code scan} to {@code out} (flushed, not closed). */
    public static void write(ScanResult scan, Writer out) throws IOException {
        JsonOutput.write(WRITER, build(scan), out);
    }

    /** The report as plain records, in output order. */
    public static Report build(ScanResult scan) {
        List<Finding> findings = new ArrayList<>(scan.findings());
        findings.sort(Finding.ORDER);
        List<Notification> notifications = new ArrayList<>(scan.notifications());
        notifications.sort(Notification.ORDER);

        int[] byLevel = new int[Finding.Level.values().length];
        int suppressed = 0;
        List<JsonFinding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (f.suppressed()) suppressed++;
            else byLevel[f.level().ordinal()]++;
            out.add(finding(f, scan.classOf(f.file())));
        }
        List<NotAnalysed> notAnalysed = new ArrayList<>(notifications.size());
        for (Notification n : notifications) {
            notAnalysed.add(new NotAnalysed(n.file(), n.line(), n.column(), n.kind(), n.message()));
        }
        ScanResult.Stats s = scan.stats();
        Summary summary = new Summary(
                s == null ? 0 : s.filesDiscovered(), s == null ? 0 : s.filesAnalysed(),
                s == null ? 0 : s.filesSkipped(), scan.partlyRead().size(), s == null ? 0 : s.bytesAnalysed(),
                new Counts(byLevel[Finding.Level.ERROR.ordinal()], byLevel[Finding.Level.WARNING.ordinal()],
                        byLevel[Finding.Level.NOTE.ordinal()], suppressed, scan.findingsOutsideProduction()));
        return new Report(Version.get(), FORMAT_VERSION, summary, out, notAnalysed, scan.analysedFiles(),
                scan.partlyRead());
    }

    private static JsonFinding finding(Finding f, Classification.Kind kind) {
        List<JsonStep> trace = new ArrayList<>(f.trace().size());
        for (Step s : f.trace()) {
            trace.add(new JsonStep(s.file(), s.region().startLine(), s.region().startColumn(), s.message()));
        }
        JsonSuppression suppression = f.suppressed()
                ? new JsonSuppression(f.suppression().reason(), f.suppression().line()) : null;
        return new JsonFinding(f.ruleId(), f.level().sarifName(), f.file(), f.region().startLine(),
                f.region().startColumn(), f.region().endLine(), f.region().endColumn(), f.message(),
                f.suppressed(), suppression, kind.production() ? null : kind.id(), trace);
    }

    /**
     * The whole document; {@code analysedFiles} names each analysed file, so every file is accounted for by
     * name; {@code partlyRead} names the analysed files the parser skipped lines of (a subset of them).
     */
    @JsonPropertyOrder({"version", "formatVersion", "summary", "findings", "notAnalysed", "analysedFiles", "partlyRead"})
    public record Report(String version, int formatVersion, Summary summary, List<JsonFinding> findings,
                         List<NotAnalysed> notAnalysed, List<String> analysedFiles, List<String> partlyRead) {
    }

    /**
     * File and byte counts of the scan, and unsuppressed findings per level plus suppressed ones;
     * {@code partlyRead}: analysed files of which parse recovery skipped lines (counted in {@code analysed}).
     */
    @JsonPropertyOrder({"files", "analysed", "skipped", "partlyRead", "bytes", "findings"})
    public record Summary(int files, int analysed, int skipped, int partlyRead, long bytes, Counts findings) {
    }

    /** {@code outsideProduction}: unsuppressed findings in test, example, generated or vendored files (all notes). */
    @JsonPropertyOrder({"error", "warning", "note", "suppressed", "outsideProduction"})
    public record Counts(int error, int warning, int note, int suppressed, int outsideProduction) {
    }

    /**
     * One finding; {@code suppression} is present only when {@code suppressed} is true, {@code classification}
     * only for a file that is not production code ({@code test}, {@code example}, {@code generated},
     * {@code vendored}; its level is then at most {@code note}).
     */
    @JsonPropertyOrder({"ruleId", "level", "file", "startLine", "startColumn", "endLine", "endColumn",
            "message", "suppressed", "suppression", "classification", "trace"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JsonFinding(String ruleId, String level, String file, int startLine, int startColumn,
                              int endLine, int endColumn, String message, boolean suppressed,
                              JsonSuppression suppression, String classification, List<JsonStep> trace) {
    }

    /** The {@code wsscan-ignore} comment that suppressed a finding: its reason and line. */
    @JsonPropertyOrder({"reason", "line"})
    public record JsonSuppression(String reason, int line) {
    }

    /** One step of a taint trace, source first. */
    @JsonPropertyOrder({"file", "line", "column", "message"})
    public record JsonStep(String file, int line, int column, String message) {
    }

    /** A file, or part of one, that was not analysed; {@code line}/{@code column} 0 = whole file. */
    @JsonPropertyOrder({"file", "line", "column", "kind", "message"})
    public record NotAnalysed(String file, int line, int column, String kind, String message) {
    }
}

package io.wsscan.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Finding.Level;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a goal needs of a finished scan to log it and to decide whether the build fails: the summary
 * lines, every finding as its level and one described line, and the reports a failure names. It is
 * plain data so that a scan in a forked JVM ({@link ForkedScans}) can hand it back as one line of JSON.
 *
 * @param summary  the summary lines ({@link ScanJob#summary}), paths relative to the goal's folder
 * @param findings every finding of the scan, in report order
 * @param readable the report a person reads (HTML when written, else text)
 * @param sarif    the SARIF report
 */
record Verdict(List<String> summary, List<Listed> findings, Path readable, Path sarif) {

    /** One finding as the log shows it: {@code path:line:col [class] level rule message}. */
    record Listed(Level level, boolean suppressed, String line) {
    }

    Verdict {
        summary = List.copyOf(summary);
        findings = List.copyOf(findings);
    }

    static Verdict of(ScanJob.Outcome o, Path displayBase, int maxListed) {
        List<Listed> listed = new ArrayList<>();
        for (Finding f : o.result().findings()) {
            listed.add(new Listed(f.level(), f.suppressed(), ScanJob.describe(f, o.result().classOf(f.file()))));
        }
        return new Verdict(ScanJob.summary(o, displayBase, maxListed), listed, o.readable(), o.sarif());
    }

    /** Unsuppressed findings at or above the threshold (none for a null threshold). */
    List<Listed> failing(Level threshold) {
        if (threshold == null) return List.of();
        return findings.stream().filter(f -> !f.suppressed() && f.level().atLeast(threshold)).toList();
    }

    /**
     * The line a build failure shows: how many findings reach the threshold, then the readable report
     * and the SARIF file (relative to {@code displayBase}), e.g. {@code 1 finding at or above
     * failOn=error (1 error); see target/wsscan/wsscan.txt (SARIF: target/wsscan/wsscan.sarif)}.
     */
    String failure(List<Listed> failing, Level threshold, Path displayBase) {
        return failing.size() + (failing.size() == 1 ? " finding" : " findings") + " at or above failOn="
                + threshold.sarifName() + " (" + ScanJob.levelCounts(failing.stream().map(Listed::level).toList(), false)
                + "); see " + reports(displayBase);
    }

    /** {@code target/wsscan/wsscan.txt (SARIF: target/wsscan/wsscan.sarif)}, relative to {@code displayBase}. */
    String reports(Path displayBase) {
        return ScanJob.display(readable, displayBase) + " (SARIF: " + ScanJob.display(sarif, displayBase) + ")";
    }

    // ---- the forked JVM's reply ----------------------------------------------------------------------

    JsonNode toJson(ObjectMapper json) {
        ObjectNode o = json.createObjectNode();
        ArrayNode s = o.putArray("summary");
        summary.forEach(s::add);
        ArrayNode fs = o.putArray("findings");
        for (Listed f : findings) {
            fs.addObject().put("level", f.level().name()).put("suppressed", f.suppressed()).put("line", f.line());
        }
        o.put("readable", readable.toString());
        o.put("sarif", sarif.toString());
        return o;
    }

    static Verdict fromJson(JsonNode o) {
        List<String> summary = new ArrayList<>();
        o.path("summary").forEach(n -> summary.add(n.asText()));
        List<Listed> findings = new ArrayList<>();
        for (JsonNode f : o.path("findings")) {
            findings.add(new Listed(Level.valueOf(f.path("level").asText()), f.path("suppressed").asBoolean(),
                    f.path("line").asText()));
        }
        return new Verdict(summary, findings, Path.of(o.path("readable").asText()), Path.of(o.path("sarif").asText()));
    }
}

package io.wsscan.java;

import io.wsscan.findings.Region;
import io.wsscan.findings.Step;

import java.util.List;

/**
 * One result of a Java check or of the Java taint analysis before it becomes a finding: the check
 * (or sink kind) it answers, where it is, the message placeholders and the trace.
 *
 * @param check  a structural check name ({@code java-origin-missing}) or, for taint, the sink kind
 * @param source for taint hits the source kind, else null
 * @param level  the level this result has, when the check decides it per result; null for the rule's level
 */
public record JavaHit(String check, String source, String file, Region region, String detail, String sink,
                      List<Step> trace, io.wsscan.findings.Finding.Level level) {

    public JavaHit(String check, String source, String file, Region region, String detail, String sink, List<Step> trace) {
        this(check, source, file, region, detail, sink, trace, null);
    }

    static JavaHit structural(String check, String file, Region region, String detail) {
        return new JavaHit(check, null, file, region, detail, null, List.of());
    }
}

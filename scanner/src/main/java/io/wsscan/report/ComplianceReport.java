package io.wsscan.report;

import io.wsscan.engine.Classification;
import io.wsscan.engine.ScanResult;
import io.wsscan.findings.Finding;
import io.wsscan.rules.Compliance;
import io.wsscan.rules.RuleMeta;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The compliance view as text or Markdown: for each standard, each requirement a rule of the scan is
 * tagged with, its title (from the rulesets' requirement data), the count of unsuppressed findings and
 * where they are (with the class of a file that is not production code, e.g. {@code [test]}).
 * Requirements without findings are listed too, as covered by the scan.
 */
public final class ComplianceReport {

    private ComplianceReport() {
    }

    public static void write(ScanResult scan, boolean markdown, Writer out) throws IOException {
        Map<String, Map<String, List<Finding>>> groups = HtmlReport.complianceGroups(scan);
        if (markdown) out.write("# Compliance view\n");
        for (Compliance.Standard s : Compliance.standards().values()) {
            Map<String, List<Finding>> reqs = groups.getOrDefault(s.key(), Map.of());
            out.write(markdown ? "\n## " + md(s.title()) + "\n\n| Requirement | Title | Findings | Rules |\n|---|---|---:|---|\n"
                    : (s == Compliance.standards().values().iterator().next() ? "" : "\n") + s.title() + "\n");
            for (Map.Entry<String, String> r : s.requirements().entrySet()) {
                TreeSet<String> rules = new TreeSet<>();
                for (RuleMeta m : scan.catalog().rules().values()) {
                    if (m.compliance().getOrDefault(s.key(), List.of()).contains(r.getKey())) rules.add(m.id());
                }
                if (rules.isEmpty()) continue;
                List<Finding> fs = reqs.getOrDefault(r.getKey(), List.of());
                if (markdown) {
                    out.write("| " + md(r.getKey()) + " | " + md(r.getValue()) + " | " + fs.size() + " | "
                            + md(String.join(", ", rules)) + " |\n");
                } else {
                    out.write(String.format("  %-18s %3d  %s%n", r.getKey(), fs.size(), r.getValue()).replace(System.lineSeparator(), "\n"));
                    for (Finding f : fs) {
                        Classification.Kind kind = scan.classOf(f.file());
                        out.write("      " + f.file() + ":" + f.region().startLine()
                                + (kind.production() ? "" : " [" + kind.id() + "]") + "  " + f.ruleId() + "\n");
                    }
                }
            }
        }
        out.flush();
    }

    private static String md(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;");
    }
}

package io.wsscan.report;

import io.wsscan.engine.Classification;
import io.wsscan.engine.ScanResult;
import io.wsscan.findings.Finding;
import io.wsscan.html.PaymentPages;
import io.wsscan.inventory.Inventory;
import io.wsscan.inventory.InventoryReport;
import io.wsscan.inventory.PageScript;
import io.wsscan.inventory.PaymentScripts;
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
            List<String> ids = PaymentPages.builtin().requirementsOf(s.key());
            if (!ids.isEmpty()) paymentScripts(scan, ids, markdown, out);
        }
        out.flush();
    }

    /**
     * The page-script inventory of payment pages under the requirements it documents: each payment page, why it
     * is one, and its scripts with what each lacks.
     */
    private static void paymentScripts(ScanResult scan, List<String> ids, boolean markdown, Writer out) throws IOException {
        PaymentScripts pay = PaymentScripts.of(scan.pageScripts());
        Inventory inv = Inventory.of(scan, List.of());
        String head = "Payment page scripts (" + String.join(", ", ids) + "): " + pay.summary() + "; "
                + InventoryReport.NOT_FETCHED;
        if (markdown) {
            out.write("\n" + md(head) + "\n");
            if (!pay.byPage().isEmpty()) {
                out.write("\n| Page | Line | Script | Party | Integrity | Gaps |\n|---|---:|---|---|---|---|\n");
                for (Map.Entry<String, List<PageScript>> e : pay.byPage().entrySet()) {
                    for (PageScript sc : e.getValue()) {
                        out.write("| " + md(e.getKey()) + " | " + sc.region().startLine() + " | " + md(sc.src()) + " | " + sc.party().id()
                                + (sc.host() == null ? "" : " " + md(sc.host())) + " | " + sc.integrity().id() + " | "
                                + md(String.join(", ", PaymentScripts.gaps(sc))) + " |\n");
                    }
                }
            }
            return;
        }
        out.write("  " + head + "\n");
        for (Map.Entry<String, List<PageScript>> e : pay.byPage().entrySet()) {
            Classification.Kind kind = scan.classOf(e.getKey());
            out.write("      " + e.getKey() + (kind.production() ? "" : " [" + kind.id() + "]") + "  payment page: "
                    + pay.evidence(e.getKey()) + "\n");
            for (PageScript sc : e.getValue()) {
                List<String> gaps = PaymentScripts.gaps(sc);
                out.write("        line " + sc.region().startLine() + "  " + sc.src() + "  " + InventoryReport.scriptDetail(inv, sc) + (gaps.isEmpty() ? "" : "  [" + String.join(", ", gaps) + "]") + "\n");
            }
        }
    }

    private static String md(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;");
    }
}

package io.wsscan.maven;

import io.wsscan.findings.Finding;
import io.wsscan.findings.Finding.Level;
import io.wsscan.report.Formats;
import io.wsscan.report.HtmlReport;
import io.wsscan.rules.RuleMeta;
import org.apache.maven.doxia.sink.Sink;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summary page of the site report, written through Doxia's {@link Sink} so that it takes the
 * site's skin: counts by level, findings by rule, the findings themselves, and links to the full HTML
 * report and the SARIF file (relative to the page, so the deployed site keeps them).
 */
final class SitePage {

    /** Most findings listed on the page; the HTML report has all. */
    static final int MAX_LISTED = 500;

    private SitePage() {
    }

    static void render(Sink sink, ScanJob.Outcome o, Path pageDirectory, String projectName) {
        List<Finding> active = o.result().findings().stream().filter(f -> !f.suppressed()).toList();
        String html = ScanJob.display(o.reports().get(Formats.HTML), pageDirectory);
        sink.head();
        sink.title();
        sink.text("wsscan report: " + projectName);
        sink.title_();
        sink.head_();
        sink.body();
        sink.section1();
        sink.sectionTitle1();
        sink.text("wsscan");
        sink.sectionTitle1_();
        sink.paragraph();
        int files = o.result().stats().filesAnalysed();
        sink.text(files + (files == 1 ? " file" : " files") + " analysed, " + o.result().stats().filesSkipped()
                + " not analysed; findings: " + ScanJob.counts(o.result().findings()) + ". The full report, with filters, "
                + "data-flow traces, the endpoint map and the compliance view: ");
        link(sink, o.reports().get(Formats.HTML), pageDirectory);
        sink.text(". For code scanning tools: ");
        link(sink, o.sarif(), pageDirectory);
        sink.text(".");
        sink.paragraph_();

        sink.section2();
        sink.sectionTitle2();
        sink.text("Findings by rule");
        sink.sectionTitle2_();
        Map<String, Map<Level, Integer>> byRule = new TreeMap<>();
        for (Finding f : active) byRule.computeIfAbsent(f.ruleId(), k -> new EnumMap<>(Level.class)).merge(f.level(), 1, Integer::sum);
        sink.table();
        sink.tableRows();
        row(sink, true, "Rule", "Errors", "Warnings", "Notes", "Description");
        for (Map.Entry<String, Map<Level, Integer>> e : byRule.entrySet()) {
            RuleMeta r = o.result().catalog().rule(e.getKey());
            Map<Level, Integer> n = e.getValue();
            row(sink, false, e.getKey(), String.valueOf(n.getOrDefault(Level.ERROR, 0)), String.valueOf(n.getOrDefault(Level.WARNING, 0)),
                    String.valueOf(n.getOrDefault(Level.NOTE, 0)), r == null ? "" : r.shortDescription());
        }
        sink.tableRows_();
        sink.table_();
        sink.section2_();

        sink.section2();
        sink.sectionTitle2();
        sink.text("Findings");
        sink.sectionTitle2_();
        if (active.isEmpty()) {
            sink.paragraph();
            sink.text("No findings.");
            sink.paragraph_();
        } else {
            sink.table();
            sink.tableRows();
            row(sink, true, "Level", "Rule", "Location", "Message");
            // the full report's order, so that each location links to the finding there
            List<Finding> all = HtmlReport.order(o.result().findings());
            List<Finding> sorted = all.stream().filter(f -> !f.suppressed()).toList();
            for (Finding f : sorted.subList(0, Math.min(MAX_LISTED, sorted.size()))) {
                String msg = f.message() == null ? "" : f.message().lines().findFirst().orElse("");
                sink.tableRow();
                cell(sink, f.level().sarifName());
                cell(sink, f.ruleId());
                sink.tableCell();
                sink.link(html + "#" + HtmlReport.findingId(all.indexOf(f)));
                sink.text(f.file() + ":" + f.region().startLine());
                sink.link_();
                sink.tableCell_();
                cell(sink, msg);
                sink.tableRow_();
            }
            sink.tableRows_();
            sink.table_();
            if (sorted.size() > MAX_LISTED) {
                sink.paragraph();
                sink.text("... and " + (sorted.size() - MAX_LISTED) + " more in the full report.");
                sink.paragraph_();
            }
        }
        sink.section2_();
        sink.section1_();
        sink.body_();
        sink.flush();
        sink.close();
    }

    private static void link(Sink sink, Path target, Path pageDirectory) {
        String href = ScanJob.display(target, pageDirectory);
        sink.link(href);
        sink.text(href);
        sink.link_();
    }

    private static void cell(Sink sink, String text) {
        sink.tableCell();
        sink.text(text);
        sink.tableCell_();
    }

    private static void row(Sink sink, boolean header, String... cells) {
        sink.tableRow();
        for (String c : cells) {
            if (header) sink.tableHeaderCell();
            else sink.tableCell();
            sink.text(c);
            if (header) sink.tableHeaderCell_();
            else sink.tableCell_();
        }
        sink.tableRow_();
    }
}

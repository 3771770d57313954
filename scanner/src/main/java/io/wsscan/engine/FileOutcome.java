package io.wsscan.engine;

import io.wsscan.findings.Finding;
import io.wsscan.findings.Notification;
import io.wsscan.findings.Suppressions;

import java.util.List;

/** What one file contributed, with its suppressions applied and its class; the text is not kept. */
record FileOutcome(String relPath, List<Finding> findings, List<Notification> notifications,
                   String frontEnd, boolean analysed, long bytes, List<io.wsscan.inventory.Endpoint> endpoints,
                   Classification.Kind kind, boolean partlyRead, List<Suppressions.Mark> suppressions,
                   List<io.wsscan.inventory.PageScript> pageScripts) {

    /** This outcome with one more notification. */
    FileOutcome with(Notification n) {
        List<Notification> all = new java.util.ArrayList<>(notifications);
        all.add(n);
        return new FileOutcome(relPath, findings, List.copyOf(all), frontEnd, analysed, bytes, endpoints, kind, partlyRead,
                suppressions, pageScripts);
    }

    static FileOutcome skipped(String relPath, Notification why, long bytes) {
        return new FileOutcome(relPath, List.of(), List.of(why), null, false, bytes, List.of(),
                Classification.Kind.PRODUCTION, false, List.of(), List.of());
    }

    /** The outcome of an analysed file; its class is decided here, once, while its text is at hand. */
    static FileOutcome of(SourceFile src, FileReport r, long bytes, ScanOptions options) {
        Classification.Kind kind = options.includeTests() ? Classification.Kind.PRODUCTION
                : Classification.builtin().classify(src.relPath(), src.text());
        Suppressions.Applied applied = Suppressions.applyAndMark(src.text(), r.findings());
        // with --dependencies a bundle's connections also name the package its banner names
        List<io.wsscan.inventory.Endpoint> endpoints = options.dependencies().enabled()
                ? io.wsscan.deps.Bundles.tag(src.relPath(), src.text(), r.endpoints()) : r.endpoints();
        return new FileOutcome(src.relPath(), applied.findings(), r.notifications(),
                r.frontEnd(), r.analysed(), bytes, endpoints, kind, r.partlyRead(), applied.marks(), r.pageScripts());
    }
}

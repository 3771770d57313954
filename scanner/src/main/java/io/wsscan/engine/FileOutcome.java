package io.wsscan.engine;

import io.wsscan.findings.Finding;
import io.wsscan.findings.Notification;
import io.wsscan.findings.Suppressions;

import java.util.List;

/** What one file contributed, with its suppressions applied and its class; the text is not kept. */
record FileOutcome(String relPath, List<Finding> findings, List<Notification> notifications,
                   String frontEnd, boolean analysed, long bytes, List<io.wsscan.inventory.Endpoint> endpoints,
                   Classification.Kind kind, boolean partlyRead, List<Suppressions.Mark> suppressions) {
    static FileOutcome skipped(String relPath, Notification why, long bytes) {
        return new FileOutcome(relPath, List.of(), List.of(why), null, false, bytes, List.of(),
                Classification.Kind.PRODUCTION, false, List.of());
    }

    /** The outcome of an analysed file; its class is decided here, once, while its text is at hand. */
    static FileOutcome of(SourceFile src, FileReport r, long bytes, ScanOptions options) {
        Classification.Kind kind = options.includeTests() ? Classification.Kind.PRODUCTION
                : Classification.builtin().classify(src.relPath(), src.text());
        Suppressions.Applied applied = Suppressions.applyAndMark(src.text(), r.findings());
        return new FileOutcome(src.relPath(), applied.findings(), r.notifications(),
                r.frontEnd(), r.analysed(), bytes, r.endpoints(), kind, r.partlyRead(), applied.marks());
    }
}

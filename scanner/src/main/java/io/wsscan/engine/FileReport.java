package io.wsscan.engine;

import io.wsscan.findings.Finding;
import io.wsscan.findings.Notification;
import io.wsscan.inventory.Endpoint;
import io.wsscan.inventory.PageScript;

import java.util.List;

/**
 * What one file contributed: its findings, notes about parts that were not analysed, which front
 * end read it (e.g. {@code rhino}), and the WebSocket endpoints it defines or connects to (the
 * inventory); {@code analysed} is false when nothing of the file was analysed. {@code partlyRead}: the
 * file was analysed, but the parser's error recovery skipped some of its lines (or parts nested too
 * deeply were cut), so code in them was not seen; the notes say which. {@code pageScripts}: the
 * {@code <script src>} tags of a page (HTML or template), for the inventory; they are read from the
 * markup, so a page whose scripts do not parse still has them.
 */
public record FileReport(List<Finding> findings, List<Notification> notifications, String frontEnd,
                         boolean analysed, List<Endpoint> endpoints, boolean partlyRead, List<PageScript> pageScripts) {

    public FileReport {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        partlyRead = partlyRead && analysed;
        pageScripts = pageScripts == null ? List.of() : List.copyOf(pageScripts);
    }

    /** A report of a file that is not a page. */
    public FileReport(List<Finding> findings, List<Notification> notifications, String frontEnd, boolean analysed,
                      List<Endpoint> endpoints, boolean partlyRead) {
        this(findings, notifications, frontEnd, analysed, endpoints, partlyRead, List.of());
    }

    /** The same report with a page's scripts. */
    public FileReport withPageScripts(List<PageScript> scripts) {
        return new FileReport(findings, notifications, frontEnd, analysed, endpoints, partlyRead, scripts);
    }

    /** A report of a file read whole (or not at all). */
    public FileReport(List<Finding> findings, List<Notification> notifications, String frontEnd, boolean analysed,
                      List<Endpoint> endpoints) {
        this(findings, notifications, frontEnd, analysed, endpoints, false);
    }

    /** A report without inventory entries. */
    public FileReport(List<Finding> findings, List<Notification> notifications, String frontEnd, boolean analysed) {
        this(findings, notifications, frontEnd, analysed, List.of());
    }

    public static FileReport skipped(Notification why) {
        return new FileReport(List.of(), List.of(why), null, false);
    }
}

package io.wsscan.engine;

import io.wsscan.findings.Finding;
import io.wsscan.findings.Notification;
import io.wsscan.inventory.Endpoint;

import java.util.List;

/**
 * What one file contributed: its findings, notes about parts that were not analysed, which front
 * end read it (e.g. {@code rhino}), and the WebSocket endpoints it defines or connects to (the
 * inventory); {@code analysed} is false when nothing of the file was analysed.
 */
public record FileReport(List<Finding> findings, List<Notification> notifications, String frontEnd,
                         boolean analysed, List<Endpoint> endpoints) {

    public FileReport {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    }

    /** A report without inventory entries. */
    public FileReport(List<Finding> findings, List<Notification> notifications, String frontEnd, boolean analysed) {
        this(findings, notifications, frontEnd, analysed, List.of());
    }

    public static FileReport skipped(Notification why) {
        return new FileReport(List.of(), List.of(why), null, false);
    }
}

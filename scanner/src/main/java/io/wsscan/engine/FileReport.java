package io.wsscan.engine;

import io.wsscan.findings.Finding;
import io.wsscan.findings.Notification;

import java.util.List;

/**
 * What one file contributed: its findings, notes about parts that were not analysed, and which front
 * end read it (e.g. {@code rhino}); {@code analysed} is false when nothing of the file was analysed.
 */
public record FileReport(List<Finding> findings, List<Notification> notifications, String frontEnd,
                         boolean analysed) {

    public static FileReport skipped(Notification why) {
        return new FileReport(List.of(), List.of(why), null, false);
    }
}

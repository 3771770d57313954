package com.example.live.report;

/** STOMP payload of report requests. */
public record ReportRequest(String template, String owner) {
}

package com.example.live.report;

/** Report generation, called from the STOMP controller. */
public interface ReportService {

    void render(String template, String owner);

    String preview(String owner);
}

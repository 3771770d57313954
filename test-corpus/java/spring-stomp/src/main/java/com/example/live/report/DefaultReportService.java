package com.example.live.report;

import org.springframework.stereotype.Service;

import java.io.File;
import java.io.IOException;

@Service
public class DefaultReportService implements ReportService {

    private static final File TEMPLATES = new File("/srv/reports/templates");

    @Override
    public void render(String template, String owner) {
        try {
            // expect: java/ws-message-injection
            new ProcessBuilder("/opt/reports/render", new File(TEMPLATES, template).getPath(), owner).start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String preview(String owner) {
        return "<h1>Report for " + owner + "</h1>";
    }
}

package com.example.live.report;

import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.SendToUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.util.HtmlUtils;

@Controller
public class ReportController {

    private final ReportService reports;

    public ReportController(ReportService reports) {
        this.reports = reports;
    }

    @MessageMapping("/report.render")
    public void render(ReportRequest request) {
        reports.render(request.template(), request.owner());
    }

    @MessageMapping("/report.preview")
    @SendToUser("/queue/preview")
    public String preview(ReportRequest request) {
        // expect: java/ws-message-xss-relay
        return reports.preview(request.owner());
    }

    @MessageMapping("/report.preview-safe")
    @SendToUser("/queue/preview")
    public String previewSafe(ReportRequest request) {
        // safe: java/ws-message-xss-relay
        return reports.preview(HtmlUtils.htmlEscape(request.owner()));
    }
}

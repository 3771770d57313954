package io.wsscan.maven;

import org.apache.maven.doxia.sink.Sink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SitePageTest {

    @TempDir
    Path dir;

    /** A sink that records its events as text: start and end tags, text, links. */
    private static Sink recorder(List<String> events) {
        return (Sink) Proxy.newProxyInstance(Sink.class.getClassLoader(), new Class<?>[]{Sink.class}, (proxy, m, args) -> {
            switch (m.getName()) {
                case "text" -> events.add((String) args[0]);
                case "link" -> events.add("<a " + args[0] + ">");
                default -> events.add("<" + m.getName() + ">");
            }
            return null;
        });
    }

    @Test
    void thePageSummarisesAndLinksToTheFullReports() throws IOException {
        Files.createDirectories(dir.resolve("src/main/resources/static"));
        Files.writeString(dir.resolve("src/main/resources/static/app.js"), """
                const ws = new WebSocket('ws://chat.example-corp.net/chat');
                ws.onmessage = e => { document.getElementById('log').innerHTML = e.data; };
                """);
        ScanJob j = new ScanJob();
        j.root = dir;
        j.sourceRoots = List.of(dir.resolve("src/main/resources"));
        j.outputDirectory = dir.resolve("target/site/wsscan");
        j.formats = ScanJob.formats(List.of("html"));
        j.threads = 1;
        ScanJob.Outcome o = j.run();

        List<String> events = new ArrayList<>();
        SitePage.render(recorder(events), o, dir.resolve("target/site"), "Chat");
        String page = String.join("|", events);
        assertTrue(page.startsWith("<head>|<title>|wsscan report: Chat|<title_>|<head_>|<body>"), page);
        assertTrue(page.contains("|1 file analysed, 0 not analysed; findings: 1 error, 1 warning, 0 notes. The full report"), page);
        assertTrue(page.contains("|<a wsscan/wsscan.html>|wsscan/wsscan.html|<link_>|"), page);
        assertTrue(page.contains("|<a wsscan/wsscan.sarif>|wsscan/wsscan.sarif|<link_>|"), page);
        // rules with their counts per level; findings, errors first
        assertTrue(page.contains("|<tableCell>|js/ws-message-xss|<tableCell_>|<tableCell>|1|<tableCell_>|<tableCell>|0|<tableCell_>|<tableCell>|0|<tableCell_>|"), page);
        // each location links to the finding in the full report, which has that id
        int xss = page.indexOf("|error|<tableCell_>|<tableCell>|js/ws-message-xss|<tableCell_>|<tableCell>|<a wsscan/wsscan.html#f1>|src/main/resources/static/app.js:2|");
        int cleartext = page.indexOf("|warning|<tableCell_>|<tableCell>|js/ws-cleartext|<tableCell_>|<tableCell>|<a wsscan/wsscan.html#f2>|src/main/resources/static/app.js:1|");
        assertTrue(xss > 0 && cleartext > xss, page);
        assertTrue(page.endsWith("<body_>|<flush>|<close>"), page);
        String full = Files.readString(dir.resolve("target/site/wsscan/wsscan.html"));
        assertTrue(full.contains("id=\"filter-rule\""));
        assertTrue(full.contains("data-rule=\"js/ws-message-xss\" data-file=\"src/main/resources/static/app.js\" id=\"f1\""), full);
        assertTrue(full.contains("data-rule=\"js/ws-cleartext\" data-file=\"src/main/resources/static/app.js\" id=\"f2\""), full);
        assertEquals(dir.resolve("target/site/wsscan/wsscan.html"), o.readable());
    }
}

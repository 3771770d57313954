package io.wsscan.report;

import io.wsscan.engine.ScanOptions;
import io.wsscan.engine.ScanResult;
import io.wsscan.engine.Scanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {

    @TempDir
    Path dir;

    private String html(ScanResult r) throws IOException {
        StringWriter w = new StringWriter();
        Formats.HTML.write(r, null, w);
        return w.toString();
    }

    private ScanResult scanHostile() throws IOException {
        // attacker-controlled text everywhere: in code, in the URL, in the file name
        Files.createDirectories(dir.resolve("js"));
        Files.writeString(dir.resolve("js/<img src=x onerror=alert(1)>.js"), """
                var s = new WebSocket('ws://evil.example.com/"><script>alert(1)</script>');
                s.onmessage = function (e) { document.body.innerHTML = e.data + '</pre><script>alert(2)</script>'; };
                """);
        Files.writeString(dir.resolve("big.js"), "var x = 1;\n".repeat(1000));
        return new Scanner().scan(ScanOptions.builder().path(dir).threads(1).maxFileSize(4096).build());
    }

    @Test
    void everythingFromTheScanIsEscaped() throws IOException {
        ScanResult r = scanHostile();
        String html = html(r);
        // the only script element is the page's own
        assertEquals(1, count(html, "<script>"));
        assertFalse(html.contains("<img src=x"), "file name escaped");
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;.js"));
        assertTrue(html.contains("&lt;/pre&gt;&lt;script&gt;alert(2)&lt;/script&gt;"));
        assertFalse(html.contains("\"><script>alert(1)"));
        // nothing is loaded from the network
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find());
        assertTrue(html.contains("default-src 'none'"));
    }

    @Test
    void sectionsFindingsTracesMapComplianceAndSkippedFiles() throws IOException {
        ScanResult r = scanHostile();
        String html = html(r);
        for (String id : new String[]{"summary", "findings", "map", "compliance", "inventory", "not-analysed"}) {
            assertTrue(html.contains("<section id=\"" + id + "\">"), id);
        }
        assertTrue(html.contains("js/ws-message-xss"));
        assertTrue(html.contains("<details class=\"trace\" open><summary>Data flow ("), "trace");
        assertTrue(html.contains("<svg id=\"endpoint-map\""));
        assertTrue(html.contains("class=\"edge cleartext\""), "cleartext edge");
        assertTrue(html.contains("evil.example.com"));
        assertTrue(html.contains("<code>4.2.1</code></td><td>PAN is protected"), "compliance title");
        assertTrue(html.contains("<tr><td class=\"loc\">big.js</td><td>too-large</td>"), "file not analysed");
        assertTrue(html.contains("<span class=\"ln hit\">"), "snippet with the finding's line");
        assertEquals(html, html(new Scanner().scan(ScanOptions.builder().path(dir).threads(2).maxFileSize(4096).build())),
                "deterministic");
    }

    private static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}

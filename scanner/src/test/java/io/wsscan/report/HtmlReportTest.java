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

    /** Two modules with a file of the same name, a sink call over four lines. */
    private ScanResult scanModules() throws IOException {
        Files.createDirectories(dir.resolve("api/src/main/js"));
        Files.createDirectories(dir.resolve("web/src/main/js"));
        Files.writeString(dir.resolve("api/src/main/js/app.js"), """
                const ws = new WebSocket('ws://feed.corp-example.net/live');
                ws.onmessage = function (e) {
                  document.getElementById('out').insertAdjacentHTML(
                    'beforeend',
                    e.data
                  );
                };
                """);
        Files.writeString(dir.resolve("web/src/main/js/app.js"), """
                const chat = new WebSocket('ws://chat.corp-example.net/room');
                chat.onmessage = (m) => { document.body.innerHTML = m.data; };
                """);
        return new Scanner().scan(ScanOptions.builder().path(dir).threads(1).build());
    }

    @Test
    void triageFiltersCweFixAdviceStatementsMapLabelsAndComplianceLinks() throws IOException {
        ScanResult r = scanModules();
        String html = html(r);
        // filters: one option per rule and file with findings, a search box, the count
        assertTrue(html.contains("<select id=\"filter-rule\"><option value=\"\">any</option><option value=\"js/ws-cleartext\">js/ws-cleartext</option>"
                + "<option value=\"js/ws-message-xss\">js/ws-message-xss</option></select>"), html);
        assertTrue(html.contains("<option value=\"api/src/main/js/app.js\">api/src/main/js/app.js</option>"
                + "<option value=\"web/src/main/js/app.js\">web/src/main/js/app.js</option></select>"));
        assertTrue(html.contains("<input type=\"search\" id=\"filter-text\""));
        assertTrue(html.contains("<output id=\"filter-count\" aria-live=\"polite\">4 of 4 findings</output>"));
        assertEquals(4, count(html, "<article class=\"finding"));
        assertTrue(html.contains("data-level=\"error\" data-rule=\"js/ws-message-xss\" data-file=\"api/src/main/js/app.js\""));
        // CWE and the rule help's fix advice on each finding
        assertEquals(2, count(html, "<span class=\"badge cwe\">CWE-79</span>"));
        assertEquals(2, count(html, "<span class=\"badge cwe\">CWE-319</span>"));
        assertEquals(2, count(html, "<div class=\"fix\"><strong>How to fix</strong><p>Insert text, not markup: use <code>textContent</code>"));
        // the sink's statement in full, from the call to its closing parenthesis, indentation kept
        assertTrue(html.contains("<pre class=\"step\"><code><span class=\"ln\"><span class=\"no\">3</span>document.getElementById(&#39;out&#39;)"
                + ".insertAdjacentHTML(</span><span class=\"ln\"><span class=\"no\">4</span>  &#39;beforeend&#39;,</span>"
                + "<span class=\"ln\"><span class=\"no\">5</span>  e.data</span><span class=\"ln\"><span class=\"no\">6</span>);</span></code></pre>"), html);
        // the map tells the two app.js apart by their module
        assertTrue(html.contains(">api/…/app.js</text>") && html.contains(">web/…/app.js</text>"), html);
        // compliance rows link to their findings, which have those ids
        String compliance = html.substring(html.indexOf("<section id=\"compliance\">"), html.indexOf("<section id=\"findings\">"));
        Matcher link = Pattern.compile("<a href=\"#(f\\d+)\" title=\"js/ws-message-xss api/src/main/js/app.js:3\">api/…/app.js:3</a>").matcher(compliance);
        assertTrue(link.find(), compliance);
        assertTrue(html.contains("<article class=\"finding sev-error\" data-level=\"error\" data-rule=\"js/ws-message-xss\" "
                + "data-file=\"api/src/main/js/app.js\" id=\"" + link.group(1) + "\""));
        assertEquals(html, html(new Scanner().scan(ScanOptions.builder().path(dir).threads(2).build())), "deterministic");
    }

    @Test
    void pathLabelsTellFilesApart() {
        assertEquals(java.util.Map.of("api/src/main/js/app.js", "api/…/app.js", "web/src/main/js/app.js", "web/…/app.js",
                        "web/src/main/js/chat.js", "chat.js", "js/x/util.js", "x/util.js", "js/y/util.js", "y/util.js"),
                HtmlReport.pathLabels(java.util.List.of("api/src/main/js/app.js", "web/src/main/js/app.js",
                        "web/src/main/js/chat.js", "js/x/util.js", "js/y/util.js")));
        // a path that ends another keeps its whole self
        assertEquals(java.util.Map.of("js/app.js", "js/app.js", "web/js/app.js", "web/…/app.js"),
                HtmlReport.pathLabels(java.util.List.of("js/app.js", "web/js/app.js")));
        // folded labels that would be equal keep their whole path
        assertEquals(java.util.Map.of("q/b/m/f.js", "q/b/m/f.js", "r/b/m/f.js", "r/…/f.js", "q/z/f.js", "q/z/f.js", "w/z/f.js", "w/…/f.js"),
                HtmlReport.pathLabels(java.util.List.of("q/b/m/f.js", "r/b/m/f.js", "q/z/f.js", "w/z/f.js")));
        assertEquals(java.util.Map.of("a/m/b/c/f.js", "m/…/f.js", "a/n/b/c/f.js", "n/…/f.js"),
                HtmlReport.pathLabels(java.util.List.of("a/m/b/c/f.js", "a/n/b/c/f.js")));
    }

    @Test
    void bracketDepthIgnoresStringsAndComments() {
        assertEquals(1, HtmlReport.bracketDepth("el.insertAdjacentHTML("));
        assertEquals(0, HtmlReport.bracketDepth("f(')(', \"[\", `{`) // ((("));
        assertEquals(-1, HtmlReport.bracketDepth("  );"));
        assertEquals(3, HtmlReport.bracketDepth("send({ a: 'it\\'s', b: ["));
    }

    private static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}

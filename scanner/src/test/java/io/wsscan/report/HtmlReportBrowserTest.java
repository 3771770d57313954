package io.wsscan.report;

import io.wsscan.engine.ScanOptions;
import io.wsscan.engine.ScanResult;
import io.wsscan.engine.Scanner;
import io.wsscan.testing.Chromium;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders the HTML report of examples/chat-app in headless Chromium: the DOM after the page's script
 * ran has the findings, traces, CWEs, fix advice and endpoint map, the script reported success and no
 * error, the filters (set from the URL, as a shared link sets them) show exactly the findings they
 * select, and screenshots are saved in target/html-report/. Skipped when Chromium is not installed
 * ({@code apt-get install chromium chromium-driver}; .ci/run installs it under CI=true).
 */
class HtmlReportBrowserTest {

    private static final Path OUT = Path.of("target", "html-report").toAbsolutePath();

    private static Path exampleApp() {
        for (Path p : List.of(Path.of("../examples/chat-app"), Path.of("examples/chat-app"))) {
            if (Files.isDirectory(p)) return p.toAbsolutePath().normalize();
        }
        throw new IllegalStateException("examples/chat-app not found");
    }

    /** The finding elements the page shows (not hidden by its filters), each as its HTML. */
    private static List<String> visible(String dom) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?s)<article class=\"finding[^>]*>.*?</article>").matcher(dom);
        while (m.find()) {
            String open = m.group().substring(0, m.group().indexOf('>'));
            if (!open.matches("(?s).*\\shidden(=\"[^\"]*\")?(\\s.*)?")) out.add(m.group());
        }
        return out;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }

    /** A report without findings has no filter bar; its script must still run to the end. */
    @Test
    void aReportWithoutFindingsRunsItsScript(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException, InterruptedException {
        Chromium browser = Chromium.require();
        Files.writeString(dir.resolve("a.js"), "var x = 1;\n");
        ScanResult scan = new Scanner().scan(ScanOptions.builder().path(dir).threads(1).build());
        assertEquals(0, scan.findings().size());
        Path html = dir.resolve("empty.html");
        try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
            Formats.HTML.write(scan, null, w);
        }
        String dom = browser.run(List.of("--dump-dom", html.toUri() + "#filter?level=error"));
        assertTrue(dom.contains("id=\"wsscan-ready\""), "the page's script ran to the end");
        assertFalse(dom.contains("id=\"wsscan-script-error\""), "no script error");
        assertFalse(dom.contains("id=\"filters\""));
    }

    @Test
    void rendersTheExampleAppReport() throws IOException, InterruptedException {
        // CI installs Chromium and sets WSSCAN_REQUIRE_CHROMIUM, so there the test cannot pass by skipping
        Chromium browser = Chromium.require();
        ScanResult scan = new Scanner().scan(ScanOptions.builder().path(exampleApp()).threads(2).build());
        Files.createDirectories(OUT);
        Path html = OUT.resolve("chat-app.html");
        try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
            Formats.HTML.write(scan, null, w);
        }
        String url = html.toUri().toString();

        String dom = browser.run(List.of("--dump-dom", url));
        assertTrue(dom.contains("id=\"wsscan-ready\""), "the page's script ran to the end");
        assertFalse(dom.contains("id=\"wsscan-script-error\""), "no script error: " + dom.replaceAll("(?s).*(<div[^>]*wsscan-script-error.{0,300}).*", "$1"));
        Matcher ready = Pattern.compile("data-findings=\"(\\d+)\"").matcher(dom);
        assertTrue(ready.find());
        assertEquals(scan.findings().size(), Integer.parseInt(ready.group(1)), "every finding is in the DOM");
        assertTrue(scan.findings().size() >= 5);
        assertTrue(dom.contains("js/ws-credentials-in-url") && dom.contains("js/ws-cleartext"));
        assertTrue(dom.contains("Data flow ("), "traces");
        assertTrue(dom.contains("id=\"endpoint-map\""), "the map");
        assertTrue(dom.contains("presence.example-corp.net"), "a host in the map");
        assertTrue(dom.contains("class=\"edge cleartext\""), "cleartext edge in the map");

        // every finding has its CWE and fix advice; the filters start with everything shown
        assertEquals(scan.findings().size(), count(dom, "<div class=\"fix\"><strong>How to fix</strong>"));
        assertTrue(dom.contains("<span class=\"badge cwe\">CWE-598</span>"), "CWE of js/ws-credentials-in-url");
        assertEquals(scan.findings().size(), visible(dom).size());
        assertTrue(dom.contains("data-shown=\"" + scan.findings().size() + "\""));

        // the filters, set from the URL as a shared link sets them, run in the browser
        long warnings = scan.findings().stream().filter(f -> f.level() == io.wsscan.findings.Finding.Level.WARNING).count();
        assertTrue(warnings > 0 && warnings < scan.findings().size());
        String byLevel = browser.run(List.of("--dump-dom", url + "#filter?level=warning"));
        assertEquals(warnings, visible(byLevel).size());
        assertTrue(visible(byLevel).stream().allMatch(a -> a.contains("data-level=\"warning\"")));
        assertTrue(byLevel.contains(">" + warnings + " of " + scan.findings().size() + " findings</output>"));

        long cleartext = scan.findings().stream().filter(f -> f.ruleId().equals("js/ws-cleartext")).count();
        String byRule = browser.run(List.of("--dump-dom", url + "#filter?rule=js%2Fws-cleartext"));
        assertEquals(cleartext, visible(byRule).size());
        assertTrue(visible(byRule).stream().allMatch(a -> a.contains("data-rule=\"js/ws-cleartext\"")));

        long authErrors = scan.findings().stream()
                .filter(f -> f.file().equals("js/auth.js") && f.level() == io.wsscan.findings.Finding.Level.ERROR).count();
        assertTrue(authErrors > 0);
        String byFile = browser.run(List.of("--dump-dom", url + "#filter?file=js%2Fauth.js&level=error"));
        assertEquals(authErrors, visible(byFile).size());

        // the text search matches what a finding shows: message, path, code
        String bySearch = browser.run(List.of("--dump-dom", url + "#filter?q=Session_Token"));
        List<String> found = visible(bySearch);
        assertTrue(!found.isEmpty() && found.size() < scan.findings().size(), "search hits: " + found.size());
        assertTrue(found.stream().allMatch(a -> a.toLowerCase(java.util.Locale.ROOT).contains("session_token")));
        // an unknown value in the link is ignored, not an empty list
        assertEquals(scan.findings().size(), visible(browser.run(List.of("--dump-dom", url + "#filter?rule=nope"))).size());

        Path filtered = OUT.resolve("chat-app-warnings.png");
        Files.deleteIfExists(filtered);
        // tall enough to reach the findings below the summary, map and compliance view
        browser.run(List.of("--screenshot=" + filtered, "--window-size=1280,5200", "--hide-scrollbars", url + "#filter?level=warning"));
        assertTrue(Files.isRegularFile(filtered) && Files.size(filtered) > 10_000, "screenshot " + filtered);

        Path png = OUT.resolve("chat-app.png");
        Files.deleteIfExists(png);
        browser.run(List.of("--screenshot=" + png, "--window-size=1280,2000", "--hide-scrollbars", url));
        assertTrue(Files.isRegularFile(png) && Files.size(png) > 10_000, "screenshot " + png);
        byte[] head = Files.readAllBytes(png);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);
    }
}

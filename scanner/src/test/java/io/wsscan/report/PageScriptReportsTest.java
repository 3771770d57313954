package io.wsscan.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsscan.engine.ScanOptions;
import io.wsscan.engine.ScanResult;
import io.wsscan.engine.Scanner;
import io.wsscan.inventory.Inventory;
import io.wsscan.policy.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Page scripts in the compliance view (PCI DSS 6.4.3, 11.6.1), the SARIF inventory and the HTML report. */
class PageScriptReportsTest {

    @TempDir
    Path dir;

    private ScanResult scan(String policy) throws IOException {
        Files.createDirectories(dir.resolve("web/js"));
        Files.writeString(dir.resolve("web/pay.html"), """
                <html><head>
                <script src="https://js.stripe.com/v3/"></script>
                <script src="https://cdn.jsdelivr.net/npm/a@1/a.js" integrity="sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=" crossorigin></script>
                <script src="http://cdn.vendor-example.io/b.js"></script>
                <script src="{{ cdn }}/c.js"></script>
                <script src="js/pay.js"></script>
                </head><body><div id="card-element"></div></body></html>
                """);
        Files.writeString(dir.resolve("web/js/pay.js"), "new WebSocket('wss://' + location.host + '/pay');\n");
        Files.writeString(dir.resolve("web/blog.html"), "<script src=\"https://cdn.vendor-example.io/x.js?a=<b>&quot;x\"></script>\n");
        Policy p = Policy.parse(dir.resolve(".wsscan.yml"), policy);
        return new Scanner().scan(ScanOptions.builder().path(dir).threads(1).policy(p).build());
    }

    private static final String ALLOW = "allowedHosts: [js.stripe.com, cdn.jsdelivr.net]\n";

    @Test
    void complianceViewListsPaymentPageScriptsWithTheirGaps() throws IOException {
        ScanResult r = scan(ALLOW);
        StringWriter text = new StringWriter();
        ComplianceReport.write(r, false, text);
        String t = text.toString();
        assertTrue(t.contains("  Payment page scripts (6.4.3, 11.6.1): 1 payment page loads 5 scripts: 2 from another host "
                + "without an integrity hash, 1 in cleartext or protocol-relative, 1 from a host not in allowedHosts, "
                + "1 from a host template code writes; the code of scripts from other hosts is not fetched or analysed\n"), t);
        assertTrue(t.contains("      web/pay.html  payment page: loads a payment provider's script from js.stripe.com (line 2)\n"), t);
        assertTrue(t.contains("        line 4  http://cdn.vendor-example.io/b.js  third-party cdn.vendor-example.io; integrity: missing; "
                + "not in allowedHosts; cleartext http: anyone on the network path can replace the script; code not fetched or analysed"
                + "  [no integrity hash, cleartext or protocol-relative, host not in allowedHosts]\n"), t);
        assertTrue(t.contains("        line 6  js/pay.js  relative; integrity: missing; loads web/js/pay.js (1 client connection)\n"), t);
        assertFalse(t.contains("blog.html"), "not a payment page");
        // only PCI DSS names the page-script inventory
        assertEquals(1, t.split(java.util.regex.Pattern.quote("Payment page scripts ("), -1).length - 1, t);

        StringWriter md = new StringWriter();
        ComplianceReport.write(r, true, md);
        assertTrue(md.toString().contains("| web/pay.html | 3 | https://cdn.jsdelivr.net/npm/a@1/a.js | third-party cdn.jsdelivr.net | hash |  |\n"),
                md.toString());
        assertTrue(md.toString().contains("| web/pay.html | 5 | {{ cdn }}/c.js | unknown | missing | host written by template code |\n"),
                md.toString());
    }

    @Test
    void withoutPaymentPagesTheViewSaysSo() throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("index.html"), "<script src=\"https://cdn.example-cdn.net/x.js\"></script>\n");
        ScanResult r = new Scanner().scan(ScanOptions.builder().path(dir).threads(1).build());
        StringWriter text = new StringWriter();
        ComplianceReport.write(r, false, text);
        assertTrue(text.toString().contains("Payment page scripts (6.4.3, 11.6.1): no payment page found"), text.toString());
    }

    @Test
    void sarifInventoryHasAResultPerPageScript() throws IOException {
        ScanResult r = scan(ALLOW);
        StringWriter out = new StringWriter();
        SarifReport.write(r, "wsscan/", Inventory.of(r, List.of()), out);
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertEquals(Set.of(), SarifReportTest.schemaErrors(doc));
        JsonNode run = doc.at("/runs/0");
        int rule = SarifReportTest.ruleIndex(run, SarifReport.PAGE_SCRIPT_RULE);
        assertTrue(rule >= 0, "page-script rule in the driver");
        assertEquals("note", run.at("/tool/driver/rules/" + rule + "/defaultConfiguration/level").asText());
        assertTrue(run.at("/tool/driver/rules/" + rule + "/help/markdown").asText().contains("not fetched or analysed"));
        List<JsonNode> results = new ArrayList<>();
        for (JsonNode res : run.path("results")) if (res.path("ruleId").asText().equals(SarifReport.PAGE_SCRIPT_RULE)) results.add(res);
        assertEquals(r.pageScripts().size(), results.size());
        JsonNode stripe = results.stream().filter(x -> x.at("/message/text").asText().contains("js.stripe.com")).findFirst().orElseThrow();
        assertEquals("Page script https://js.stripe.com/v3/ (third-party js.stripe.com; integrity: missing; in allowedHosts; "
                + "code not fetched or analysed; payment page: loads a payment provider's script from js.stripe.com (line 2)).",
                stripe.at("/message/text").asText());
        assertEquals(rule, stripe.path("ruleIndex").asInt());
        assertEquals("web/pay.html", stripe.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(2, stripe.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals("missing", stripe.at("/properties/pageScript/integrity").asText());
        assertTrue(stripe.at("/partialFingerprints/primaryLocationLineHash").isTextual());
    }

    @Test
    void sarifWithoutPageScriptsHasNoSuchRule() throws IOException {
        Files.writeString(dir.resolve("a.js"), "new WebSocket('wss://x.example.com/');\n");
        ScanResult r = new Scanner().scan(ScanOptions.builder().path(dir).threads(1).build());
        StringWriter out = new StringWriter();
        SarifReport.write(r, "wsscan/", Inventory.of(r, List.of()), out);
        assertFalse(out.toString().contains(SarifReport.PAGE_SCRIPT_RULE));
        assertTrue(out.toString().contains(SarifReport.INVENTORY_RULE));
    }

    @Test
    void htmlReportShowsPageScriptsAndThePaymentView() throws IOException {
        ScanResult r = scan(ALLOW);
        StringWriter w = new StringWriter();
        Formats.HTML.write(r, null, w);
        String html = w.toString();
        assertTrue(html.contains("<h3 id=\"page-scripts\">Page scripts (6)</h3>"), html);
        assertTrue(html.contains("Every &lt;script src&gt; of the pages; the code of scripts from other hosts is not fetched or analysed."));
        assertTrue(html.contains("<h4 id=\"payment-scripts\">Payment page scripts (6.4.3, 11.6.1)</h4>"));
        assertTrue(html.contains("<tr class=\"gap\"><td class=\"loc\" title=\"payment page: loads a payment provider&#39;s script from "
                + "js.stripe.com (line 2)\">web/pay.html:4</td><td><code>http://cdn.vendor-example.io/b.js</code></td>"), html);
        // a src made to break out of the markup stays text
        assertFalse(html.contains("<b>\"x"));
        assertTrue(html.contains("<code>https://cdn.vendor-example.io/x.js?a=&lt;b&gt;&quot;x</code>"), html);
    }
}

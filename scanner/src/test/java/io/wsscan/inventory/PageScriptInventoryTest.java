package io.wsscan.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsscan.engine.ScanOptions;
import io.wsscan.engine.ScanResult;
import io.wsscan.engine.Scanner;
import io.wsscan.policy.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scan records each page's {@code <script src>} tags, and the inventory shows them. */
class PageScriptInventoryTest {

    @TempDir
    Path dir;

    private void file(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    static final String CHECKOUT = """
            <!DOCTYPE html>
            <html><head>
            <script src="https://cdn.jsdelivr.net/npm/sockjs-client@1/dist/sockjs.min.js"
                    integrity="sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC" crossorigin="anonymous"></script>
            <script src="//widgets.chat-vendor.io/embed.js"></script>
            <script src="http://stats.tracker-example.io/t.js" integrity=""></script>
            <script type="module" src="/js/app.js"></script>
            <script src="https://static.shop-demo.io/brand.js"></script>
            </head><body>
            <form><input name="cardNumber" autocomplete="cc-number"></form>
            </body></html>
            """;

    private void fixture() throws IOException {
        file("web/checkout.html", CHECKOUT);
        file("web/js/app.js", """
                const live = new WebSocket('wss://' + location.host + '/live');
                const feed = new WebSocket('wss://feed.shop-demo.io/prices');
                """);
        file("web/about.html", "<script src='https://code.jquery.com/jquery-3.7.1.min.js'></script>\n");
        file("web/Widget.vue", "<template><p>x</p></template>\n<script src=\"./widget.js\"></script>\n");
        // the inline script does not parse: the page's tags are still read
        file("web/broken.html", "<script src=\"https://cdn.example-cdn.net/x.js\"></script>\n<script>var = ;</script>\n");
    }

    private ScanResult scan(Policy policy) {
        return new Scanner().scan(ScanOptions.builder().path(dir).threads(1).policy(policy).build());
    }

    private static PageScript script(List<PageScript> all, String page, String srcPart) {
        return all.stream().filter(s -> s.page().equals(page) && s.src().contains(srcPart)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + page + " " + srcPart + " in " + all));
    }

    @Test
    void theScanRecordsEveryTagOfEveryPage() throws IOException {
        fixture();
        Policy policy = Policy.parse(dir.resolve(".wsscan.yml"), "allowedHosts: [cdn.jsdelivr.net, \"*.shop-demo.io\"]\n"
                + "firstPartyHosts: [\"*.shop-demo.io\"]\n");
        ScanResult r = scan(policy);
        List<PageScript> all = r.pageScripts();
        assertEquals(all.stream().sorted(PageScript.ORDER).toList(), all, "sorted");
        assertEquals(List.of("web/about.html", "web/broken.html", "web/checkout.html"),
                all.stream().map(PageScript::page).distinct().toList(), "a single-file component's <script src> is its own code");
        assertEquals(5, all.stream().filter(s -> s.page().equals("web/checkout.html")).count());

        PageScript cdn = script(all, "web/checkout.html", "jsdelivr");
        assertEquals(3, cdn.region().startLine());
        assertEquals(PageScript.Integrity.HASH, cdn.integrity());
        assertEquals("anonymous", cdn.crossorigin());
        assertEquals(Endpoint.Party.THIRD_PARTY, cdn.party());
        assertEquals(Boolean.TRUE, cdn.allowed());
        assertEquals("autocomplete=\"cc-number\" (line 10)", cdn.payment());

        PageScript vendor = script(all, "web/checkout.html", "chat-vendor");
        assertEquals(Boolean.FALSE, vendor.allowed());
        assertEquals(PageScript.Integrity.MISSING, vendor.integrity());
        assertTrue(vendor.cleartext());

        assertEquals(PageScript.Integrity.UNUSABLE, script(all, "web/checkout.html", "tracker").integrity());
        assertEquals(Endpoint.Party.FIRST_PARTY, script(all, "web/checkout.html", "brand.js").party());

        PageScript app = script(all, "web/checkout.html", "/js/app.js");
        assertEquals(Endpoint.Party.RELATIVE, app.party());
        assertTrue(app.module());
        assertEquals("web/js/app.js", app.file(), "a root-relative src names the scan's file");
        assertNull(app.allowed());

        assertNull(script(all, "web/about.html", "jquery").payment(), "no card field on the page");
        assertEquals("https://cdn.example-cdn.net/x.js", script(all, "web/broken.html", "x.js").src());
    }

    @Test
    void inventoryTextAndJsonShowThePagesScripts() throws IOException {
        fixture();
        ScanResult r = scan(Policy.NONE);
        Inventory inv = Inventory.of(r, List.of(new HostPattern("*.shop-demo.io")));
        assertEquals(r.pageScripts().size(), inv.pageScripts().size());

        StringWriter text = new StringWriter();
        InventoryReport.TEXT.write(inv, text);
        String t = text.toString();
        assertTrue(t.contains("\nPage scripts (7; the code of scripts from other hosts is not fetched or analysed)\n"), t);
        assertTrue(t.contains("  web/checkout.html:7 [payment page]  /js/app.js\n"
                + "      relative; integrity: missing; module; loads web/js/app.js (2 client connections); "
                + "payment page: autocomplete=\"cc-number\" (line 10)\n"), t);
        assertTrue(t.contains("  web/about.html:1  https://code.jquery.com/jquery-3.7.1.min.js\n"
                + "      third-party code.jquery.com; integrity: missing; code not fetched or analysed\n"), t);

        StringWriter json = new StringWriter();
        InventoryReport.JSON.write(inv, json);
        JsonNode scripts = new ObjectMapper().readTree(json.toString()).path("pageScripts");
        assertEquals(7, scripts.size());
        JsonNode cdn = null;
        JsonNode app = null;
        for (JsonNode s : scripts) {
            if (s.path("src").asText().contains("jsdelivr")) cdn = s;
            if (s.path("src").asText().equals("/js/app.js")) app = s;
        }
        assertEquals("web/checkout.html", cdn.path("page").asText());
        assertEquals(3, cdn.path("line").asInt());
        assertEquals("https", cdn.path("scheme").asText());
        assertEquals("cdn.jsdelivr.net", cdn.path("host").asText());
        assertEquals("third-party", cdn.path("party").asText());
        assertEquals("hash", cdn.path("integrity").asText());
        assertEquals("anonymous", cdn.path("crossorigin").asText());
        assertFalse(cdn.has("allowed"), "no allowlist in the policy");
        assertEquals("autocomplete=\"cc-number\" (line 10)", cdn.path("paymentPage").asText());
        assertTrue(cdn.path("notes").toString().contains(PageScript.NOT_FETCHED));
        assertEquals("web/js/app.js", app.path("loads").asText());
        assertEquals(2, app.path("clientConnections").asInt());
        assertTrue(app.path("module").asBoolean());

        StringWriter md = new StringWriter();
        InventoryReport.MARKDOWN.write(inv, md);
        assertTrue(md.toString().contains("| web/checkout.html | 7 | /js/app.js | relative | - | missing | - | "
                + "autocomplete=\"cc-number\" (line 10) | web/js/app.js | production |"), md.toString());
    }

    @Test
    void scriptsOfTestPagesCarryTheirClass() throws IOException {
        file("test/fixtures/page.html", "<script src=\"https://qa.example-corp.net/x.js\"></script>\n");
        ScanResult r = scan(Policy.NONE);
        Inventory inv = Inventory.of(r, List.of());
        StringWriter text = new StringWriter();
        InventoryReport.TEXT.write(inv, text);
        assertTrue(text.toString().contains("  test/fixtures/page.html:1 [test]  https://qa.example-corp.net/x.js\n"), text.toString());
    }
}

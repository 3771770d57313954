package io.wsscan.rules.js;

import io.wsscan.engine.ScanOptions;
import io.wsscan.engine.ScanResult;
import io.wsscan.engine.Scanner;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Region;
import io.wsscan.inventory.HostPattern;
import io.wsscan.inventory.PageScript;
import io.wsscan.rules.PageCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaymentScriptIntegrityCheckTest {

    private static PageScript script(String src, String integrity, String payment) {
        PageScript s = PageScript.of("pay.html", new Region(4, 1, 4, 8), src, integrity, null, false)
                .withPolicy(List.of(new HostPattern("*.shop.example")), h -> true, false);
        return payment == null ? s : s.withPayment(payment);
    }

    @Test
    void thirdPartyScriptsOfPaymentPagesWithoutAUsableHash() {
        String why = "autocomplete=\"cc-number\" (line 9)";
        List<PageCheck.Hit> hits = new PaymentScriptIntegrityCheck().run(List.of(
                script("https://cdn.vendor.io/a.js", null, why),
                script("https://cdn.vendor.io/b.js", "", why),
                script("https://cdn.vendor.io/c.js", "sha384-abc", why),
                script("https://cdn.vendor.io/d.js", "{{ sri.d }}", why),
                script("https://static.shop.example/e.js", null, why),
                script("/js/f.js", null, why),
                script("{{ cdn }}/g.js", null, why),
                script("https://cdn.vendor.io/h.js", null, null)));
        assertEquals(List.of("https://cdn.vendor.io/a.js", "https://cdn.vendor.io/b.js"), hits.stream().map(h -> h.script().src()).toList());
        assertEquals("https://cdn.vendor.io/a.js (cdn.vendor.io, no integrity attribute; payment page: " + why + ")",
                hits.get(0).placeholders().get("detail"));
        assertTrue(hits.get(1).placeholders().get("detail").contains("an integrity attribute without a usable hash"));
    }

    /** The justification PCI DSS 6.4.3 asks for is a suppression with its reason, kept in the results. */
    @Test
    void aJustifiedScriptIsSuppressedWithItsReason(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("pay.html"), """
                <form><input name="cardNumber"></form>
                <!-- wsscan-ignore js/payment-script-integrity: Stripe.js must not be pinned; CSP script-src limits it -->
                <script src="https://js.stripe.com/v3/"></script>
                <script src="https://cdn.vendor.io/a.js"></script>
                """);
        ScanResult r = new Scanner().scan(ScanOptions.builder().path(dir).threads(1).build());
        List<Finding> fs = r.findings().stream().filter(f -> f.ruleId().equals("js/payment-script-integrity")).toList();
        assertEquals(2, fs.size(), fs::toString);
        assertEquals(3, fs.get(0).region().startLine());
        assertTrue(fs.get(0).suppressed());
        assertEquals("Stripe.js must not be pinned; CSP script-src limits it", fs.get(0).suppression().reason());
        assertEquals(4, fs.get(1).region().startLine());
        assertEquals(Finding.Level.WARNING, fs.get(1).level());
        assertTrue(fs.get(1).message().startsWith("The payment page loads https://cdn.vendor.io/a.js (cdn.vendor.io, no integrity "
                + "attribute; payment page: field name=\"cardNumber\" (line 1)) without Subresource Integrity"), fs.get(1).message());
    }
}

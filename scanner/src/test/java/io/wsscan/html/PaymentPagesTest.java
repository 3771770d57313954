package io.wsscan.html;

import io.wsscan.analysis.JsAnalyzer;
import io.wsscan.rules.RuleCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PaymentPagesTest {

    private static final JsAnalyzer JS = new JsAnalyzer(RuleCatalog.builtin());

    private static String evidence(String page) {
        return PaymentPages.builtin().evidence(page, JS::nameKinds, Map.of());
    }

    @Test
    void cardAutocompleteTokensMakeAPaymentPage() {
        assertEquals("autocomplete=\"cc-number\" (line 2)", evidence("<form>\n<input type=tel autocomplete=\"cc-number\" name=n1>\n</form>"));
        assertEquals("autocomplete=\"cc-csc\" (line 1)", evidence("<input autocomplete='section-pay billing CC-CSC'>"));
        assertEquals("autocomplete=\"cc-exp-month\" (line 1)", evidence("<select autocomplete=cc-exp-month></select>"));
        assertNull(evidence("<input autocomplete=\"email\"><input autocomplete=\"current-password\" name=pw>"));
    }

    @Test
    void fieldNamesAreJudgedByTheCardNameHeuristics() {
        assertEquals("field name=\"cardNumber\" (line 1)", evidence("<input name=\"cardNumber\">"));
        assertEquals("field id=\"cc_num\" (line 1)", evidence("<input type=text id=cc_num>"));
        assertEquals("field name=\"cvv\" (line 1)", evidence("<input name=cvv maxlength=4>"));
        assertEquals("field th:field=\"*{card.number}\" (line 1)", evidence("<input th:field=\"*{card.number}\">"));
        assertEquals("field v-model=\"form.cardNumber\" (line 1)", evidence("<input v-model=\"form.cardNumber\">"));
        // names that talk about card data without holding it, and other sensitive kinds
        assertNull(evidence("<input name=\"cardNumberLabel\"><select name=\"card_type\"></select><input name=\"password\">"));
    }

    @Test
    void commentsScriptTextAndOtherTagsDoNotCount() {
        assertNull(evidence("<!-- <input autocomplete=\"cc-number\"> -->"));
        assertNull(evidence("<script>var t = '<input name=\"cardNumber\">';</script>"));
        assertNull(evidence("<div id=\"cardNumber\"></div><label for=\"cc-number\">Card</label>"));
        assertEquals("field name=\"cardNumber\" (line 3)",
                evidence("<script>var t = '<input name=\"cvv\">';</script>\n<!-- <input name=cvv> -->\n<input name=\"cardNumber\">"));
    }

    @Test
    void aPaymentProvidersScriptMakesAPaymentPage() {
        PaymentPages p = PaymentPages.builtin();
        assertEquals("loads a payment provider's script from js.stripe.com (line 4)",
                p.evidence("<div id=card-element></div>", JS::nameKinds, Map.of(4, "js.stripe.com", 2, "cdn.example.net")));
        assertEquals("loads a payment provider's script from www.paypalobjects.com (line 1)",
                p.evidence("<p>", JS::nameKinds, Map.of(1, "www.paypalobjects.com")));
        assertNull(p.evidence("<p>", JS::nameKinds, Map.of(1, "cdn.example.net")));
    }

    @Test
    void theInventoryDocumentsPciDss643And1161() {
        assertEquals(List.of("6.4.3", "11.6.1"), PaymentPages.builtin().requirementsOf("pci-dss-4.0.1"));
        assertEquals(List.of(), PaymentPages.builtin().requirementsOf("hipaa"));
        // every requirement named is one the compliance view has a title for
        PaymentPages.builtin().requirements().forEach((std, ids) -> ids.forEach(id ->
                org.junit.jupiter.api.Assertions.assertNotNull(io.wsscan.rules.Compliance.title(std, id), std + " " + id)));
    }
}

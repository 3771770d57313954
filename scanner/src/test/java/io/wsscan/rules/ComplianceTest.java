package io.wsscan.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComplianceTest {

    @Test
    void everyIdARuleUsesHasATitleAndTheStandardsShape() {
        Map<String, Compliance.Standard> standards = Compliance.standards();
        assertEquals(List.of("pci-dss-4.0.1", "hipaa", "owasp-asvs-5.0"), List.copyOf(standards.keySet()));
        for (RuleMeta r : RuleCatalog.builtin().rules().values()) {
            r.compliance().forEach((std, ids) -> {
                Compliance.Standard s = standards.get(std);
                assertNotNull(s, r.id() + ": unknown standard " + std);
                for (String id : ids) {
                    assertTrue(s.idPattern().matcher(id).matches(), r.id() + ": " + id + " is not a " + std + " id");
                    assertNotNull(s.requirements().get(id), r.id() + ": no title for " + std + " " + id);
                }
            });
        }
        for (Compliance.Standard s : standards.values()) {
            s.requirements().forEach((id, title) -> {
                assertTrue(s.idPattern().matcher(id).matches(), s.key() + ": malformed id " + id);
                assertFalse(title.isBlank(), s.key() + " " + id);
            });
        }
    }

    @Test
    void knownNumbering() {
        // spot checks against the standards' own numbering
        assertTrue(Compliance.title("owasp-asvs-5.0", "V4.4.1").contains("WSS"));
        assertTrue(Compliance.title("owasp-asvs-5.0", "V4.4.2").contains("Origin"));
        assertTrue(Compliance.title("pci-dss-4.0.1", "6.4.3").contains("Payment page scripts"));
        assertTrue(Compliance.title("hipaa", "164.312(e)(1)").startsWith("Transmission security"));
        assertTrue(Compliance.title("hipaa", "164.312(e)(2)(ii)").startsWith("Encryption"));
        assertFalse(Compliance.standards().get("owasp-asvs-5.0").idPattern().matcher("4.4.1").matches());
        assertFalse(Compliance.standards().get("hipaa").idPattern().matcher("164.312(f)(1)").matches());
    }
}

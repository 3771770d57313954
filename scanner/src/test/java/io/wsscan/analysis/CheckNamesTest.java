package io.wsscan.analysis;

import io.wsscan.rules.Schema;
import org.junit.jupiter.api.Test;

import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The JS check names rules may use (Schema) are exactly the checks the analyzer runs. */
class CheckNamesTest {

    @Test
    void declaredJsChecksAreTheImplementedOnes() {
        TreeSet<String> implemented = new TreeSet<>(JsAnalyzer.CHECKS.keySet());
        implemented.addAll(JsAnalyzer.PAGE_CHECKS.keySet());
        assertEquals(new TreeSet<>(Schema.vocabulary(Schema.JS, Schema.Vocab.CHECK)), implemented);
        assertEquals(JsAnalyzer.CHECKS.size() + JsAnalyzer.PAGE_CHECKS.size(), implemented.size(), "one name, one check");
        JsAnalyzer.CHECKS.forEach((name, check) -> assertEquals(name, check.name()));
        JsAnalyzer.PAGE_CHECKS.forEach((name, check) -> assertEquals(name, check.name()));
    }
}

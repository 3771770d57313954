package io.wsscan.analysis;

import io.wsscan.rules.Schema;
import org.junit.jupiter.api.Test;

import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The JS check names rules may use (Schema) are exactly the checks the analyzer runs. */
class CheckNamesTest {

    @Test
    void declaredJsChecksAreTheImplementedOnes() {
        assertEquals(new TreeSet<>(Schema.vocabulary(Schema.JS, Schema.Vocab.CHECK)), new TreeSet<>(JsAnalyzer.CHECKS.keySet()));
        JsAnalyzer.CHECKS.forEach((name, check) -> assertEquals(name, check.name()));
    }
}

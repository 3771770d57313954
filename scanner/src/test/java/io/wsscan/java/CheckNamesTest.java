package io.wsscan.java;

import io.wsscan.rules.Schema;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Java check names rules may use (Schema) are exactly the hits the origin analysis reports. */
class CheckNamesTest {

    @Test
    void declaredJavaChecksAreTheImplementedOnes() {
        assertEquals(Schema.vocabulary(Schema.JAVA, Schema.Vocab.CHECK), Set.of(OriginAnalysis.MISSING, OriginAnalysis.PERMISSIVE));
    }
}

package io.wsscan.java;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OriginLogicTest {

    @Test
    void looseRegularExpressions() {
        assertTrue(OriginLogic.looseRegex(".*example\\.com"));
        assertTrue(OriginLogic.looseRegex("^.+\\.example\\.com$"));
        assertTrue(OriginLogic.looseRegex("https://.*example\\.com"));
        assertTrue(OriginLogic.looseRegex("https://app.example\\.com"));
        assertFalse(OriginLogic.looseRegex("https://app\\.example\\.com"));
        assertFalse(OriginLogic.looseRegex("https://[a-z0-9-]+\\.example\\.com"));
        assertFalse(OriginLogic.looseRegex("https://.*\\.example\\.com"));
        assertFalse(OriginLogic.looseRegex(null));
    }
}

package io.wsscan.analysis;

import io.wsscan.rules.RuleCatalog;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelsTest {

    private final Models models = Models.load(RuleCatalog.builtin().modelDocuments());

    @Test
    void prefilterNeedsATriggerOfSomeModel() {
        assertTrue(models.relevant("var ws = new WebSocket(url);"));
        assertTrue(models.relevant("window.addEventListener('message', onMsg);"));
        assertTrue(models.relevant("parent.postMessage(data, '*');"));
        assertFalse(models.relevant("function add(a, b) { return a + b; } throw new Error('bad message');"));
    }

    @Test
    void alternativesInAPathExpandToOneRowEach() {
        assertTrue(models.known("Any.Member[innerHTML]"));
        assertTrue(models.known("Global[location].Member[assign]"));
        assertTrue(models.known("Global[location].Member[replace]"));
        assertTrue(models.known("Any.Member[setAttribute].WhenArgument[0=href]"));
        assertTrue(models.known("Any.Member[setAttribute].WhenArgument[0=onclick]"));
        assertFalse(models.known("Any.Member[textContent]"));
    }

    @Test
    void nameHeuristicsSeparateDataFromTalkAboutData() {
        assertEquals(java.util.List.of("password"), models.nameKinds("password"));
        assertEquals(java.util.List.of("password"), models.nameKinds("newPassword"));
        assertEquals(java.util.List.of("card"), models.nameKinds("cardNumber"));
        assertEquals(java.util.List.of("secret"), models.nameKinds("access_token"));
        assertEquals(java.util.List.of("health"), models.nameKinds("diagnosis"));
        assertEquals(java.util.List.of(), models.nameKinds("passwordStrength"));
        assertEquals(java.util.List.of(), models.nameKinds("hasToken"));
        assertEquals(java.util.List.of(), models.nameKinds("tokenCount"));
        assertEquals(java.util.List.of(), models.nameKinds("username"));
    }
}

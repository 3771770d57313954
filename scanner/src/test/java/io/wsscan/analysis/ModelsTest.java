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
        // the word alone is common in libraries; a listener registered for it is what matters
        assertFalse(models.relevant("const err = { \"message\": text, 'code': 1 }; log('message');"));
        assertTrue(models.relevant("socket.on('message', (data) => run(data));"));
        assertTrue(models.relevant("emitter.once(\"message\", handle);"));
        assertTrue(models.relevant("$(window).bind(`message`, handle);"));
        assertTrue(models.relevant("var socket = io('https://chat.example.com');"));
        assertFalse(models.relevant("var r = ratio(a, b); probably(fine);"));
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

    private static Models parse(String yaml) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        return Models.load(java.util.List.of(m.readTree(yaml)));
    }

    @Test
    void newRowTypesAreReadAndCheckedWithClearErrors() throws Exception {
        Models m = parse("""
                library: t
                typeHints: [{ path: ["Global[WebSocket].Instance", "Global[X].Instance"], names: [WebSocket] }]
                stateHooks: [{ path: "Module[react].Member[useState]" }]
                workerMarkers: [importScripts]
                connections: [{ path: "Module[m].Member[Client]", library: m, url: "0.brokerURL", cleartext: ["ws:"] }]
                sinks: [{ path: "Module[k].Argument[0]", kinds: [ws-url-data], label: k,
                          hardcoded: { kind: secret, pattern: "k-[0-9]+", label: "a key" } }]
                """);
        assertEquals(java.util.List.of("Global[WebSocket].Instance", "Global[X].Instance"), m.typeHints.get("WebSocket"));
        assertTrue(m.stateHooks.contains("Module[react].Member[useState]"));
        assertTrue(m.workerMarkers.contains("importScripts"));
        assertEquals("brokerURL", m.connections.get("Module[m].Member[Client]").urlMember());
        assertEquals(0, m.connections.get("Module[m].Member[Client]").urlArgument());
        assertTrue(m.sinks.get("Module[k].Argument[0]").get(0).hardcoded().pattern().matcher("k-42").matches());

        io.wsscan.rules.RulesetException e = org.junit.jupiter.api.Assertions.assertThrows(io.wsscan.rules.RulesetException.class,
                () -> parse("library: t\nsinks: [{ path: \"A\", kinds: [x], label: l, hardcoded: { kind: secret, label: k } }]"));
        assertTrue(e.getMessage().contains("'hardcoded' without 'pattern'"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(io.wsscan.rules.RulesetException.class,
                () -> parse("library: t\nconnections: [{ path: \"A\", library: l, url: \"first.url\" }]"));
        assertTrue(e.getMessage().contains("argument index or INDEX.member"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(io.wsscan.rules.RulesetException.class,
                () -> parse("library: t\ntypeHints: [{ path: \"A\" }]"));
        assertTrue(e.getMessage().contains("without 'names'"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(io.wsscan.rules.RulesetException.class,
                () -> parse("library: t\ntriggers: [{ regex: \"a+\" }]"));
        assertTrue(e.getMessage().contains("needs 'near' and 'regex' or 'global'"), e.getMessage());
        Models near = parse("library: t\ntriggers: [plain, { near: go, regex: \"\\\\bgo\\\\(\\\\d\" }]");
        assertTrue(near.relevant("x = go(1)"));
        assertFalse(near.relevant("x = ago(1); go(x); cargo(2)"), "the regex decides, around each 'go'");
        assertTrue(near.relevant("plain"));
    }
}

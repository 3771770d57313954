package io.wsscan.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptGroupsTest {

    private static GlobalNames defines(String... names) {
        return new GlobalNames(Set.of(names), Set.of(), Set.of(names));
    }

    private static GlobalNames uses(String... names) {
        return new GlobalNames(Set.of(), Set.of(), Set.of(names));
    }

    @Test
    void scriptsOfOnePageShareItsGlobalsAndUnrelatedPagesStayApart() {
        Map<String, GlobalNames> globals = Map.of(
                "js/config.js", defines("token"),
                "js/chat.js", uses("token"),
                "js/audit.js", uses("token"),
                "js/ticker.js", defines("token"));
        Map<String, PageLoads> pages = Map.of(
                "chat.html", new PageLoads(List.of("js/config.js", "js/chat.js"), List.of("js/ticker.js")),
                "audit.html", new PageLoads(List.of("js/audit.js"), List.of()));
        Map<String, Set<String>> shares = ScriptGroups.shares(globals, pages);
        assertEquals(Map.of("js/config.js", Set.of("js/chat.js"), "js/chat.js", Set.of("js/config.js")), shares,
                "audit.js is on another page; ticker.js is a module there, not a classic script of the folder");
    }

    @Test
    void scriptsOnNoPageAreLinkedWithinTheirFolderTree() {
        Map<String, GlobalNames> globals = Map.of(
                "app/util.js", defines("Desk"),
                "app/widgets/live.js", uses("Desk"),
                "other/live.js", uses("Desk"));
        Map<String, Set<String>> shares = ScriptGroups.shares(globals, Map.of());
        assertEquals(Set.of("app/widgets/live.js"), shares.get("app/util.js"));
        assertFalse(shares.containsKey("other/live.js"), "a sibling folder is another tree");
        assertTrue(ScriptGroups.sameTree("a/b.js", "a/c/d.js"));
        assertTrue(ScriptGroups.sameTree("b.js", "a/c/d.js"));
        assertFalse(ScriptGroups.sameTree("a/b.js", "ab/c.js"));
    }

    @Test
    void aNameDefinedByTooManyScriptsLinksNothing() {
        Map<String, GlobalNames> globals = new java.util.HashMap<>();
        for (int i = 0; i <= ScriptGroups.MAX_DEFINERS; i++) globals.put("js/d" + i + ".js", defines("init"));
        globals.put("js/reader.js", uses("init"));
        assertTrue(ScriptGroups.shares(globals, Map.of()).isEmpty());
    }
}

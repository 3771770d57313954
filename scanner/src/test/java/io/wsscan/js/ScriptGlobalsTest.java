package io.wsscan.js;

import io.wsscan.engine.GlobalNames;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptGlobalsTest {

    private static GlobalNames read(String text) {
        GlobalNames g = ScriptGlobals.read(text);
        assertNotNull(g, "a classic script");
        return g;
    }

    @Test
    void topLevelDeclarationsAndAssignmentsAreGlobals() {
        GlobalNames g = read("""
                var a = 1, b = f(1, 2), c;
                let d = 2; const e = 3;
                function f(x) { var inner = x; return inner; }
                class G {}
                h = 4;
                window.i = 5; self.j = 6;
                if (x) { var k = 1; }
                """);
        assertEquals(Set.of("a", "b", "c", "d", "e", "f", "G", "h", "i", "j"), g.declared());
        assertTrue(g.namespaces().isEmpty());
    }

    @Test
    void namespacesOpenedWithTheirOwnValue() {
        GlobalNames g = read("""
                var App = App || {};
                window.Desk = window.Desk || {};
                Plain = {};
                (function (NS) { NS.x = 1; })(window.Lib = window.Lib || {});
                """);
        assertEquals(Set.of("App", "Desk", "Lib"), g.namespaces());
        assertTrue(g.declared().contains("Plain"));
        assertFalse(g.namespaces().contains("Plain"));
    }

    @Test
    void mentionsLeaveOutPropertiesKeysLocalsAndText() {
        GlobalNames g = read("""
                // commentWord
                var s = 'stringWord' + "other" + `tpl ${inTemplate} text`;
                var r = /regexWord/g.test(x);
                obj.member = { key: freeValue };
                function f(param, { nested }) { var local = param; return local + nested + usedFree; }
                window.fromWindow.call();
                """);
        Set<String> m = g.mentioned();
        assertTrue(m.containsAll(Set.of("inTemplate", "x", "obj", "freeValue", "usedFree", "fromWindow")), m.toString());
        for (String no : new String[]{"commentWord", "stringWord", "tpl", "regexWord", "member", "key", "param", "nested", "local"}) {
            assertFalse(m.contains(no), no + " in " + m);
        }
    }

    @Test
    void modulesAreNotClassicScripts() {
        assertNull(ScriptGlobals.read("import x from './x.js';\nx();"));
        assertNull(ScriptGlobals.read("var a = 1;\nexport { a };"));
        assertNull(ScriptGlobals.read("var x = require('x');"));
        assertNull(ScriptGlobals.read("module.exports = {};"));
        assertNull(ScriptGlobals.read("define(['jquery'], function ($) {});"));
        // a dynamic import and import.meta are expressions, not module syntax
        assertNotNull(ScriptGlobals.read("var p = import('./lazy.js');"));
    }

    @Test
    void readsNeedsAFreeMentionOrASharedNamespace() {
        GlobalNames definer = read("var App = App || {}; var token = 1; function render() {}");
        assertTrue(read("App.go();").reads(definer, "App"));
        assertTrue(read("var App = App || {}; App.x = 1;").reads(definer, "App"), "both extend the namespace");
        assertTrue(read("send(token);").reads(definer, "token"));
        assertFalse(read("var token = 2; send(token);").reads(definer, "token"), "its own global");
        assertFalse(read("function f(token) { send(token); }").reads(definer, "token"), "a parameter");
        assertFalse(read("function render() {} render();").reads(definer, "render"), "its own function");
    }
}

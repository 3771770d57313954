package io.wsscan.js;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ModuleLinksTest {

    private static final Set<String> FILES = Set.of(
            "src/app.js", "src/socket.ts", "src/util/index.js", "src/util/html.mjs", "src/view.tsx", "lib.cjs", "src/a.b.js");

    private static String resolve(String from, String spec) {
        return ModuleLinks.resolve(from, spec, FILES::contains);
    }

    @Test
    void relativeSpecifiersResolveLikeBundlers() {
        assertEquals("src/socket.ts", resolve("src/app.js", "./socket"), "extension added");
        assertEquals("src/socket.ts", resolve("src/app.js", "./socket.js"), "TypeScript ESM names the output .js");
        assertEquals("src/util/index.js", resolve("src/app.js", "./util"), "directory index");
        assertEquals("src/util/index.js", resolve("src/app.js", "./util/"), "directory with a slash");
        assertEquals("src/util/html.mjs", resolve("src/util/index.js", "./html.mjs"));
        assertEquals("src/util/html.mjs", resolve("src/util/index.js", "./html"));
        assertEquals("lib.cjs", resolve("src/util/index.js", "../../lib.cjs"));
        assertEquals("src/view.tsx", resolve("src/app.js", "./view.jsx"));
        assertEquals("src/a.b.js", resolve("src/app.js", "./a.b"), "a dot in the name is not an extension");
        assertEquals("src/socket.ts", resolve("src/app.js", "./socket?worker"), "query suffixes of bundlers");
        assertEquals("src/app.js", resolve("src/util/html.mjs", "./../app.js"));
    }

    @Test
    void packagesAndEscapesAreNotFiles() {
        assertNull(resolve("src/app.js", "socket.io-client"));
        assertNull(resolve("src/app.js", "/src/socket.ts"));
        assertNull(resolve("src/app.js", "../../../etc/passwd"));
        assertNull(resolve("src/app.js", "./missing"));
    }

    @Test
    void specifiersAreFoundWithoutParsing() {
        String text = """
                import a from './a';
                import { b as c } from "../b.js";
                import * as ns from './ns'
                import './side-effect.css';
                export * from './re';
                export { x } from './re2';
                const lib = require('./lib');
                const later = await import('./lazy.js');
                import io from 'socket.io-client';
                const d = require("./lib");
                """;
        assertEquals(List.of("./a", "../b.js", "./ns", "./side-effect.css", "./re", "./re2", "./lib", "./lazy.js"),
                ModuleLinks.relativeSpecifiers(text));
    }

    @Test
    void onlyImportWordsBeforeAQuotedRelativePathCount() {
        String text = """
                const a = require ( './spaced' ), b = $import('./dollar');
                x = {from:'./key'}; y = transform('./call'); z = xfrom './glued';
                const dots = require('.../three'); const nl = require('./a
                b'); const mixed = require('./a"b');
                import(`./template`); import c from"./tight";
                """;
        assertEquals(List.of("./spaced", "./dollar", "./tight"), ModuleLinks.relativeSpecifiers(text));
        assertEquals(List.of(), ModuleLinks.relativeSpecifiers("require('./" + "x".repeat(301) + "')"));
        assertEquals(List.of("./" + "x".repeat(300)), ModuleLinks.relativeSpecifiers("require('./" + "x".repeat(300) + "')"));
    }

    /**
     * The specifiers are those this expression finds (how they were first read): checked on random
     * texts made of the pieces that matter.
     */
    @Test
    void agreesWithTheRegularExpressionOnRandomText() {
        java.util.regex.Pattern reference = java.util.regex.Pattern.compile(
                "(?:\\bfrom\\s*|\\bimport\\s*|\\brequire\\s*\\(\\s*|\\bimport\\s*\\(\\s*)(['\"])(\\.{1,2}/[^'\"\\n]{0,300})\\1");
        java.util.Random r = new java.util.Random(11);
        String[] before = {"", "x", "$", "_", ".", " ", ";", "\n", "a."};
        String[] words = {"import", "from", "require", "impor", "xfrom", "Require", ""};
        String[] spaces = {"", " ", "  ", "\t", "\n"};
        String[] quotes = {"'", "\"", "`"};
        String[] dots = {".", "..", "...", ""};
        String[] path = {"a", "b.js", "/", "'", "\"", "\n", " ", "x/y", "-"};
        int found = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int seg = 1 + r.nextInt(3); seg > 0; seg--) {
                sb.append(before[r.nextInt(before.length)]).append(words[r.nextInt(words.length)])
                        .append(spaces[r.nextInt(spaces.length)]).append(r.nextBoolean() ? "(" : "")
                        .append(spaces[r.nextInt(spaces.length)]);
                String q = quotes[r.nextInt(quotes.length)];
                sb.append(q).append(dots[r.nextInt(dots.length)]).append(r.nextInt(4) > 0 ? "/" : "");
                for (int k = r.nextInt(4); k > 0; k--) sb.append(path[r.nextInt(path.length)]);
                if (r.nextInt(4) > 0) sb.append(q);
            }
            String text = sb.toString();
            java.util.LinkedHashSet<String> expected = new java.util.LinkedHashSet<>();
            java.util.regex.Matcher m = reference.matcher(text);
            while (m.find()) expected.add(m.group(2));
            found += expected.size();
            assertEquals(List.copyOf(expected), ModuleLinks.relativeSpecifiers(text), text);
        }
        org.junit.jupiter.api.Assertions.assertTrue(found > 1000, "specifiers in the random texts: " + found);
    }

    @Test
    void amdDependencyArraysOfDefineAndRequire() {
        String text = """
                define(['jquery', "./render", 'app/socket'], function ($, r, s) {});
                define('named', ['exports', 'text!tpl.html'], function (e, t) {});
                require([ 'app/chat' ,'jquery' ], function (chat) {});
                requirejs(['late']);
                obj.define(['not-a-loader']);
                var x = require('commonjs');
                define(function () { return {}; });
                """;
        assertEquals(List.of("jquery", "./render", "app/socket", "exports", "text!tpl.html", "app/chat", "late"),
                ModuleLinks.amdDependencies(text));
    }

    @Test
    void amdIdsResolveRelativelyOrUnderTheNearestBase() {
        Set<String> files = Set.of("web/js/app/chat.js", "web/js/app/render.js", "other/app/chat.js", "web/js/main.js");
        assertEquals("web/js/app/render.js", ModuleLinks.resolveAmd("web/js/app/chat.js", "./render", files));
        assertEquals("web/js/app/chat.js", ModuleLinks.resolveAmd("web/js/main.js", "app/chat", files), "nearest of two");
        assertEquals("other/app/chat.js", ModuleLinks.resolveAmd("other/main.js", "app/chat", files));
        assertNull(ModuleLinks.resolveAmd("web/js/main.js", "text!app/chat", files), "a loader plugin");
        assertNull(ModuleLinks.resolveAmd("web/js/main.js", "https://cdn.example.com/app/chat.js", files));
        assertNull(ModuleLinks.resolveAmd("web/js/main.js", "jquery", files));
        assertNull(ModuleLinks.resolveAmd("web/js/app/chat.js", "app/chat", files), "itself");
    }

    @Test
    void loaderConfigurationPaths() {
        String text = """
                require.config({
                  baseUrl: 'js',
                  paths: { jquery: ['https://cdn.example.com/jquery', 'lib/jquery'], 'sock': "app/socket", ui: 'app/ui' }
                });
                """;
        assertEquals(java.util.Map.of("jquery", "https://cdn.example.com/jquery", "sock", "app/socket", "ui", "app/ui"),
                ModuleLinks.amdPaths(text));
        assertEquals(java.util.Map.of(), ModuleLinks.amdPaths("var paths = { a: 'b' };"), "no configuration call");
        java.util.Map<String, String> paths = ModuleLinks.amdPaths(text);
        assertEquals("app/socket", ModuleLinks.mapAmdPath("sock", paths));
        assertEquals("app/ui/dialog", ModuleLinks.mapAmdPath("ui/dialog", paths));
        assertEquals("uix", ModuleLinks.mapAmdPath("uix", paths), "a prefix is a whole segment");
    }
}

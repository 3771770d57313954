package io.wsscan.analysis;

import io.wsscan.analysis.Fact.Str;
import io.wsscan.ir.IrFile;
import io.wsscan.ir.Kind;
import io.wsscan.js.JsSyntaxError;
import io.wsscan.js.rhino.RhinoFrontEnd;
import io.wsscan.rules.RuleCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Folding of connection URLs into {@link Str} facts, read through {@link Engine.Result#connections()}. */
class ConstantFoldingTest {

    private static Models models;

    /** Every source kind joins every sink kind (also used by other engine tests). */
    static final Engine.Joins ALL = new Engine.Joins() {
        @Override
        public boolean wantsSource(String sourceKind) {
            return true;
        }

        @Override
        public boolean joins(String sourceKind, String sinkKind) {
            return true;
        }
    };

    @BeforeAll
    static void loadModels() {
        models = Models.load(RuleCatalog.builtin().modelDocuments());
    }

    private record Run(IrFile file, Engine.Result engine) {
        List<Engine.ConnectionSite> connections() {
            return engine.connections();
        }

        /** The Str facts of the only connection, ordered by display text. */
        List<Str> strs() {
            assertEquals(1, connections().size(), "connections");
            return strs(0);
        }

        List<Str> strs(int i) {
            return connections().get(i).url().all(Str.class).stream()
                    .sorted(Comparator.comparing(Str::display)).toList();
        }

        /** The source text of a node. */
        String src(io.wsscan.ir.Node n) {
            return file.text().substring(n.start, n.end);
        }
    }

    private static Run run(String js) {
        IrFile f;
        try {
            f = new RhinoFrontEnd().parse("fold.js", js);
        } catch (JsSyntaxError e) {
            throw new AssertionError("syntax error " + e.line + ": " + e.getMessage());
        }
        Engine.Result e = new Engine(f.program(), Scopes.of(f.program()), models, ALL).run();
        return new Run(f, e);
    }

    private static List<String> parts(String... ps) {
        return Arrays.asList(ps); // allows nulls for unknown parts
    }

    @Test
    void literal() {
        Run r = run("var ws = new WebSocket('wss://chat.example.com/socket');");
        Engine.ConnectionSite c = r.connections().get(0);
        assertEquals(Kind.NEW, c.call.kind);
        assertEquals("new WebSocket('wss://chat.example.com/socket')", r.src(c.call));
        assertEquals("WebSocket", c.model.library());
        List<Str> s = r.strs();
        assertEquals(1, s.size());
        Str url = s.get(0);
        assertEquals(List.of("wss://chat.example.com/socket"), url.parts());
        assertTrue(url.complete());
        assertFalse(url.mirrored());
        assertEquals("wss://chat.example.com/socket", url.prefix());
        assertEquals("'wss://chat.example.com/socket'", r.src(url.origin()), "origin is the literal");
    }

    @Test
    void concatenationWithAConst() {
        Run r = run(String.join("\n",
                "const HOST = 'chat.example.com';",
                "const PORT = 8443;",
                "var ws = new WebSocket('wss://' + HOST + ':' + PORT + '/ws');"));
        Str url = r.strs().get(0);
        assertEquals(List.of("wss://chat.example.com:8443/ws"), url.parts(), "adjacent known parts are merged");
        assertTrue(url.complete());
        assertEquals("'wss://'", r.src(url.origin()), "origin is the literal that supplied the first text");
    }

    @Test
    void templateLiteralWithAConst() {
        Run r = run(String.join("\n",
                "const HOST = 'chat.example.com';",
                "const PATH = '/live';",
                "var ws = new WebSocket(`wss://${HOST}${PATH}?v=2`);"));
        Str url = r.strs().get(0);
        assertEquals(List.of("wss://chat.example.com/live?v=2"), url.parts());
        assertTrue(url.complete());
        assertEquals(3, r.file().lines().line(url.origin().start));
    }

    @Test
    void ternaryGivesTwoStrs() {
        Run r = run("var ws = new WebSocket(region === 'eu' ? 'wss://eu.example.com/ws' : 'wss://us.example.com/ws');");
        List<Str> s = r.strs();
        assertEquals(2, s.size());
        assertEquals(List.of("wss://eu.example.com/ws"), s.get(0).parts());
        assertEquals(List.of("wss://us.example.com/ws"), s.get(1).parts());
        assertFalse(s.get(0).mirrored(), "two secure choices are not a protocol mirror");
        assertFalse(s.get(1).mirrored());
    }

    @Test
    void ternaryThroughAVariableAndConcatenation() {
        Run r = run(String.join("\n",
                "var base = debug ? 'wss://staging.example.com' : 'wss://prod.example.com';",
                "var ws = new WebSocket(base + '/ws');"));
        assertEquals(List.of("wss://prod.example.com/ws", "wss://staging.example.com/ws"),
                r.strs().stream().map(Str::display).toList());
    }

    @Test
    void constDefinedInAnotherFunctionScope() {
        Run r = run(String.join("\n",
                "function config() {",
                "  const ENDPOINT = 'wss://cfg.example.com/stream';",
                "  return ENDPOINT;",
                "}",
                "function start() {",
                "  return new WebSocket(config());",
                "}",
                "start();"));
        Str url = r.strs().get(0);
        assertEquals(List.of("wss://cfg.example.com/stream"), url.parts());
        assertEquals(2, r.file().lines().line(url.origin().start), "origin is the const's literal in config()");
    }

    @Test
    void constFromAnEnclosingFunction() {
        Run r = run(String.join("\n",
                "function app() {",
                "  const BASE = 'wss://app.example.com';",
                "  function open(path) {",
                "    return new WebSocket(BASE + path);",
                "  }",
                "  open('/a');",
                "}"));
        assertEquals(List.of("wss://app.example.com/a"), r.strs().stream().map(Str::display)
                .filter(d -> !d.contains("${")).toList());
    }

    @Test
    void urlPassedThroughAHelperKeepsBothCallersLiterals() {
        Run r = run(String.join("\n",
                "function connect(u) { return new WebSocket(u); }",
                "var a = connect('ws://one.example.com/ws');",
                "var b = connect('wss://two.example.com/ws');"));
        assertEquals(1, r.connections().size(), "one connection site, folded from both calls");
        List<Str> s = r.strs();
        assertEquals(List.of("ws://one.example.com/ws", "wss://two.example.com/ws"),
                s.stream().map(Str::display).toList());
        assertTrue(s.stream().allMatch(Str::complete));
        Set<Integer> originLines = s.stream().map(x -> r.file().lines().line(x.origin().start)).collect(Collectors.toSet());
        assertEquals(Set.of(2, 3), originLines, "each Str points at its caller's literal");
    }

    @Test
    void pageHostIsAKnownPlaceholder() {
        Run r = run("var ws = new WebSocket('wss://' + location.host + '/ws');");
        Str url = r.strs().get(0);
        assertEquals("wss://{page-host}/ws", url.prefix());
        assertEquals(List.of("wss://{page-host}/ws"), url.parts());
        assertTrue(url.complete());

        Run viaWindow = run("var ws = new WebSocket('wss://' + window.location.hostname + ':9000/ws');");
        assertEquals("wss://{page-host}:9000/ws", viaWindow.strs().get(0).prefix());
    }

    @Test
    void unknownPartsAreHoles() {
        Run r = run(String.join("\n",
                "function open(host) {",
                "  return new WebSocket('ws://' + host);",
                "}"));
        List<Str> s = r.strs();
        assertEquals(1, s.size());
        Str url = s.get(0);
        assertEquals(parts("ws://", null), url.parts());
        assertFalse(url.complete());
        assertEquals("ws://", url.prefix());
        assertEquals("ws://${…}", url.display());
        assertEquals("'ws://'", r.src(url.origin()));
    }

    @Test
    void holeInTheMiddleKeepsTheKnownSuffix() {
        Run r = run(String.join("\n",
                "function open(room) {",
                "  return new WebSocket('wss://chat.example.com/rooms/' + room + '/live');",
                "}"));
        Str url = r.strs().get(0);
        assertEquals(parts("wss://chat.example.com/rooms/", null, "/live"), url.parts());
        assertEquals("wss://chat.example.com/rooms/", url.prefix());
        assertEquals("wss://chat.example.com/rooms/${…}/live", url.display());
    }

    @Test
    void leadingHoleHasNoPrefix() {
        Run r = run("function open(base) { return new WebSocket(base + '/ws'); }");
        Str url = r.strs().get(0);
        assertEquals(parts(null, "/ws"), url.parts());
        assertEquals("", url.prefix());
        assertEquals("${…}/ws", url.display());
        assertNotNull(url.origin());
        assertEquals("'/ws'", r.src(url.origin()), "with no text before the hole the origin is the later literal");
    }

    @Test
    void protocolMirroringMarksBothChoices() {
        Run r = run(String.join("\n",
                "var scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';",
                "var ws = new WebSocket(scheme + '//' + location.host);"));
        List<Str> s = r.strs();
        assertEquals(2, s.size());
        Str plain = s.get(0), secure = s.get(1); // "ws:" sorts before "wss"
        assertEquals("wss://{page-host}", secure.display());
        assertEquals("ws://{page-host}", plain.display());
        assertTrue(plain.mirrored(), "the ws: variant is chosen against a secure alternative");
        assertTrue(secure.mirrored());
        assertEquals("'ws:'", r.src(plain.origin()));
    }

    @Test
    void protocolMirroringInline() {
        Run r = run("var ws = new WebSocket((location.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + location.host);");
        Str plain = r.strs().stream().filter(x -> x.prefix().startsWith("ws:")).findFirst().orElseThrow();
        assertEquals(List.of("ws://{page-host}"), plain.parts());
        assertTrue(plain.mirrored());
    }

    @Test
    void cleartextWithoutASecureAlternativeIsNotMirrored() {
        Run r = run("var ws = new WebSocket(local ? 'ws://localhost:8080' : 'ws://dev.example.com');");
        assertTrue(r.strs().stream().noneMatch(Str::mirrored));
    }

    @Test
    void compoundAssignmentAppends() {
        Run r = run(String.join("\n",
                "var url = 'wss://a.example.com';",
                "url += '/ws';",
                "var ws = new WebSocket(url);"));
        // Flow-insensitive: url is both strings; both come from the same literal, so they are widened
        // to their common head followed by an unknown part — enough for scheme and host checks.
        List<String> shown = r.strs().stream().map(Str::display).toList();
        assertEquals(List.of("wss://a.example.com${…}"), shown);
    }

    @Test
    void everyConnectionSiteIsListed() {
        Run r = run(String.join("\n",
                "var a = new WebSocket('wss://a.example.com');",
                "var b = new WebSocket('ws://b.example.com', ['chat']);",
                "var c = new EventSource('https://c.example.com');"));
        assertEquals(3, r.connections().size(), "EventSource is a modelled connection (the inventory lists it)");
        assertEquals(List.of("wss://a.example.com"), r.strs(0).get(0).parts());
        assertEquals(List.of("ws://b.example.com"), r.strs(1).get(0).parts());
        assertEquals(List.of("https://c.example.com"), r.strs(2).get(0).parts());
    }
}

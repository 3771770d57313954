package io.wsscan.analysis;

import io.wsscan.analysis.Fact.Str;
import io.wsscan.ir.IrFile;
import io.wsscan.js.rhino.RhinoFrontEnd;
import io.wsscan.rules.RuleCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The engine's facade: a run returns an immutable result, runs do not share state, interruption stops a run. */
class EngineResultTest {

    private static final String JS = """
            const ws = new WebSocket('wss://chat.example.com/socket');
            function show(html) { document.getElementById('out').innerHTML = html; }
            ws.onmessage = (e) => show(e.data);
            window.addEventListener('message', (e) => eval(e.data));
            """;

    private static Models models;

    @BeforeAll
    static void loadModels() {
        models = Models.load(RuleCatalog.builtin().modelDocuments());
    }

    private static Engine engine() throws Exception {
        IrFile f = new RhinoFrontEnd().parse("facade.js", JS);
        return new Engine(f.program(), Scopes.of(f.program()), models, ConstantFoldingTest.ALL);
    }

    /** What a result says, in words: sink reports with their source kinds, and connection URLs. */
    private static List<String> describe(Engine.Result r) {
        List<String> out = new java.util.ArrayList<>();
        for (Engine.SinkReport s : r.reports()) out.add(s.taint().kind() + " -> " + s.sink().label() + " at " + s.at().start);
        for (Engine.ConnectionSite c : r.connections()) {
            for (Str s : c.url().all(Str.class)) out.add(c.model.library() + " " + s.display());
        }
        out.add(r.handlers().size() + " handlers, " + r.endpoints().size() + " endpoints");
        return out;
    }

    @Test
    void resultListsAreImmutable() throws Exception {
        Engine.Result r = engine().run();
        assertEquals(1, r.connections().size());
        assertThrows(UnsupportedOperationException.class, () -> r.reports().clear());
        assertThrows(UnsupportedOperationException.class, () -> r.connections().clear());
        assertThrows(UnsupportedOperationException.class, () -> r.handlers().clear());
        assertThrows(UnsupportedOperationException.class, () -> r.endpoints().clear());
    }

    @Test
    void eachRunStartsAfresh() throws Exception {
        Engine engine = engine();
        List<String> first = describe(engine.run());
        assertEquals(List.of(
                "postmessage -> eval() at " + JS.indexOf("eval("),
                "ws-message -> innerHTML at " + JS.indexOf("document.getElementById"),
                "WebSocket wss://chat.example.com/socket",
                "1 handlers, 0 endpoints"), first);
        assertEquals(first, describe(engine.run()));
    }

    @Test
    void anInterruptedThreadStopsTheRun() throws Exception {
        Engine engine = engine();
        Thread.currentThread().interrupt();
        try {
            assertThrows(Engine.AnalysisInterrupted.class, engine::run);
        } finally {
            Thread.interrupted(); // clear the flag for the next test
        }
    }
}

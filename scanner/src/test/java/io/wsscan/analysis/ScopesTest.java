package io.wsscan.analysis;

import io.wsscan.analysis.Scopes.Binding;
import io.wsscan.ir.IrFile;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;
import io.wsscan.js.JsSyntaxError;
import io.wsscan.js.rhino.RhinoFrontEnd;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class ScopesTest {

    /** A parsed snippet with its scopes and helpers to find identifiers by name and occurrence. */
    private static final class Fixture {
        final IrFile file;
        final Scopes scopes;

        Fixture(String js) {
            try {
                file = new RhinoFrontEnd().parse("scopes.js", js);
            } catch (JsSyntaxError e) {
                throw new AssertionError("syntax error " + e.line + ":" + e.column + " " + e.getMessage());
            }
            scopes = Scopes.of(file.program());
        }

        /** Every IDENT named {@code name}, in source order. */
        List<Node> idents(String name) {
            List<Node> out = new ArrayList<>();
            collect(file.program(), Kind.IDENT, name, out);
            out.sort(Comparator.comparingInt(n -> n.start));
            return out;
        }

        /** The {@code i}-th (0-based) IDENT named {@code name}. */
        Node ident(String name, int i) {
            List<Node> all = idents(name);
            if (i >= all.size()) fail("only " + all.size() + " identifiers named " + name);
            return all.get(i);
        }

        Binding binding(String name, int i) {
            return scopes.binding(ident(name, i));
        }

        Node function(String name) {
            List<Node> out = new ArrayList<>();
            collect(file.program(), Kind.FUNCTION, name, out);
            if (out.isEmpty()) fail("no function " + name);
            return out.get(0);
        }

        private static void collect(Node n, Kind kind, String text, List<Node> out) {
            if (n.kind == kind && text.equals(n.text)) out.add(n);
            for (Node k : n.kids()) collect(k, kind, text, out);
        }
    }

    @Test
    void varIsHoistedOutOfBlocksToItsFunction() {
        Fixture f = new Fixture(String.join("\n",
                "function connect(secure) {",
                "  log(url);",                       // url #0: used before its declaration
                "  if (secure) {",
                "    var url = 'wss://a.example.com';", // url #1
                "  } else {",
                "    var url = 'ws://a.example.com';",  // url #2: the same binding
                "  }",
                "  return new WebSocket(url);",        // url #3
                "}",
                "url;"));                              // url #4: not visible outside the function
        Binding b = f.binding("url", 1);
        assertNotNull(b);
        assertEquals("var", b.declKind);
        assertSame(f.function("connect"), b.function, "a var belongs to its function");
        assertSame(b, f.binding("url", 0), "a reference before the declaration resolves to the hoisted var");
        assertSame(b, f.binding("url", 2), "a redeclaration is the same binding");
        assertSame(b, f.binding("url", 3));
        assertNull(f.binding("url", 4), "outside the function the name is a global");
        assertNull(b.singleDefinition(), "two initialisers: not a single definition");
    }

    @Test
    void onlyAFunctionsOwnUncapturedVariablesGetFlowSlots() {
        Fixture f = new Fixture(String.join("\n",
                "var top = 1;",                              // module level: flow-insensitive
                "function handle(msg, cb) {",
                "  var text = msg.text;",                    // used in this function only
                "  let later;",                              // assigned by a closure
                "  try { use(top); } catch (err) { log(err); }",
                "  var done = function () { later = 1; };",
                "  function inner() {}",                     // a hoisted function value
                "  return text + later + done + inner + cb + msg;",
                "}"));
        Node handle = f.function("handle");
        Binding text = f.binding("text", 0), later = f.binding("later", 0);
        assertTrue(text.slot >= 0, "a local used only by its function");
        assertTrue(f.binding("cb", 0).slot >= 0, "a parameter");
        assertTrue(f.binding("err", 0).slot >= 0, "a catch parameter");
        assertTrue(f.binding("done", 0).slot >= 0, "the variable holding the closure is not captured by it");
        assertTrue(later.captured, "assigned in a nested function");
        assertEquals(-1, later.slot);
        assertEquals(-1, f.binding("inner", 0).slot, "function declarations are hoisted values");
        assertEquals(-1, f.binding("top", 0).slot, "module-level variables stay in the heap");
        int slots = f.scopes.slots(handle);
        assertEquals(5, slots, "msg, cb, text, err, done");
        assertEquals(java.util.Set.of(0, 1, 2, 3, 4), java.util.Set.of(f.binding("msg", 0).slot, f.binding("cb", 0).slot,
                text.slot, f.binding("err", 0).slot, f.binding("done", 0).slot), "slots are 0..n-1");
    }

    @Test
    void classBodiesCaptureTheVariablesTheyRead() throws Exception {
        // a field initialiser runs when an instance is made, not where the class is defined
        Node program = new io.wsscan.js.closure.ClosureFrontEnd().parse("c.js", String.join("\n",
                "function make(msg, label) {",
                "  class Box { content = msg; }",
                "  return new Box() + label;",
                "}")).program();
        Scopes scopes = Scopes.of(program);
        Node fn = program.kid(0);
        Binding msg = scopes.params(fn).get(0), label = scopes.params(fn).get(1);
        assertTrue(msg.captured);
        assertEquals(-1, msg.slot);
        assertEquals(0, label.slot);
        assertEquals(1, scopes.slots(fn));
    }

    @Test
    void varInsideLoopBodiesAndTryBlocksIsHoisted() {
        Fixture f = new Fixture(String.join("\n",
                "for (var i = 0; i < 3; i++) { var last = i; }",
                "try { var conn = open(); } catch (e) {}",
                "use(i, last, conn);"));
        assertSame(f.binding("i", 0), f.binding("i", 3));
        assertEquals("var", f.binding("i", 0).declKind);
        assertSame(f.binding("last", 0), f.binding("last", 1));
        assertSame(f.binding("conn", 0), f.binding("conn", 1));
        assertSame(f.file.program(), f.binding("conn", 0).function, "top-level vars belong to the program");
    }

    @Test
    void letAndConstAreBlockScopedAndShadow() {
        Fixture f = new Fixture(String.join("\n",
                "let url = 'wss://outer.example.com';",  // url #0
                "{",
                "  let url = 'wss://inner.example.com';", // url #1
                "  use(url);",                            // url #2 -> inner
                "  {",
                "    let url = 'wss://innermost';",      // url #3
                "    use(url);",                          // url #4 -> innermost
                "  }",
                "  use(url);",                            // url #5 -> inner
                "}",
                "use(url);",                              // url #6 -> outer
                "{ let onlyInBlock = 1; }",
                "use(onlyInBlock);"));
        // (Rhino 1.9.2 rejects a const that shadows a let/const of an enclosing block: 'redeclaration')
        Binding outer = f.binding("url", 0), inner = f.binding("url", 1), innermost = f.binding("url", 3);
        assertNotSame(outer, inner);
        assertNotSame(inner, innermost);
        assertEquals("let", outer.declKind);
        assertEquals("let", innermost.declKind);
        assertSame(inner, f.binding("url", 2));
        assertSame(innermost, f.binding("url", 4));
        assertSame(inner, f.binding("url", 5));
        assertSame(outer, f.binding("url", 6));
        assertNotNull(f.binding("onlyInBlock", 0));
        assertNull(f.binding("onlyInBlock", 1), "a block's let is not visible after the block");
    }

    @Test
    void letInAForLoopHeadIsScopedToTheLoop() {
        // (Rhino 1.9.2 rejects 'for (const m of ...)')
        Fixture f = new Fixture("for (let i = 0; i < 3; i++) { send(i); }\nfor (let m of queue) { send(m); }\nuse(i, m);");
        Binding i = f.binding("i", 0);
        assertEquals("let", i.declKind);
        assertSame(i, f.binding("i", 1));
        assertSame(i, f.binding("i", 2));
        assertSame(i, f.binding("i", 3));
        assertNull(f.binding("i", 4));
        assertNull(f.binding("m", 2));
    }

    @Test
    void functionDeclarationsAreHoisted() {
        Fixture f = new Fixture(String.join("\n",
                "var ws = connect('wss://a.example.com');", // connect #0: called before its declaration
                "function connect(u) { return new WebSocket(u); }",
                "function outer() {",
                "  return helper();",                      // helper #0
                "  function helper() { return 1; }",
                "}",
                "helper();"));                              // helper #2: not visible outside outer
        Node connect = f.function("connect");
        Binding b = f.binding("connect", 0);
        assertNotNull(b);
        assertEquals("function", b.declKind);
        assertSame(connect, b.declaration, "a declared function's binding is declared by the FUNCTION node");
        assertSame(b, f.scopes.binding(connect));
        assertSame(connect, b.singleDefinition());

        Binding helper = f.binding("helper", 0);
        assertNotNull(helper);
        assertSame(f.function("outer"), helper.function);
        assertNull(f.binding("helper", 1), "a nested function declaration is not visible outside its function");
    }

    @Test
    void parameters() {
        Fixture f = new Fixture(String.join("\n",
                "function send(ws, payload, { retries }) {",
                "  ws.send(payload);",
                "  return retries;",
                "}",
                "payload;"));
        Node fn = f.function("send");
        List<Binding> ps = f.scopes.params(fn);
        assertEquals(3, ps.size());
        assertEquals("param", ps.get(0).declKind);
        assertEquals("ws", ps.get(0).name);
        assertSame(ps.get(0), f.binding("ws", 1));
        assertSame(ps.get(1), f.binding("payload", 1));
        assertNull(ps.get(2), "a destructured position has no single binding");
        // shorthand { retries }: a key IDENT and a value IDENT with the same range; the value declares
        assertNull(f.binding("retries", 0), "the key of a shorthand pattern is not a reference");
        Binding retries = f.binding("retries", 1);
        assertNotNull(retries);
        assertEquals("param", retries.declKind);
        assertSame(f.binding("retries", 2), retries);
        assertNull(f.binding("payload", 2));
        assertEquals(List.of(), f.scopes.params(f.file.program()), "not a function: no parameters");
    }

    @Test
    void constInANestedFunctionShadowsTheOuterConst() {
        Fixture f = new Fixture(String.join("\n",
                "const HOST = 'a.example.com';",
                "function f() {",
                "  const HOST = 'b.example.com';",
                "  return HOST;",
                "}",
                "use(HOST);"));
        Binding outer = f.binding("HOST", 0), inner = f.binding("HOST", 1);
        assertNotSame(outer, inner);
        assertEquals("const", inner.declKind);
        assertSame(f.function("f"), inner.function);
        assertSame(inner, f.binding("HOST", 2));
        assertSame(outer, f.binding("HOST", 3));
        assertEquals("a.example.com", outer.singleDefinition().text);
        assertEquals("b.example.com", inner.singleDefinition().text);
    }

    @Test
    void parametersShadowOuterNames() {
        Fixture f = new Fixture("var data = 1;\nfunction h(data) { return data; }\nuse(data);");
        Binding outer = f.binding("data", 0);
        Binding param = f.binding("data", 1);
        assertEquals("var", outer.declKind);
        assertEquals("param", param.declKind);
        assertSame(param, f.binding("data", 2));
        assertSame(outer, f.binding("data", 3));
    }

    @Test
    void catchParameterIsScopedToItsClause() {
        Fixture f = new Fixture(String.join("\n",
                "var err = null;",                      // err #0
                "try { connect(); } catch (err) {",     // err #1
                "  report(err);",                        // err #2
                "}",
                "report(err);"));                        // err #3
        Binding c = f.binding("err", 1);
        assertNotNull(c);
        assertEquals("catch", c.declKind);
        assertSame(c, f.binding("err", 2));
        assertSame(f.binding("err", 0), f.binding("err", 3));
        assertNotSame(c, f.binding("err", 3));
    }

    @Test
    void namedFunctionExpressionSeesItsOwnName() {
        Fixture f = new Fixture(String.join("\n",
                "var reconnect = function retry(n) {",
                "  if (n > 0) setTimeout(function () { retry(n - 1); }, 1000);",
                "};",
                "retry(3);"));
        Node fn = f.function("retry");
        Binding inside = f.binding("retry", 0);
        assertNotNull(inside, "the name is bound inside the function (also in nested closures)");
        assertEquals("function", inside.declKind);
        assertSame(fn, inside.declaration);
        assertNull(f.binding("retry", 1), "but not outside it");
        assertNotNull(f.binding("reconnect", 0));
    }

    @Test
    void closuresResolveToTheOuterBinding() {
        Fixture f = new Fixture(String.join("\n",
                "function makeCounter() {",
                "  var count = 0;",
                "  return function () {",
                "    count++;",
                "    return () => count;",
                "  };",
                "}"));
        Binding count = f.binding("count", 0);
        assertSame(f.function("makeCounter"), count.function);
        assertSame(count, f.binding("count", 1), "a nested function sees the outer var");
        assertSame(count, f.binding("count", 2), "so does an arrow two levels down");
        assertNull(count.singleDefinition(), "count++ is a second definition");
    }

    @Test
    void innerVarShadowsOuterEvenWhenDeclaredAfterUse() {
        Fixture f = new Fixture(String.join("\n",
                "var url = 'wss://a.example.com';",
                "function f() {",
                "  url = 'ws://b.example.com';",
                "  var url;",
                "}",
                "new WebSocket(url);"));
        Binding outer = f.binding("url", 0);
        Binding local = f.binding("url", 1);
        assertNotSame(outer, local);
        assertSame(local, f.binding("url", 2));
        assertSame(outer, f.binding("url", 3));
        assertEquals("wss://a.example.com", outer.singleDefinition().text,
                "the assignment inside f is to f's own var, not to the outer one");
    }

    @Test
    void unboundGlobalsReturnNull() {
        Fixture f = new Fixture("document.title = location.host;\nwindow.addEventListener('message', onMsg);\nundeclared = 1;");
        assertNull(f.binding("document", 0));
        assertNull(f.binding("location", 0));
        assertNull(f.binding("window", 0));
        assertNull(f.binding("onMsg", 0));
        assertNull(f.binding("undeclared", 0), "an assignment does not declare a binding");
    }

    @Test
    void memberNamesAndObjectKeysAreNotReferences() {
        Fixture f = new Fixture("var send = 1;\nvar o = { send: 2 };\nws.send(o.send);");
        // the key IDENT 'send' of the object literal must not resolve to the var
        Node key = f.ident("send", 1);
        assertNull(f.scopes.binding(key), "a property key is not a reference");
        assertEquals(2, f.idents("send").size(), "member names are MEMBER text, not IDENT nodes");
    }

    @Test
    void singleDefinition() {
        Fixture f = new Fixture(String.join("\n",
                "const ENDPOINT = 'wss://a.example.com/ws';",
                "var url = 'ws://a.example.com';",
                "url = 'wss://b.example.com';",
                "var later;",
                "later = 'wss://c.example.com';",
                "var counter = 0;",
                "counter += 1;",
                "var noInit;",
                "let fn = function () {};",
                "use(ENDPOINT, url, later, counter, noInit, fn);"));
        Node endpoint = f.binding("ENDPOINT", 0).singleDefinition();
        assertNotNull(endpoint);
        assertEquals(Kind.STRING, endpoint.kind);
        assertEquals("wss://a.example.com/ws", endpoint.text);

        assertNull(f.binding("url", 0).singleDefinition(), "initialised and reassigned");
        assertEquals("wss://c.example.com", f.binding("later", 0).singleDefinition().text,
                "declared without a value, assigned once");
        assertNull(f.binding("counter", 0).singleDefinition(), "compound assignment is a second definition");
        assertNull(f.binding("noInit", 0).singleDefinition(), "never assigned");
        Node fn = f.binding("fn", 0).singleDefinition();
        assertNotNull(fn);
        assertEquals(Kind.FUNCTION, fn.kind);
        assertSame(f.binding("ENDPOINT", 0), f.binding("ENDPOINT", 1));
    }

    @Test
    void reassignmentInANestedFunctionCountsForTheOuterBinding() {
        Fixture f = new Fixture(String.join("\n",
                "var url = 'wss://a.example.com';",
                "function downgrade() { url = 'ws://a.example.com'; }",
                "new WebSocket(url);"));
        assertNull(f.binding("url", 0).singleDefinition());
        assertSame(f.binding("url", 0), f.binding("url", 1));
    }
}

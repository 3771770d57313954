package io.wsscan.js.rhino;

import io.wsscan.findings.Region;
import io.wsscan.ir.IrFile;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;
import io.wsscan.js.JsSyntaxError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class RhinoFrontEndTest {

    private final RhinoFrontEnd rhino = new RhinoFrontEnd();

    private IrFile parse(String js) {
        try {
            return rhino.parse("test.js", js);
        } catch (JsSyntaxError e) {
            return fail("unexpected syntax error at " + e.line + ":" + e.column + ": " + e.getMessage());
        }
    }

    private String shape(String js) {
        return parse(js).program().shape();
    }

    /** The program's only statement (unwrapped from EXPR_STMT), as a shape. */
    private Node onlyStatement(String js) {
        Node p = parse(js).program();
        assertEquals(1, p.size(), () -> "expected one statement: " + p.shape());
        return p.kid(0);
    }

    private Node onlyExpression(String js) {
        Node s = onlyStatement(js);
        assertEquals(Kind.EXPR_STMT, s.kind, s::shape);
        return s.kid(0);
    }

    /** The initialiser of the first declarator of the only statement ({@code var x = <init>;}). */
    private Node init(String js) {
        Node s = onlyStatement(js);
        assertEquals(Kind.VAR_DECL, s.kind, s::shape);
        return s.kid(0).kid(1);
    }

    static List<Node> all(Node root, Predicate<Node> p) {
        List<Node> out = new ArrayList<>();
        collect(root, p, out);
        return out;
    }

    private static void collect(Node n, Predicate<Node> p, List<Node> out) {
        if (p.test(n)) out.add(n);
        for (Node k : n.kids()) collect(k, p, out);
    }

    static Node first(Node root, Predicate<Node> p) {
        List<Node> l = all(root, p);
        assertFalse(l.isEmpty(), () -> "no such node in " + root.shape());
        return l.get(0);
    }

    // ------------------------------------------------------------------ declarations and functions

    @Test
    void variableDeclarationsKeepTheirKeyword() {
        assertEquals("PROGRAM(VAR_DECL\"var\"(DECLARATOR(IDENT\"a\" NUMBER\"1\") DECLARATOR(IDENT\"b\" EMPTY)) "
                        + "VAR_DECL\"let\"(DECLARATOR(IDENT\"c\" STRING\"wss://x\")) "
                        + "VAR_DECL\"const\"(DECLARATOR(IDENT\"d\" NULL)))",
                shape("var a = 1, b; let c = 'wss://x'; const d = null;"));
    }

    @Test
    void functionDeclarationExpressionAndArrow() {
        Node decl = onlyStatement("function connect(url, protocols) { return url; }");
        assertEquals("FUNCTION\"connect\"#" + Node.DECLARATION
                + "(PARAMS(IDENT\"url\" IDENT\"protocols\") BLOCK(RETURN(IDENT\"url\")))", decl.shape());
        assertTrue(decl.has(Node.DECLARATION));
        assertFalse(decl.has(Node.ARROW));

        Node expr = init("var f = function named(x) { return x; };");
        assertEquals(Kind.FUNCTION, expr.kind);
        assertEquals("named", expr.text);
        assertEquals(0, expr.flags, "a function expression is neither a declaration nor an arrow");

        Node anon = init("var f = function (x) { return x; };");
        assertNull(anon.text);

        Node arrowExpr = init("var f = (x) => x + 1;");
        assertEquals("FUNCTION#" + (Node.ARROW | Node.EXPRESSION_BODY)
                + "(PARAMS(IDENT\"x\") BINARY\"+\"(IDENT\"x\" NUMBER\"1\"))", arrowExpr.shape());
        assertTrue(arrowExpr.has(Node.ARROW));
        assertTrue(arrowExpr.has(Node.EXPRESSION_BODY));
        assertFalse(arrowExpr.has(Node.DECLARATION));

        Node arrowBlock = init("var f = x => { return x; };");
        assertEquals("FUNCTION#" + Node.ARROW + "(PARAMS(IDENT\"x\") BLOCK(RETURN(IDENT\"x\")))", arrowBlock.shape());
        assertFalse(arrowBlock.has(Node.EXPRESSION_BODY));

        Node gen = init("var g = function* () { yield 1; yield* other(); };");
        assertEquals("FUNCTION#" + Node.GENERATOR + "(PARAMS BLOCK(EXPR_STMT(YIELD(NUMBER\"1\")) "
                + "EXPR_STMT(YIELD#" + Node.DELEGATE + "(CALL(IDENT\"other\")))))", gen.shape());
    }

    @Test
    void memberAccessStaticAndComputed() {
        Node dot = onlyExpression("ws.readyState;");
        assertEquals("MEMBER\"readyState\"(IDENT\"ws\")", dot.shape());
        assertFalse(dot.has(Node.COMPUTED));
        assertEquals("readyState", dot.propertyName());

        Node str = onlyExpression("ws['send'];");
        assertEquals("MEMBER\"send\"#" + Node.COMPUTED + "(IDENT\"ws\" STRING\"send\")", str.shape());
        assertEquals("send", str.propertyName(), "a computed string key still has a static name");

        Node computed = onlyExpression("handlers[type];");
        assertEquals("MEMBER#" + Node.COMPUTED + "(IDENT\"handlers\" IDENT\"type\")", computed.shape());
        assertNull(computed.propertyName());

        Node index = onlyExpression("list[0].name;");
        assertEquals("MEMBER\"name\"(MEMBER#" + Node.COMPUTED + "(IDENT\"list\" NUMBER\"0\"))", index.shape());
        assertNull(index.kid(0).propertyName(), "a numeric index is not a string key");
    }

    @Test
    void callsAndNewWithArguments() {
        Node call = onlyExpression("ws.send(JSON.stringify(msg), 1);");
        assertEquals("CALL(MEMBER\"send\"(IDENT\"ws\") CALL(MEMBER\"stringify\"(IDENT\"JSON\") IDENT\"msg\") NUMBER\"1\")",
                call.shape());
        assertEquals(2, call.rest(1).size());

        Node nw = init("var ws = new WebSocket(url, ['chat', 'v2']);");
        assertEquals("NEW(IDENT\"WebSocket\" IDENT\"url\" ARRAY(STRING\"chat\" STRING\"v2\"))", nw.shape());

        Node noArgs = onlyExpression("new Date;");
        assertEquals("NEW(IDENT\"Date\")", noArgs.shape());

        // (Rhino 1.9.2 rejects spread arguments in calls; spread in array literals is lowered)
        Node spread = init("var all = [...queue, last];");
        assertEquals("ARRAY(SPREAD(IDENT\"queue\") IDENT\"last\")", spread.shape());
    }

    @Test
    void templateLiteralsAlternateStringsAndExpressions() {
        assertEquals("TEMPLATE(STRING\"wss://\" IDENT\"host\" STRING\"/ws?room=\" IDENT\"room\" STRING\"\")",
                init("var u = `wss://${host}/ws?room=${room}`;").shape());
        assertEquals("TEMPLATE(STRING\"\" IDENT\"a\" STRING\"\" IDENT\"b\" STRING\"\")",
                init("var u = `${a}${b}`;").shape(), "adjacent substitutions still start and end with STRING");
        assertEquals("TEMPLATE(STRING\"plain\")", init("var u = `plain`;").shape());
        assertEquals("TEMPLATE(STRING\"\")", init("var u = ``;").shape());
        assertEquals("TEMPLATE(STRING\"line1\nline2\")", init("var u = `line1\\nline2`;").shape(),
                "quasis are cooked");

        for (String js : List.of("var u = `a${x}b${y}c`;", "var u = `${a}${b}${c}`;", "var u = `${a}`;",
                "var u = `x${f(`inner${y}`)}`;")) {
            Node t = init(js);
            assertEquals(Kind.TEMPLATE, t.kind, js);
            assertEquals(1, t.size() % 2, () -> "odd number of children: " + t.shape());
            for (int i = 0; i < t.size(); i++) {
                if (i % 2 == 0) assertEquals(Kind.STRING, t.kid(i).kind, () -> js + " -> " + t.shape());
                else assertFalse(t.kid(i).isEmpty(), () -> js + ": substitutions are real expressions: " + t.shape());
            }
        }
        Node tagged = onlyExpression("html`<b>${name}</b>`;");
        assertEquals("TAGGED_TEMPLATE(IDENT\"html\" TEMPLATE(STRING\"<b>\" IDENT\"name\" STRING\"</b>\"))", tagged.shape());
    }

    @Test
    void objectLiteralProperties() {
        Node o = init("var o = { url, port: 443, connect() { return 1; }, [key]: 2, 'content-type': 'json', 7: 'x' };");
        assertEquals(Kind.OBJECT, o.kind);
        assertEquals(6, o.size());

        Node shorthand = o.kid(0);
        assertEquals("PROPERTY#" + Node.SHORTHAND + "(IDENT\"url\" IDENT\"url\")", shorthand.shape());
        assertEquals("url", shorthand.keyName());

        assertEquals("PROPERTY(IDENT\"port\" NUMBER\"443\")", o.kid(1).shape());

        Node method = o.kid(2);
        assertTrue(method.has(Node.METHOD));
        assertFalse(method.has(Node.SHORTHAND));
        assertEquals(Kind.FUNCTION, method.kid(1).kind);
        assertTrue(method.kid(1).has(Node.METHOD));
        assertEquals("connect", method.keyName());

        Node computed = o.kid(3);
        assertEquals("PROPERTY#" + Node.COMPUTED + "(IDENT\"key\" NUMBER\"2\")", computed.shape());
        assertNull(computed.keyName(), "a computed non-string key has no static name");

        assertEquals("PROPERTY(STRING\"content-type\" STRING\"json\")", o.kid(4).shape());
        assertEquals("content-type", o.kid(4).keyName());
        assertEquals("7", o.kid(5).keyName());

        Node spread = init("var o = { ...defaults, a: 1 };");
        assertEquals("OBJECT(SPREAD(IDENT\"defaults\") PROPERTY(IDENT\"a\" NUMBER\"1\"))", spread.shape());

        Node computedString = init("var o = { ['to' + 'ken']: t, ['id']: 1 };");
        assertNull(computedString.kid(0).keyName());
        assertEquals("id", computedString.kid(1).keyName());
    }

    @Test
    void getterAndSetterPropertiesAreFlagged() {
        Node o = init("var o = { get url() { return this._u; }, set url(v) { this._u = v; } };");
        Node getter = o.kid(0), setter = o.kid(1);
        assertTrue(getter.has(Node.GETTER));
        assertTrue(getter.kid(1).has(Node.GETTER));
        assertTrue(setter.has(Node.SETTER));
        assertTrue(setter.kid(1).has(Node.SETTER));
    }
    @Test
    void getterAndSetterPropertiesAreNotShorthand() {
        Node o = init("var o = { get url() { return this._u; }, set url(v) { this._u = v; } };");
        assertFalse(o.kid(0).has(Node.SHORTHAND), o.kid(0).shape());
        assertFalse(o.kid(1).has(Node.SHORTHAND), o.kid(1).shape());
    }

    @Test
    void destructuringInDeclarations() {
        Node s = onlyStatement("var { url, opts: { retries = 3 }, ...rest } = config;");
        assertEquals("VAR_DECL\"var\"(DECLARATOR(OBJECT_PATTERN("
                + "PROPERTY#" + Node.SHORTHAND + "(IDENT\"url\" IDENT\"url\") "
                + "PROPERTY(IDENT\"opts\" OBJECT_PATTERN(PROPERTY#" + Node.SHORTHAND
                + "(IDENT\"retries\" ASSIGN_PATTERN(IDENT\"retries\" NUMBER\"3\")))) "
                + "REST(IDENT\"rest\")) IDENT\"config\"))", s.shape());

        Node a = onlyStatement("let [first, , second = 'x', ...others] = list;");
        assertEquals("VAR_DECL\"let\"(DECLARATOR(ARRAY_PATTERN(IDENT\"first\" EMPTY "
                + "ASSIGN_PATTERN(IDENT\"second\" STRING\"x\") REST(IDENT\"others\")) IDENT\"list\"))", a.shape());

        Node assign = onlyExpression("({ data: msg } = event);");
        assertEquals("ASSIGN\"=\"(OBJECT_PATTERN(PROPERTY(IDENT\"data\" IDENT\"msg\")) IDENT\"event\")", assign.shape());
    }

    @Test
    void destructuringInParameters() {
        // (Rhino 1.9.2 rejects a rest element inside an array pattern parameter)
        Node f = onlyStatement("function onMessage({ data, origin: from }, [head, , tail = 0]) {}");
        assertEquals("PARAMS(OBJECT_PATTERN(PROPERTY#" + Node.SHORTHAND + "(IDENT\"data\" IDENT\"data\") "
                + "PROPERTY(IDENT\"origin\" IDENT\"from\")) "
                + "ARRAY_PATTERN(IDENT\"head\" EMPTY ASSIGN_PATTERN(IDENT\"tail\" NUMBER\"0\")))", f.kid(0).shape());

        Node fn = init("var h = function ({ data = '' }) { return data; };");
        assertEquals("PARAMS(OBJECT_PATTERN(PROPERTY#" + Node.SHORTHAND
                + "(IDENT\"data\" ASSIGN_PATTERN(IDENT\"data\" STRING\"\"))))", fn.kid(0).shape());

        // (Rhino 1.9.2 rejects defaults inside an arrow's destructured parameter; plain destructuring works)
        Node arrow = init("var h = ({ data }) => data;");
        assertEquals("FUNCTION#" + (Node.ARROW | Node.EXPRESSION_BODY) + "(PARAMS(OBJECT_PATTERN(PROPERTY#"
                + Node.SHORTHAND + "(IDENT\"data\" IDENT\"data\"))) IDENT\"data\")", arrow.shape());
    }
    @Test
    void parameterDefaultsAndRestAreLowered() {
        Node f = onlyStatement("function connect(url = 'wss://a.example.com', ...protocols) {}");
        assertEquals("PARAMS(ASSIGN_PATTERN(IDENT\"url\" STRING\"wss://a.example.com\") REST(IDENT\"protocols\"))",
                f.kid(0).shape());
    }
    @Test
    void optionalChainingIsFlagged() {
        assertTrue(onlyExpression("ws?.send;").has(Node.OPTIONAL));
        assertTrue(onlyExpression("cb?.();").has(Node.OPTIONAL));
    }

    // ------------------------------------------------------------------ expressions

    @Test
    void conditionalLogicalBinaryAndSequence() {
        assertEquals("CONDITIONAL(IDENT\"secure\" STRING\"wss:\" STRING\"ws:\")",
                onlyExpression("secure ? 'wss:' : 'ws:';").shape());
        assertEquals("LOGICAL\"||\"(LOGICAL\"&&\"(IDENT\"a\" IDENT\"b\") IDENT\"c\")", onlyExpression("a && b || c;").shape());
        assertEquals("LOGICAL\"??\"(IDENT\"port\" NUMBER\"443\")", onlyExpression("port ?? 443;").shape());
        assertEquals("BINARY\"+\"(IDENT\"a\" BINARY\"*\"(IDENT\"b\" IDENT\"c\"))", onlyExpression("a + b * c;").shape());
        assertEquals("BINARY\"!==\"(MEMBER\"origin\"(IDENT\"e\") STRING\"https://a\")",
                onlyExpression("e.origin !== 'https://a';").shape());
        assertEquals("BINARY\"in\"(STRING\"k\" IDENT\"o\")", onlyExpression("'k' in o;").shape());
        assertEquals("BINARY\"instanceof\"(IDENT\"x\" IDENT\"WebSocket\")", onlyExpression("x instanceof WebSocket;").shape());
        assertEquals("SEQUENCE(IDENT\"a\" IDENT\"b\" IDENT\"c\")", onlyExpression("a, b, c;").shape(),
                "nested comma expressions are flattened");
        assertEquals("ASSIGN\"+=\"(IDENT\"url\" STRING\"/ws\")", onlyExpression("url += '/ws';").shape());
    }

    @Test
    void updateAndUnary() {
        assertEquals("UPDATE\"++\"(IDENT\"i\")", onlyExpression("i++;").shape());
        Node pre = onlyExpression("--retries;");
        assertEquals("UPDATE\"--\"#" + Node.PREFIX + "(IDENT\"retries\")", pre.shape());
        assertTrue(pre.has(Node.PREFIX));
        assertEquals("UNARY\"!\"(IDENT\"ok\")", onlyExpression("!ok;").shape());
        assertEquals("UNARY\"-\"(IDENT\"n\")", onlyExpression("-n;").shape());
        assertEquals("UNARY\"+\"(IDENT\"s\")", onlyExpression("+s;").shape());
        assertEquals("UNARY\"~\"(IDENT\"m\")", onlyExpression("~m;").shape());
        assertEquals("UNARY\"typeof\"(IDENT\"WebSocket\")", onlyExpression("typeof WebSocket;").shape());
        assertEquals("UNARY\"void\"(NUMBER\"0\")", onlyExpression("void 0;").shape());
        assertEquals("UNARY\"delete\"(MEMBER\"token\"(IDENT\"cache\"))", onlyExpression("delete cache.token;").shape());
    }

    @Test
    void literals() {
        assertEquals("STRING\"it's\"", onlyExpression("'it\\'s';").shape(), "strings are cooked");
        assertEquals("NUMBER\"0x1F\"", onlyExpression("0x1F;").shape(), "numbers keep their spelling");
        assertEquals("BOOLEAN\"true\"", onlyExpression("true;").shape());
        assertEquals("NULL", onlyExpression("null;").shape());
        assertEquals("THIS", onlyExpression("this;").shape());
        assertEquals("ARRAY(NUMBER\"1\" EMPTY NUMBER\"3\")", onlyExpression("[1, , 3];").shape());
    }

    @Test
    void regexLiterals() {
        Node re = init("var re = /^https:\\/\\/app\\.example\\.com$/i;");
        assertEquals(Kind.REGEX, re.kind);
        assertEquals("^https:\\/\\/app\\.example\\.com$", re.text, "text is the pattern source without slashes");
        // the front end carries the flags as a zero-width STRING child
        assertEquals(1, re.size());
        assertEquals("i", re.kid(0).text);

        Node plain = init("var re = /a+b/;");
        assertEquals("a+b", plain.text);
        assertTrue(plain.size() == 0 || plain.kid(0).text.isEmpty(), plain.shape());
    }

    // ------------------------------------------------------------------ statements

    @Test
    void forOfAndForIn() {
        assertEquals("FOR_OF(VAR_DECL\"let\"(DECLARATOR(IDENT\"msg\" EMPTY)) IDENT\"queue\" "
                        + "BLOCK(EXPR_STMT(CALL(MEMBER\"send\"(IDENT\"ws\") IDENT\"msg\"))))",
                onlyStatement("for (let msg of queue) { ws.send(msg); }").shape());
        assertEquals("FOR_IN(VAR_DECL\"var\"(DECLARATOR(IDENT\"k\" EMPTY)) IDENT\"headers\" EMPTY)",
                onlyStatement("for (var k in headers);").shape());
        assertEquals("FOR_OF(IDENT\"x\" IDENT\"xs\" EXPR_STMT(CALL(IDENT\"f\" IDENT\"x\")))",
                onlyStatement("for (x of xs) f(x);").shape());
        assertEquals("FOR_OF(VAR_DECL\"var\"(DECLARATOR(ARRAY_PATTERN(IDENT\"k\" IDENT\"v\") EMPTY)) "
                        + "CALL(MEMBER\"entries\"(IDENT\"Object\") IDENT\"o\") BLOCK)",
                onlyStatement("for (var [k, v] of Object.entries(o)) {}").shape());
        assertEquals("FOR(VAR_DECL\"var\"(DECLARATOR(IDENT\"i\" NUMBER\"0\")) BINARY\"<\"(IDENT\"i\" IDENT\"n\") "
                + "UPDATE\"++\"(IDENT\"i\") BLOCK)", onlyStatement("for (var i = 0; i < n; i++) {}").shape());
        assertEquals("FOR(EMPTY EMPTY EMPTY BLOCK(BREAK))", onlyStatement("for (;;) { break; }").shape());
    }

    @Test
    void tryCatchFinally() {
        assertEquals("TRY(BLOCK(EXPR_STMT(CALL(IDENT\"connect\"))) "
                        + "CATCH(IDENT\"err\" BLOCK(EXPR_STMT(CALL(IDENT\"log\" IDENT\"err\")))) "
                        + "BLOCK(EXPR_STMT(CALL(IDENT\"done\"))))",
                onlyStatement("try { connect(); } catch (err) { log(err); } finally { done(); }").shape());
        assertEquals("TRY(BLOCK CATCH(EMPTY BLOCK) EMPTY)", onlyStatement("try {} catch {}").shape(),
                "optional catch binding and no finally");
        assertEquals("TRY(BLOCK EMPTY BLOCK)", onlyStatement("try {} finally {}").shape());
    }

    @Test
    void switchAndCase() {
        Node sw = onlyStatement("switch (msg.type) { case 'a': render(msg); break; default: ignore(); case 'b': }");
        assertEquals("SWITCH(MEMBER\"type\"(IDENT\"msg\") "
                + "CASE(STRING\"a\" EXPR_STMT(CALL(IDENT\"render\" IDENT\"msg\")) BREAK) "
                + "CASE(EMPTY EXPR_STMT(CALL(IDENT\"ignore\"))) "
                + "CASE(STRING\"b\"))", sw.shape());
        assertTrue(sw.kid(2).kid(0).isEmpty(), "default has an EMPTY test");
    }

    @Test
    void otherStatements() {
        assertEquals("IF(IDENT\"a\" BLOCK EMPTY)", onlyStatement("if (a) {}").shape());
        assertEquals("IF(IDENT\"a\" RETURN(EMPTY) IF(IDENT\"b\" EXPR_STMT(CALL(IDENT\"f\")) BLOCK))",
                parse("function g() { if (a) return; else if (b) f(); else {} }").program().kid(0).kid(1).kid(0).shape());
        assertEquals("WHILE(IDENT\"open\" EXPR_STMT(CALL(IDENT\"poll\")))", onlyStatement("while (open) poll();").shape());
        assertEquals("DO_WHILE(BLOCK BINARY\"<\"(IDENT\"n\" NUMBER\"3\"))", onlyStatement("do {} while (n < 3);").shape());
        assertEquals("THROW(NEW(IDENT\"Error\" STRING\"closed\"))", onlyStatement("throw new Error('closed');").shape());
        assertEquals("LABELED\"outer\"(FOR(EMPTY EMPTY EMPTY BLOCK(CONTINUE\"outer\")))",
                onlyStatement("outer: for (;;) { continue outer; }").shape());
    }

    // ------------------------------------------------------------------ exact ranges

    private static final String CLIENT = String.join("\n",
            "const HOST = 'chat.example.com';",
            "function connect(token) {",
            "  var url = 'wss://' + HOST + '/ws';",
            "  var ws = new WebSocket(url, ['v1']);",
            "  ws.onmessage = function (e) {",
            "    render(e.data);",
            "  };",
            "  return ws;",
            "}",
            "");

    @Test
    void nodeRangesMatchTheSourceText() {
        IrFile f = parse(CLIENT);
        Node program = f.program();

        Node nw = first(program, n -> n.is(Kind.NEW));
        assertEquals("new WebSocket(url, ['v1'])", CLIENT.substring(nw.start, nw.end));
        assertEquals(new Region(4, 12, 4, 38), f.lines().region(nw));

        Node host = first(program, n -> n.is(Kind.STRING) && "chat.example.com".equals(n.text));
        assertEquals("'chat.example.com'", CLIENT.substring(host.start, host.end), "a string's range includes its quotes");
        assertEquals(new Region(1, 14, 1, 32), f.lines().region(host));

        Node scheme = first(program, n -> n.is(Kind.STRING) && "wss://".equals(n.text));
        assertEquals(new Region(3, 13, 3, 21), f.lines().region(scheme));

        Node assign = first(program, n -> n.is(Kind.ASSIGN));
        assertEquals("ws.onmessage = function (e) {\n    render(e.data);\n  }", CLIENT.substring(assign.start, assign.end));
        assertEquals(new Region(5, 3, 7, 4), f.lines().region(assign));

        Node data = first(program, n -> n.is(Kind.MEMBER) && "data".equals(n.text));
        assertEquals("e.data", CLIENT.substring(data.start, data.end));
        assertEquals(new Region(6, 12, 6, 18), f.lines().region(data));

        Node fn = first(program, n -> n.is(Kind.FUNCTION) && "connect".equals(n.text));
        assertEquals(new Region(2, 1, 9, 2), f.lines().region(fn));
        assertTrue(CLIENT.substring(fn.start, fn.end).startsWith("function connect(token) {"));

        Node ret = first(program, n -> n.is(Kind.RETURN));
        assertTrue(CLIENT.substring(ret.start, ret.end).startsWith("return ws"));
        assertEquals(8, f.lines().line(ret.start));
    }

    @Test
    void everyNodeRangeLiesInsideItsParent() {
        IrFile f = parse(CLIENT + "var t = `a${x}b`; var o = { k: [1, 2], m() {} }; for (var i in o) { if (i) break; }\n");
        check(f.program(), f.program(), f.text());
    }

    /** {@code n} lies inside {@code container}; PARAMS is a zero-width node, so its patterns lie in the function. */
    private static void check(Node n, Node container, String text) {
        assertTrue(n.start >= 0 && n.start <= n.end && n.end <= text.length(), n::toString);
        assertTrue(n.start >= container.start && n.end <= container.end, () -> n + " outside " + container);
        for (Node k : n.kids()) check(k, n.kind == Kind.PARAMS ? container : n, text);
    }

    @Test
    void rangesOfTemplatePartsAndIdentifiers() {
        String js = "var u = `wss://${host}/ws`;";
        IrFile f = parse(js);
        Node t = first(f.program(), n -> n.is(Kind.TEMPLATE));
        assertEquals("`wss://${host}/ws`", js.substring(t.start, t.end));
        Node id = t.kid(1);
        assertEquals("host", js.substring(id.start, id.end));
        assertEquals("wss://", js.substring(t.kid(0).start, t.kid(0).end));
        assertEquals("/ws", js.substring(t.kid(2).start, t.kid(2).end));
    }

    @Test
    void crlfSourceHasTheSameLinesAsLf() {
        String lf = "var a = 1;\nvar ws = new WebSocket('ws://x');\n";
        String crlf = lf.replace("\n", "\r\n");
        IrFile f1 = parse(lf), f2 = parse(crlf);
        assertEquals(f1.program().shape(), f2.program().shape());
        Node n2 = first(f2.program(), n -> n.is(Kind.NEW));
        assertEquals("new WebSocket('ws://x')", crlf.substring(n2.start, n2.end));
        assertEquals(new Region(2, 10, 2, 33), f2.lines().region(n2));
    }

    // ------------------------------------------------------------------ syntax errors

    @Test
    void unsupportedSyntaxIsASyntaxErrorWithALineAndMessage() {
        for (String js : List.of("class A {}", "async function f() {}", "import x from 'y';",
                "var s = 'unterminated;", "var a = ;", "function (", "var a = 1; /* unterminated")) {
            JsSyntaxError e = assertThrows(JsSyntaxError.class, () -> rhino.parse("bad.js", js), js);
            assertTrue(e.line >= 1, js);
            assertTrue(e.column >= 1, js);
            assertNotNull(e.getMessage(), js);
            assertFalse(e.getMessage().isBlank(), js);
        }
    }

    @Test
    void syntaxErrorReportsTheLineOfTheError() {
        String js = "var a = 1;\nvar b = 2;\nvar s = 'abc\nvar c = 3;\n";
        JsSyntaxError e = assertThrows(JsSyntaxError.class, () -> rhino.parse("bad.js", js));
        assertEquals(3, e.line);
        assertTrue(e.getMessage().contains("unterminated string"), e.getMessage());
    }

    // ------------------------------------------------------------------ comment recording

    /** Comments in odd places that both settings accept and lower to the same IR. */
    static final List<String> COMMENTED = List.of(
            "if (x) /* c */ { a(); }",
            "if (x) // c\n{ a(); }",
            "function f() { return /* v */ 1; }",
            "function f() { return; /* c */ }",
            "f(a, /* b */ c, // d\n e);",
            "new Foo(/* c */);",
            "f(/* only */);",
            "var o = {\n  /**\n   * JSDoc on a property.\n   * @type {string}\n   */\n  url: 'wss://a.example.com',\n"
                    + "  /** @returns {void} */\n  connect: function () {}\n};",
            "var o = { /** JSDoc */ a: 1, /** @type {number} */ b: 2, /** m */ m() {} };",
            "var arr = [1, /* two */ 2, /* hole */ , 3];",
            "var arr = [1, 2 /* c */];",
            "var e = [/* empty */];",
            "if (x) { a(); } /* c */ else { b(); }",
            "if (x) { a(); } // c\nelse { b(); }",
            "if (x) /* c */ a(); /* d */ else /* e */ b();",
            "var x = /** @type {Foo} */ (y);",
            "var f = /** @type {F} */ (function () {});",
            "function f(/** number */ a, /** string */ b) {}",
            "var f = (/** @type {number} */ a) => a;",
            "x = /** c */ a ? /** d */ b : /** e */ c;",
            "var t = 1 // c\n+ 2;",
            "var s = `a${/* c */ x}b`;",
            "switch (x) { case /* c */ 1: break; }",
            "var o = { a: 1 /* c */, b: 2 };",
            "var re = /a\\/*b/; var s = \"/* not a comment */\";");

    /** Comments right after a keyword, a '.', a getter's 'get' and similar: only parse with comments off. */
    static final List<String> ONLY_WITHOUT_COMMENTS = List.of(
            "function f() { return /* nothing */; }",
            "function f() { return /* c */ }",
            "for (;;) { break /* c */; }",
            "lbl: /* c */ for (;;) { break lbl; }",
            "for (/* c */ var i = 0; i < 1; i++) {}",
            "try /* c */ {} catch /* c */ (e) {} finally /* c */ {}",
            "new /* c */ Foo();",
            "a./** c */b();",
            "var o = { get /* c */ g() { return 1; } };",
            "var o = { a /* c */ : 1 };",
            "function f(a, /* c */) {}",
            "x = { a: 1 } /* c */ ;",
            "a\n/* multi\nline */ ++b;");

    private IrFile parseWith(String js, boolean recordComments) throws JsSyntaxError {
        return rhino.parse("c.js", js, recordComments);
    }

    @Test
    void chosenSettingIsCommentsOff() {
        assertFalse(RhinoFrontEnd.RECORD_COMMENTS);
    }

    @Test
    void commentsInOddPlacesParseTheSameWithAndWithoutRecording() throws Exception {
        for (String js : COMMENTED) {
            String chosen = rhino.parse("c.js", js).program().shape();
            String off = parseWith(js, false).program().shape();
            String on = parseWith(js, true).program().shape();
            assertEquals(off, chosen, js);
            assertEquals(off, on, () -> "both settings should agree on: " + js);
            assertFalse(chosen.contains("UNKNOWN"), js);
        }
    }

    @Test
    void someCommentsOnlyParseWithRecordingOff() throws Exception {
        for (String js : ONLY_WITHOUT_COMMENTS) {
            IrFile chosen = rhino.parse("c.js", js);
            assertFalse(chosen.program().shape().contains("UNKNOWN"), js);
            assertThrows(JsSyntaxError.class, () -> parseWith(js, true),
                    () -> "Rhino 1.9.2 with comment recording rejects: " + js);
        }
    }

    @Test
    void withoutRecordingTheCommentsDoNotChangeTheTree() throws Exception {
        for (String js : ONLY_WITHOUT_COMMENTS) {
            String stripped = js.replaceAll("/\\*[\\s\\S]*?\\*/", " ");
            assertEquals(parseWith(stripped, false).program().shape(), parseWith(js, false).program().shape(), js);
        }
    }

    @Test
    void recordingCommentsBreaksAutomaticSemicolonInsertionAfterReturn() throws Exception {
        String js = "function f() {\n  return // nothing to return\n  1;\n}";
        Node offBody = parseWith(js, false).program().kid(0).kid(1);
        assertEquals("BLOCK(RETURN(EMPTY) EXPR_STMT(NUMBER\"1\"))", offBody.shape(),
                "a line break after return ends the statement");
        Node onBody = parseWith(js, true).program().kid(0).kid(1);
        assertEquals("BLOCK(RETURN(NUMBER\"1\"))", onBody.shape(),
                "with comments recorded Rhino returns the value on the next line");
    }

    @Test
    void recordingCommentsAddsCommentStatementsAndLosesMethodFlags() throws Exception {
        String valid = "/** doc */ var a = 1;\nfunction f() { /* c */ return 1; }";
        assertEquals("PROGRAM(VAR_DECL\"var\"(DECLARATOR(IDENT\"a\" NUMBER\"1\")) "
                + "FUNCTION\"f\"#" + Node.DECLARATION + "(PARAMS BLOCK(RETURN(NUMBER\"1\"))))", parseWith(valid, false).program().shape());
        assertEquals("PROGRAM(EXPR_STMT(UNKNOWN\"Comment\") VAR_DECL\"var\"(DECLARATOR(IDENT\"a\" NUMBER\"1\")) "
                        + "FUNCTION\"f\"#" + Node.DECLARATION + "(PARAMS BLOCK(EXPR_STMT(UNKNOWN\"Comment\") RETURN(NUMBER\"1\"))))",
                parseWith(valid, true).program().shape());

        String method = "var o = { m /* c */ () {} };";
        Node offProp = first(parseWith(method, false).program(), n -> n.is(Kind.PROPERTY));
        Node onProp = first(parseWith(method, true).program(), n -> n.is(Kind.PROPERTY));
        assertTrue(offProp.has(Node.METHOD));
        assertFalse(onProp.has(Node.METHOD), "with comments recorded the method is not recognised as one");
    }

    @Test
    void hashbangAndHtmlCommentsAreSkippedWithoutRecording() throws Exception {
        assertEquals("PROGRAM(VAR_DECL\"var\"(DECLARATOR(IDENT\"a\" NUMBER\"1\")))",
                parseWith("#!/usr/bin/env node\nvar a = 1;", false).program().shape());
        assertEquals("PROGRAM(VAR_DECL\"var\"(DECLARATOR(IDENT\"a\" NUMBER\"1\")))",
                parseWith("<!-- legacy\nvar a = 1;\n--> trailing", false).program().shape());
    }
}

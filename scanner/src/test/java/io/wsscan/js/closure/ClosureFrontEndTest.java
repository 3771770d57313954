package io.wsscan.js.closure;

import io.wsscan.analysis.JsAnalyzer;
import io.wsscan.engine.FileReport;
import io.wsscan.engine.SourceFile;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Notification;
import io.wsscan.ir.IrFile;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;
import io.wsscan.js.JsSyntaxError;
import io.wsscan.rules.RuleCatalog;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Closure's parse tree lowered into the IR: shapes and exact ranges of every modern construct. */
class ClosureFrontEndTest {

    private final ClosureFrontEnd closure = new ClosureFrontEnd();

    private String text;

    private IrFile parse(String js) {
        text = js;
        try {
            IrFile f = closure.parse("test.mjs", js);
            assertEquals("closure", f.frontEnd());
            assertWellFormed(f.program(), js);
            return f;
        } catch (JsSyntaxError e) {
            return fail("unexpected syntax error at " + e.line + ":" + e.column + ": " + e.getMessage());
        }
    }

    private Node program(String js) {
        return parse(js).program();
    }

    private Node onlyStatement(String js) {
        Node p = program(js);
        assertEquals(1, p.size(), () -> "expected one statement: " + p.shape());
        return p.kid(0);
    }

    private Node onlyExpression(String js) {
        Node s = onlyStatement(js);
        assertEquals(Kind.EXPR_STMT, s.kind, s::shape);
        return s.kid(0);
    }

    /** The initialiser of {@code const x = <init>;}. */
    private Node init(String js) {
        Node s = onlyStatement(js);
        assertEquals(Kind.VAR_DECL, s.kind, s::shape);
        return s.kid(0).kid(1);
    }

    /** The source text a node covers. */
    private String src(Node n) {
        return text.substring(n.start, n.end);
    }

    private static List<Node> all(Node root, Predicate<Node> p) {
        List<Node> out = new ArrayList<>();
        collect(root, p, out);
        return out;
    }

    private static void collect(Node n, Predicate<Node> p, List<Node> out) {
        if (p.test(n)) out.add(n);
        for (Node k : n.kids()) collect(k, p, out);
    }

    private static Node first(Node root, Kind kind) {
        List<Node> l = all(root, n -> n.kind == kind);
        assertFalse(l.isEmpty(), () -> "no " + kind + " in " + root.shape());
        return l.get(0);
    }

    /**
     * Every range is inside the text and inside its parent's; no UNKNOWN node. PARAMS is the
     * exception the Rhino front end set: an empty range at the start of its function, so its
     * parameters lie after it (they are still inside the FUNCTION).
     */
    private static void assertWellFormed(Node n, String text) {
        assertTrue(0 <= n.start && n.start <= n.end && n.end <= text.length(), () -> "bad range " + n);
        assertTrue(n.kind != Kind.UNKNOWN, () -> "not lowered: " + n);
        for (Node k : n.kids()) {
            if (n.kind != Kind.PARAMS) assertTrue(n.start <= k.start && k.end <= n.end, () -> k + " outside its parent " + n);
            assertWellFormed(k, text);
        }
    }

    private static String flags(int f) {
        return "#" + f;
    }

    // ------------------------------------------------------------------ declarations and functions

    @Test
    void declarationsKeepTheirKeywordAndRanges() {
        Node p = program("var a = 1, b; let c = 'wss://x'; const d = null;");
        assertEquals("PROGRAM(VAR_DECL\"var\"(DECLARATOR(IDENT\"a\" NUMBER\"1\") DECLARATOR(IDENT\"b\" EMPTY)) "
                + "VAR_DECL\"let\"(DECLARATOR(IDENT\"c\" STRING\"wss://x\")) "
                + "VAR_DECL\"const\"(DECLARATOR(IDENT\"d\" NULL)))", p.shape());
        assertEquals("var a = 1, b;", src(p.kid(0)));
        assertEquals("b", src(p.kid(0).kid(1)));
        assertEquals(12, p.kid(0).kid(1).kid(1).start, "an absent initialiser is an EMPTY at the declarator's end");
        assertEquals("'wss://x'", src(p.kid(1).kid(0).kid(1)));
        assertEquals(0, p.start);
        assertEquals(text.length(), p.end);
    }

    @Test
    void functionsArrowsAsyncAndGenerators() {
        Node decl = onlyStatement("function connect(url, protocols) { return url; }");
        assertEquals("FUNCTION\"connect\"" + flags(Node.DECLARATION)
                + "(PARAMS(IDENT\"url\" IDENT\"protocols\") BLOCK(RETURN(IDENT\"url\")))", decl.shape());
        assertEquals(text, src(decl));
        assertEquals(0, decl.kid(0).start, "PARAMS is an empty range at the function's start");
        assertEquals(0, decl.kid(0).end);

        Node arrow = init("const f = async (e) => e.data;");
        assertEquals("FUNCTION" + flags(Node.ARROW | Node.ASYNC | Node.EXPRESSION_BODY)
                + "(PARAMS(IDENT\"e\") MEMBER\"data\"(IDENT\"e\"))", arrow.shape());
        assertEquals("async (e) => e.data", src(arrow));

        Node bare = init("const g = async x => { await x; };");
        assertEquals("FUNCTION" + flags(Node.ARROW | Node.ASYNC) + "(PARAMS(IDENT\"x\") BLOCK(EXPR_STMT(AWAIT(IDENT\"x\"))))",
                bare.shape());
        assertEquals("await x", src(first(bare, Kind.AWAIT)));

        Node gen = onlyStatement("async function* g() { yield 1; yield* other(); yield; }");
        assertEquals("FUNCTION\"g\"" + flags(Node.DECLARATION | Node.ASYNC | Node.GENERATOR)
                + "(PARAMS BLOCK(EXPR_STMT(YIELD(NUMBER\"1\")) EXPR_STMT(YIELD" + flags(Node.DELEGATE)
                + "(CALL(IDENT\"other\"))) EXPR_STMT(YIELD(EMPTY))))", gen.shape());
        Node bareYield = gen.kid(1).kid(2).kid(0);
        assertEquals("yield", src(bareYield));

        Node expr = init("var f = async function named() {};");
        assertEquals("named", expr.text);
        assertEquals(Node.ASYNC, expr.flags);
        assertEquals("async function named() {}", src(expr));
    }

    @Test
    void parameterDefaultsRestAndDestructuring() {
        Node f = onlyStatement("function f(url = 'wss://a', { data, id: [first] = [] } = {}, ...rest) {}");
        assertEquals("PARAMS(ASSIGN_PATTERN(IDENT\"url\" STRING\"wss://a\") "
                + "ASSIGN_PATTERN(OBJECT_PATTERN(PROPERTY" + flags(Node.SHORTHAND) + "(IDENT\"data\" IDENT\"data\") "
                + "PROPERTY(IDENT\"id\" ASSIGN_PATTERN(ARRAY_PATTERN(IDENT\"first\") ARRAY))) OBJECT) "
                + "REST(IDENT\"rest\"))", f.kid(0).shape());
        List<Node> ps = f.kid(0).kids();
        assertEquals("url = 'wss://a'", src(ps.get(0)));
        assertEquals("{ data, id: [first] = [] } = {}", src(ps.get(1)));
        assertEquals("id: [first] = []", src(ps.get(1).kid(0).kid(1)));
        assertEquals("...rest", src(ps.get(2)));
    }

    @Test
    void destructuringPatternsWithDefaultsAndRest() {
        Node s = onlyStatement("const { a = 1, b: { c }, [k]: d, ...others } = obj;");
        Node pattern = s.kid(0).kid(0);
        assertEquals("OBJECT_PATTERN(PROPERTY" + flags(Node.SHORTHAND) + "(IDENT\"a\" ASSIGN_PATTERN(IDENT\"a\" NUMBER\"1\")) "
                + "PROPERTY(IDENT\"b\" OBJECT_PATTERN(PROPERTY" + flags(Node.SHORTHAND) + "(IDENT\"c\" IDENT\"c\"))) "
                + "PROPERTY" + flags(Node.COMPUTED) + "(IDENT\"k\" IDENT\"d\") REST(IDENT\"others\"))", pattern.shape());
        assertEquals("a = 1", src(pattern.kid(0)));
        assertEquals("...others", src(pattern.kid(3)));

        Node arr = onlyExpression("[a, , b = 2, ...c] = list;");
        assertEquals("ASSIGN\"=\"(ARRAY_PATTERN(IDENT\"a\" EMPTY ASSIGN_PATTERN(IDENT\"b\" NUMBER\"2\") REST(IDENT\"c\")) IDENT\"list\")",
                arr.shape());
        assertEquals(",", src(arr.kid(0).kid(1)), "a hole covers its comma (as in the Rhino front end)");
    }

    // ------------------------------------------------------------------ classes

    @Test
    void classesWithFieldsMethodsAccessorsAndStaticBlocks() {
        String js = "class Chat extends Base {\n"
                + "  socket = null;\n"
                + "  static count;\n"
                + "  [key] = 2;\n"
                + "  'quoted' = 3;\n"
                + "  constructor(url) { super(url); }\n"
                + "  static async *stream() {}\n"
                + "  get ready() { return true; }\n"
                + "  set ready(v) {}\n"
                + "  static [name]() {}\n"
                + "  async onMessage(e) { await this.render(e.data); }\n"
                + "  static { Chat.count = 0; }\n"
                + "}";
        Node c = onlyStatement(js);
        assertEquals(Kind.CLASS, c.kind);
        assertEquals("Chat", c.text);
        assertEquals(Node.DECLARATION, c.flags);
        assertEquals(js, src(c));
        assertEquals("IDENT\"Base\"", c.kid(0).shape());
        List<Node> m = c.rest(1);
        assertEquals(11, m.size(), c::shape);

        assertEquals("CLASS_FIELD(IDENT\"socket\" NULL)", m.get(0).shape());
        assertEquals("socket = null;", src(m.get(0)));
        assertEquals("CLASS_FIELD" + flags(Node.STATIC) + "(IDENT\"count\" EMPTY)", m.get(1).shape());
        assertEquals("static count;", src(m.get(1)));
        assertEquals("CLASS_FIELD" + flags(Node.COMPUTED) + "(IDENT\"key\" NUMBER\"2\")", m.get(2).shape());
        assertEquals("CLASS_FIELD(STRING\"quoted\" NUMBER\"3\")", m.get(3).shape());

        Node ctor = m.get(4);
        assertEquals("PROPERTY" + flags(Node.METHOD) + "(IDENT\"constructor\" FUNCTION" + flags(Node.METHOD)
                + "(PARAMS(IDENT\"url\") BLOCK(EXPR_STMT(CALL(SUPER IDENT\"url\")))))", ctor.shape());
        assertEquals("constructor", ctor.keyName());
        assertEquals("(url) { super(url); }", src(ctor.kid(1)), "a method's FUNCTION spans from '(' to '}'");

        Node stream = m.get(5);
        assertEquals(Node.METHOD | Node.STATIC, stream.flags);
        assertEquals(Node.METHOD | Node.ASYNC | Node.GENERATOR, stream.kid(1).flags);
        assertEquals("static async *stream() {}", src(stream), "a member starts at its first modifier");

        assertEquals(Node.GETTER, m.get(6).flags);
        assertEquals(Node.GETTER, m.get(6).kid(1).flags);
        assertEquals("get ready() { return true; }", src(m.get(6)));
        assertEquals("() { return true; }", src(m.get(6).kid(1)));
        assertEquals(Node.SETTER, m.get(7).flags);
        assertEquals("PARAMS(IDENT\"v\")", m.get(7).kid(1).kid(0).shape());

        assertEquals(Node.METHOD | Node.STATIC | Node.COMPUTED, m.get(8).flags);
        assertNull(m.get(8).keyName());
        assertEquals("static [name]() {}", src(m.get(8)));

        Node onMessage = m.get(9);
        assertEquals(Node.METHOD | Node.ASYNC, onMessage.kid(1).flags);
        assertEquals("async onMessage(e) { await this.render(e.data); }", src(onMessage));

        Node block = m.get(10);
        assertEquals("STATIC_BLOCK(EXPR_STMT(ASSIGN\"=\"(MEMBER\"count\"(IDENT\"Chat\") NUMBER\"0\")))", block.shape());
        assertEquals("static { Chat.count = 0; }", src(block));
    }

    @Test
    void classExpressionsAndAnonymousClasses() {
        Node c = init("const C = class Named {};");
        assertEquals("CLASS\"Named\"(EMPTY)", c.shape(), "a class expression is not a declaration; no superclass is EMPTY");
        assertEquals("class Named {}", src(c));
        Node anon = init("const D = class extends (mixin(A)) { m() {} };");
        assertNull(anon.text);
        assertEquals("CALL(IDENT\"mixin\" IDENT\"A\")", anon.kid(0).shape());
        assertEquals("m() {}", src(anon.kid(1)));
    }

    @Test
    void privateNamesAreASyntaxErrorInThisRelease() {
        JsSyntaxError e = assertThrows(JsSyntaxError.class,
                () -> closure.parse("p.js", "class A {\n  #socket = null;\n}"));
        assertEquals(2, e.line);
    }

    // ------------------------------------------------------------------ modules

    @Test
    void importsOfEveryForm() {
        Node p = program("import d, * as ns from './a.js';\nimport { x, y as z, default as w } from \"./b.js\";\nimport './side.js';");
        Node a = p.kid(0);
        assertEquals("IMPORT\"./a.js\"(IMPORT_SPEC\"default\"(IDENT\"d\") IMPORT_SPEC\"*\"(IDENT\"ns\"))", a.shape());
        assertEquals("import d, * as ns from './a.js';", src(a));
        assertEquals("d", src(a.kid(0)));
        assertEquals("* as ns", src(a.kid(1)));
        Node b = p.kid(1);
        assertEquals("IMPORT\"./b.js\"(IMPORT_SPEC\"x\"(IDENT\"x\") IMPORT_SPEC\"y\"(IDENT\"z\") IMPORT_SPEC\"default\"(IDENT\"w\"))",
                b.shape());
        assertEquals("y as z", src(b.kid(1)));
        assertEquals("z", src(b.kid(1).kid(0)));
        assertEquals("IMPORT\"./side.js\"", p.kid(2).shape());
    }

    @Test
    void exportsOfEveryForm() {
        Node p = program("export const a = 1, b = 2;\nexport function f() {}\nexport class K {}\n"
                + "export default async function () {}\nexport { a as alias, b };\nexport * from './all.js';\n"
                + "export { x as y } from './re.js';");
        assertEquals("EXPORT(VAR_DECL\"const\"(DECLARATOR(IDENT\"a\" NUMBER\"1\") DECLARATOR(IDENT\"b\" NUMBER\"2\")))", p.kid(0).shape());
        assertEquals("const a = 1, b = 2;", src(p.kid(0).kid(0)), "the exported declaration keeps its semicolon");
        assertEquals("EXPORT(FUNCTION\"f\"" + flags(Node.DECLARATION) + "(PARAMS BLOCK))", p.kid(1).shape());
        assertEquals("EXPORT(CLASS\"K\"" + flags(Node.DECLARATION) + "(EMPTY))", p.kid(2).shape());
        Node def = p.kid(3);
        assertEquals(Node.DEFAULT, def.flags);
        assertEquals("FUNCTION" + flags(Node.DECLARATION | Node.ASYNC) + "(PARAMS BLOCK)", def.kid(0).shape());
        assertEquals("EXPORT(EXPORT_SPEC\"alias\"(IDENT\"a\") EXPORT_SPEC\"b\"(IDENT\"b\"))", p.kid(4).shape());
        assertEquals("a as alias", src(p.kid(4).kid(0)));
        assertEquals("EXPORT\"./all.js\"(EXPORT_SPEC\"*\"(IDENT\"*\"))", p.kid(5).shape());
        assertEquals("*", src(p.kid(5).kid(0)));
        assertEquals("EXPORT\"./re.js\"(EXPORT_SPEC\"y\"(IDENT\"x\"))", p.kid(6).shape());

        Node arrow = onlyStatement("export default async () => 1;").kid(0);
        assertEquals(Node.ARROW | Node.ASYNC | Node.EXPRESSION_BODY, arrow.flags, "an exported arrow is no declaration");

        Node expr = onlyStatement("export default { url: 'wss://a' };");
        assertEquals("EXPORT" + flags(Node.DEFAULT) + "(OBJECT(PROPERTY(IDENT\"url\" STRING\"wss://a\")))", expr.shape());
    }

    @Test
    void dynamicImportAndMetaProperties() {
        Node imp = onlyExpression("import('./chunk.js').then(m => m.run());");
        Node call = first(imp, Kind.IMPORT_CALL);
        assertEquals("IMPORT_CALL(STRING\"./chunk.js\")", call.shape());
        assertEquals("import('./chunk.js')", src(call));

        Node meta = onlyExpression("new URL('./w.js', import.meta.url);");
        Node mp = first(meta, Kind.META_PROPERTY);
        assertEquals("import.meta", mp.text);
        assertEquals("import.meta", src(mp));

        Node f = onlyStatement("function F() { if (!new.target) throw 1; }");
        Node nt = first(f, Kind.META_PROPERTY);
        assertEquals("new.target", nt.text);
        assertEquals("new.target", src(nt));
    }

    // ------------------------------------------------------------------ expressions

    @Test
    void spreadInCallsArraysAndObjects() {
        Node call = onlyExpression("ws.send(...parts, last);");
        assertEquals("CALL(MEMBER\"send\"(IDENT\"ws\") SPREAD(IDENT\"parts\") IDENT\"last\")", call.shape());
        assertEquals("...parts", src(call.kid(1)));
        Node nw = onlyExpression("new WebSocket(...args);");
        assertEquals("NEW(IDENT\"WebSocket\" SPREAD(IDENT\"args\"))", nw.shape());
        assertEquals("ARRAY(SPREAD(IDENT\"a\") NUMBER\"1\")", init("const x = [...a, 1];").shape());
        Node o = init("const o = { ...defaults, url };");
        assertEquals("OBJECT(SPREAD(IDENT\"defaults\") PROPERTY" + flags(Node.SHORTHAND) + "(IDENT\"url\" IDENT\"url\"))", o.shape());
        assertEquals("...defaults", src(o.kid(0)));
    }

    @Test
    void optionalChainingNullishExponentAndLogicalAssignment() {
        Node chain = onlyExpression("a?.b.c?.[k]?.(x);");
        assertEquals("CALL" + flags(Node.OPTIONAL) + "(MEMBER" + flags(Node.COMPUTED | Node.OPTIONAL)
                + "(MEMBER\"c\"(MEMBER\"b\"" + flags(Node.OPTIONAL) + "(IDENT\"a\")) IDENT\"k\") IDENT\"x\")", chain.shape(),
                "OPTIONAL marks the links written with '?.'");
        assertEquals("a?.b.c?.[k]", src(chain.kid(0)));
        assertEquals("LOGICAL\"??\"(IDENT\"port\" NUMBER\"443\")", onlyExpression("port ?? 443;").shape());
        Node pow = onlyExpression("2 ** 3 ** 2;");
        assertEquals("BINARY\"**\"(NUMBER\"2\" BINARY\"**\"(NUMBER\"3\" NUMBER\"2\"))", pow.shape());
        assertEquals("ASSIGN\"??=\"(IDENT\"x\" IDENT\"y\")", onlyExpression("x ??= y;").shape());
        assertEquals("ASSIGN\"||=\"(IDENT\"x\" IDENT\"y\")", onlyExpression("x ||= y;").shape());
        assertEquals("ASSIGN\"&&=\"(IDENT\"x\" IDENT\"y\")", onlyExpression("x &&= y;").shape());
        Node chainAnd = onlyExpression("a && b && c;");
        assertEquals("LOGICAL\"&&\"(LOGICAL\"&&\"(IDENT\"a\" IDENT\"b\") IDENT\"c\")", chainAnd.shape(), "left-nested");
    }

    @Test
    void operatorsAndParentheses() {
        Node u = onlyExpression("!(typeof x === 'string');");
        assertEquals("UNARY\"!\"(BINARY\"===\"(UNARY\"typeof\"(IDENT\"x\") STRING\"string\"))", u.shape());
        assertEquals(text.substring(0, text.length() - 1), src(u));
        assertEquals("typeof x === 'string'", src(u.kid(0)), "parentheses are dropped, the inner range kept");
        assertEquals("UPDATE\"++\"" + flags(Node.PREFIX) + "(IDENT\"i\")", onlyExpression("++i;").shape());
        assertEquals("UPDATE\"--\"(IDENT\"i\")", onlyExpression("i--;").shape());
        Node seq = onlyExpression("a, b, c;");
        assertEquals("SEQUENCE(IDENT\"a\" IDENT\"b\" IDENT\"c\")", seq.shape());
        assertEquals("CONDITIONAL(IDENT\"s\" STRING\"wss:\" STRING\"ws:\")", onlyExpression("s ? 'wss:' : 'ws:';").shape());
        assertEquals("UNARY\"delete\"(MEMBER\"p\"(IDENT\"o\"))", onlyExpression("delete o.p;").shape());
        assertEquals("BINARY\"instanceof\"(IDENT\"x\" IDENT\"WebSocket\")", onlyExpression("x instanceof WebSocket;").shape());
        assertEquals("MEMBER\"send\"" + flags(Node.COMPUTED) + "(IDENT\"ws\" STRING\"send\")", onlyExpression("ws['send'];").shape());
        assertEquals("MEMBER\"default\"(IDENT\"m\")", onlyExpression("m.default;").shape());
    }

    @Test
    void objectLiteralMembers() {
        String js = "const o = {\n  url,\n  port: 443,\n  connect() {},\n  async open() {},\n  *frames() {},\n"
                + "  get state() { return 1; },\n  set state(v) {},\n  [key]: 2,\n  'content-type': 'json',\n  7: 'seven',\n"
                + "  /* c */ async [dyn]() {},\n  'quoted'() {}\n};";
        Node o = init(js);
        assertEquals(12, o.size(), o::shape);
        assertEquals("PROPERTY" + flags(Node.SHORTHAND) + "(IDENT\"url\" IDENT\"url\")", o.kid(0).shape());
        assertEquals("port: 443", src(o.kid(1)));
        assertEquals("PROPERTY" + flags(Node.METHOD) + "(IDENT\"connect\" FUNCTION" + flags(Node.METHOD) + "(PARAMS BLOCK))",
                o.kid(2).shape());
        assertEquals("() {}", src(o.kid(2).kid(1)));
        assertEquals("async open() {}", src(o.kid(3)));
        assertEquals(Node.METHOD | Node.ASYNC, o.kid(3).kid(1).flags);
        assertEquals("*frames() {}", src(o.kid(4)));
        assertEquals(Node.METHOD | Node.GENERATOR, o.kid(4).kid(1).flags);
        assertEquals("get state() { return 1; }", src(o.kid(5)));
        assertEquals(Node.GETTER, o.kid(5).flags);
        assertEquals(Node.SETTER, o.kid(6).flags);
        assertEquals("PROPERTY" + flags(Node.COMPUTED) + "(IDENT\"key\" NUMBER\"2\")", o.kid(7).shape());
        assertEquals("content-type", o.kid(8).keyName());
        assertEquals("PROPERTY(NUMBER\"7\" STRING\"seven\")", o.kid(9).shape());
        assertEquals("async [dyn]() {}", src(o.kid(10)), "a comment before a member is not part of it");
        assertEquals(Node.METHOD | Node.COMPUTED, o.kid(10).flags);
        assertEquals("PROPERTY" + flags(Node.METHOD) + "(STRING\"quoted\" FUNCTION" + flags(Node.METHOD) + "(PARAMS BLOCK))",
                o.kid(11).shape(), "a string-named method is not computed");
    }

    @Test
    void templateLiteralsAreCookedAndTagged() {
        Node t = init("const u = `wss://${host}/ws?room=${room}\\n`;");
        assertEquals("TEMPLATE(STRING\"wss://\" IDENT\"host\" STRING\"/ws?room=\" IDENT\"room\" STRING\"\n\")", t.shape());
        assertEquals("`wss://${host}/ws?room=${room}\\n`", src(t), "the TEMPLATE starts at its backtick");
        assertEquals("wss://", src(t.kid(0)), "a quasi covers its characters only");
        assertEquals("/ws?room=", src(t.kid(2)));
        assertEquals("\\n", src(t.kid(4)));
        Node empty = init("const e = `${a}${b}`;");
        assertEquals("TEMPLATE(STRING\"\" IDENT\"a\" STRING\"\" IDENT\"b\" STRING\"\")", empty.shape());
        assertEquals("TEMPLATE(STRING\"plain\")", init("const p = `plain`;").shape());
        Node tagged = init("const h = html`<b>${name}</b>`;");
        assertEquals("TAGGED_TEMPLATE(IDENT\"html\" TEMPLATE(STRING\"<b>\" IDENT\"name\" STRING\"</b>\"))", tagged.shape());
        assertEquals("html`<b>${name}</b>`", src(tagged));
        assertEquals("`<b>${name}</b>`", src(tagged.kid(1)));
        assertEquals("TEMPLATE(STRING\"a\nb\")", init("const c = `a\r\nb`;").shape(), "CRLF in a template cooks to LF");
        Node call = onlyExpression("`wss://${h}`.trim() + `/x`;");
        assertEquals("`wss://${h}`.trim() + `/x`", src(call), "an expression that begins with a template starts at its backtick");
        assertEquals("`wss://${h}`.trim", src(call.kid(0).kid(0)));
    }

    @Test
    void literalsKeepSpellingOrCookedValues() {
        Node a = init("const n = [0x1F, 1e3, .5, 1_000, 10n, 0x1fn, true, null, undefined];");
        assertEquals("ARRAY(NUMBER\"0x1F\" NUMBER\"1e3\" NUMBER\".5\" NUMBER\"1_000\" BIGINT\"10n\" BIGINT\"0x1fn\" "
                + "BOOLEAN\"true\" NULL IDENT\"undefined\")", a.shape());
        Node s = init("const s = \"a\\tb\\u0041\\x41\\u{1F600}\\101\\0\" + 'it\\'s' + 'con\\\ntinued';");
        assertEquals("BINARY\"+\"(BINARY\"+\"(STRING\"a\tbAA\uD83D\uDE00A\0\" STRING\"it's\") STRING\"continued\")", s.shape());
        Node r = init("const r = /^wss?:\\/\\/[a-z]+$/giu;");
        assertEquals("REGEX\"^wss?:\\/\\/[a-z]+$\"(STRING\"giu\")", r.shape());
        assertEquals(r.end, r.kid(0).start, "the flags sit at the end of the literal");
        assertEquals("REGEX\"[/]\"(STRING\"\")", init("const q = /[/]/;").shape());
        Node id = init("const \\u0061b = c\\u0064;");
        assertEquals("IDENT\"cd\"", id.shape());
        assertEquals("c\\u0064", src(id));
    }

    @Test
    void statementsLoopsLabelsAndCatchWithoutBinding() {
        Node p = program("outer: for (const [k, v] of map) { if (!v) continue outer; else break; }\n"
                + "for (let i = 0; i < n; i++) {}\nfor (;;) {}\nfor (k in o) ;\n"
                + "async function f() { for await (const m of stream) {} }\n"
                + "try { a(); } catch { b(); } finally { c(); }\n"
                + "switch (x) { case 1: a(); break; default: b(); }\n"
                + "do x++; while (x < 3)\nwhile (x) x--;\nwith (o) p;\ndebugger;");
        Node label = p.kid(0);
        assertEquals("LABELED\"outer\"", label.shape().substring(0, "LABELED\"outer\"".length()));
        assertEquals("outer: for (const [k, v] of map) { if (!v) continue outer; else break; }", src(label));
        Node forOf = label.kid(0);
        assertEquals(Kind.FOR_OF, forOf.kind);
        assertEquals("VAR_DECL\"const\"(DECLARATOR(ARRAY_PATTERN(IDENT\"k\" IDENT\"v\") EMPTY))", forOf.kid(0).shape());
        assertEquals("continue outer;", src(first(forOf, Kind.CONTINUE)));
        assertEquals("outer", first(forOf, Kind.CONTINUE).text);
        assertEquals("FOR(VAR_DECL\"let\"(DECLARATOR(IDENT\"i\" NUMBER\"0\")) BINARY\"<\"(IDENT\"i\" IDENT\"n\") "
                + "UPDATE\"++\"(IDENT\"i\") BLOCK)", p.kid(1).shape());
        assertEquals("let i = 0", src(p.kid(1).kid(0)));
        Node forever = p.kid(2);
        assertEquals("FOR(EMPTY EMPTY EMPTY BLOCK)", forever.shape());
        assertEquals(forever.end, forever.kid(0).start, "absent parts are EMPTY at the loop's end");
        assertEquals("FOR_IN(IDENT\"k\" IDENT\"o\" EMPTY)", p.kid(3).shape());
        Node forAwait = first(p.kid(4), Kind.FOR_OF);
        assertEquals(Node.AWAIT, forAwait.flags);
        Node tr = p.kid(5);
        assertEquals("TRY(BLOCK(EXPR_STMT(CALL(IDENT\"a\"))) CATCH(EMPTY BLOCK(EXPR_STMT(CALL(IDENT\"b\")))) "
                + "BLOCK(EXPR_STMT(CALL(IDENT\"c\"))))", tr.shape());
        Node sw = p.kid(6);
        assertEquals("default: b();", src(sw.kid(2)), "a default clause covers its statements");
        assertEquals("CASE(EMPTY EXPR_STMT(CALL(IDENT\"b\")))", sw.kid(2).shape());
        assertEquals("do x++; while (x < 3)", src(p.kid(7)));
        assertEquals("WITH(IDENT\"o\" EXPR_STMT(IDENT\"p\"))", p.kid(9).shape());
        assertEquals("DEBUGGER", p.kid(10).shape());

        Node twoLabels = onlyStatement("a: b: x;");
        assertEquals("LABELED\"a\"(LABELED\"b\"(EXPR_STMT(IDENT\"x\")))", twoLabels.shape());
        assertEquals("a: b: x;", src(twoLabels));
        assertEquals("b: x;", src(twoLabels.kid(0)));
    }

    // ------------------------------------------------------------------ positions

    @Test
    void rangesAreExactPastColumn4095OfMinifiedLines() {
        // Closure's rhino.Node clamps columns at 4095; the parse tree this front end lowers does not.
        String pad = "var pad=\"" + "x".repeat(10_000) + "\";";
        String js = pad + "class K{m(){this.ws=new WebSocket(`wss://${h}/s`)}}" + pad + "k.ws.onmessage=e=>{el.innerHTML=e.data};";
        Node p = program(js);
        Node nw = first(p, Kind.NEW);
        assertEquals("new WebSocket(`wss://${h}/s`)", src(nw));
        assertEquals("h", src(all(nw, n -> "h".equals(n.text)).get(0)));
        Node assign = all(p, n -> n.kind == Kind.ASSIGN && "=".equals(n.text) && n.kid(0).kind == Kind.MEMBER
                && "innerHTML".equals(n.kid(0).text)).get(0);
        assertEquals("el.innerHTML=e.data", src(assign));
        assertTrue(assign.start > 20_000);
        for (Node n : all(p, n -> n.kind == Kind.IDENT)) assertEquals(n.text, src(n), n::toString);
    }

    @Test
    void rangesAreUtf16OffsetsAndSurviveOtherLineTerminators() {
        String js = "const s = '\uD83D\uDE00\u2028';\r\nws.send(s);\u2029x = 1;";
        Node p = program(js);
        assertEquals("ws.send(s);", src(p.kid(1)));
        assertEquals("x = 1;", src(p.kid(2)));
    }

    @Test
    void aLeadingHashbangLineIsSkipped() {
        Node p = program("#!/usr/bin/env node\nconst ws = new WebSocket('wss://a');\n");
        assertEquals(1, p.size());
        assertEquals("const ws = new WebSocket('wss://a');", src(p.kid(0)));
        assertEquals(20, p.kid(0).start);
    }

    @Test
    void syntaxErrorsCarryLineAndColumn() {
        JsSyntaxError e = assertThrows(JsSyntaxError.class,
                () -> closure.parse("bad.js", "const a = 1;\nconst b = ;\n"));
        assertEquals(2, e.line);
        // Closure reports "primary expression expected" just after the offending ';' (column 11)
        assertEquals(12, e.column);
        assertFalse(e.getMessage().isBlank());
        JsSyntaxError unclosed = assertThrows(JsSyntaxError.class,
                () -> closure.parse("bad.js", "function f() {\n  return 1;\n"));
        assertTrue(unclosed.line >= 2, () -> "line " + unclosed.line);
    }

    @Test
    void deeplyNestedInputIsASyntaxErrorNotACrash() {
        String js = "x = " + "[".repeat(50_000) + "]".repeat(50_000) + ";";
        try {
            closure.parse("deep.js", js);
        } catch (JsSyntaxError e) {
            assertTrue(e.line >= 1);
        }
    }

    // ------------------------------------------------------------------ through the analyzer

    @Test
    void anEsModuleIsAnalysedThroughClosure() {
        String js = "import { render } from './view.js';\n"
                + "const el = document.getElementById('out');\n"
                + "async function connect(url) {\n"
                + "  const ws = new WebSocket(url);\n"
                + "  await ready();\n"
                + "  ws.onmessage = (e) => { el.innerHTML = e.data; };\n"
                + "  return ws;\n"
                + "}\n"
                + "export default connect;\n";
        FileReport r = new JsAnalyzer(RuleCatalog.builtin()).analyze(new SourceFile(Path.of("app.mjs"), "app.mjs", js));
        assertTrue(r.analysed());
        assertEquals("closure", r.frontEnd());
        List<Finding> xss = r.findings().stream().filter(f -> f.ruleId().equals("js/ws-message-xss")).toList();
        assertEquals(1, xss.size(), r.findings()::toString);
        assertEquals(6, xss.get(0).region().startLine());
    }

    @Test
    void aFileNeitherParserReadsGoesToTreeSitterWithBothReasonsNoted() {
        // Closure v20240317 rejects private fields; tree-sitter, the last resort, reads the file.
        String js = "const ok = 1;\nclass A { #p = 1; }\n";
        FileReport r = new JsAnalyzer(RuleCatalog.builtin()).analyze(new SourceFile(Path.of("p.js"), "p.js", js));
        assertTrue(r.analysed());
        assertEquals("tree-sitter", r.frontEnd());
        Notification n = r.notifications().get(0);
        assertEquals("info", n.kind());
        assertTrue(n.message().contains("Rhino: ") && n.message().contains("; Closure: "), n.message());
        assertTrue(n.message().startsWith("read by tree-sitter"), n.message());
    }
}

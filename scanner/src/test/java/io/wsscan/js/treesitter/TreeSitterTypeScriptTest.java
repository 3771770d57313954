package io.wsscan.js.treesitter;

import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;
import io.wsscan.js.closure.ClosureFrontEnd;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.wsscan.js.treesitter.TreeSitterDifferentialTest.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TypeScript lowering. Most cases are written with the type-only parts between « and »: the
 * TypeScript text drops the markers, the JavaScript text replaces the marked parts by spaces (same
 * length), and tree-sitter's IR of the TypeScript must equal Closure's IR of the JavaScript, ranges
 * included — which checks both that types are dropped and that every range is exact.
 */
class TreeSitterTypeScriptTest {

    private final TreeSitterFrontEnd ts = new TreeSitterFrontEnd();

    static String typescript(String marked) {
        return marked.replace("«", "").replace("»", "");
    }

    static String blanked(String marked) {
        StringBuilder sb = new StringBuilder();
        boolean in = false;
        for (char c : marked.toCharArray()) {
            if (c == '«') in = true;
            else if (c == '»') in = false;
            else sb.append(in && c != '\n' ? ' ' : c);
        }
        return sb.toString();
    }

    private void assertLikeJs(String marked) throws Exception {
        String tsText = typescript(marked), js = blanked(marked);
        assertEquals(tsText.length(), js.length());
        TreeSitterFrontEnd.Result r = ts.parse("a.ts", tsText, TreeSitterFrontEnd.Dialect.TYPESCRIPT);
        assertEquals(List.of(), r.errors(), tsText);
        String expected = render(new ClosureFrontEnd().parse("a.js", js).program());
        assertEquals(expected, render(withoutTypeHints(r.ir().program())), tsText);
    }

    /**
     * The IR with the TYPE_HINT values of typed parameters, declarators and fields taken out: what the
     * same code without types lowers to (hints are checked by {@link #typesThatNameApisBecomeHints}).
     */
    static Node withoutTypeHints(Node n) {
        if (n.kind == Kind.ASSIGN_PATTERN && n.kid(1).kind == Kind.TYPE_HINT) return withoutTypeHints(n.kid(0));
        List<Node> kids = new java.util.ArrayList<>();
        for (Node k : n.kids()) kids.add(k.kind == Kind.TYPE_HINT ? Node.empty(n.end) : withoutTypeHints(k));
        return new Node(n.kind, n.start, n.end, n.text, n.flags, kids);
    }

    @Test
    void typesThatNameApisBecomeHints() throws Exception {
        String src = "function f(ws: WebSocket, n: number, h?: signalR.HubConnection | null, s: Subject<string>, d = 1, {a}: T) {}\n"
                + "let later: WebSocket;\nconst now: WebSocket = make();\nclass C { sock?: Socket; ready: boolean = false; }";
        // built-in types (number) are no hints
        Node program = ts.parse("a.ts", src, TreeSitterFrontEnd.Dialect.TYPESCRIPT).ir().program();
        String shape = program.shape();
        assertTrue(shape.contains("PARAMS(ASSIGN_PATTERN(IDENT\"ws\" TYPE_HINT\"WebSocket\") IDENT\"n\""
                + " ASSIGN_PATTERN(IDENT\"h\" TYPE_HINT\"signalR.HubConnection\") ASSIGN_PATTERN(IDENT\"s\" TYPE_HINT\"Subject\")"
                + " ASSIGN_PATTERN(IDENT\"d\" NUMBER\"1\") OBJECT_PATTERN("), shape);
        assertTrue(shape.contains("DECLARATOR(IDENT\"later\" TYPE_HINT\"WebSocket\")"), shape);
        assertTrue(shape.contains("DECLARATOR(IDENT\"now\" CALL(IDENT\"make\"))"), "an initialiser wins over the type: " + shape);
        assertTrue(shape.contains("CLASS_FIELD(IDENT\"sock\" TYPE_HINT\"Socket\")"), shape);
        Node hint = program.kid(1).kid(0).kid(1);
        assertEquals(Kind.TYPE_HINT, hint.kind);
        assertEquals("WebSocket", src.substring(hint.start, hint.end), "the hint's range is the type name");
    }

    @Test
    void typedFunctionsAndParametersDropTheirTypes() throws Exception {
        assertLikeJs("function f«<T>»(a«: string», b«?: number», c«: T[]» = [])«: void» { return a«!» «as any»; }");
        assertLikeJs("const id = «<T,>»(a«: T»)«: T» => a; let v = «<string>»w; const n = (x «satisfies Y»);");
        assertLikeJs("async function g(«this: Window, »e«: MessageEvent<string>»)«: Promise<void>» { await h«<number>»(e.data); }");
    }

    @Test
    void typeDeclarationsDisappear() throws Exception {
        assertLikeJs("«interface I { x: number; y(): void }»\nlet x«: I» = 1;\n«type T = string | number;»\nconst y = f«<T>»(1);");
        assertLikeJs("«declare const z: number;»\n«declare function q(a: number): void;»\nfunction q(a«: any») {}");
        assertLikeJs("«import type { X } from './x';»\n«export type { Y as Z };»\nexport { a«, type B» };");
    }

    @Test
    void parameterPropertiesAssignFieldsFirst() throws Exception {
        String ts = "class S {\n  constructor(private readonly ws: WebSocket, url: string, public log?: Element) { go(); }\n}";
        Node program = new TreeSitterFrontEnd().parse("s.ts", ts, TreeSitterFrontEnd.Dialect.TYPESCRIPT).ir().program();
        String shape = program.shape();
        // this.ws = ws; this.log = log; then the body; 'url' is a plain parameter
        assertTrue(shape.contains("BLOCK(EXPR_STMT(ASSIGN\"=\"(MEMBER\"ws\"(THIS) IDENT\"ws\")) EXPR_STMT(ASSIGN\"=\"(MEMBER\"log\"(THIS) IDENT\"log\")) EXPR_STMT(CALL(IDENT\"go\")))"), shape);
    }

    @Test
    void classesDropModifiersDecoratorsAndFieldTypes() throws Exception {
        assertLikeJs("«@Injectable({ providedIn: 'root' })»\nexport class S«<T>» «implements OnDestroy» {\n"
                + "  «private» ws«: WebSocket»;\n  «readonly» url«: string» = 'wss://x';\n  static «readonly» n«?: number»;\n"
                + "  constructor(a«: number») { this.ws = new WebSocket(this.url); }\n"
                + "  «public» send(m«: T»)«: void» { this.ws«!».send(m); }\n  «@HostListener('x')» «protected» get v()«: number» { return 1; }\n"
                + "  «m2(a: string): void;»\n  m2(a«: any») {}\n}");
        assertLikeJs("«abstract »class A extends B«<string>» { «abstract m(): void;» n() { return super.n«?.»(); } }");
    }

    @Test
    void privateFieldsAndOptionalChains() throws Exception {
        String src = "class C { #s: WebSocket | null = null; static #n = 1; #m() {} go(x: string) { this.#s?.send(x); } }";
        TreeSitterFrontEnd.Result r = ts.parse("a.ts", src, TreeSitterFrontEnd.Dialect.TYPESCRIPT);
        assertEquals(List.of(), r.errors());
        Node cls = r.ir().program().kid(0);
        assertEquals(Kind.CLASS, cls.kind);
        assertEquals("CLASS_FIELD(PRIVATE_NAME\"s\" NULL)", cls.kid(1).shape());
        assertEquals(10, cls.kid(1).start);
        assertEquals(src.indexOf("static #n") - 1, cls.kid(1).end);
        assertEquals("CLASS_FIELD#256(PRIVATE_NAME\"n\" NUMBER\"1\")", cls.kid(2).shape());
        assertEquals(Kind.PRIVATE_NAME, cls.kid(3).kid(0).kind);
        Node call = cls.kid(4).kid(1).kid(1).kid(0).kid(0);
        assertEquals("CALL(MEMBER\"send\"#2048(MEMBER\"#s\"(THIS)) IDENT\"x\")", call.shape());
        int at = src.indexOf("this.#s?.send(x)");
        assertEquals(at, call.start);
        assertEquals(at + "this.#s?.send(x)".length(), call.end);
    }

    @Test
    void enumsBecomeConstObjectsAndNamespacesBlocks() throws Exception {
        String src = "enum E { A = 'ws://x', B = 5, C }\nnamespace N { export const a = 1; }\nconst enum F { X }";
        Node p = ts.parse("a.ts", src, TreeSitterFrontEnd.Dialect.TYPESCRIPT).ir().program();
        assertEquals("VAR_DECL\"const\"(DECLARATOR(IDENT\"E\" OBJECT(PROPERTY(IDENT\"A\" STRING\"ws://x\") "
                + "PROPERTY(IDENT\"B\" NUMBER\"5\") PROPERTY(IDENT\"C\" NUMBER\"6\"))))", p.kid(0).shape());
        assertEquals("BLOCK(EXPORT(VAR_DECL\"const\"(DECLARATOR(IDENT\"a\" NUMBER\"1\"))))", p.kid(1).shape());
        assertEquals(src.indexOf("namespace"), p.kid(1).start);
        assertEquals(3, p.size());
    }

    @Test
    void declarationFilesYieldNoCode() throws Exception {
        String src = "declare module 'x' { export function f(a: string): void; }\nexport interface I { a: number }\n"
                + "export declare class K { m(): void; }\ndeclare global { interface Window { w: WebSocket } }";
        TreeSitterFrontEnd.Result r = ts.parse("x.d.ts", src, TreeSitterFrontEnd.Dialect.TYPESCRIPT);
        assertEquals(List.of(), r.errors());
        assertTrue(r.ir().program().size() <= 1, r.ir().program().shape());
    }
}

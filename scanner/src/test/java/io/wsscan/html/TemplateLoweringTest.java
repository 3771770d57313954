/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.html;

import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;
import io.wsscan.js.closure.ClosureFrontEnd;
import io.wsscan.js.rhino.RhinoFrontEnd;
import io.wsscan.js.treesitter.TreeSitterFrontEnd;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The IR that inline code becomes: node kinds and the template offsets they carry. */
class TemplateLoweringTest {

    /** The lowered top-level statements of a template, parsed by Rhino (or tree-sitter for a dialect). */
    private static List<Node> lowered(String text, TemplateKind kind) throws Exception {
        ScriptExtractor.Result x = ScriptExtractor.extract(text, kind);
        Node program = x.dialect() != null
                ? new TreeSitterFrontEnd().parse("t", x.masked(), x.dialect()).ir().program()
                : new RhinoFrontEnd().parse("t", x.masked()).program();
        return new TemplateLowering(x.inline()).apply(program).kids();
    }

    @Test
    void handlerRunsOnItsElement() throws Exception {
        String html = "<input type=\"password\" name=\"pin\" onchange=\"send(this.value)\">";
        List<Node> st = lowered(html, TemplateKind.HTML);
        assertEquals(1, st.size());
        Node call = st.get(0).kid(0);
        // function(event){...}.call(@element('input[type=password][name=pin]'), {target: .., currentTarget: ..})
        assertEquals(Kind.CALL, call.kind);
        assertEquals(Kind.MEMBER, call.kid(0).kind);
        assertEquals("call", call.kid(0).text);
        assertEquals(Kind.FUNCTION, call.kid(0).kid(0).kind);
        Node el = call.kid(1);
        assertEquals(Kind.CALL, el.kind);
        assertEquals(TemplateLowering.ELEMENT, el.kid(0).text);
        assertEquals("input[type=password][name=pin]", el.kid(1).text);
        int at = html.indexOf("onchange");
        assertEquals(at, el.start, "the element stands at the handler attribute");
        assertEquals(at + "onchange".length(), el.end);
        Node event = call.kid(2);
        assertEquals(Kind.OBJECT, event.kind);
        assertEquals("target", event.kid(0).kid(0).text);
        assertSame(el, event.kid(0).kid(1));
    }

    @Test
    void bodyMessageHandlerIsAssignedToTheWindow() throws Exception {
        String html = "<body\n  onmessage=\"show(event.data)\"\n  onclick=\"tap(this)\">\n</body>";
        List<Node> st = lowered(html, TemplateKind.HTML);
        assertEquals(2, st.size());
        Node assign = st.get(0).kid(0);
        assertEquals(Kind.ASSIGN, assign.kind);
        assertEquals("onmessage", assign.kid(0).text);
        assertEquals(html.indexOf("onmessage"), assign.start, "the registration is the attribute, on its line");
        assertEquals(Kind.FUNCTION, assign.kid(1).kind);
        // onclick of the body is the body element's own handler
        assertEquals(Kind.CALL, st.get(1).kid(0).kind);
    }

    @Test
    void javascriptUrlIsLeftAsWritten() throws Exception {
        List<Node> st = lowered("<a href=\"javascript:go(this)\">go</a>", TemplateKind.HTML);
        assertEquals(Kind.UNARY, st.get(0).kid(0).kind);
    }

    @Test
    void vueBindingsBecomeElementAttributes() throws Exception {
        String vue = "<template>\n  <iframe\n    :src=\"frame\"></iframe>\n</template>\n<script setup lang=\"ts\">\nconst frame: string = '';\n</script>\n";
        List<Node> st = lowered(vue, TemplateKind.VUE);
        Node el = st.get(0).kid(0);
        assertEquals(Kind.JSX_ELEMENT, el.kind);
        assertEquals("iframe", el.text);
        Node attr = el.kid(0);
        assertEquals(Kind.JSX_ATTR, attr.kind);
        assertEquals("src", attr.text);
        assertEquals(vue.indexOf(":src"), attr.start);
        assertEquals(Kind.JSX_EXPR, attr.kid(0).kind);
        assertEquals("frame", attr.kid(0).kid(0).text);
    }

    @Test
    void vueOptionsComponentIsOneInstance() throws Exception {
        String vue = "<template>\n<p v-html=\"html\" :title=\"Math.abs(n)\"></p>\n</template>\n<script>\n"
                + "const local = 1;\nexport default {\n  data() { return { html: '' }; },\n"
                + "  methods: { set(v) { this.html = v; function f() { return this; } } },\n};\n</script>\n";
        ScriptExtractor.Result x = ScriptExtractor.extract(vue, TemplateKind.VUE);
        Node program = new ClosureFrontEnd().parse("t", x.masked()).program();
        List<Node> st = new TemplateLowering(x.inline(), true).apply(program).kids();
        // (html) reads the instance; Math is a template global
        Node html = st.get(0).kid(0).kid(0).kid(0).kid(0);
        assertEquals(Kind.MEMBER, html.kind);
        assertEquals("html", html.text);
        assertEquals(VueOptions.INSTANCE, html.kid(0).text);
        assertEquals(vue.indexOf("html\" :"), html.start);
        Node math = st.get(1).kid(0).kid(0).kid(0).kid(0).kid(0).kid(0);
        assertEquals("Math", math.text);
        // export default @vue-component = {...}; then the copies of methods and data properties
        Node export = st.get(3);
        assertEquals(Kind.EXPORT, export.kind);
        Node store = export.kid(0);
        assertEquals(Kind.ASSIGN, store.kind);
        assertEquals(VueOptions.INSTANCE, store.kid(0).text);
        Node set = store.kid(1).kid(1).kid(1).kid(0).kid(1);
        assertEquals(Kind.FUNCTION, set.kind);
        Node assign = set.kid(1).kid(0).kid(0);
        assertEquals(VueOptions.INSTANCE, assign.kid(0).kid(0).text, "this in a method is the instance");
        Node nested = set.kid(1).kid(1);
        assertEquals(Kind.THIS, nested.kid(1).kid(0).kid(0).kind, "a nested plain function keeps its own this");
        // one copy for the data property, one for the method, in the order of the options
        assertEquals("html", st.get(4).kid(0).kid(0).text);
        assertEquals("set", st.get(5).kid(0).kid(0).text);
    }

    @Test
    void vueLoopUnwrapsTheListAndKeepsTheItem() throws Exception {
        String vue = "<template>\n<li v-for=\"(m, i) in list\" v-html=\"m\"></li>\n</template>\n";
        ScriptExtractor.Result x = ScriptExtractor.extract(vue, TemplateKind.VUE);
        Node program = new ClosureFrontEnd().parse("t", x.masked()).program();
        Node loop = new TemplateLowering(x.inline()).apply(program).kid(0);
        assertEquals(Kind.FOR_OF, loop.kind);
        assertEquals(Kind.IDENT, loop.kid(0).kid(0).kid(0).kind, "the tuple alias binds the item");
        assertEquals("m", loop.kid(0).kid(0).kid(0).text);
        Node right = loop.kid(1);
        assertEquals(Kind.LOGICAL, right.kind);
        assertEquals("??", right.text);
        assertEquals("value", right.kid(0).text);
        Node body = loop.kid(2);
        assertEquals(Kind.JSX_ELEMENT, body.kid(0).kid(0).kind, "bindings inside the loop are lowered too");
        assertEquals(vue.indexOf("v-html"), body.kid(0).kid(0).start);
    }
}

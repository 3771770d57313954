/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.html;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The masked text itself: same length, same line breaks, code in place, everything else blank. */
class ScriptExtractorTest {

    /** Extracts and checks the invariants every masked text must keep. */
    static ScriptExtractor.Result extract(String text, TemplateKind kind) {
        return extract(text, kind, false);
    }

    static ScriptExtractor.Result extract(String text, TemplateKind kind, boolean firstBranchOnly) {
        ScriptExtractor.Result r = ScriptExtractor.extract(text, kind, firstBranchOnly);
        String m = r.masked();
        assertEquals(text.length(), m.length(), "same length");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean br = c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
            if (br) assertEquals(c, m.charAt(i), "line break kept at " + i);
            else assertFalse(m.charAt(i) == '\n' || m.charAt(i) == '\r', "no new line break at " + i);
        }
        return r;
    }

    /** The masked text with each run of spaces squeezed to one and lines trimmed, for readable asserts. */
    static String squeezed(ScriptExtractor.Result r) {
        StringBuilder sb = new StringBuilder();
        for (String line : r.masked().split("\n", -1)) {
            String t = line.replace("\r", "").strip().replaceAll(" +", " ");
            if (!t.isEmpty()) sb.append(t).append('\n');
        }
        return sb.toString();
    }

    @Test
    void scriptCodeStaysInPlaceAndTheRestIsBlank() {
        String html = "<!doctype html>\n<html><head><title>x</title>\n"
                + "<script>var a = 1 < 2;</script>\n</head><body><p>hello <b>world</b></p>\n"
                + "<script type=\"text/javascript\">\n  a++;\n</script></body></html>\n";
        ScriptExtractor.Result r = extract(html, TemplateKind.HTML);
        assertEquals(2, r.scripts());
        int at = html.indexOf("var a");
        assertEquals("var a = 1 < 2;", r.masked().substring(at, at + 14));
        assertEquals(';', r.masked().charAt(html.indexOf("</script>")), "separator on the closing tag");
        assertEquals("var a = 1 < 2;;\na++;\n;\n", squeezed(r));
        assertTrue(r.notes().isEmpty());
    }

    @Test
    void blockEndingMidStatementIsClosed() {
        ScriptExtractor.Result r = extract("<script>var a = 1</script><script>(function(){})()</script>", TemplateKind.HTML);
        assertEquals("var a = 1; (function(){})();\n", squeezed(r));
    }

    @Test
    void trailingLineCommentDoesNotSwallowTheSeparatorOrTheNextBlock() {
        ScriptExtractor.Result r = extract("<script>a() // see below</script><script>b()</script>", TemplateKind.HTML);
        assertEquals("a() ; b();\n", squeezed(r));
    }

    @Test
    void dataAndTemplateScriptsExternalScriptsAndOtherLanguagesAreLeftOut() {
        String html = "<script type=\"text/template\"><div>${x}</div></script>\n"
                + "<script type=\"text/x-handlebars-template\">{{#each}}</script>\n"
                + "<script type=\"application/json\">{\"a\": 1}</script>\n"
                + "<script type=\"application/ld+json\">{}</script>\n"
                + "<script type=\"importmap\">{\"imports\": {}}</script>\n"
                + "<script type=\"text/html\"><p></p></script>\n"
                + "<script src=\"/app.js\">ignored()</script>\n"
                + "<script type=\"text/babel\">const A = () => <div/>;</script>\n"
                + "<script language=\"vbscript\">MsgBox 1</script>\n"
                + "<script type=\"module\">m()</script>\n"
                + "<script type=\"TEXT/JavaScript\">t()</script>\n"
                + "<script type=\"application/javascript\">j()</script>\n"
                + "<script language=\"JavaScript1.2\">l()</script>\n";
        ScriptExtractor.Result r = extract(html, TemplateKind.HTML);
        assertEquals("m();\nt();\nj();\nl();\n", squeezed(r));
        assertEquals(4, r.scripts());
        assertEquals(1, r.notes().size(), r.notes().toString());
        assertTrue(r.notes().get(0).message().contains("text/babel"));
        assertEquals(html.indexOf("<script type=\"text/babel\""), r.notes().get(0).offset());
    }

    @Test
    void handlersBecomeFunctionsAtTheirOffsets() {
        String html = "<body onload=\"init()\">\n"
                + "<form onsubmit=\"return check(this)\"><a href=\"#\" onclick='go(1); return false;'>x</a>\n"
                + "<b onmouseover=tip()>t</b>\n";
        ScriptExtractor.Result r = extract(html, TemplateKind.HTML);
        assertEquals(4, r.handlers());
        int at = html.indexOf("init()");
        assertEquals("init()};", r.masked().substring(at, at + 8));
        assertEquals("!function(){init()};\n"
                + "!function(){return check(this)}; !function(event){go(1); return false;};\n"
                + "!function(){tip()};\n", squeezed(r));
    }

    @Test
    void handlersWithCharacterReferencesAreNotedNotGuessed() {
        String html = "<button onclick=\"say(&quot;hi&quot;)\">x</button><button onclick=\"a && b()\">y</button>";
        ScriptExtractor.Result r = extract(html, TemplateKind.HTML);
        assertEquals(1, r.handlers(), "the raw '&&' is not a character reference");
        assertEquals(1, r.notes().size());
        assertEquals(html.indexOf("onclick"), r.notes().get(0).offset());
        assertTrue(r.notes().get(0).message().contains("character references"));
        assertFalse(r.masked().contains("say"));
    }

    @Test
    void incompleteHandlerIsNoted() {
        ScriptExtractor.Result r = extract("<a onclick=\"f('x)\">a</a><a onclick=\"if (a) {\">b</a><a onclick=\"ok()\">c</a>",
                TemplateKind.HTML);
        assertEquals(1, r.handlers());
        assertEquals(2, r.notes().size());
        assertEquals("!function(event){ok()};\n", squeezed(r));
    }

    @Test
    void onlyEventHandlerAttributesAreCode() {
        ScriptExtractor.Result r = extract("<x-status online=\"yes\" only=\"Mon, Tue\" onboarding=\"step 1\" onclick=\"go()\">",
                TemplateKind.HTML);
        assertEquals("!function(event){go()};\n", squeezed(r));
        assertEquals(1, r.inline().size());
        assertTrue(r.masked().substring(r.inline().get(0).start(), r.inline().get(0).end()).matches("!function\\(event\\)\\{go\\(\\)\\};"));
    }

    @Test
    void javascriptUrls() {
        String html = "<a href=\"javascript:send(1)\">s</a><a href=\"JavaScript:void(0)\">v</a>"
                + "<a href=\"javascript:alert('a%20b')\">p</a><a href=\"/x\">n</a>";
        ScriptExtractor.Result r = extract(html, TemplateKind.HTML);
        assertEquals("!function(event){send(1)}; !function(event){void(0)};\n", squeezed(r));
        assertEquals(1, r.notes().size());
        assertTrue(r.notes().get(0).message().contains("percent"));
    }

    @Test
    void jspScriptletsAndElInsideScripts() {
        String jsp = "<%@ page contentType=\"text/html;charset=UTF-8\" %>\n"
                + "<%@ taglib prefix=\"c\" uri=\"http://java.sun.com/jsp/jstl/core\" %>\n"
                + "<%-- <script>notAScript()</script> --%>\n"
                + "<script>\n"
                + "  var id = <%= user.getId() %>;\n"
                + "  var name = '${user.name}';\n"
                + "  var label = \"<c:out value='${user.label}'/>\";\n"
                + "  if (<%= flag %>) { show(); }\n"
                + "  <% if (admin) { %>\n"
                + "  admin(${admin.level}, <c:out value=\"${x}\"/>);\n"
                + "  <% } %>\n"
                + "  var multi = '<%= a\n"
                + "     + b %>';\n"
                + "  var out = '<% out.print(\"</script>\"); %>';\n"
                + "</script>\n";
        ScriptExtractor.Result r = extract(jsp, TemplateKind.JSP);
        assertEquals(1, r.scripts());
        assertEquals("var id = _$_ ;\n"
                + "var name = ' ';\n"
                + "var label = \" \";\n"
                + "if (_$_ ) { show(); }\n"
                + "admin(_$_ , _$_ );\n"
                + "var multi = ' \\\n"
                + "';\n"
                + "var out = ' ';\n"
                + ";\n", squeezed(r));
    }

    @Test
    void firstBranchOnlyBlanksLaterBranchesOfServerConditionals() {
        String jsp = "<script>\n"
                + "  var admin = <% if (user.isAdmin()) { %>true<% } else if (x) { %>maybe<% } else { %>false<% } %>;\n"
                + "  var mode = <c:choose><c:when test=\"${a}\">'a'</c:when><c:when test=\"${b}\">'b'</c:when><c:otherwise>'c'</c:otherwise></c:choose>;\n"
                + "  <% for (int i = 0; i < 3; i++) { %>tick(<%= i %>);<% } %>\n"
                + "</script>";
        ScriptExtractor.Result all = extract(jsp, TemplateKind.JSP);
        assertEquals(0, all.skippedBranches());
        assertEquals("var admin = true maybe false ;\nvar mode = 'a' 'b' 'c' ;\ntick(_$_ );\n;\n", squeezed(all));
        ScriptExtractor.Result first = extract(jsp, TemplateKind.JSP, true);
        assertEquals(2, first.skippedBranches());
        assertEquals("var admin = true ;\nvar mode = 'a' ;\ntick(_$_ );\n;\n", squeezed(first));
    }

    @Test
    void firstBranchOnlyInFreemarker() {
        String ftl = "<script>\n  var level = <#if admin>2<#elseif editor>1<#else>0</#if>;\n  <#list xs as x>f(${x});<#else>none();</#list>\n</script>";
        ScriptExtractor.Result first = extract(ftl, TemplateKind.FREEMARKER, true);
        assertEquals(2, first.skippedBranches());
        assertEquals("var level = 2 ;\nf(_$_ );\n;\n", squeezed(first));
    }

    @Test
    void jspOutsideScriptsIsBlankedBeforeParsing() {
        String jsp = "<html><body class=\"${cls}\" <%= extraAttrs %>>\n"
                + "<p>${fn:escapeXml(\"<script>x()</script>\")}</p>\n"
                + "<button onclick=\"remove(<%= item.id %>, '${item.name}')\">x</button>\n"
                + "<script>ready()</script>\n";
        ScriptExtractor.Result r = extract(jsp, TemplateKind.JSP);
        assertEquals("!function(event){remove(_$_ , ' ')};\nready();\n", squeezed(r));
    }

    @Test
    void regularExpressionsAreToldFromDivision() {
        String jsp = "<script>var half = total / 2; var q = /'\"/g; var t = typeof /x/; var n = <%= n %>; var s = '<%= s %>';</script>";
        assertEquals("var half = total / 2; var q = /'\"/g; var t = typeof /x/; var n = _$_ ; var s = ' ';;\n",
                squeezed(extract(jsp, TemplateKind.JSP)));
    }

    @Test
    void jspElInTemplateLiteralAndEscapedEl() {
        ScriptExtractor.Result r = extract("<script>var a = `x ${y} z`; var b = `\\${keep}`;</script>", TemplateKind.JSP);
        assertEquals("var a = `x z`; var b = `\\${keep}`;;\n", squeezed(r));
    }

    @Test
    void thymeleafInlineExpressions() {
        String html = "<script th:inline=\"javascript\">\n"
                + "  var user = /*[[${session.user.name}]]*/ 'guest';\n"
                + "  var id = [[${user.id}]];\n"
                + "  var raw = [(${rawJson})];\n"
                + "  var s = '[[${quoted}]]';\n"
                + "  var nested = a[b[0]] > 1;\n"
                + "</script>";
        ScriptExtractor.Result r = extract(html, TemplateKind.HTML);
        assertEquals("var user = /*[[${session.user.name}]]*/ 'guest';\n"
                + "var id = _$_ ;\n"
                + "var raw = _$_ ;\n"
                + "var s = '[[${quoted}]]';\n"
                + "var nested = a[b[0]] > 1;\n"
                + ";\n", squeezed(r));
    }

    @Test
    void curlyBraceTemplatesInHtml() {
        String html = "<script>\n"
                + "  {# Django: the room comes from the view #}\n"
                + "  var room = {{ room_name|escapejs }};\n"
                + "  var title = '{{ title }}';\n"
                + "  {% if user.is_staff %}var staff = true;{% endif %}\n"
                + "  var admin = {% if a %}true{% else %}false{% endif %};\n"
                + "  var h = {{{ raw }}};{{! a comment }}\n"
                + "  var each = [{{#each xs}}'{{this}}',{{/each}}];\n"
                + "  function f() {{ var nested = 1; }}\n"
                + "  var o = { a: {b: 1}};\n"
                + "</script>";
        assertEquals("var room = _$_ ;\nvar title = ' ';\nvar staff = true;\nvar admin = true false ;\nvar h = _$_ ;\n"
                + "var each = [ ' ', ];\nfunction f() {{ var nested = 1; }}\nvar o = { a: {b: 1}};\n;\n",
                squeezed(extract(html, TemplateKind.HTML)));
        ScriptExtractor.Result first = extract(html, TemplateKind.HTML, true);
        assertEquals(1, first.skippedBranches());
        assertTrue(squeezed(first).contains("var admin = true ;\n"), squeezed(first));
        // JSP and the other kinds do not read curly-brace syntax
        assertTrue(squeezed(extract(html, TemplateKind.VUE)).contains("{{ room_name|escapejs }}"));
    }

    @Test
    void freemarkerDirectivesAndInterpolations() {
        String ftl = "<#-- header -->\n<#assign title = \"Chat\">\n<h1>${title}</h1>\n<script>\n"
                + "  var room = '${room.id}';\n"
                + "  <#if user??>\n"
                + "  var user = ${user.id};\n"
                + "  </#if>\n"
                + "  var n = <@counter name=\"x\"/>;\n"
                + "</script>\n";
        ScriptExtractor.Result r = extract(ftl, TemplateKind.FREEMARKER);
        assertEquals("var room = ' ';\nvar user = _$_ ;\nvar n = _$_ ;\n;\n", squeezed(r));
    }

    @Test
    void vueScriptsAndTemplateBindings() {
        String vue = "<template>\n  <div @click=\"send\" onclick=\"native()\">\n    <textarea v-model=\"t\"/>\n"
                + "    <p v-html=\"html\"></p>\n  </div>\n  <template v-if=\"x\"><span/></template>\n</template>\n\n"
                + "<script>\nvar shared = 1;\n</script>\n"
                + "<script setup>\nconst socket = new WebSocket('wss://x.example.com');\n</script>\n"
                + "<script lang=\"ts\">\nlet n: number = 1;\n</script>\n"
                + "<style scoped>\n.a { color: red }\n</style>\n";
        ScriptExtractor.Result r = extract(vue, TemplateKind.VUE);
        // @click is a Vue handler; onclick on a Vue element is not lowered; v-model of a form field is
        // the expression it writes to; v-if is not code
        assertEquals("$event=>{send};\n(t);\n(html);\nvar shared = 1;\n;\nconst socket = new WebSocket('wss://x.example.com');\n;\n"
                + "let n: number = 1;\n;\n", squeezed(r));
        assertEquals(3, r.scripts());
        assertEquals(3, r.handlers());
        assertTrue(r.notes().isEmpty(), r.notes().toString());
        assertEquals(io.wsscan.js.treesitter.TreeSitterFrontEnd.Dialect.TYPESCRIPT, r.dialect());

        ScriptExtractor.Inline click = r.inline().get(0);
        assertEquals(ScriptExtractor.Role.VUE_HANDLER, click.role());
        assertEquals(vue.indexOf("@click"), click.at());
        assertEquals(vue.indexOf("send\"") - "$event=>{".length(), click.start());
        assertEquals(ScriptExtractor.Role.VUE_MODEL, r.inline().get(1).role());
        assertEquals("textarea", r.inline().get(1).tag());
        ScriptExtractor.Inline html = r.inline().get(2);
        assertEquals(ScriptExtractor.Role.VUE_BINDING, html.role());
        assertEquals("p", html.tag());
        assertEquals("v-html", html.name());
        assertEquals(vue.indexOf("v-html"), html.at());
        // the parenthesis is written over the opening quote, ");" over the closing quote and the '>'
        int quote = vue.indexOf("\"html\"");
        assertEquals(quote, html.start());
        assertEquals("(html);", r.masked().substring(html.start(), html.end()));
        assertEquals(quote + "\"html\">".length(), html.end());
    }

    @Test
    void vueBindingsNameTheAttributeWithoutItsPrefix() {
        String vue = "<template>\n<iframe :src.prop=\"frameUrl\" v-bind:srcdoc=\"doc\" :[dyn]=\"x\"></iframe>\n"
                + "<input :value=\"text\" @input=\"text = $event.target.value\">\n</template>\n"
                + "<script setup>\nconst text = 1;\n</script>\n";
        ScriptExtractor.Result r = extract(vue, TemplateKind.VUE);
        assertEquals("(frameUrl); (doc);\n(text); ()=>{text = $event.target.value};\nconst text = 1;\n;\n", squeezed(r));
        assertEquals(List.of("src", "srcdoc", "value", "@input"), r.inline().stream().map(ScriptExtractor.Inline::name).toList());
        assertEquals("iframe", r.inline().get(1).tag());
        // no room for "$event=>{" between the binding before and the value: the short wrapper is used
        assertEquals(ScriptExtractor.Role.VUE_HANDLER, r.inline().get(3).role());
        assertEquals(null, r.dialect());
    }

    @Test
    void vueForLoopsEncloseTheirElement() {
        String vue = "<template>\n<ul>\n  <li v-for=\"m in messages\" :key=\"m.id\">\n    <span v-html=\"m.html\"></span>\n  </li>\n"
                + "  <li v-for=\"(n, i) of notes\" v-html=\"n\"/>\n  <img v-for=\"{ src } in pics\" :src=\"src\">\n</ul>\n"
                + "<p v-html=\"after\"></p>\n</template>\n";
        ScriptExtractor.Result r = extract(vue, TemplateKind.VUE);
        // a void element's loop closes after its bindings (here on the next line: the tag's '>' holds the ';')
        assertEquals("for(let m of messages){ (m.id);\n(m.html);\n}\nfor(let [n, i] of notes){ (n);}\n"
                + "for(let { src } of pics){ (src);\n}\n(after);\n", squeezed(r));
        ScriptExtractor.Inline loop = r.inline().get(0);
        assertEquals(ScriptExtractor.Role.VUE_FOR, loop.role());
        assertEquals(vue.indexOf("</li>") + 1, loop.blockEnd(), "the loop closes on the element's end tag");
        assertEquals('}', r.masked().charAt(loop.blockEnd() - 1));
        assertEquals(-1, r.inline().get(1).blockEnd());
    }

    @Test
    void vuePugTemplateIsNoted() {
        String vue = "<template lang=\"pug\">\ndiv(v-html=\"html\")\n</template>\n<script setup>\nconst html = 1;\n</script>\n";
        ScriptExtractor.Result r = extract(vue, TemplateKind.VUE);
        assertEquals("const html = 1;\n;\n", squeezed(r));
        assertEquals(1, r.notes().size(), r.notes().toString());
        assertEquals(vue.indexOf("\ndiv"), r.notes().get(0).offset());
    }

    @Test
    void inDomVueBindingsOnlyInPagesThatMountAVueApp() {
        String alpine = "<div x-data=\"{ open: false }\" :class=\"{ on: open }\" @click=\"open = !open\"></div>\n";
        assertFalse(extract(alpine, TemplateKind.HTML).hasCode(), "Alpine.js markup is not Vue");
        String vue = "<div id=\"app\" :class=\"{ on: open }\">\n<script>var s = '<p v-html=\"x\">';</script>\n</div>\n"
                + "<script>Vue.createApp({ data() { return { open: false }; } }).mount('#app');</script>\n";
        ScriptExtractor.Result r = extract(vue, TemplateKind.HTML);
        // the binding is lowered; the markup-looking string in a script is code, not a binding
        assertEquals("({ on: open });\nvar s = '<p v-html=\"x\">';;\nVue.createApp({ data() { return { open: false }; } }).mount('#app');;\n",
                squeezed(r));
    }

    @Test
    void vueScriptDialects() {
        assertEquals(io.wsscan.js.treesitter.TreeSitterFrontEnd.Dialect.TSX,
                extract("<script lang=\"tsx\">let a = <b/>;</script>", TemplateKind.VUE).dialect());
        assertEquals(io.wsscan.js.treesitter.TreeSitterFrontEnd.Dialect.JAVASCRIPT,
                extract("<script lang=\"jsx\">let a = <b/>;</script>", TemplateKind.VUE).dialect());
        assertEquals(io.wsscan.js.treesitter.TreeSitterFrontEnd.Dialect.TSX,
                extract("<script lang=\"jsx\">let a = <b/>;</script>\n<script setup lang=\"ts\">let b: number = 1;</script>",
                        TemplateKind.VUE).dialect());
        ScriptExtractor.Result coffee = extract("<script lang=\"coffee\">a = 1</script>", TemplateKind.VUE);
        assertEquals(null, coffee.dialect());
        assertFalse(coffee.hasCode());
        assertEquals(1, coffee.notes().size());
        assertTrue(coffee.notes().get(0).message().contains("lang=\"coffee\""), coffee.notes().toString());
    }

    @Test
    void inlineHandlersKnowTheirRoleAndElement() {
        String html = "<body onmessage=\"got(event)\" onclick=\"tap(this)\">\n"
                + "<input type=\"password\" name=\"pw\" autocomplete=\"current-password\" onchange=\"use(this.value)\">\n"
                + "<a href=\"javascript:go()\">go</a>\n</body>\n";
        ScriptExtractor.Result r = extract(html, TemplateKind.HTML);
        assertEquals(4, r.inline().size());
        ScriptExtractor.Inline message = r.inline().get(0);
        assertEquals(ScriptExtractor.Role.WINDOW_HANDLER, message.role());
        assertEquals("onmessage", message.name());
        assertEquals(html.indexOf("onmessage"), message.at());
        assertEquals(ScriptExtractor.Role.HANDLER, r.inline().get(1).role(), "onclick of the body is the body's own");
        ScriptExtractor.Inline change = r.inline().get(2);
        assertEquals(ScriptExtractor.Role.HANDLER, change.role());
        assertEquals("input[type=password][name=pw][autocomplete=current-password]", change.element());
        assertEquals(ScriptExtractor.Role.SCRIPT_URL, r.inline().get(3).role());
    }

    @Test
    void xhtmlSelfClosingScriptsAndCdata() {
        String xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>\n"
                + "<script type=\"text/javascript\" src=\"a.js\"/>\n"
                + "<script type=\"text/javascript\">\n<![CDATA[\nif (a && b) go('#{bean.id}');\n]]>\n</script>\n"
                + "<script>//<![CDATA[\nx();\n//]]></script>\n</head></html>";
        ScriptExtractor.Result r = extract(xhtml, TemplateKind.XHTML);
        assertEquals("if (a && b) go(' ');\n;\n//<![CDATA[\nx();\n;\n", squeezed(r));
    }

    @Test
    void htmlCommentsInScriptsAndCommentedOutScripts() {
        String html = "<!-- <script>commentedOut()</script> -->\n"
                + "<script><!--\n document.write('<script>inner()<\\/script>');\n//--></script>\n"
                + "<script>\n<!-- <script> x() </script> -->\ny()\n</script>";
        ScriptExtractor.Result r = extract(html, TemplateKind.HTML);
        assertFalse(r.masked().contains("commentedOut"));
        assertEquals(2, r.scripts());
        // the second block is in the "double escaped" state: it ends at the last </script>
        assertTrue(r.masked().contains("y()"), r.masked());
    }

    @Test
    void crlfAndBomKeepOffsets() {
        String html = "\uFEFF<html>\r\n<body>\r\n<script>\r\n var a = 1;\r\n</script>\r\n<a onclick=\"b()\">x</a>\r\n";
        ScriptExtractor.Result r = extract(html, TemplateKind.HTML);
        int at = html.indexOf("var a");
        assertEquals("var a = 1;", r.masked().substring(at, at + 10));
        at = html.indexOf("b()");
        assertEquals("b()}", r.masked().substring(at, at + 4));
    }

    @Test
    void malformedHtmlStillYieldsItsScripts() {
        String html = "<html><div <p class=x>\n<table><tr><script>one()</script><td>\n<b><i></b></i>\n"
                + "<select><script>two()</script></select>\n<div onclick=\"three()\"\n<span>\n<div onclick=\"five()\">\n<script>four()";
        ScriptExtractor.Result r = extract(html, TemplateKind.HTML);
        assertTrue(r.masked().contains("one();"));
        assertTrue(r.masked().contains("two();"));
        assertTrue(r.masked().contains("four()"), "an unclosed script runs to the end of the file");
        assertTrue(r.masked().contains("five()}"));
        // "<span" after the unclosed quote-less tag is an attribute name, as browsers read it
        assertTrue(r.masked().contains("three()}"));
    }

    @Test
    void scriptsBeyondTheParserBufferKeepExactOffsets() {
        StringBuilder sb = new StringBuilder("<html><body>\n");
        for (int i = 0; i < 3000; i++) sb.append("<p class=\"row\">row ").append(i).append(" &amp; more</p>\n");
        int at = sb.length() + 8;
        sb.append("<script>late()</script>\n<a onclick=\"later()\">x</a>\n");
        String html = sb.toString();
        assertTrue(html.length() > 100_000);
        ScriptExtractor.Result r = extract(html, TemplateKind.HTML);
        assertEquals("late();", r.masked().substring(at, at + 7));
        int h = html.indexOf("later()");
        assertEquals("later()}", r.masked().substring(h, h + 8));
    }

    @Test
    void templateWithoutScriptsHasNoCode() {
        ScriptExtractor.Result r = extract("<html><body><h1>${title}</h1></body></html>", TemplateKind.JSP);
        assertFalse(r.hasCode());
        assertEquals(0, r.scripts());
    }

    @Test
    void randomTemplatesNeverBreakTheInvariants() {
        String[] tokens = {"<script>", "</script>", "<script type=\"module\">", "<SCRIPT src=x>", "<%= ", "<% ", "%>",
            "<%-- ", "--%>", "${", "#{", "}", "{", "(", ")", "\"", "'", "`", " onclick=\"", " onload='", "<a", "<b ", ">",
            "\n", "\r\n", "\r", "<!--", "-->", "<template>", "</template>", "[[${", "]]", "[(", ")]", "<c:out value=\"a\"/>",
            "</c:if>", "<#if x>", "</#if>", "<@m/>", "/*", "*/", "//", "/", "\\", "x = 1;", "a", " ", "&amp;", "&",
            "<![CDATA[", "]]>", "javascript:", " href=\"javascript:", "<textarea/>", "\u2028", "\uFEFF", "\u0000",
            "<% } else { %>", "<% } %>", "<% if (a) { %>", "<c:choose>", "<c:when test=\"x\">", "<c:otherwise>", "</c:choose>",
            "<#else>", "<#list xs as x>", "</#list>", "<li v-for=\"", " in ", " of ", "(a, i)", "{ a }", "\" v-html=\"",
            " :href=\"", " v-bind:src=\"", " @click=\"", " v-on:input=\"", "$event", "</li>", "<img ", "/>", "<li>",
            "<script setup lang=\"ts\">", "<script lang=\"tsx\">", "<template lang=\"pug\">", "<body onmessage=\"",
            "<input type=\"password\" onchange=\""};
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(40);
            for (int k = 0; k < n; k++) sb.append(tokens[random.nextInt(tokens.length)]);
            String text = sb.toString();
            for (TemplateKind kind : TemplateKind.values()) {
                ScriptExtractor.Result r = extract(text, kind, i % 2 == 1);
                for (ScriptExtractor.Inline h : r.inline()) {
                    assertTrue(h.start() >= 0 && h.start() < h.end() && h.end() <= text.length(), text);
                    if (h.blockEnd() > 0) assertEquals('}', r.masked().charAt(h.blockEnd() - 1), text);
                }
            }
        }
    }

    @Test
    void kindsByExtension() {
        assertEquals(TemplateKind.HTML, TemplateKind.of("a/b/Index.HTML"));
        assertEquals(TemplateKind.HTML, TemplateKind.of("x.htm"));
        assertEquals(TemplateKind.XHTML, TemplateKind.of("x.xhtml"));
        assertEquals(TemplateKind.JSP, TemplateKind.of("WEB-INF/x.jspf"));
        assertEquals(TemplateKind.VUE, TemplateKind.of("src/App.vue"));
        assertEquals(TemplateKind.FREEMARKER, TemplateKind.of("t/page.ftlh"));
        assertEquals(null, TemplateKind.of("a.js"));
        assertEquals(null, TemplateKind.of("html"));
        assertEquals(null, TemplateKind.of("dir.html/file"));
    }
}

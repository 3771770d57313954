/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.html;

import io.wsscan.analysis.JsAnalyzer;
import io.wsscan.engine.FileReport;
import io.wsscan.engine.ScanOptions;
import io.wsscan.engine.ScanResult;
import io.wsscan.engine.Scanner;
import io.wsscan.engine.SourceFile;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Notification;
import io.wsscan.findings.Region;
import io.wsscan.rules.RuleCatalog;
import io.wsscan.testing.RuleTester;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Templates through the real JavaScript analysis: findings and notes at template lines and columns. */
class TemplateAnalyzerTest {

    private static TemplateAnalyzer analyzer;

    @BeforeAll
    static void setUp() {
        analyzer = new TemplateAnalyzer(new JsAnalyzer(RuleCatalog.builtin()));
    }

    private static FileReport analyze(String path, String text) {
        FileReport r = analyzer.analyze(new SourceFile(Path.of(path), path, text));
        assertTrue(r.analysed(), () -> "not analysed: " + r.notifications());
        return r;
    }

    /** The template analyzer, file by file, under the rule tester. */
    private static RuleTester tester() {
        return RuleTester.using(files -> {
            Map<String, FileReport> out = new LinkedHashMap<>();
            for (SourceFile f : files) out.put(f.relPath(), analyzer.analyze(f));
            return out;
        });
    }

    private static List<Finding> of(FileReport r, String rule) {
        return r.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
    }

    /** 1-based line and column of the first occurrence of {@code what}. */
    private static int[] position(String text, String what) {
        int at = text.indexOf(what);
        assertTrue(at >= 0, what);
        int line = 1, col = 1;
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[] {line, col};
    }

    private static void assertAt(Finding f, String text, String what) {
        int[] p = position(text, what);
        Region r = f.region();
        assertEquals(p[0] + ":" + p[1], r.startLine() + ":" + r.startColumn(), f.toString());
    }

    @Test
    void acceptsTemplateExtensionsOnly() {
        for (String p : List.of("a.html", "B.HTM", "c.xhtml", "d.jsp", "e.JSPF", "f.vue", "g.ftl", "h.ftlh")) {
            assertTrue(analyzer.accepts(p), p);
        }
        for (String p : List.of("a.js", "b.ts", "c.xml", "d.txt", "e.html.bak")) assertFalse(analyzer.accepts(p), p);
    }

    @Test
    void findingInTheFortiethLineIsReportedAtThatLineAndColumn() {
        StringBuilder sb = new StringBuilder("<!doctype html>\n<html lang=\"en\">\n<head><title>Trading</title></head>\n<body>\n");
        while (sb.toString().split("\n", -1).length < 40) sb.append("  <div class=\"row\"><span>quote</span></div>\n");
        sb.append("  <script>var feed = new WebSocket('ws://quotes.example-corp.net/feed');</script>\n</body>\n</html>\n");
        String html = sb.toString();
        FileReport r = analyze("web/quotes.html", html);
        List<Finding> f = of(r, "js/ws-cleartext");
        assertEquals(1, f.size(), r.findings().toString());
        assertEquals(40, f.get(0).region().startLine());
        assertAt(f.get(0), html, "'ws://quotes");
        assertEquals("html+rhino", r.frontEnd());
        assertTrue(r.notifications().isEmpty());
    }

    @Test
    void scriptBlocksShareGlobals() {
        String html = """
                <html><head>
                <script>
                  // safe: js/ws-cleartext
                  var ws = new WebSocket('wss://chat.example-corp.net/ws');
                </script>
                </head>
                <body><ul id="log"></ul>
                <script>
                  ws.onmessage = function (e) {
                    // expect: js/ws-message-xss
                    document.getElementById('log').innerHTML += '<li>' + e.data + '</li>';
                  };
                </script>
                </body></html>
                """;
        assertAt(tester().check("chat.html", html).only("js/ws-message-xss"), html, "document.getElementById('log').innerHTML");
    }

    @Test
    void skippedScriptTypesAndExternalScriptsAreNotAnalysed() {
        String html = """
                <!-- safe: js/ws-cleartext -->
                <script type="text/template">new WebSocket('ws://a.example-corp.net/x')</script>
                <!-- safe: js/ws-cleartext -->
                <script type="application/json">{"url": "ws://b.example-corp.net/x"}</script>
                <!-- safe: js/ws-cleartext -->
                <script src="/c.js">new WebSocket('ws://c.example-corp.net/x')</script>
                <!-- expect: js/ws-cleartext -->
                <script type="module">new WebSocket('ws://d.example-corp.net/x')</script>
                """;
        assertAt(tester().check("types.html", html).only("js/ws-cleartext"), html, "'ws://d.");
    }

    @Test
    void inlineHandlersAreAnalysedInThePageScope() {
        String html = "<html><body>\n<script>var ws = new WebSocket('wss://chat.example-corp.net/ws');</script>\n"
                + "<form onsubmit=\"return false\">\n<input type=\"password\" id=\"password\">\n"
                + "<button type=\"button\" onclick=\"ws.send(document.getElementById('password').value)\">Join</button>\n"
                + "<button type=\"button\" onclick=\"ws.send(document.getElementById('nick').value); return false;\">Nick</button>\n"
                + "<button onclick=\"ws.send(&quot;x&quot;)\">x</button>\n</form></body></html>\n";
        FileReport r = analyze("login.html", html);
        List<Finding> f = of(r, "js/ws-sensitive-send");
        assertEquals(1, f.size(), r.findings().toString());
        assertAt(f.get(0), html, "ws.send(document.getElementById('password')");
        assertEquals(1, r.notifications().size(), r.notifications().toString());
        Notification n = r.notifications().get(0);
        assertEquals("info", n.kind());
        assertFalse(n.fileSkipped(), "a note about a handler does not make the file skipped");
        assertEquals(position(html, "onclick=\"ws.send(&quot;")[0], n.line());
    }

    @Test
    void jspScriptletsAndElInScriptsKeepLines() {
        String jsp = "<%@ page contentType=\"text/html;charset=UTF-8\" %>\n"
                + "<%@ taglib prefix=\"c\" uri=\"http://java.sun.com/jsp/jstl/core\" %>\n"
                + "<html><body class=\"${theme}\">\n<div id=\"events\"></div>\n"
                + "<script>\n"
                + "  var userId = <%= session.getAttribute(\"uid\") %>;\n"
                + "  var userName = '${fn:escapeXml(user.name)}';\n"
                + "  var host = \"<c:out value='${wsHost}'/>\";\n"
                + "  <% if (request.isUserInRole(\"admin\")) { %>\n"
                + "  // expect: js/ws-cleartext\n"
                + "  var admin = new WebSocket('ws://admin.example-corp.net/events?u=' + userId);\n"
                + "  admin.onmessage = function (m) {\n"
                + "    // expect: js/ws-message-xss\n"
                + "    document.getElementById('events').insertAdjacentHTML('beforeend', m.data);\n"
                + "  };\n"
                + "  <% } %>\n"
                + "</script>\n</body></html>\n";
        RuleTester.Result r = tester().check("WEB-INF/admin.jsp", jsp);
        assertEquals("jsp+rhino", r.frontEnd("WEB-INF/admin.jsp"));
        assertAt(r.only("js/ws-cleartext"), jsp, "'ws://admin");
    }

    @Test
    void jspConditionalFragmentsAreAnalysedWithTheirFirstBranch() {
        String jsp = "<%@ page contentType=\"text/html\" %>\n<script>\n"
                + "  var admin = <% if (request.isUserInRole(\"admin\")) { %>true<% } else { %>false<% } %>;\n"
                + "  var feed = new WebSocket('ws://feed.example-corp.net/' + (admin ? 'all' : 'mine'));\n"
                + "</script>\n";
        FileReport r = analyze("feed.jsp", jsp);
        assertEquals(1, of(r, "js/ws-cleartext").size(), r.findings().toString());
        assertEquals(1, r.notifications().size(), r.notifications().toString());
        assertEquals("info", r.notifications().get(0).kind());
        assertTrue(r.notifications().get(0).message().contains("1 later branch"), r.notifications().toString());
    }

    @Test
    void jspConditionalStatementsKeepEveryBranch() {
        tester().check("both.jsp", """
                <script>
                <% if (secure) { %>
                  // safe: js/ws-cleartext
                  var s = new WebSocket('wss://a.example-corp.net/');
                <% } else { %>
                  // expect: js/ws-cleartext
                  var s = new WebSocket('ws://a.example-corp.net/');
                <% } %>
                </script>
                """);
    }

    @Test
    void vueScriptSetup() {
        String vue = """
                <template>
                  <!-- safe: js/ws-message-xss -->
                  <ul><li v-for="m in messages" v-html="m"></li></ul>
                </template>

                <script setup>
                const messages = [];
                // expect: js/ws-cleartext
                const socket = new WebSocket('ws://chat.example-corp.net/live');
                socket.onmessage = (e) => { document.title = e.data; };
                </script>
                """;
        RuleTester.Result r = tester().check("src/components/Chat.vue", vue);
        assertEquals("vue+rhino", r.frontEnd("src/components/Chat.vue"));
        assertAt(r.only("js/ws-cleartext"), vue, "'ws://chat");
    }

    @Test
    void vueTypeScriptBlockIsReadByTreeSitter() {
        String vue = "<template><div/></template>\n<script lang=\"ts\">\n// expect: js/ws-cleartext\n"
                + "let s: WebSocket = new WebSocket('ws://x.example-corp.net');\n</script>\n";
        RuleTester.Result r = tester().check("A.vue", vue);
        assertAt(r.only("js/ws-cleartext"), vue, "'ws://x");
        assertEquals("vue+tree-sitter", r.frontEnd("A.vue"));
    }

    @Test
    void vueVHtmlSeesTheSetupRefValue() {
        String vue = "<template>\n  <section>\n    <p class=\"last\"\n       v-html=\"last\"></p>\n"
                + "    <p v-html=\"state.note\"></p>\n    <p>{{ safe }}</p>\n  </section>\n</template>\n\n"
                + "<script setup lang=\"ts\">\nconst last = ref<string>('');\nconst safe = ref('');\n"
                + "const state = reactive({ note: '' });\n"
                + "const ws = new WebSocket('wss://chat.example-corp.net/live');\n"
                + "ws.onmessage = async (e: MessageEvent) => {\n  last.value = e.data;\n  state.note = e.data;\n  safe.value = e.data;\n};\n"
                + "</script>\n";
        FileReport r = analyze("src/Chat.vue", vue);
        List<Finding> f = of(r, "js/ws-message-xss");
        assertEquals(2, f.size(), r.findings().toString());
        assertAt(f.get(0), vue, "v-html=\"last\"");
        assertAt(f.get(1), vue, "v-html=\"state.note\"");
        assertEquals(2, r.findings().size(), r.findings().toString());
    }

    @Test
    void vueForItemsAreTheListsElements() {
        String vue = """
                <template>
                  <ol>
                    <li v-for="(m, i) in messages" :key="i">
                      <!-- expect: js/ws-message-xss -->
                      <div class="body" v-html="m.html"></div>
                      <!-- safe: js/ws-message-xss -->
                      <p v-html="m.text.length"></p>
                    </li>
                  </ol>
                  <!-- safe: js/ws-message-xss -->
                  <p v-html="m.html"></p>
                </template>
                <script setup lang="ts">
                type Msg = { html: string; text: string };
                const messages = ref<Msg[]>([]);
                const ws = new WebSocket('wss://chat.example-corp.net/live');
                ws.addEventListener('message', (e: MessageEvent) => messages.value.push(JSON.parse(e.data) as Msg));
                </script>
                """;
        assertAt(tester().check("Thread.vue", vue).only("js/ws-message-xss"), vue, "v-html=\"m.html\"></div>");
    }

    @Test
    void vueApiImportedFromVueIsModelled() {
        // a renamed import is the same API; a computed value is its getter's result
        String vue = """
                <template>
                  <!-- expect: js/ws-message-xss -->
                  <p v-html="shown"></p>
                  <!-- expect: js/ws-message-xss -->
                  <p v-html="renamed"></p>
                  <!-- expect: js/ws-message-xss -->
                  <p v-html="upper"></p>
                  <!-- safe: js/ws-message-xss -->
                  <p v-html="size"></p>
                </template>
                <script setup>
                import { ref, computed, onMounted } from 'vue';
                import { ref as vueRef } from 'vue';
                const shown = ref('');
                const renamed = vueRef('');
                const upper = computed(() => shown.value.toUpperCase());
                const size = computed(() => shown.value.length);
                const ws = new WebSocket('wss://x.example-corp.net/ws');
                onMounted(() => { ws.onmessage = (e) => { shown.value = e.data; renamed.value = e.data; }; });
                </script>
                """;
        List<Finding> f = tester().check("Imports.vue", vue).of("js/ws-message-xss");
        assertAt(f.get(0), vue, "v-html=\"shown\"");
        assertAt(f.get(1), vue, "v-html=\"renamed\"");
        assertAt(f.get(2), vue, "v-html=\"upper\"");
    }

    @Test
    void vueOptionsApiTemplateReadsTheInstance() {
        String vue = "<template>\n  <div>\n    <p v-html=\"last\"></p>\n    <p v-html=\"loud\"></p>\n    <p v-html=\"clean\"></p>\n"
                + "    <p v-for=\"m in log\" v-html=\"m\"></p>\n    <p v-html=\"Math.max(1, 2)\"></p>\n"
                + "    <button @click=\"resend(password)\">again</button>\n  </div>\n</template>\n"
                + "<script>\nexport default defineComponent({\n  data() { return { last: '', log: [], password: '', ws: null }; },\n"
                + "  computed: {\n    loud() { return this.last + '!'; },\n    clean: { get() { return DOMPurify.sanitize(this.last); } },\n  },\n"
                + "  mounted() {\n    this.ws = new WebSocket('wss://x.example-corp.net/ws');\n"
                + "    this.ws.onmessage = (e) => { this.last = e.data; this.log.push(e.data); };\n  },\n"
                + "  methods: { resend(t) { this.ws.send(t); } },\n});\n</script>\n";
        FileReport r = analyze("Options.vue", vue);
        List<Finding> xss = of(r, "js/ws-message-xss");
        assertEquals(3, xss.size(), r.findings().toString());
        assertAt(xss.get(0), vue, "v-html=\"last\"");
        assertAt(xss.get(1), vue, "v-html=\"loud\"");
        assertAt(xss.get(2), vue, "v-html=\"m\"");
        // the method the template calls runs on the instance: this.ws is the socket
        List<Finding> send = of(r, "js/ws-sensitive-send");
        assertEquals(1, send.size(), r.findings().toString());
        assertAt(send.get(0), vue, "this.ws.send(t)");
    }

    @Test
    void vueModelOfAFormFieldHoldsWhatTheUserTypes() {
        String vue = "<template>\n  <form>\n    <input v-model=\"form.pin\" type=\"password\">\n"
                + "    <input v-model.trim=\"nick\" name=\"nick\">\n    <MyInput v-model=\"other\" type=\"password\"/>\n  </form>\n</template>\n"
                + "<script setup>\nconst form = reactive({ pin: '' });\nconst nick = ref('');\nconst other = ref('');\n"
                + "const ws = new WebSocket('wss://x.example-corp.net/ws');\n"
                + "function go() {\n  ws.send(form.pin);\n  ws.send(nick.value);\n  ws.send(other.value);\n}\n</script>\n";
        FileReport r = analyze("Pin.vue", vue);
        List<Finding> f = of(r, "js/ws-sensitive-send");
        // a component's v-model is its own business: only native form fields are read
        assertEquals(1, f.size(), r.findings().toString());
        assertAt(f.get(0), vue, "ws.send(form.pin)");
        assertEquals(position(vue, "v-model=\"form.pin\"")[0], f.get(0).trace().get(0).region().startLine());
        List<Finding> url = of(r, "js/ws-url-injection");
        assertTrue(url.isEmpty(), url.toString());
    }

    @Test
    void vueHandlerEventOfAFormFieldTargetsTheField() {
        String vue = "<template>\n  <input type=\"password\" @change=\"ws.send($event.target.value)\">\n"
                + "  <input name=\"nick\" @change=\"ws.send($event.target.value)\">\n"
                + "  <PinPad @done=\"ws.send($event)\"/>\n</template>\n"
                + "<script setup>\nconst ws = new WebSocket('wss://x.example-corp.net/ws');\n</script>\n";
        FileReport r = analyze("Event.vue", vue);
        List<Finding> f = of(r, "js/ws-sensitive-send");
        assertEquals(1, f.size(), r.findings().toString());
        assertAt(f.get(0), vue, "ws.send($event.target.value)\">\n  <input name");
    }

    @Test
    void vueUrlBindingsAndHandlers() {
        String vue = "<template>\n  <a :href=\"link\">open</a>\n  <iframe :src=\"frame\"></iframe>\n"
                + "  <img :src=\"frame\">\n  <button @click=\"ws.send(password.value)\">send</button>\n</template>\n"
                + "<script setup>\nconst link = ref('');\nconst frame = ref('');\nconst password = ref('');\n"
                + "const ws = new WebSocket('wss://x.example-corp.net/ws');\n"
                + "ws.onmessage = (e) => { const m = JSON.parse(e.data); link.value = m.url; frame.value = m.url; };\n"
                + "</script>\n";
        FileReport r = analyze("Links.vue", vue);
        List<Finding> nav = of(r, "js/ws-message-open-redirect");
        assertEquals(2, nav.size(), r.findings().toString());
        assertAt(nav.get(0), vue, ":href");
        assertAt(nav.get(1), vue, ":src=\"frame\"></iframe>");
        List<Finding> send = of(r, "js/ws-sensitive-send");
        assertEquals(1, send.size(), r.findings().toString());
        assertAt(send.get(0), vue, "ws.send(password");
    }

    @Test
    void inlineHandlerThisIsItsElement() {
        String html = "<html><body>\n<script>var ws = new WebSocket('wss://chat.example-corp.net/ws');</script>\n"
                + "<input type=\"password\" name=\"pin\" onchange=\"ws.send(this.value)\">\n"
                + "<input name=\"nick\" onchange=\"ws.send(this.value)\">\n"
                + "<input autocomplete=\"cc-number\" oninput=\"ws.send(JSON.stringify({ card: event.target.value }))\">\n"
                + "<input name=\"room\" onchange=\"new WebSocket(this.value)\">\n</body></html>\n";
        FileReport r = analyze("join.html", html);
        List<Finding> send = of(r, "js/ws-sensitive-send");
        assertEquals(2, send.size(), r.findings().toString());
        assertAt(send.get(0), html, "ws.send(this.value)\">\n<input name");
        assertAt(send.get(1), html, "ws.send(JSON");
        List<Finding> url = of(r, "js/ws-url-injection");
        assertEquals(1, url.size(), r.findings().toString());
        assertAt(url.get(0), html, "new WebSocket(this");
        // the trace starts at the element's handler attribute
        assertEquals(position(html, "onchange=\"ws.send(this.value)\">\n<input name")[0], send.get(0).trace().get(0).region().startLine());
    }

    @Test
    void handlerInTheShortWrapperStillRunsOnItsElement() {
        // after onfocus's wrapper there is no room for "!function(){" before the onchange code: "(()=>{" is used
        String html = "<script>var ws = new WebSocket('wss://x.example-corp.net/ws');</script>\n"
                + "<input type=\"password\" onfocus=\"a()\" onchange=\"ws.send(this.value)\">\n<p>next</p>\n";
        ScriptExtractor.Result x = ScriptExtractor.extract(html, TemplateKind.HTML);
        assertTrue(x.masked().contains("(()=>{ws.send(this.value)})"), x.masked());
        FileReport r = analyze("short.html", html);
        List<Finding> f = of(r, "js/ws-sensitive-send");
        assertEquals(1, f.size(), r.findings().toString());
        assertAt(f.get(0), html, "ws.send(this");
    }

    @Test
    void bodyOnmessageIsTheWindowMessageHandler() {
        String html = "<html>\n<body class=\"app\"\n      onmessage=\"document.title = event.data\">\n"
                + "<frameset onmessage=\"if (event.origin !== 'https://app.example-corp.net') return; show(event.data)\"></frameset>\n"
                + "</body></html>\n";
        FileReport r = analyze("frame.html", html);
        List<Finding> f = of(r, "js/postmessage-origin-check");
        assertEquals(1, f.size(), r.findings().toString());
        assertAt(f.get(0), html, "onmessage=\"document");
    }

    @Test
    void randomVueComponentsAreAnalysedWithoutInternalErrors() {
        String[] tokens = {"<template>", "</template>", "<li v-for=\"", "m in list", "(m, i) of list", "\"", "\" v-html=\"",
            " :href=\"", " @click=\"", "send(m)", "this.x", "m.body", "</li>", "<p>", "</p>", "<img ", "/>", ">", "\n",
            "<script setup lang=\"ts\">", "<script>", "</script>", "export default { data() { return { m: 1 } }, ",
            "methods: { send(v) { this.ws.send(v) } } }", "const list = ref([]);", "import { ref } from 'vue';",
            "new WebSocket('wss://x.example-corp.net')", "{{ m }}", "(", ")", "{", "}", ";"};
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(30);
            for (int k = 0; k < n; k++) sb.append(tokens[random.nextInt(tokens.length)]);
            String text = sb.toString();
            FileReport r = analyzer.analyze(new SourceFile(Path.of("R.vue"), "R.vue", text));
            assertTrue(r.notifications().stream().noneMatch(x -> x.kind().equals("internal-error")), text);
        }
    }

    @Test
    void jspPageWithAVueAppOnItsMarkup() {
        String jsp = "<%@ taglib prefix=\"c\" uri=\"http://java.sun.com/jsp/jstl/core\" %>\n<div id=\"app\">\n"
                + "  <c:forEach items=\"${rows}\" var=\"r\"><p>${r}</p></c:forEach>\n"
                + "  <p class=\"last\" v-html=\"last\"></p>\n  <ul><li v-for=\"m in log\" v-html=\"m.html\"></li></ul>\n"
                + "  <input v-model=\"pin\" type=\"password\">\n  <button @click=\"send\">Send</button>\n"
                + "  <script>var sample = '<p v-html=\"x\">';</script>\n</div>\n"
                + "<script>\nnew Vue({\n  el: '#app',\n  data: { last: '', log: [], pin: '', ws: null },\n"
                + "  created: function () {\n    var self = this;\n    this.ws = new WebSocket('wss://x.example-corp.net/ws');\n"
                + "    this.ws.onmessage = function (e) { self.last = e.data; self.log.push(JSON.parse(e.data)); };\n  },\n"
                + "  methods: { send: function () { this.ws.send(this.pin); } }\n});\n</script>\n";
        FileReport r = analyze("crew.jsp", jsp);
        List<Finding> xss = of(r, "js/ws-message-xss");
        assertEquals(2, xss.size(), r.findings().toString());
        assertAt(xss.get(0), jsp, "v-html=\"last\"");
        assertAt(xss.get(1), jsp, "v-html=\"m.html\"");
        List<Finding> send = of(r, "js/ws-sensitive-send");
        assertEquals(1, send.size(), r.findings().toString());
        assertAt(send.get(0), jsp, "this.ws.send(this.pin)");
        assertEquals("jsp+rhino", r.frontEnd());
    }

    @Test
    void htmlPageWithAVue3AppAndSetup() {
        String html = "<div id=\"app\">\n  <p v-html=\"msg\"></p>\n  <a :href=\"link\">x</a>\n</div>\n"
                + "<script src=\"https://unpkg.com/vue@3\"></script>\n<script>\nconst { createApp, ref } = Vue;\n"
                + "createApp({\n  setup() {\n    const msg = ref('');\n    const link = ref('');\n"
                + "    const ws = new WebSocket('wss://x.example-corp.net/ws');\n"
                + "    ws.onmessage = (e) => { msg.value = e.data; link.value = e.data; };\n    return { msg, link };\n  },\n"
                + "}).mount('#app');\n</script>\n";
        FileReport r = analyze("app.html", html);
        assertAt(of(r, "js/ws-message-xss").get(0), html, "v-html");
        assertAt(of(r, "js/ws-message-open-redirect").get(0), html, ":href");
        assertEquals(2, r.findings().size(), r.findings().toString());
    }

    @Test
    void thymeleafInlineJavascript() {
        String html = "<html xmlns:th=\"http://www.thymeleaf.org\"><body>\n"
                + "<script th:inline=\"javascript\">\n"
                + "  var endpoint = /*[[${wsEndpoint}]]*/ 'wss://app.example-corp.net/ws';\n"
                + "  var userId = [[${user.id}]];\n"
                + "  var socket = new WebSocket(endpoint);\n"
                + "  var legacy = new WebSocket('ws://legacy.example-corp.net/ws?u=' + userId);\n"
                + "</script></body></html>\n";
        FileReport r = analyze("templates/index.html", html);
        List<Finding> f = of(r, "js/ws-cleartext");
        assertEquals(1, f.size(), r.findings().toString());
        assertAt(f.get(0), html, "'ws://legacy");
    }

    @Test
    void freemarkerTemplate() {
        String ftl = "<#assign secure = true>\n<html><body>\n<script>\n  var room = '${room.id?js_string}';\n"
                + "  <#if secure>\n  var s = new WebSocket('ws://rooms.example-corp.net/' + room);\n  </#if>\n</script>\n";
        FileReport r = analyze("templates/room.ftlh", ftl);
        assertEquals("ftl+rhino", r.frontEnd());
        List<Finding> f = of(r, "js/ws-cleartext");
        assertEquals(1, f.size(), r.findings().toString());
        assertAt(f.get(0), ftl, "'ws://rooms");
    }

    @Test
    void crlfLinesAndColumns() {
        String html = "<html>\r\n<body>\r\n\r\n<script>\r\n  var a = 1;\r\n  var s = new WebSocket(\"ws://crlf.example-corp.net/\");\r\n</script>\r\n";
        FileReport r = analyze("crlf.htm", html);
        List<Finding> f = of(r, "js/ws-cleartext");
        assertEquals(1, f.size(), r.findings().toString());
        assertEquals(6, f.get(0).region().startLine());
        assertAt(f.get(0), html, "\"ws://crlf");
    }

    @Test
    void byteOrderMarkDoesNotShiftColumns() {
        String html = "\uFEFF<script>new WebSocket('ws://bom.example-corp.net/')</script>";
        FileReport r = analyze("bom.html", html);
        List<Finding> f = of(r, "js/ws-cleartext");
        assertEquals(1, f.size(), r.findings().toString());
        assertAt(f.get(0), html, "'ws://bom");
    }

    @Test
    void parseErrorPointsIntoTheTemplate() {
        String html = "<html>\n<body>\n<script>var ok = 1;</script>\n<p>text</p>\n<script>\n  var broken = ;\n</script>\n";
        FileReport r = analyzer.analyze(new SourceFile(Path.of("bad.html"), "bad.html", html));
        assertFalse(r.analysed());
        assertEquals(1, r.notifications().size(), r.notifications().toString());
        Notification n = r.notifications().get(0);
        assertEquals("parse-error", n.kind());
        assertEquals(6, n.line());
    }

    @Test
    void handlerThatDoesNotParseIsLeftOutAndThePageAnalysed() {
        String html = "<html><body>\n<script>var ws = new WebSocket('ws://a.example-corp.net/');</script>\n"
                + "<button onclick=\"save(1 2)\">a</button>\n<button onclick=\"ws.send(document.cookie)\">b</button>\n";
        FileReport r = analyze("handlers.html", html);
        assertEquals(1, of(r, "js/ws-cleartext").size(), r.findings().toString());
        assertEquals(1, of(r, "js/ws-sensitive-send").size(), r.findings().toString());
        assertEquals(1, r.notifications().size(), r.notifications().toString());
        Notification n = r.notifications().get(0);
        assertEquals("info", n.kind());
        assertEquals(3, n.line());
        assertTrue(n.message().equals("inline onclick handler not analysed: its code does not parse"), n.message());
    }

    @Test
    void templateWithoutScriptsIsAnalysedWithNothingToReport() {
        FileReport r = analyze("static.html", "<html><body><h1>Hello</h1><a href=\"/x\">x</a></body></html>");
        assertTrue(r.findings().isEmpty());
        assertTrue(r.notifications().isEmpty());
        assertEquals("html", r.frontEnd());
    }

    @Test
    void suppressionCommentsInScriptsApply(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("page.html"), "<script>\n// wsscan-ignore js/ws-cleartext: lab device\n"
                + "var lab = new WebSocket('ws://lab.example-corp.net/');\n</script>\n", StandardCharsets.UTF_8);
        ScanResult result = scan(dir);
        assertEquals(1, result.findings().size());
        assertTrue(result.findings().get(0).suppressed());
    }

    @Test
    void theStandardScannerAnalysesTemplates(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("web"));
        Files.writeString(dir.resolve("web/index.html"), "<script>new WebSocket('ws://a.example-corp.net/')</script>\n"
                + "<button onclick=\"x(&amp;)\">b</button>\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("web/plain.jsp"), "<%@ page %>\n<h1>${title}</h1>\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("web/app.js"), "new WebSocket('ws://b.example-corp.net/');\n", StandardCharsets.UTF_8);
        ScanResult result = scan(dir);
        assertEquals(3, result.stats().filesAnalysed());
        assertEquals(0, result.stats().filesSkipped());
        assertEquals(List.of("web/app.js", "web/index.html"), result.findings().stream().map(Finding::file).toList());
        assertEquals("html+rhino", result.frontEnds().get("web/index.html"));
        assertEquals(1, result.notifications().size());
        assertEquals("info", result.notifications().get(0).kind());
        assertNull(result.frontEnds().get("web/app.js"));
    }

    private static ScanResult scan(Path dir) {
        return new Scanner().scan(ScanOptions.builder().path(dir).threads(2).timeBudget(Duration.ofSeconds(20)).build());
    }
}

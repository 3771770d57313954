package io.wsscan.rules.js;

import io.wsscan.analysis.JsAnalyzer;
import io.wsscan.engine.FileReport;
import io.wsscan.engine.SourceFile;
import io.wsscan.findings.Finding;
import io.wsscan.rules.RuleCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostMessageOriginCheckTest {

    private static final String RULE = "js/postmessage-origin-check";
    private static JsAnalyzer analyzer;

    @BeforeAll
    static void setUp() {
        analyzer = new JsAnalyzer(RuleCatalog.builtin());
    }

    // ------------------------------------------------------------------ regexProblem

    @Test
    void anchoredRegexWithEscapedDotsIsFine() {
        assertNull(PostMessageOriginCheck.regexProblem("^https:\\/\\/app\\.example\\.com$"));
        assertNull(PostMessageOriginCheck.regexProblem("^https://app\\.example\\.com$"), "unescaped slashes are harmless");
        assertNull(PostMessageOriginCheck.regexProblem("^https:\\/\\/(www\\.)?example\\.com$"));
        assertNull(PostMessageOriginCheck.regexProblem("^https:\\/\\/app\\.example\\.com(:\\d+)?$"));
        assertNull(PostMessageOriginCheck.regexProblem("^https:\\/\\/[a-z]+\\.example\\.com$"));
        assertNull(PostMessageOriginCheck.regexProblem("^https:\\/\\/a[.]example[.]com$"), "a dot in a class is literal");
    }

    @Test
    void unanchoredRegex() {
        String missing = "is not anchored at both ends (^…$)";
        assertEquals(missing, PostMessageOriginCheck.regexProblem("app\\.example\\.com"));
        assertEquals(missing, PostMessageOriginCheck.regexProblem("^https:\\/\\/app\\.example\\.com"), "no end anchor");
        assertEquals(missing, PostMessageOriginCheck.regexProblem("https:\\/\\/app\\.example\\.com$"), "no start anchor");
        assertEquals(missing, PostMessageOriginCheck.regexProblem("^https:\\/\\/app\\.example\\.com\\$"),
                "an escaped dollar is a literal '$', not an anchor");
    }

    @Test
    void unescapedDot() {
        assertEquals("has an unescaped '.', which matches any character",
                PostMessageOriginCheck.regexProblem("^https:\\/\\/app.example\\.com$"));
        assertEquals("allows any characters (.*) in the host",
                PostMessageOriginCheck.regexProblem("^https:\\/\\/.*\\.example\\.com$"));
        assertEquals("allows any characters (.*) in the host",
                PostMessageOriginCheck.regexProblem("^https:\\/\\/.+example\\.com$"));
        assertEquals("has an unescaped '.', which matches any character",
                PostMessageOriginCheck.regexProblem("^https:\\/\\/a\\\\.example\\.com$"),
                "an escaped backslash does not escape the dot after it");
    }

    @Test
    void alternation() {
        assertNull(PostMessageOriginCheck.regexProblem("^https:\\/\\/a\\.example\\.com$|^https:\\/\\/b\\.example\\.com$"),
                "every alternative anchored");
        assertNull(PostMessageOriginCheck.regexProblem("^(https:\\/\\/a\\.example\\.com|https:\\/\\/b\\.example\\.com)$"),
                "alternatives grouped inside the anchors");
        assertNull(PostMessageOriginCheck.regexProblem("^https:\\/\\/(a|b)\\.example\\.com$"), "a nested group is not top level");
        assertEquals("anchors only some of its alternatives",
                PostMessageOriginCheck.regexProblem("^https:\\/\\/a\\.example\\.com|https:\\/\\/b\\.example\\.com$"));
        assertEquals("anchors only some of its alternatives",
                PostMessageOriginCheck.regexProblem("^https:\\/\\/a\\.example\\.com$|b\\.example\\.com"));
        assertEquals("has an unescaped '.', which matches any character",
                PostMessageOriginCheck.regexProblem("^https:\\/\\/a\\.example\\.com$|^https:\\/\\/b.example\\.com$"),
                "anchored alternatives are still checked for dots");
    }
    @Test
    void twoGroupsJoinedAtTopLevelAreNotAnchored() {
        assertNotNull(PostMessageOriginCheck.regexProblem("^(https:\\/\\/a\\.example\\.com)|(https:\\/\\/b\\.example\\.com)$"));
    }

    // ------------------------------------------------------------------ end to end

    private static List<Finding> findings(String js) {
        FileReport r = analyzer.analyze(new SourceFile(Path.of("page.js"), "page.js", js));
        assertTrue(r.analysed(), () -> "not analysed: " + r.notifications());
        return r.findings().stream().filter(f -> f.ruleId().equals(RULE)).toList();
    }

    /** The handler body inside {@code window.addEventListener('message', function (e) { ... });}. */
    private static String handler(String... body) {
        return "var ws = new WebSocket('wss://api.example.com/ws');\n"
                + "window.addEventListener('message', function (e) {\n"
                + String.join("\n", body) + "\n"
                + "});\n";
    }

    private static Finding one(String js) {
        List<Finding> fs = findings(js);
        assertEquals(1, fs.size(), () -> "expected one " + RULE + " finding for:\n" + js + "\ngot " + fs);
        return fs.get(0);
    }

    private static void none(String js) {
        List<Finding> fs = findings(js);
        assertEquals(List.of(), fs, () -> "expected no " + RULE + " finding for:\n" + js);
    }

    @Test
    void noCheckAtAll() {
        Finding f = one(handler("  ws.send(e.data);"));
        assertTrue(f.message().contains("uses event.data without checking event.origin"), f.message());
        assertEquals(2, f.region().startLine(), "the finding points at the registration");
        assertEquals(Finding.Level.WARNING, f.level());
    }

    @Test
    void onmessagePropertyWithoutCheck() {
        Finding f = one("var ws = new WebSocket('wss://api.example.com/ws');\n"
                + "window.onmessage = function (event) {\n  ws.send(event.data);\n};\n");
        assertTrue(f.message().contains("without checking event.origin"), f.message());
        assertEquals(2, f.region().startLine());
    }

    @Test
    void indexOf() {
        Finding f = one(handler("  if (e.origin.indexOf('example.com') === -1) return;", "  ws.send(e.data);"));
        assertTrue(f.message().contains("indexOf()"), f.message());
        assertTrue(f.message().contains("example.com.evil.net"), f.message());
    }

    @Test
    void includes() {
        Finding f = one(handler("  if (!e.origin.includes('https://app.example.com')) return;", "  ws.send(e.data);"));
        assertTrue(f.message().contains("includes()"), f.message());
    }

    @Test
    void startsWith() {
        Finding f = one(handler("  if (!e.origin.startsWith('https://app.example.com')) return;", "  ws.send(e.data);"));
        assertTrue(f.message().contains("startsWith()"), f.message());
    }

    @Test
    void endsWithWithoutLeadingDot() {
        Finding f = one(handler("  if (!e.origin.endsWith('example.com')) return;", "  ws.send(e.data);"));
        assertTrue(f.message().contains("endsWith() without a leading dot"), f.message());
    }

    @Test
    void endsWithLeadingDotIsFine() {
        none(handler("  if (!e.origin.endsWith('.example.com')) return;", "  ws.send(e.data);"));
    }

    @Test
    void endsWithLeadingDotThroughAConst() {
        none("const SUFFIX = '.example.com';\n"
                + handler("  if (!e.origin.endsWith(SUFFIX)) return;", "  ws.send(e.data);"));
    }

    @Test
    void anchoredRegexIsFine() {
        none(handler("  if (!/^https:\\/\\/app\\.example\\.com$/.test(e.origin)) return;", "  ws.send(e.data);"));
    }

    @Test
    void unanchoredRegexWithUnescapedDots() {
        Finding f = one(handler("  if (!/app.example.com/.test(e.origin)) return;", "  ws.send(e.data);"));
        assertTrue(f.message().contains("/app.example.com/"), f.message());
        assertTrue(f.message().contains("not anchored"), f.message());
    }

    @Test
    void regexConstructedFromAStringWithUnescapedDots() {
        Finding f = one("var TRUSTED = new RegExp('^https://app.example.com$');\n"
                + handler("  if (!TRUSTED.test(e.origin)) return;", "  ws.send(e.data);"));
        assertTrue(f.message().contains("unescaped '.'"), f.message());
    }

    @Test
    void searchWithAPlainString() {
        Finding f = one(handler("  if (e.origin.search('example.com') < 0) return;", "  ws.send(e.data);"));
        assertTrue(f.message().contains("search() with a plain string"), f.message());
    }

    @Test
    void strictInequalityWithEarlyReturn() {
        none(handler("  if (e.origin !== 'https://app.example.com') return;", "  ws.send(e.data);"));
    }

    @Test
    void equalityGuardingTheUse() {
        none(handler("  if (e.origin === 'https://app.example.com') {", "    ws.send(e.data);", "  }"));
    }

    @Test
    void switchOnOrigin() {
        none(handler("  switch (e.origin) {", "    case 'https://app.example.com':", "      ws.send(e.data);", "  }"));
    }

    @Test
    void checkAfterUse() {
        Finding f = one(handler("  ws.send(e.data);", "  if (e.origin !== 'https://app.example.com') return;"));
        assertTrue(f.message().contains("after"), f.message());
        assertTrue(f.message().contains("event.origin is checked only after event.data has been used"), f.message());
    }

    @Test
    void dataCopiedBeforeTheCheckCountsAsUse() {
        Finding f = one(handler("  var payload = e.data;", "  if (e.origin !== 'https://app.example.com') return;",
                "  ws.send(payload);"));
        assertTrue(f.message().contains("after"), f.message());
    }

    @Test
    void allowlistMembership() {
        none("var ALLOWED = ['https://a.example.com', 'https://b.example.com'];\n"
                + handler("  if (ALLOWED.indexOf(e.origin) !== -1) {", "    ws.send(e.data);", "  }"));
        none("var ALLOWED = ['https://a.example.com'];\n"
                + handler("  if (!ALLOWED.includes(e.origin)) return;", "  ws.send(e.data);"));
        none("var ALLOWED = new Set(['https://a.example.com']);\n"
                + handler("  if (!ALLOWED.has(e.origin)) return;", "  ws.send(e.data);"));
    }

    @Test
    void sourceIdentity() {
        none("var frame = document.getElementById('widget');\n"
                + handler("  if (e.source !== frame.contentWindow) return;", "  ws.send(e.data);"));
        none("var frame = document.getElementById('widget');\n"
                + handler("  if (e.source === frame.contentWindow) {", "    ws.send(e.data);", "  }"));
    }

    @Test
    void strictHelperFunction() {
        none("function trusted(o) { return o === 'https://a.example.com'; }\n"
                + handler("  if (!trusted(e.origin)) return;", "  ws.send(e.data);"));
    }

    @Test
    void weakHelperFunctionIsReportedWithItsWeakness() {
        Finding f = one("function trusted(o) { return o.indexOf('example.com') >= 0; }\n"
                + handler("  if (!trusted(e.origin)) return;", "  ws.send(e.data);"));
        assertTrue(f.message().contains("indexOf()"), f.message());
    }

    @Test
    void parsedUrlHostComparedStrictly() {
        none(handler("  if (new URL(e.origin).hostname !== 'app.example.com') return;", "  ws.send(e.data);"));
    }

    @Test
    void originAlias() {
        none(handler("  var from = e.origin;", "  if (from !== 'https://app.example.com') return;", "  ws.send(e.data);"));
    }

    @Test
    void destructuredParameterWithStrictCheck() {
        none("var ws = new WebSocket('wss://api.example.com/ws');\n"
                + "window.addEventListener('message', ({ origin, data }) => {\n"
                + "  if (origin !== 'https://app.example.com') return;\n"
                + "  ws.send(data);\n"
                + "});\n");
    }

    @Test
    void destructuredParameterWithoutCheck() {
        Finding f = one("var ws = new WebSocket('wss://api.example.com/ws');\n"
                + "window.addEventListener('message', ({ data }) => {\n"
                + "  ws.send(data);\n"
                + "});\n");
        assertTrue(f.message().contains("without checking event.origin"), f.message());
    }
    @Test
    void dataDestructuredInTheBodyWithoutCheck() {
        one(handler("  const { data } = e;", "  ws.send(data);"));
    }

    @Test
    void handlerThatNeverReadsData() {
        none(handler("  console.log('ping from', e.origin);"));
        none(handler("  ws.send('refresh');"));
    }

    @Test
    void namedHandlerIsReportedAtItsRegistration() {
        Finding f = one("function onMessage(e) {\n  document.title = e.data;\n}\n"
                + "window.addEventListener('message', onMessage);\n");
        assertEquals(4, f.region().startLine());
    }

    @Test
    void webSocketMessageListenerIsNotAWindowMessage() {
        none("var ws = new WebSocket('wss://api.example.com/ws');\n"
                + "ws.addEventListener('message', function (e) {\n"
                + "  document.getElementById('out').textContent = e.data;\n"
                + "});\n"
                + "ws.onmessage = function (e) { console.log(e.data); };\n");
    }

    @Test
    void otherEventTypesAreIgnored() {
        none("window.addEventListener('storage', function (e) { document.title = e.newValue; });\n"
                + "window.addEventListener('click', function (e) { console.log(e.data); });\n");
    }

    @Test
    void eachHandlerIsJudgedOnItsOwn() {
        String js = "window.addEventListener('message', function (e) {\n"
                + "  if (e.origin !== 'https://a.example.com') return;\n"
                + "  document.title = e.data;\n"
                + "});\n"
                + "window.addEventListener('message', function (e) {\n"
                + "  if (e.origin.indexOf('example.com') < 0) return;\n"
                + "  document.title = e.data;\n"
                + "});\n";
        Finding f = one(js);
        assertEquals(5, f.region().startLine());
        assertTrue(f.message().contains("indexOf()"), f.message());
    }
}

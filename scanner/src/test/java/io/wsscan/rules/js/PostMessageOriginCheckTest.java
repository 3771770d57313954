package io.wsscan.rules.js;

import io.wsscan.analysis.JsAnalyzer;
import io.wsscan.findings.Finding;
import io.wsscan.rules.RuleCatalog;
import io.wsscan.testing.RuleTester;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostMessageOriginCheckTest {

    private static final String RULE = "js/postmessage-origin-check";
    private static RuleTester tester;

    @BeforeAll
    static void setUp() {
        tester = RuleTester.using(new JsAnalyzer(RuleCatalog.builtin())::analyzeTogether).only(RULE);
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

    /** Checks the annotated code as page.js; the finding of the rule, if there is one. */
    private static RuleTester.Result check(String js) {
        return tester.check("page.js", js);
    }

    /**
     * A handler with {@code body} inside {@code window.addEventListener('message', function (e) { ... });},
     * its registration (line 3) annotated with {@code annotation}.
     */
    private static String handler(String annotation, String... body) {
        return "var ws = new WebSocket('wss://api.example.com/ws');\n"
                + "// " + annotation + "\n"
                + "window.addEventListener('message', function (e) {\n"
                + String.join("\n", body) + "\n"
                + "});\n";
    }

    /** A handler reported with a message containing {@code message}; the finding. */
    private static Finding reported(String message, String... body) {
        return check(handler("expect: " + RULE + " \"" + message + "\"", body)).only(RULE);
    }

    /** A handler that is not reported. */
    private static void safe(String... body) {
        check(handler("safe: " + RULE, body));
    }

    @Test
    void noCheckAtAll() {
        Finding f = reported("uses event.data without checking event.origin", "  ws.send(e.data);");
        assertEquals(3, f.region().startLine(), "the finding points at the registration");
        assertEquals(Finding.Level.WARNING, f.level());
    }

    @Test
    void onmessagePropertyWithoutCheck() {
        check("""
                var ws = new WebSocket('wss://api.example.com/ws');
                // expect: js/postmessage-origin-check "without checking event.origin"
                window.onmessage = function (event) {
                  ws.send(event.data);
                };
                """);
    }

    @Test
    void indexOf() {
        Finding f = reported("indexOf()", "  if (e.origin.indexOf('example.com') === -1) return;", "  ws.send(e.data);");
        assertTrue(f.message().contains("example.com.evil.net"), f.message());
    }

    @Test
    void includes() {
        reported("includes()", "  if (!e.origin.includes('https://app.example.com')) return;", "  ws.send(e.data);");
    }

    @Test
    void startsWith() {
        reported("startsWith()", "  if (!e.origin.startsWith('https://app.example.com')) return;", "  ws.send(e.data);");
    }

    @Test
    void endsWithWithoutLeadingDot() {
        reported("endsWith() without a leading dot", "  if (!e.origin.endsWith('example.com')) return;", "  ws.send(e.data);");
    }

    @Test
    void endsWithLeadingDotIsFine() {
        safe("  if (!e.origin.endsWith('.example.com')) return;", "  ws.send(e.data);");
    }

    @Test
    void endsWithLeadingDotThroughAConst() {
        check("const SUFFIX = '.example.com';\n"
                + handler("safe: " + RULE, "  if (!e.origin.endsWith(SUFFIX)) return;", "  ws.send(e.data);"));
    }

    @Test
    void anchoredRegexIsFine() {
        safe("  if (!/^https:\\/\\/app\\.example\\.com$/.test(e.origin)) return;", "  ws.send(e.data);");
    }

    @Test
    void unanchoredRegexWithUnescapedDots() {
        Finding f = reported("/app.example.com/", "  if (!/app.example.com/.test(e.origin)) return;", "  ws.send(e.data);");
        assertTrue(f.message().contains("not anchored"), f.message());
    }

    @Test
    void regexConstructedFromAStringWithUnescapedDots() {
        check("var TRUSTED = new RegExp('^https://app.example.com$');\n"
                + handler("expect: " + RULE + " \"unescaped '.'\"", "  if (!TRUSTED.test(e.origin)) return;", "  ws.send(e.data);"));
    }

    @Test
    void searchWithAPlainString() {
        reported("search() with a plain string", "  if (e.origin.search('example.com') < 0) return;", "  ws.send(e.data);");
    }

    @Test
    void strictInequalityWithEarlyReturn() {
        safe("  if (e.origin !== 'https://app.example.com') return;", "  ws.send(e.data);");
    }

    @Test
    void equalityGuardingTheUse() {
        safe("  if (e.origin === 'https://app.example.com') {", "    ws.send(e.data);", "  }");
    }

    @Test
    void switchOnOrigin() {
        safe("  switch (e.origin) {", "    case 'https://app.example.com':", "      ws.send(e.data);", "  }");
    }

    @Test
    void checkAfterUse() {
        reported("event.origin is checked only after event.data has been used",
                "  ws.send(e.data);", "  if (e.origin !== 'https://app.example.com') return;");
    }

    @Test
    void dataCopiedBeforeTheCheckCountsAsUse() {
        reported("after", "  var payload = e.data;", "  if (e.origin !== 'https://app.example.com') return;",
                "  ws.send(payload);");
    }

    @Test
    void allowlistMembership() {
        String safe = "safe: " + RULE;
        check("var ALLOWED = ['https://a.example.com', 'https://b.example.com'];\n"
                + handler(safe, "  if (ALLOWED.indexOf(e.origin) !== -1) {", "    ws.send(e.data);", "  }"));
        check("var ALLOWED = ['https://a.example.com'];\n"
                + handler(safe, "  if (!ALLOWED.includes(e.origin)) return;", "  ws.send(e.data);"));
        check("var ALLOWED = new Set(['https://a.example.com']);\n"
                + handler(safe, "  if (!ALLOWED.has(e.origin)) return;", "  ws.send(e.data);"));
    }

    @Test
    void sourceIdentity() {
        String safe = "safe: " + RULE;
        check("var frame = document.getElementById('widget');\n"
                + handler(safe, "  if (e.source !== frame.contentWindow) return;", "  ws.send(e.data);"));
        check("var frame = document.getElementById('widget');\n"
                + handler(safe, "  if (e.source === frame.contentWindow) {", "    ws.send(e.data);", "  }"));
    }

    @Test
    void strictHelperFunction() {
        check("function trusted(o) { return o === 'https://a.example.com'; }\n"
                + handler("safe: " + RULE, "  if (!trusted(e.origin)) return;", "  ws.send(e.data);"));
    }

    @Test
    void weakHelperFunctionIsReportedWithItsWeakness() {
        check("function trusted(o) { return o.indexOf('example.com') >= 0; }\n"
                + handler("expect: " + RULE + " \"indexOf()\"", "  if (!trusted(e.origin)) return;", "  ws.send(e.data);"));
    }

    @Test
    void parsedUrlHostComparedStrictly() {
        safe("  if (new URL(e.origin).hostname !== 'app.example.com') return;", "  ws.send(e.data);");
    }

    @Test
    void originAlias() {
        safe("  var from = e.origin;", "  if (from !== 'https://app.example.com') return;", "  ws.send(e.data);");
    }

    @Test
    void destructuredParameterWithStrictCheck() {
        check("""
                var ws = new WebSocket('wss://api.example.com/ws');
                // safe: js/postmessage-origin-check
                window.addEventListener('message', ({ origin, data }) => {
                  if (origin !== 'https://app.example.com') return;
                  ws.send(data);
                });
                """);
    }

    @Test
    void destructuredParameterWithoutCheck() {
        check("""
                var ws = new WebSocket('wss://api.example.com/ws');
                // expect: js/postmessage-origin-check "without checking event.origin"
                window.addEventListener('message', ({ data }) => {
                  ws.send(data);
                });
                """);
    }

    @Test
    void dataDestructuredInTheBodyWithoutCheck() {
        check(handler("expect: " + RULE, "  const { data } = e;", "  ws.send(data);"));
    }

    @Test
    void handlerThatNeverReadsData() {
        safe("  console.log('ping from', e.origin);");
        safe("  ws.send('refresh');");
    }

    @Test
    void namedHandlerIsReportedAtItsRegistration() {
        check("""
                function onMessage(e) {
                  document.title = e.data;
                }
                // expect: js/postmessage-origin-check
                window.addEventListener('message', onMessage);
                """);
    }

    @Test
    void webSocketMessageListenerIsNotAWindowMessage() {
        check("""
                var ws = new WebSocket('wss://api.example.com/ws');
                // safe: js/postmessage-origin-check
                ws.addEventListener('message', function (e) {
                  document.getElementById('out').textContent = e.data;
                });
                // safe: js/postmessage-origin-check
                ws.onmessage = function (e) { console.log(e.data); };
                """);
    }

    @Test
    void otherEventTypesAreIgnored() {
        check("""
                // safe: js/postmessage-origin-check
                window.addEventListener('storage', function (e) { document.title = e.newValue; });
                // safe: js/postmessage-origin-check
                window.addEventListener('click', function (e) { console.log(e.data); });
                """);
    }

    @Test
    void eachHandlerIsJudgedOnItsOwn() {
        check("""
                // safe: js/postmessage-origin-check
                window.addEventListener('message', function (e) {
                  if (e.origin !== 'https://a.example.com') return;
                  document.title = e.data;
                });
                // expect: js/postmessage-origin-check "indexOf()"
                window.addEventListener('message', function (e) {
                  if (e.origin.indexOf('example.com') < 0) return;
                  document.title = e.data;
                });
                """);
    }
}

package io.wsscan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.wsscan.cli.MainTest.assertUsageError;
import static io.wsscan.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code wsscan policy csp}: the connect-src directive derived from the inventory and the allowlist. */
class PolicyCommandTest {

    @TempDir
    Path dir;

    private void write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private void app() throws IOException {
        write(".wsscan.yml", "version: 1\nallowedHosts:\n  - \"*.example-corp.net\"\n  - push.partner-cdn.net\n");
        write("web/app.js", String.join("\n",
                "const prices = new WebSocket('wss://prices.example-corp.net/v1');",
                "const chat = new WebSocket('/chat');",
                "const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';",
                "const live = new WebSocket(proto + '//live.example-corp.net:8443/feed');",
                "const io1 = io('https://rt.example-corp.net', { path: '/rt' });",
                "const push = new WebSocket('wss://push.partner-cdn.net/s');",
                "const ads = new WebSocket('wss://beacon.ads-tracker.com/collect');",
                "const own = new WebSocket(`wss://${location.host}/own`);",
                "const agent = new WebSocket('ws://127.0.0.1:9222/agent');",
                "const region = new URLSearchParams(location.search).get('r');",
                "const regional = new WebSocket('wss://' + window.REGION_HOST + '/feed');",
                "const sample = new WebSocket('wss://demo.example.com/socket');",
                ""));
        write("test/app.test.js", "const t = new WebSocket('wss://fixtures.qa-only.net/x');\n");
    }

    private static final String ALLOWED = "connect-src 'self' ws://127.0.0.1:9222 ws://live.example-corp.net:8443"
            + " wss://live.example-corp.net:8443 wss://prices.example-corp.net wss://push.partner-cdn.net"
            + " https://rt.example-corp.net wss://rt.example-corp.net";

    @Test
    void headerAllowsExactlyTheAllowedConnections() throws IOException {
        app();
        MainTest.Run r = run("policy", "csp", dir.toString());
        assertEquals(0, r.code(), r::toString);
        // relative and page-host addresses: 'self'; a scheme that follows the page: both; socket.io over
        // https: https and wss; loopback as js/ws-untrusted-host treats it; the test file's host is not there
        assertEquals("Content-Security-Policy: " + ALLOWED + "\n", r.out());
        assertTrue(r.err().contains("left out beacon.ads-tracker.com (not in allowedHosts): web/app.js:7"), r::err);
        assertTrue(r.err().contains("needs a decision: web/app.js:11 connects to wss://${\u2026}/feed"), r::err);
        assertTrue(r.err().contains("left out demo.example.com (a reserved documentation/test host): web/app.js:12"), r::err);
        assertFalse(r.out().contains("qa-only"), r::out);
    }

    @Test
    void serverSentEventsNeedNoWebSocketScheme() throws IOException {
        write(".wsscan.yml", "allowedHosts: [\"*.example-corp.net\"]\n");
        write("web/news.js", "const es = new EventSource('https://events.example-corp.net/news');\n");
        MainTest.Run r = run("policy", "csp", dir.toString(), "-f", "directive");
        assertEquals(0, r.code(), r::toString);
        assertEquals("connect-src 'self' https://events.example-corp.net\n", r.out());
    }

    @Test
    void metaDirectiveAndJsonCarryTheSameSources() throws IOException {
        app();
        assertEquals(ALLOWED + "\n", run("policy", "csp", dir.toString(), "-f", "directive").out());
        assertEquals("<meta http-equiv=\"Content-Security-Policy\" content=\"" + ALLOWED + "\">\n",
                run("policy", "csp", dir.toString(), "--format", "meta").out());
        MainTest.Run r = run("policy", "csp", dir.toString(), "-f", "json");
        assertEquals(0, r.code(), r::toString);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(ALLOWED, doc.get("directive").asText());
        assertEquals("web/app.js:1", doc.get("sources").get("wss://prices.example-corp.net").get(0).asText());
        assertEquals(2, doc.get("sources").get("'self'").size(), "the relative and the page-host address");
        assertEquals("web/app.js:7", doc.get("refusedHosts").get("beacon.ads-tracker.com").get(0).asText());
        assertTrue(doc.get("undecided").has("web/app.js:11"));
        assertTrue(doc.get("allowlist").asBoolean());
        // deterministic: the same bytes twice
        assertEquals(r.out(), run("policy", "csp", dir.toString(), "-f", "json").out());
    }

    @Test
    void testCodeOnlyWhenAskedAndEveryHostWithoutAnAllowlist() throws IOException {
        app();
        // the test file's host is then judged too (and it is not in the allowlist)
        assertFalse(run("policy", "csp", dir.toString()).err().contains("qa-only"));
        assertTrue(run("policy", "csp", dir.toString(), "--include-tests").err()
                .contains("left out fixtures.qa-only.net (not in allowedHosts): test/app.test.js:1"));
        Files.delete(dir.resolve(".wsscan.yml"));
        MainTest.Run r = run("policy", "csp", dir.toString());
        assertTrue(r.out().contains("wss://beacon.ads-tracker.com"), r::out);
        assertFalse(r.out().contains("qa-only"), r::out);
        assertTrue(r.err().contains("no allowedHosts"), r::err);
    }

    /** Scripts the pages load from other hosts are listed (json, stderr) with the tags that lack integrity, not put into the header. */
    @Test
    void pageScriptsOfOtherHostsAreListed() throws IOException {
        app();
        write("web/index.html", String.join("\n",
                "<!doctype html><html><head>",
                "<script src=\"https://cdn.jsdelivr.net/npm/sockjs-client@1/dist/sockjs.min.js\"",
                "        integrity=\"sha384-abc\" crossorigin=\"anonymous\"></script>",
                "<script src=\"//widgets.chat-vendor.io/embed.js\"></script>",
                "<script src=\"/js/app.js\"></script>",
                "<script src=\"{{ cdn_base }}/lib.js\"></script>",
                "</head><body></body></html>", ""));
        write("test/fixture.html", "<script src=\"https://qa-tools.example-corp.net/x.js\"></script>\n");
        MainTest.Run r = run("policy", "csp", dir.toString(), "-f", "json");
        assertEquals(0, r.code(), r::toString);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("web/index.html", doc.get("pageScriptSources").get("https://cdn.jsdelivr.net").get(0).asText());
        assertEquals("web/index.html", doc.get("pageScriptSources").get("https://widgets.chat-vendor.io").get(0).asText());
        assertEquals(2, doc.get("pageScriptSources").size(), "the page's own script and a template expression name no other host; test pages do not count");
        assertEquals(1, doc.get("pageScriptsWithoutIntegrity").size());
        assertEquals("web/index.html: //widgets.chat-vendor.io/embed.js", doc.get("pageScriptsWithoutIntegrity").get(0).asText());
        assertEquals(ALLOWED, doc.get("directive").asText(), "script hosts are not in the connect-src directive");
        assertTrue(r.err().contains("pages load scripts from https://widgets.chat-vendor.io: web/index.html"), r::err);
        assertTrue(r.err().contains("1 external script without an integrity attribute"), r::err);
    }

    @Test
    void writesTheFileItIsGiven() throws IOException {
        app();
        Path out = dir.resolve("out/csp.txt");
        MainTest.Run r = run("policy", "csp", dir.resolve("web").toString(), "--config", dir.resolve(".wsscan.yml").toString(),
                "-f", "directive", "-o", out.toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals(ALLOWED + "\n", Files.readString(out));
    }

    @Test
    void badInputIsAUsageError() throws IOException {
        app();
        assertUsageError(run("policy", "csp", dir.toString(), "-f", "nginx"), "unknown policy format 'nginx'");
        assertUsageError(run("policy"), "missing subcommand");
        assertUsageError(run("policy", "csp", dir.resolve("nowhere").toString()), "nowhere");
        assertUsageError(run("policy", "csp", dir.toString(), "--config", dir.resolve("none.yml").toString()), "none.yml");
    }
}

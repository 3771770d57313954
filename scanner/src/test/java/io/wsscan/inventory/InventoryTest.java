package io.wsscan.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsscan.engine.ScanOptions;
import io.wsscan.engine.ScanResult;
import io.wsscan.engine.Scanner;
import io.wsscan.findings.Region;
import io.wsscan.policy.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InventoryTest {

    @TempDir
    Path dir;

    private void file(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private ScanResult scan() {
        return scan(io.wsscan.policy.Policy.NONE);
    }

    private ScanResult scan(io.wsscan.policy.Policy policy) {
        return new Scanner().scan(ScanOptions.builder().path(dir).threads(1).policy(policy).build());
    }

    private void fixture() throws IOException {
        file("src/chat.js", """
                const chat = new WebSocket('wss://' + location.host + '/ws/rooms/' + roomId, ['chat.v2', token]);
                const feed = new WebSocket('/feed');
                """);
        file("src/vendor/widget.js", """
                var tracker = new WebSocket('wss://collect.tracker-example.io/v1?api_key=' + KEY);
                var cdn = new WebSocket('wss://live.partner-example.com/stream');
                """);
        file("src/sio.js", """
                import { io } from 'socket.io-client';
                const s = io('https://api.shop-demo.io/orders', { auth: { token: t } });
                """);
        file("src/sockjs.js", """
                var sock = new SockJS('/stomp/info');
                var unknownUrl = new WebSocket(config.url);
                """);
    }

    private static Endpoint client(List<Endpoint> es, String file, String urlPart) {
        return es.stream().filter(e -> e.file().equals(file) && e.url() != null && e.url().contains(urlPart))
                .findFirst().orElseThrow(() -> new AssertionError("no client " + file + " " + urlPart + " in " + es));
    }

    @Test
    void reservedHostsAreNotedAndLoopbackIsFirstPartyAsForTheRules() throws IOException {
        file("src/dev.js", """
                var docs = new WebSocket('ws://api.example.org/v1');
                var mock = new WebSocket('ws://chat.test/ws');
                var tunnel = new WebSocket('ws://app.dev.localhost:5173/ws');
                var lan = new WebSocket('ws://127.0.4.2:9000/ws');
                var real = new WebSocket('ws://example.org.example-corp.net/ws');
                """);
        ScanResult r = scan();
        List<Endpoint> es = r.endpoints();
        for (String reserved : List.of("api.example.org", "chat.test")) {
            Endpoint e = client(es, "src/dev.js", reserved);
            assertTrue(e.notes().contains(Endpoint.RESERVED), e.toString());
            assertEquals(Endpoint.Party.THIRD_PARTY, e.party());
        }
        assertEquals(Endpoint.Party.FIRST_PARTY, client(es, "src/dev.js", "app.dev.localhost").party());
        assertTrue(client(es, "src/dev.js", "app.dev.localhost").notes().contains(Endpoint.LOOPBACK));
        assertEquals(Endpoint.Party.FIRST_PARTY, client(es, "src/dev.js", "127.0.4.2").party());
        Endpoint real = client(es, "src/dev.js", "example-corp.net");
        assertFalse(real.notes().contains(Endpoint.RESERVED), real.toString());
        // the cleartext rule agrees: only the real host is reported
        List<Integer> cleartext = r.findings().stream().filter(f -> f.ruleId().equals("js/ws-cleartext"))
                .map(f -> f.region().startLine()).toList();
        assertEquals(List.of(5), cleartext);
    }

    @Test
    void clientsCarryUrlPartsPartyAndAuth() throws IOException {
        fixture();
        List<Endpoint> es = scan().endpoints();
        Endpoint chat = client(es, "src/chat.js", "/ws/rooms/");
        assertEquals("wss://{page-host}/ws/rooms/${…}", chat.url());
        assertEquals(Endpoint.Party.FIRST_PARTY, chat.party());
        // no "cookie" by guess: no server of the scan is seen reading cookies
        assertEquals(List.of("subprotocol"), chat.auth());
        assertEquals(1, chat.region().startLine());
        assertEquals(List.of("path"), chat.unknown());

        Endpoint feed = client(es, "src/chat.js", "/feed");
        assertEquals(Endpoint.Party.RELATIVE, feed.party());

        Endpoint tracker = client(es, "src/vendor/widget.js", "tracker");
        assertEquals(Endpoint.Party.THIRD_PARTY, tracker.party());
        assertEquals("collect.tracker-example.io", tracker.host());
        assertEquals(List.of("token-in-url"), tracker.auth());

        Endpoint sio = client(es, "src/sio.js", "orders");
        assertEquals("socket.io", sio.framework());
        assertEquals("https", sio.scheme());
        assertEquals(List.of("first-message"), sio.auth());
        // the URL's path is a socket.io namespace; the handshake goes to /socket.io/
        assertEquals("/socket.io/", sio.path());
        assertEquals(List.of("namespace /orders"), sio.notes());

        Endpoint unknown = es.stream().filter(e -> e.file().equals("src/sockjs.js") && e.url() == null).findFirst().orElseThrow();
        assertEquals(Endpoint.Party.UNKNOWN, unknown.party());
        assertEquals(List.of("url"), unknown.unknown());
        // sorted output
        List<Endpoint> sorted = new ArrayList<>(es);
        sorted.sort(Endpoint.ORDER);
        assertEquals(sorted, es);
    }

    @Test
    void matchingHiddenUnmatchedAndThirdPartyHosts() throws IOException {
        fixture();
        List<Endpoint> es = new ArrayList<>(scan().endpoints());
        Region r = new Region(10, 5, 10, 40);
        es.add(Endpoint.server("server/ChatConfig.java", r, "spring-websocket", "/ws/rooms/{roomId}", "ChatHandler",
                Endpoint.OriginPolicy.CHECKED, List.of("session/cookie"), List.of()));
        es.add(Endpoint.server("server/StompConfig.java", r, "spring-stomp", "/stomp", "(STOMP broker)",
                Endpoint.OriginPolicy.FRAMEWORK_DEFAULT, List.of(), List.of("SockJS")));
        es.add(Endpoint.server("server/Admin.java", r, "jakarta-websocket", "/admin/console", "AdminEndpoint",
                Endpoint.OriginPolicy.MISSING, List.of(), List.of()));
        Inventory inv = Inventory.of(es, List.of(new HostPattern("*.shop-demo.io")));

        assertEquals(3, inv.servers().size());
        List<String> matched = inv.matches().stream().map(m -> m.client().path() + "->" + m.servers().get(0).path()).toList();
        assertTrue(matched.contains("/ws/rooms/${…}->/ws/rooms/{roomId}"), matched::toString);
        assertTrue(matched.contains("/stomp/info->/stomp"), matched::toString);
        assertEquals(List.of("/admin/console"), inv.hiddenServers().stream().map(Endpoint::path).toList());
        assertTrue(inv.unmatchedClients().stream().anyMatch(c -> "/feed".equals(c.path())));
        assertEquals(Map.of("collect.tracker-example.io", List.of("src/vendor/widget.js"),
                "live.partner-example.com", List.of("src/vendor/widget.js")), inv.thirdPartyHosts());
        // firstPartyHosts turns api.shop-demo.io into a first-party host; cookies only with evidence
        Endpoint sio = inv.clients().stream().filter(e -> "socket.io".equals(e.framework())).findFirst().orElseThrow();
        assertEquals(Endpoint.Party.FIRST_PARTY, sio.party());
        assertFalse(sio.auth().contains("cookie"));
        // the chat client reaches a server that reads the session: its handshake carries the cookies
        Endpoint chat = inv.clients().stream().filter(e -> e.path() != null && e.path().startsWith("/ws/rooms/")).findFirst().orElseThrow();
        assertEquals(List.of("cookie", "subprotocol"), chat.auth());
        assertEquals(chat, inv.matches().stream().filter(m -> m.client().path().startsWith("/ws/rooms/")).findFirst().orElseThrow().client());
        Endpoint feed = inv.clients().stream().filter(e -> "/feed".equals(e.path())).findFirst().orElseThrow();
        assertEquals(List.of(), feed.auth());
    }

    @Test
    void nodeServersShowTheirPathAndAnOriginPolicyOnlyWhatIsSeenSupports() throws IOException {
        file("server/io.js", """
                const { Server } = require('socket.io');
                const io = new Server(httpServer);
                io.of('/admin').on('connection', s => s.emit('hi'));
                const rt = new Server(otherServer, { path: '/rt/', cors: { origin: ['https://shop.example.com'] } });
                """);
        file("server/ws.js", """
                const { WebSocketServer } = require('ws');
                const policy = require('./policy');
                const wss = new WebSocketServer({ server, path: '/live', verifyClient: (info) => info.origin === 'https://shop.example.com' });
                const gated = new WebSocketServer({ noServer: true });
                server.on('upgrade', (req, socket, head) => {
                  if (req.headers.origin !== 'https://shop.example.com') { socket.destroy(); return; }
                  gated.handleUpgrade(req, socket, head, (ws) => gated.emit('connection', ws, req));
                });
                const elsewhere = new WebSocketServer({ port: 8081, verifyClient: policy.verify });
                """);
        file("web/client.js", """
                import { io } from 'socket.io-client';
                const admin = io('/admin');
                """);
        Inventory inv = Inventory.of(scan().endpoints(), List.of());
        List<String> servers = inv.servers().stream().map(e -> e.file() + ":" + e.region().startLine() + " " + e.path() + " "
                + e.originPolicy().id()).toList();
        // namespaces are not URL paths: socket.io answers on /socket.io/ (or its path option)
        assertEquals(List.of("server/io.js:2 /socket.io/ framework-default", "server/io.js:4 /rt/ checked",
                "server/ws.js:3 /live checked", "server/ws.js:4 null checked",
                // its verifyClient is in another module: nothing in sight checks, so no claim that it does
                "server/ws.js:9 null framework-default"), servers);
        Inventory.Match m = inv.matches().stream().filter(x -> x.client().file().equals("web/client.js")).findFirst().orElseThrow();
        assertEquals("/socket.io/", m.servers().get(0).path());
        assertEquals(List.of("namespace /admin"), m.client().notes());
    }

    @Test
    void aSockjsServerTakesItsPathFromInstallHandlers() throws IOException {
        file("server/live.js", """
                const sockjs = require('sockjs');
                const echo = sockjs.createServer();
                echo.on('connection', (conn) => conn.on('data', (d) => conn.write(d)));
                echo.installHandlers(httpServer, { prefix: '/echo' });
                class Live {
                  listen(server) {
                    this.sock = sockjs.createServer({ log: () => {} });
                    this.sock.installHandlers(server, { prefix: '/sockjs-node' });
                    const other = sockjs.createServer();
                    other.installHandlers(server);
                  }
                }
                """);
        Inventory inv = Inventory.of(scan().endpoints(), List.of());
        List<String> servers = inv.servers().stream().map(e -> e.region().startLine() + " " + e.framework() + " " + e.path()).toList();
        assertEquals(List.of("2 sockjs /echo", "7 sockjs /sockjs-node", "9 sockjs null"), servers);
    }

    @Test
    void aVitePluginsListenersOnTheHmrChannelAreListedWithVitesDefault() throws IOException {
        file("plugins/notes.ts", """
                import type { Plugin, ViteDevServer } from 'vite';
                export default function notes(): Plugin {
                  return {
                    name: 'notes',
                    configureServer(server: ViteDevServer) {
                      server.ws.on('notes:add', (data) => server.ws.send('notes:update', data));
                    },
                  };
                }
                """);
        file("plugins/untyped.js", """
                export const other = { configureServer(server) { server.ws.on('x', () => {}); } };
                """);
        Inventory inv = Inventory.of(scan().endpoints(), List.of());
        List<String> servers = inv.servers().stream().map(e -> e.file() + ":" + e.region().startLine() + " " + e.framework()
                + " " + e.originPolicy().id()).toList();
        // a plain JavaScript hook's parameter has no type to go by: not listed (see the model's comment)
        assertEquals(List.of("plugins/notes.ts:6 vite (HMR channel) framework-default"), servers);
    }

    @Test
    void pathMatching() {
        assertTrue(Inventory.pathsMatch("/ws/", "/ws"));
        assertTrue(Inventory.pathsMatch("/users/42/feed", "/users/:id/feed"));
        assertTrue(Inventory.pathsMatch("/users/${…}/feed", "/users/{id}/feed"));
        assertTrue(Inventory.pathsMatch("/chat/websocket", "/chat"));
        assertTrue(Inventory.pathsMatch("/chat/123/abcd/websocket", "/chat"));
        assertTrue(Inventory.pathsMatch("/topic/a/b", "/topic/**"));
        assertFalse(Inventory.pathsMatch("/chat", "/chat/{id}"));
        assertFalse(Inventory.pathsMatch("/chatroom", "/chat"));
        assertFalse(Inventory.pathsMatch("/other/websocket", "/chat"));
        assertFalse(Inventory.pathsMatch("/${…}", "/events"), "an entirely unknown path reaches no particular endpoint");
        assertTrue(Inventory.pathsMatch("/${…}/live", "/{room}/live"));
    }

    @Test
    void reportsAreDeterministicAndEscaped() throws IOException {
        fixture();
        file("src/evil.js", "new WebSocket('wss://x.evil-example.com/=cmd|a,b\"<script>');\n");
        Inventory inv = Inventory.of(scan().endpoints(), List.of());
        Inventory again = Inventory.of(scan().endpoints(), List.of());
        for (InventoryReport f : InventoryReport.values()) {
            StringWriter a = new StringWriter();
            StringWriter b = new StringWriter();
            f.write(inv, a);
            f.write(again, b);
            assertEquals(a.toString(), b.toString(), f.id());
        }
        StringWriter csv = new StringWriter();
        InventoryReport.CSV.write(inv, csv);
        assertTrue(csv.toString().startsWith("side,file,line,framework,url,"));
        assertTrue(csv.toString().contains("\"wss://x.evil-example.com/=cmd|a,b\"\"<script>\""), csv::toString);
        StringWriter md = new StringWriter();
        InventoryReport.MARKDOWN.write(inv, md);
        assertTrue(md.toString().contains("cmd\\|a,b\"\\<script\\>"), md::toString);
        StringWriter json = new StringWriter();
        InventoryReport.JSON.write(inv, json);
        assertTrue(json.toString().contains("\"thirdPartyHosts\""));
        assertTrue(json.toString().contains("\"party\" : \"third-party\"") || json.toString().contains("\"party\": \"third-party\""), json::toString);
    }

    // ---- page scripts: the scan records each page's <script src> tags, and the inventory shows them ----

    static final String CHECKOUT = """
            <!DOCTYPE html>
            <html><head>
            <script src="https://cdn.jsdelivr.net/npm/sockjs-client@1/dist/sockjs.min.js"
                    integrity="sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC" crossorigin="anonymous"></script>
            <script src="//widgets.chat-vendor.io/embed.js"></script>
            <script src="http://stats.tracker-example.io/t.js" integrity=""></script>
            <script type="module" src="/js/app.js"></script>
            <script src="https://static.shop-demo.io/brand.js"></script>
            </head><body>
            <form><input name="cardNumber" autocomplete="cc-number"></form>
            </body></html>
            """;

    private void pagesFixture() throws IOException {
        file("web/checkout.html", CHECKOUT);
        file("web/js/app.js", """
                const live = new WebSocket('wss://' + location.host + '/live');
                const feed = new WebSocket('wss://feed.shop-demo.io/prices');
                """);
        file("web/about.html", "<script src='https://code.jquery.com/jquery-3.7.1.min.js'></script>\n");
        file("web/Widget.vue", "<template><p>x</p></template>\n<script src=\"./widget.js\"></script>\n");
        // the inline script does not parse: the page's tags are still read
        file("web/broken.html", "<script src=\"https://cdn.example-cdn.net/x.js\"></script>\n<script>var = ;</script>\n");
    }

    private static PageScript script(List<PageScript> all, String page, String srcPart) {
        return all.stream().filter(s -> s.page().equals(page) && s.src().contains(srcPart)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + page + " " + srcPart + " in " + all));
    }

    @Test
    void theScanRecordsEveryTagOfEveryPage() throws IOException {
        pagesFixture();
        Policy policy = Policy.parse(dir.resolve(".wsscan.yml"), "allowedHosts: [cdn.jsdelivr.net, \"*.shop-demo.io\"]\n"
                + "firstPartyHosts: [\"*.shop-demo.io\"]\n");
        ScanResult r = scan(policy);
        List<PageScript> all = r.pageScripts();
        assertEquals(all.stream().sorted(PageScript.ORDER).toList(), all, "sorted");
        assertEquals(List.of("web/about.html", "web/broken.html", "web/checkout.html"),
                all.stream().map(PageScript::page).distinct().toList(), "a single-file component's <script src> is its own code");
        assertEquals(5, all.stream().filter(s -> s.page().equals("web/checkout.html")).count());

        PageScript cdn = script(all, "web/checkout.html", "jsdelivr");
        assertEquals(3, cdn.region().startLine());
        assertEquals(PageScript.Integrity.HASH, cdn.integrity());
        assertEquals("anonymous", cdn.crossorigin());
        assertEquals(Endpoint.Party.THIRD_PARTY, cdn.party());
        assertEquals(Boolean.TRUE, cdn.allowed());
        assertEquals("autocomplete=\"cc-number\" (line 10)", cdn.payment());

        PageScript vendor = script(all, "web/checkout.html", "chat-vendor");
        assertEquals(Boolean.FALSE, vendor.allowed());
        assertEquals(PageScript.Integrity.MISSING, vendor.integrity());
        assertTrue(vendor.cleartext());

        assertEquals(PageScript.Integrity.UNUSABLE, script(all, "web/checkout.html", "tracker").integrity());
        assertEquals(Endpoint.Party.FIRST_PARTY, script(all, "web/checkout.html", "brand.js").party());

        PageScript app = script(all, "web/checkout.html", "/js/app.js");
        assertEquals(Endpoint.Party.RELATIVE, app.party());
        assertTrue(app.module());
        assertEquals("web/js/app.js", app.file(), "a root-relative src names the scan's file");
        assertNull(app.allowed());

        assertNull(script(all, "web/about.html", "jquery").payment(), "no card field on the page");
        assertEquals("https://cdn.example-cdn.net/x.js", script(all, "web/broken.html", "x.js").src());
    }

    @Test
    void inventoryTextAndJsonShowThePagesScripts() throws IOException {
        pagesFixture();
        ScanResult r = scan(Policy.NONE);
        Inventory inv = Inventory.of(r, List.of(new HostPattern("*.shop-demo.io")));
        assertEquals(r.pageScripts().size(), inv.pageScripts().size());

        StringWriter text = new StringWriter();
        InventoryReport.TEXT.write(inv, text);
        String t = text.toString();
        assertTrue(t.contains("\nPage scripts (7; the code of scripts from other hosts is not fetched or analysed)\n"), t);
        assertTrue(t.contains("  web/checkout.html:7 [payment page]  /js/app.js\n"
                + "      relative; integrity: missing; module; loads web/js/app.js (2 client connections); "
                + "payment page: autocomplete=\"cc-number\" (line 10)\n"), t);
        assertTrue(t.contains("  web/about.html:1  https://code.jquery.com/jquery-3.7.1.min.js\n"
                + "      third-party code.jquery.com; integrity: missing; code not fetched or analysed\n"), t);

        StringWriter json = new StringWriter();
        InventoryReport.JSON.write(inv, json);
        JsonNode scripts = new ObjectMapper().readTree(json.toString()).path("pageScripts");
        assertEquals(7, scripts.size());
        JsonNode cdn = null;
        JsonNode app = null;
        for (JsonNode s : scripts) {
            if (s.path("src").asText().contains("jsdelivr")) cdn = s;
            if (s.path("src").asText().equals("/js/app.js")) app = s;
        }
        assertEquals("web/checkout.html", cdn.path("page").asText());
        assertEquals(3, cdn.path("line").asInt());
        assertEquals("https", cdn.path("scheme").asText());
        assertEquals("cdn.jsdelivr.net", cdn.path("host").asText());
        assertEquals("third-party", cdn.path("party").asText());
        assertEquals("hash", cdn.path("integrity").asText());
        assertEquals("anonymous", cdn.path("crossorigin").asText());
        assertFalse(cdn.has("allowed"), "no allowlist in the policy");
        assertEquals("autocomplete=\"cc-number\" (line 10)", cdn.path("paymentPage").asText());
        assertTrue(cdn.path("notes").toString().contains(PageScript.NOT_FETCHED));
        assertEquals("web/js/app.js", app.path("loads").asText());
        assertEquals(2, app.path("clientConnections").asInt());
        assertTrue(app.path("module").asBoolean());

        StringWriter md = new StringWriter();
        InventoryReport.MARKDOWN.write(inv, md);
        assertTrue(md.toString().contains("| web/checkout.html | 7 | /js/app.js | relative | - | missing | - | "
                + "autocomplete=\"cc-number\" (line 10) | web/js/app.js | production |"), md.toString());
    }

    @Test
    void scriptsOfTestPagesCarryTheirClass() throws IOException {
        file("test/fixtures/page.html", "<script src=\"https://qa.example-corp.net/x.js\"></script>\n");
        ScanResult r = scan(Policy.NONE);
        Inventory inv = Inventory.of(r, List.of());
        StringWriter text = new StringWriter();
        InventoryReport.TEXT.write(inv, text);
        assertTrue(text.toString().contains("  test/fixtures/page.html:1 [test]  https://qa.example-corp.net/x.js\n"), text.toString());
    }
}

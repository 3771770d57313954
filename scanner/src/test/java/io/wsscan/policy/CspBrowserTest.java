package io.wsscan.policy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wsscan.cli.Main;
import io.wsscan.testing.Chromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The directive of {@code wsscan policy csp}, served with a page in headless Chromium: the page's
 * connection to an allowed host opens, the one to a host outside the allowlist is blocked by the
 * browser (a CSP violation, and its server never sees a handshake). Both hosts resolve to loopback
 * (--host-resolver-rules), each served by a minimal WebSocket server of the test.
 */
class CspBrowserTest {

    @TempDir
    Path dir;

    /** Accepts WebSocket handshakes and keeps the sockets open; counts them. */
    static final class HandshakeServer implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger handshakes = new AtomicInteger();
        private final List<Socket> open = new CopyOnWriteArrayList<>();

        HandshakeServer() throws IOException {
            socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
            Thread t = new Thread(this::serve, "ws-test-server");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    open.add(s);
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                    String key = null;
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        int colon = line.indexOf(':');
                        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("sec-websocket-key")) {
                            key = line.substring(colon + 1).trim();
                        }
                    }
                    if (key == null) {
                        s.close();
                        continue;
                    }
                    handshakes.incrementAndGet();
                    String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                            .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1)));
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (IOException | NoSuchAlgorithmException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : open) s.close();
        }
    }

    private static final String PAGE = """
            <!doctype html>
            <html><head><title>csp</title></head><body><pre id="log"></pre>
            <script>
            const log = [];
            let settled = 0, reported = false;
            function report() {
              if (reported) return;
              reported = true;
              document.getElementById('log').textContent = log.sort().join('\\n');
              new Image().src = '/report';
            }
            function note(what) { log.push(what); if (++settled >= 3) report(); }
            document.addEventListener('securitypolicyviolation', (e) => note('violation ' + e.blockedURI));
            function connect(name, url) {
              try {
                const s = new WebSocket(url);
                s.onopen = () => note('open ' + name);
                s.onerror = () => note('error ' + name);
              } catch (e) {
                note('threw ' + name);
              }
            }
            connect('allowed', 'ws://feed.example-corp.net:ALLOWED_PORT/feed');
            connect('unlisted', 'ws://tracker.ads-partner.net:UNLISTED_PORT/collect');
            setTimeout(report, 8000);
            // the load event waits for this image, which the server answers once the page has reported
            const wait = document.createElement('img');
            wait.src = '/wait';
            document.body.appendChild(wait);
            </script></body></html>
            """;

    @Test
    void allowedConnectionOpensAndUnlistedOneIsBlocked() throws Exception {
        Chromium chromium = Chromium.require();
        try (HandshakeServer allowed = new HandshakeServer(); HandshakeServer unlisted = new HandshakeServer()) {
            Files.writeString(dir.resolve(".wsscan.yml"), "version: 1\nallowedHosts:\n  - \"*.example-corp.net\"\n");
            Files.createDirectories(dir.resolve("web"));
            Files.writeString(dir.resolve("web/app.js"), String.join("\n",
                    "const feed = new WebSocket('ws://feed.example-corp.net:" + allowed.port() + "/feed');",
                    "feed.onmessage = (e) => console.log(e.data);",
                    "const tracker = new WebSocket('ws://tracker.ads-partner.net:" + unlisted.port() + "/collect');",
                    ""));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(new String[]{"policy", "csp", dir.toString(), "--format", "directive"},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
            assertEquals(0, code, err::toString);
            String directive = out.toString(StandardCharsets.UTF_8).strip();
            assertEquals("connect-src 'self' ws://feed.example-corp.net:" + allowed.port(), directive);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("left out tracker.ads-partner.net"), err::toString);

            CountDownLatch reported = new CountDownLatch(1);
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            String page = PAGE.replace("ALLOWED_PORT", String.valueOf(allowed.port()))
                    .replace("UNLISTED_PORT", String.valueOf(unlisted.port()));
            http.createContext("/", ex -> {
                ex.getResponseHeaders().add("Content-Security-Policy", directive);
                send(ex, "text/html; charset=utf-8", page);
            });
            http.createContext("/report", ex -> {
                reported.countDown();
                send(ex, "text/plain", "");
            });
            http.createContext("/wait", ex -> {
                try {
                    reported.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(ex, "text/plain", "");
            });
            http.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
            http.start();
            try {
                List<String> args = new ArrayList<>(List.of(
                        "--host-resolver-rules=MAP feed.example-corp.net 127.0.0.1, MAP tracker.ads-partner.net 127.0.0.1",
                        "--dump-dom", "http://127.0.0.1:" + http.getAddress().getPort() + "/"));
                String dom = chromium.run(args);
                String log = dom.replaceAll("(?s).*<pre id=\"log\">(.*?)</pre>.*", "$1");
                assertTrue(log.contains("open allowed"), "the allowed connection opens: " + log);
                assertTrue(log.contains("violation ws://tracker.ads-partner.net:" + unlisted.port()), "the unlisted one is a CSP violation: " + log);
                assertTrue(!log.contains("open unlisted"), log);
                assertEquals(1, allowed.handshakes.get(), "the allowed server saw one handshake");
                assertEquals(0, unlisted.handshakes.get(), "the unlisted server saw none: the browser blocked it");
            } finally {
                http.stop(0);
            }
        }
    }

    private static void send(HttpExchange ex, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.getResponseHeaders().add("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, b.length == 0 ? -1 : b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }
}

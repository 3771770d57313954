package io.wsscan.java;

import io.wsscan.findings.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** java/ws-missing-origin-check and java/ws-permissive-origin, one shape per test. */
class OriginChecksTest {

    private static final String MISSING = "java/ws-missing-origin-check";
    private static final String PERMISSIVE = "java/ws-permissive-origin";

    private static String endpoint(String configurator) {
        return """
                package p;
                import jakarta.websocket.server.ServerEndpoint;
                import jakarta.websocket.server.ServerEndpointConfig;
                import java.util.Set;
                @ServerEndpoint(value = "/e"%s)
                public class E {
                    public static class C extends ServerEndpointConfig.Configurator {
                        static final Set<String> OK = Set.of("https://a.example.com");
                        @Override public boolean checkOrigin(String o) { return %s; }
                    }
                }
                """;
    }

    private static List<String> scan(String configurator, String check) {
        return JavaFixture.of("p/E.java", endpoint(configurator).formatted(configurator, check)).lines();
    }

    @Test
    void annotatedEndpointWithoutConfiguratorIsReportedAtTheAnnotation() {
        assertEquals(List.of("p/E.java:5 " + MISSING), scan("", "OK.contains(o)"));
    }

    @Test
    void strictConfiguratorsAreChecks() {
        String c = ", configurator = E.C.class";
        assertEquals(List.of(), scan(c, "OK.contains(o)"));
        assertEquals(List.of(), scan(c, "\"https://a.example.com\".equals(o)"));
        assertEquals(List.of(), scan(c, "o != null && o.equalsIgnoreCase(\"https://a.example.com\")"));
        assertEquals(List.of(), scan(c, "o.endsWith(\".example.com\") && o.startsWith(\"https://\")"));
        assertEquals(List.of(), scan(c, "o.matches(\"https://[a-z]+\\\\.example\\\\.com\")"));
    }

    @Test
    void looseComparisonsAreReportedWithTheirOwnMessage() {
        String c = ", configurator = E.C.class";
        for (String weak : List.of("o.contains(\"example.com\")", "o.endsWith(\"example.com\")",
                "o.startsWith(\"https://a.example.com\")", "o.indexOf(\"example\") >= 0", "OK.contains(o) || o.endsWith(\"example.com\")",
                "o.matches(\".*example\\\\.com\")", "java.util.regex.Pattern.compile(\"https://.*example\\\\.com\").matcher(o).matches()")) {
            List<Finding> f = JavaFixture.of("p/E.java", endpoint(c).formatted(c, weak)).findings();
            assertEquals(1, f.size(), weak);
            assertEquals(MISSING, f.get(0).ruleId());
            assertTrue(f.get(0).message().contains("only loosely"), f.get(0).message());
        }
    }

    @Test
    void checkOriginReturningTrueIsPermissiveNotMissing() {
        assertEquals(List.of("p/E.java:9 " + PERMISSIVE), scan(", configurator = E.C.class", "true"));
    }

    @Test
    void javaWebSocketServerSubclassesAndLateChecks() {
        String server = """
                import org.java_websocket.server.WebSocketServer;
                import org.java_websocket.WebSocket;
                import org.java_websocket.handshake.ClientHandshake;
                public class S extends WebSocketServer {
                    public void onOpen(WebSocket c, ClientHandshake h) {
                        if (!"https://a.example.com".equals(h.getFieldValue("Origin"))) c.close();
                    }
                }
                """;
        List<Finding> f = JavaFixture.of("S.java", server).findings();
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("after the handshake"), f.get(0).message());
        assertEquals(4, f.get(0).region().startLine());
    }

    @Test
    void endpointsThatReadTheSessionSaySo() {
        String src = """
                import jakarta.websocket.*;
                import jakarta.websocket.server.ServerEndpoint;
                @ServerEndpoint("/me")
                public class Me {
                    @OnOpen public void open(Session s) { s.getUserPrincipal(); }
                }
                """;
        assertTrue(JavaFixture.of("Me.java", src).findings().get(0).message().contains("victim's identity"));
    }

    @Test
    void springWildcardsThroughConstantsAndArrays() {
        String cfg = """
                import org.springframework.web.socket.config.annotation.*;
                class Cfg implements WebSocketMessageBrokerConfigurer {
                    static final String ANY = "*";
                    public void registerStompEndpoints(StompEndpointRegistry r) {
                        r.addEndpoint("/a").setAllowedOrigins(ANY);
                        r.addEndpoint("/b").setAllowedOriginPatterns(new String[] {"https://x.example.com", "https://*"});
                        r.addEndpoint("/c").setAllowedOrigins("https://x.example.com");
                        r.addEndpoint("/d").withSockJS();
                    }
                }
                """;
        assertEquals(List.of("Cfg.java:5 " + PERMISSIVE, "Cfg.java:6 " + PERMISSIVE), JavaFixture.of("Cfg.java", cfg).lines());
    }

    @Test
    void vertxHandlersDecideByTheirBody() {
        String v = """
                import io.vertx.core.http.HttpServer;
                class V {
                    void start(HttpServer server, java.util.Set<String> ok) {
                        server.webSocketHandler(ws -> ws.writeTextMessage("hi"));
                        server.webSocketHandler(ws -> {
                            if (!ok.contains(ws.headers().get("origin"))) { ws.reject(403); return; }
                        });
                    }
                }
                """;
        assertEquals(List.of("V.java:4 " + MISSING), JavaFixture.of("V.java", v).lines());
    }

    @Test
    void quarkusSettingsPerModule() {
        String socket = """
                import io.quarkus.websockets.next.WebSocket;
                @WebSocket(path = "/q")
                public class Q {}
                """;
        assertEquals(List.of("a/src/main/java/Q.java:2 " + MISSING), JavaFixture.of("a/src/main/java/Q.java", socket).lines());
        assertEquals(List.of(), JavaFixture.of("a/src/main/java/Q.java", socket)
                .with("a/src/main/resources/application.properties", "quarkus.http.cors.enabled=true\nquarkus.http.cors.origins=https://q.example.com\n").lines());
        assertEquals(List.of("a/src/main/resources/application.properties:2 " + PERMISSIVE), JavaFixture.of("a/src/main/java/Q.java", socket)
                .with("a/src/main/resources/application.properties", "%prod.quarkus.http.cors.enabled=true\nquarkus.http.cors.origins=/.*/\n").lines());
        // another module's settings do not apply
        assertEquals(List.of("a/src/main/java/Q.java:2 " + MISSING), JavaFixture.of("a/src/main/java/Q.java", socket)
                .with("b/src/main/resources/application.properties", "quarkus.http.cors.enabled=true\nquarkus.http.cors.origins=https://q.example.com\n").lines());
    }

    @Test
    void springSecurityMessagingSwitches() {
        String sec = """
                import org.springframework.security.config.annotation.web.socket.AbstractSecurityWebSocketMessageBrokerConfigurer;
                class Sec extends AbstractSecurityWebSocketMessageBrokerConfigurer {
                    @Override
                    protected boolean sameOriginDisabled() { return true; }
                }
                """;
        assertEquals(List.of("Sec.java:3 " + PERMISSIVE), JavaFixture.of("Sec.java", sec).lines());
        assertEquals(List.of(), JavaFixture.of("Sec.java", sec.replace("return true", "return false")).lines());
    }

    @Test
    void springValueInjectionFoldsToTheModulesProperties() {
        String cfg = """
                import org.springframework.beans.factory.annotation.Value;
                import org.springframework.web.socket.config.annotation.*;
                class Cfg implements WebSocketConfigurer {
                    @Value("${ws.origins}") String[] origins;
                    @Value("${ws.other:https://a.example.com}") String other;
                    public void registerWebSocketHandlers(WebSocketHandlerRegistry r) {
                        r.addHandler(null, "/a").setAllowedOrigins(origins);
                        r.addHandler(null, "/b").setAllowedOrigins(other);
                    }
                }
                """;
        assertEquals(List.of("m/src/main/java/Cfg.java:7 " + PERMISSIVE), JavaFixture.of("m/src/main/java/Cfg.java", cfg)
                .with("m/src/main/resources/application.yml", "ws:\n  origins: \"*\"\n").lines());
        assertEquals(List.of(), JavaFixture.of("m/src/main/java/Cfg.java", cfg)
                .with("m/src/main/resources/application.properties", "ws.origins=https://a.example.com,https://b.example.com\n").lines());
        assertEquals(List.of("m/src/main/java/Cfg.java:8 " + PERMISSIVE), JavaFixture.of("m/src/main/java/Cfg.java",
                cfg.replace("ws.other:https://a.example.com", "ws.other:*")).lines());
    }
}

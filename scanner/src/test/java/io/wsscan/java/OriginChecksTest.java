package io.wsscan.java;

import io.wsscan.testing.RuleTester;
import org.junit.jupiter.api.Test;

import java.util.List;

/** java/ws-missing-origin-check and java/ws-permissive-origin, one shape per test (annotated, checked by {@link RuleTester}). */
class OriginChecksTest {

    private static final String MISSING = "java/ws-missing-origin-check";
    private static final String PERMISSIVE = "java/ws-permissive-origin";
    private static final RuleTester TESTER = RuleTester.using(JavaFixture.ANALYZER::analyzeTogether);

    /**
     * A JSR 356 endpoint with an optional configurator whose checkOrigin returns {@code check};
     * {@code onEndpoint} and {@code onCheck} are annotation lines for the endpoint annotation and for
     * checkOrigin.
     */
    private static String endpoint(String configurator, String check, String onEndpoint, String onCheck) {
        return """
                package p;
                import jakarta.websocket.server.ServerEndpoint;
                import jakarta.websocket.server.ServerEndpointConfig;
                import java.util.Set;
                %s
                @ServerEndpoint(value = "/e"%s)
                public class E {
                    public static class C extends ServerEndpointConfig.Configurator {
                        static final Set<String> OK = Set.of("https://a.example.com");
                        %s
                        @Override public boolean checkOrigin(String o) { return %s; }
                    }
                }
                """.formatted(onEndpoint, configurator, onCheck, check);
    }

    private static final String WITH_CONFIGURATOR = ", configurator = E.C.class";

    @Test
    void annotatedEndpointWithoutConfiguratorIsReportedAtTheAnnotation() {
        TESTER.check("p/E.java", endpoint("", "OK.contains(o)", "// expect: " + MISSING, ""));
    }

    @Test
    void strictConfiguratorsAreChecks() {
        for (String strict : List.of("OK.contains(o)", "\"https://a.example.com\".equals(o)",
                "o != null && o.equalsIgnoreCase(\"https://a.example.com\")",
                "o.endsWith(\".example.com\") && o.startsWith(\"https://\")",
                "o.matches(\"https://[a-z]+\\\\.example\\\\.com\")")) {
            TESTER.check("p/E.java", endpoint(WITH_CONFIGURATOR, strict, "// safe: " + MISSING, "// safe: " + PERMISSIVE));
        }
    }

    @Test
    void looseComparisonsAreReportedWithTheirOwnMessage() {
        for (String weak : List.of("o.contains(\"example.com\")", "o.endsWith(\"example.com\")",
                "o.startsWith(\"https://a.example.com\")", "o.indexOf(\"example\") >= 0", "OK.contains(o) || o.endsWith(\"example.com\")",
                "o.matches(\".*example\\\\.com\")", "java.util.regex.Pattern.compile(\"https://.*example\\\\.com\").matcher(o).matches()")) {
            TESTER.check("p/E.java", endpoint(WITH_CONFIGURATOR, weak, "// expect: " + MISSING + " \"only loosely\"", ""));
        }
    }

    @Test
    void checkOriginReturningTrueIsPermissiveNotMissing() {
        TESTER.check("p/E.java", endpoint(WITH_CONFIGURATOR, "true", "// safe: " + MISSING, "// expect: " + PERMISSIVE));
    }

    @Test
    void javaWebSocketServerSubclassesAndLateChecks() {
        TESTER.check("S.java", """
                import org.java_websocket.server.WebSocketServer;
                import org.java_websocket.WebSocket;
                import org.java_websocket.handshake.ClientHandshake;
                // expect: java/ws-missing-origin-check "after the handshake"
                public class S extends WebSocketServer {
                    public void onOpen(WebSocket c, ClientHandshake h) {
                        if (!"https://a.example.com".equals(h.getFieldValue("Origin"))) c.close();
                    }
                }
                """);
    }

    @Test
    void endpointsThatReadTheSessionSaySo() {
        TESTER.check("Me.java", """
                import jakarta.websocket.*;
                import jakarta.websocket.server.ServerEndpoint;
                // expect: java/ws-missing-origin-check "victim's identity"
                @ServerEndpoint("/me")
                public class Me {
                    @OnOpen public void open(Session s) { s.getUserPrincipal(); }
                }
                """);
    }

    @Test
    void springWildcardsThroughConstantsAndArrays() {
        TESTER.check("Cfg.java", """
                import org.springframework.web.socket.config.annotation.*;
                class Cfg implements WebSocketMessageBrokerConfigurer {
                    static final String ANY = "*";
                    public void registerStompEndpoints(StompEndpointRegistry r) {
                        // expect: java/ws-permissive-origin
                        r.addEndpoint("/a").setAllowedOrigins(ANY);
                        // expect: java/ws-permissive-origin
                        r.addEndpoint("/b").setAllowedOriginPatterns(new String[] {"https://x.example.com", "https://*"});
                        // safe: java/ws-permissive-origin
                        r.addEndpoint("/c").setAllowedOrigins("https://x.example.com");
                        // safe: java/ws-permissive-origin, java/ws-missing-origin-check
                        r.addEndpoint("/d").withSockJS();
                    }
                }
                """);
    }

    @Test
    void vertxHandlersDecideByTheirBody() {
        TESTER.check("V.java", """
                import io.vertx.core.http.HttpServer;
                class V {
                    void start(HttpServer server, java.util.Set<String> ok) {
                        // expect: java/ws-missing-origin-check
                        server.webSocketHandler(ws -> ws.writeTextMessage("hi"));
                        // safe: java/ws-missing-origin-check
                        server.webSocketHandler(ws -> {
                            if (!ok.contains(ws.headers().get("origin"))) { ws.reject(403); return; }
                        });
                    }
                }
                """);
    }

    @Test
    void quarkusSettingsPerModule() {
        String socket = """
                import io.quarkus.websockets.next.WebSocket;
                // %s: java/ws-missing-origin-check
                @WebSocket(path = "/q")
                public class Q {}
                """;
        String strictCors = "quarkus.http.cors.enabled=true\nquarkus.http.cors.origins=https://q.example.com\n";
        TESTER.check("a/src/main/java/Q.java", socket.formatted("expect"));
        TESTER.file("a/src/main/java/Q.java", socket.formatted("safe"))
                .check("a/src/main/resources/application.properties", strictCors);
        TESTER.file("a/src/main/java/Q.java", socket.formatted("safe"))
                .check("a/src/main/resources/application.properties",
                        "%prod.quarkus.http.cors.enabled=true\n# expect: java/ws-permissive-origin\nquarkus.http.cors.origins=/.*/\n");
        // another module's settings do not apply
        TESTER.file("a/src/main/java/Q.java", socket.formatted("expect"))
                .check("b/src/main/resources/application.properties", strictCors);
    }

    @Test
    void springSecurityMessagingSwitches() {
        String sec = """
                import org.springframework.security.config.annotation.web.socket.AbstractSecurityWebSocketMessageBrokerConfigurer;
                class Sec extends AbstractSecurityWebSocketMessageBrokerConfigurer {
                    // %s: java/ws-permissive-origin
                    @Override
                    protected boolean sameOriginDisabled() { return %s; }
                }
                """;
        TESTER.check("Sec.java", sec.formatted("expect", "true"));
        TESTER.check("Sec.java", sec.formatted("safe", "false"));
    }

    @Test
    void springValueInjectionFoldsToTheModulesProperties() {
        String cfg = """
                import org.springframework.beans.factory.annotation.Value;
                import org.springframework.web.socket.config.annotation.*;
                class Cfg implements WebSocketConfigurer {
                    @Value("${ws.origins}") String[] origins;
                    @Value("${ws.other:%s}") String other;
                    public void registerWebSocketHandlers(WebSocketHandlerRegistry r) {
                        // %s: java/ws-permissive-origin
                        r.addHandler(null, "/a").setAllowedOrigins(origins);
                        // %s: java/ws-permissive-origin
                        r.addHandler(null, "/b").setAllowedOrigins(other);
                    }
                }
                """;
        String path = "m/src/main/java/Cfg.java";
        TESTER.file(path, cfg.formatted("https://a.example.com", "expect", "safe"))
                .check("m/src/main/resources/application.yml", "ws:\n  origins: \"*\"\n");
        TESTER.file(path, cfg.formatted("https://a.example.com", "safe", "safe"))
                .check("m/src/main/resources/application.properties", "ws.origins=https://a.example.com,https://b.example.com\n");
        TESTER.check(path, cfg.formatted("*", "safe", "expect"));
    }

    @Test
    void aRegistrationsLooseConfiguratorIsJudgedAtTheAnnotationWithBothSitesInTheTrace() {
        String ep = """
                package p;
                import jakarta.websocket.server.ServerEndpoint;
                // expect: java/ws-missing-origin-check "loosely"
                @ServerEndpoint("/quotes")
                public class Quotes { }
                """;
        String deploy = """
                package p;
                import jakarta.websocket.server.ServerContainer;
                import jakarta.websocket.server.ServerEndpointConfig;
                class Deploy {
                    void deploy(ServerContainer container) throws Exception {
                        container.addEndpoint(ServerEndpointConfig.Builder
                                // safe: java/ws-missing-origin-check
                                .create(Quotes.class, "/quotes")
                                .configurator(new ServerEndpointConfig.Configurator() {
                                    @Override public boolean checkOrigin(String o) { return o.endsWith("example.com"); }
                                }).build());
                    }
                }
                """;
        io.wsscan.findings.Finding f = TESTER.file("p/Quotes.java", ep).file("p/Deploy.java", deploy).check().only(MISSING);
        List<String> steps = f.trace().stream().map(s -> s.file() + ":" + s.region().startLine() + " " + s.message()).toList();
        org.junit.jupiter.api.Assertions.assertEquals(List.of("p/Quotes.java:4 endpoint: Quotes \"/quotes\"",
                "p/Deploy.java:10 loose Origin comparison: endsWith(\"example.com\")",
                "p/Deploy.java:8 also registered: create(..) at \"/quotes\""), steps);
    }
}

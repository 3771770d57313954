package io.wsscan.java;

import io.wsscan.engine.FileReport;
import io.wsscan.engine.SourceFile;
import io.wsscan.inventory.Endpoint;
import io.wsscan.rules.RuleCatalog;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every Java endpoint the origin analysis finds is an inventory entry, checked ones included. */
class JavaEndpointsTest {

    private static SourceFile file(String rel, String text) {
        return new SourceFile(Path.of(rel), rel, text);
    }

    @Test
    void endpointsCarryFrameworkPathHandlerAndOriginPolicy() {
        String paths = "package app;\npublic final class Paths {\n  public static final String BASE = \"/ws\";\n}\n";
        String open = """
                package app;
                import jakarta.websocket.server.ServerEndpoint;
                import jakarta.websocket.OnMessage;
                @ServerEndpoint(Paths.BASE + "/chat/{room}")
                public class ChatEndpoint {
                  @OnMessage public void onMessage(String m) {}
                }
                """;
        String checked = """
                package app;
                import jakarta.websocket.server.ServerEndpoint;
                import jakarta.websocket.server.ServerEndpointConfig;
                @ServerEndpoint(value = "/admin", configurator = AdminEndpoint.Check.class)
                public class AdminEndpoint {
                  public static class Check extends ServerEndpointConfig.Configurator {
                    @Override public boolean checkOrigin(String origin) { return "https://admin.example.com".equals(origin); }
                  }
                }
                """;
        Map<String, FileReport> reports = new JavaAnalyzer(RuleCatalog.builtin()).analyzeTogether(List.of(
                file("src/app/Paths.java", paths), file("src/app/ChatEndpoint.java", open), file("src/app/AdminEndpoint.java", checked)));
        Endpoint chat = reports.get("src/app/ChatEndpoint.java").endpoints().get(0);
        assertEquals(Endpoint.Side.SERVER, chat.side());
        assertEquals("/ws/chat/{room}", chat.path(), "the path folds constants of other files");
        assertEquals(Endpoint.OriginPolicy.MISSING, chat.originPolicy());
        assertEquals(4, chat.region().startLine());
        Endpoint admin = reports.get("src/app/AdminEndpoint.java").endpoints().get(0);
        assertEquals("/admin", admin.path());
        assertEquals(Endpoint.OriginPolicy.CHECKED, admin.originPolicy());
        assertEquals(List.of(), reports.get("src/app/Paths.java").endpoints());
    }

    @Test
    void sessionAuthenticationAndMessageSizeLimitsAreNoted() {
        String ep = """
                package app;
                import jakarta.websocket.*;
                import jakarta.websocket.server.ServerEndpoint;
                @ServerEndpoint("/desk")
                public class DeskEndpoint {
                  @OnOpen public void open(Session s) { if (s.getUserPrincipal() == null) close(s); }
                  @OnMessage(maxMessageSize = 65536) public void onMessage(String m) {}
                  private void close(Session s) {}
                }
                """;
        Endpoint desk = new JavaAnalyzer(RuleCatalog.builtin()).analyzeTogether(List.of(file("src/app/DeskEndpoint.java", ep)))
                .get("src/app/DeskEndpoint.java").endpoints().get(0);
        assertEquals(List.of("session/cookie"), desk.auth());
        assertEquals(true, desk.notes().stream().anyMatch(n -> n.equals("message size limit: @OnMessage(maxMessageSize = 65536)")),
                desk.notes().toString());
    }

    @Test
    void springRegistryRegistrationsAreListedWithTheirOriginSetting() {
        String cfg = """
                package app;
                import org.springframework.web.socket.config.annotation.*;
                public class WsConfig implements WebSocketConfigurer {
                  static final String[] ANY = {"*"};
                  @Override public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
                    registry.addHandler(new ChatHandler(), "/chat", "/chat-v2");
                    registry.addHandler(new FeedHandler(), "/feed").setAllowedOrigins(ANY);
                    registry.addHandler(new OpsHandler(), "/ops").setAllowedOrigins("https://ops.example.com");
                  }
                }
                """;
        List<String> eps = new JavaAnalyzer(RuleCatalog.builtin()).analyzeTogether(List.of(file("src/app/WsConfig.java", cfg)))
                .get("src/app/WsConfig.java").endpoints().stream()
                .map(e -> e.region().startLine() + " " + e.path() + " " + e.originPolicy()).sorted().toList();
        assertEquals(List.of("6 /chat FRAMEWORK_DEFAULT", "6 /chat-v2 FRAMEWORK_DEFAULT", "7 /feed PERMISSIVE", "8 /ops CHECKED"), eps);
    }

    private static Map<String, FileReport> analyse(SourceFile... files) {
        return new JavaAnalyzer(RuleCatalog.builtin()).analyzeTogether(List.of(files));
    }

    private static List<String> paths(Map<String, FileReport> reports, String file) {
        return reports.get(file).endpoints().stream().map(e -> e.path() + " " + e.originPolicy().id()).toList();
    }

    @Test
    void servletEndpointsTakeTheirMappedPathUnderTheContextPath() {
        String server = """
                import jakarta.servlet.http.HttpServletRequest;
                import org.eclipse.jetty.servlet.ServletContextHandler;
                import org.eclipse.jetty.servlet.ServletHolder;
                import org.eclipse.jetty.websocket.WebSocket;
                import org.eclipse.jetty.websocket.WebSocketServlet;
                class Main {
                  void start() {
                    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
                    context.setContextPath("/app");
                    WebSocketServlet live = new WebSocketServlet() {
                      @Override public WebSocket doWebSocketConnect(HttpServletRequest r, String p) { return null; }
                    };
                    context.addServlet(new ServletHolder(live), "/live/*");
                    context.addServlet(ChatServlet.class, "/chat");
                  }
                }
                """;
        String chat = """
                import jakarta.servlet.http.HttpServletRequest;
                import org.eclipse.jetty.websocket.WebSocket;
                import org.eclipse.jetty.websocket.WebSocketServlet;
                class ChatServlet extends WebSocketServlet {
                  @Override public WebSocket doWebSocketConnect(HttpServletRequest r, String p) { return null; }
                }
                """;
        String guice = """
                import com.google.inject.servlet.ServletModule;
                import jakarta.servlet.http.HttpServletRequest;
                import org.eclipse.jetty.websocket.WebSocket;
                import org.eclipse.jetty.websocket.WebSocketServlet;
                class Wiring extends ServletModule {
                  @Override protected void configureServlets() { serve("/notify").with(NotifyServlet.class); }
                }
                class NotifyServlet extends WebSocketServlet {
                  @Override public boolean checkOrigin(HttpServletRequest r, String origin) { return "https://a.example.com".equals(origin); }
                  @Override public WebSocket doWebSocketConnect(HttpServletRequest r, String p) { return null; }
                }
                """;
        Map<String, FileReport> r = analyse(file("Main.java", server), file("ChatServlet.java", chat), file("Wiring.java", guice));
        assertEquals(List.of("/app/live/* missing"), paths(r, "Main.java"));
        assertEquals(List.of("/app/chat missing"), paths(r, "ChatServlet.java"));
        // Guice names the path; the origin is "checked" because checkOrigin compares it
        assertEquals(List.of("/notify checked"), paths(r, "Wiring.java"));
    }

    @Test
    void anAnnotatedEndpointRegisteredByCodeIsOneEntryUnderItsContext() {
        String ep = """
                import jakarta.websocket.server.ServerEndpoint;
                @ServerEndpoint("/feed")
                class Feed { }
                """;
        String boot = """
                import org.eclipse.jetty.servlet.ServletContextHandler;
                import org.eclipse.jetty.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
                class Boot {
                  void start() {
                    ServletContextHandler context = new ServletContextHandler(null, "/api");
                    JakartaWebSocketServletContainerInitializer.configure(context, (sc, container) -> container.addEndpoint(Feed.class));
                  }
                }
                """;
        Map<String, FileReport> r = analyse(file("Feed.java", ep), file("Boot.java", boot));
        assertEquals(List.of("/api/feed missing"), paths(r, "Feed.java"));
        assertEquals(List.of(), r.get("Boot.java").endpoints());
        assertEquals(1, r.get("Feed.java").findings().size(), r.get("Feed.java").findings().toString());
        assertEquals(List.of(), r.get("Boot.java").findings());
        String note = r.get("Feed.java").endpoints().get(0).notes().toString();
        assertEquals(true, note.contains("also registered by addEndpoint(..) (Boot.java line 6)"), note);
    }

    @Test
    void springBootContextPathPrefixesServletEndpoints() {
        String cfg = """
                package app;
                import org.springframework.web.socket.config.annotation.*;
                @EnableWebSocket
                class Cfg implements WebSocketConfigurer {
                  @Override public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
                    registry.addHandler(new Handler(), "/ws");
                  }
                }
                """;
        Map<String, FileReport> r = analyse(file("svc/src/main/java/app/Cfg.java", cfg),
                file("svc/src/main/resources/application.properties", "server.servlet.context-path=/shop\n"));
        assertEquals(List.of("/shop/ws framework-default"), paths(r, "svc/src/main/java/app/Cfg.java"));
    }

    @Test
    void aCheckOutOfSightIsNeitherAFindingNorChecked() {
        String wiring = """
                import org.springframework.web.socket.WebSocketHandler;
                import org.springframework.web.socket.server.HandshakeInterceptor;
                import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;
                import java.util.List;
                class Wiring {
                  WebSocketHttpRequestHandler hand(WebSocketHandler handler, List<HandshakeInterceptor> interceptors) {
                    WebSocketHttpRequestHandler h = new WebSocketHttpRequestHandler(handler);
                    h.setHandshakeInterceptors(interceptors);
                    return h;
                  }
                }
                """;
        Map<String, FileReport> r = analyse(file("Wiring.java", wiring));
        assertEquals(List.of(), r.get("Wiring.java").findings());
        Endpoint e = r.get("Wiring.java").endpoints().get(0);
        assertEquals(Endpoint.OriginPolicy.FRAMEWORK_DEFAULT, e.originPolicy());
        assertEquals(List.of("an interceptor handed in from elsewhere decides; nothing in sight checks the Origin"), e.notes());
    }
}

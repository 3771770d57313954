package io.wsscan.java;

import io.wsscan.engine.ScanOptions;
import io.wsscan.engine.ScanResult;
import io.wsscan.engine.Scanner;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Notification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The standard Scanner analyses the Java files of a scan together (constants and configurators across files). */
class ProjectScanTest {

    @TempDir
    Path dir;

    private void write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void factsFromOtherFilesDecideAndBrokenFilesAreListed() throws IOException {
        write("app/src/main/java/a/Origins.java", "package a; public final class Origins { public static final String ANY = \"*\"; }");
        write("app/src/main/java/a/WsConfig.java", """
                package a;
                import org.springframework.web.socket.config.annotation.*;
                public class WsConfig implements WebSocketConfigurer {
                    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
                        registry.addHandler(new Handler(), "/ws").setAllowedOrigins(Origins.ANY);
                    }
                }
                """);
        write("app/src/main/java/a/Guarded.java", """
                package a;
                import jakarta.websocket.server.ServerEndpoint;
                @ServerEndpoint(value = "/g", configurator = Check.class)
                public class Guarded {}
                """);
        write("app/src/main/java/a/Check.java", """
                package a;
                import jakarta.websocket.server.ServerEndpointConfig;
                public class Check extends ServerEndpointConfig.Configurator {
                    @Override public boolean checkOrigin(String o) { return "https://a.example.com".equals(o); }
                }
                """);
        write("app/src/main/java/a/Command.java", """
                package a;
                public class Command {
                    private final String line;
                    public Command(String line) { this.line = line; }
                    public void run() throws Exception { Runtime.getRuntime().exec(line); }
                }
                """);
        write("app/src/main/java/a/Runner.java", """
                package a;
                import jakarta.websocket.OnMessage;
                import jakarta.websocket.server.ServerEndpoint;
                @ServerEndpoint(value = "/run", configurator = Check.class)
                public class Runner {
                    @OnMessage public void on(String text) throws Exception { new Command(text).run(); }
                }
                """);
        write("app/src/main/java/a/Broken.java", "package a; class Broken { void m( }");
        ScanResult r = new Scanner().scan(ScanOptions.builder().path(dir).build());
        List<String> found = r.findings().stream().map(f -> f.file() + ":" + f.region().startLine() + " " + f.ruleId()).toList();
        assertEquals(List.of("app/src/main/java/a/Command.java:5 java/ws-message-injection",
                "app/src/main/java/a/WsConfig.java:5 java/ws-permissive-origin"), found);
        List<Notification> notes = r.notifications();
        assertEquals(1, notes.size(), notes.toString());
        assertEquals("parse-error", notes.get(0).kind());
        assertEquals("app/src/main/java/a/Broken.java", notes.get(0).file());
        assertEquals(6, r.stats().filesAnalysed());
        Finding injection = r.findings().get(0);
        assertTrue(injection.trace().size() >= 3, injection.trace().toString());
    }
}

package io.wsscan.java;

import io.wsscan.engine.SourceFile;
import io.wsscan.rules.RuleCatalog;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ProjectSettingsTest {

    private static final JavaModels MODELS = JavaModels.load(RuleCatalog.builtin().modelDocuments());

    private static SourceFile file(String path, String text) {
        return new SourceFile(Path.of("/x", path), path, text);
    }

    @Test
    void yamlKeysKeepTheirLinesThroughNestingSequencesAndQuotes() {
        List<ProjectSettings.Entry> e = ProjectSettings.yaml(file("application.yml", """
                spring:
                  cloud:
                    gateway:
                      routes:
                        - id: chat
                          uri: lb:ws://chat   # trailing comment
                      globalcors:
                        cors-configurations:
                          '[/**]':
                            allowedOrigins: ["https://a.example.com", "*"]
                micronaut.server.cors.enabled: true
                """));
        assertEquals("spring.cloud.gateway.routes.uri", e.get(1).key());
        assertEquals(List.of("lb:ws://chat"), e.get(1).values());
        assertEquals(6, e.get(1).line());
        assertEquals("spring.cloud.gateway.globalcors.cors-configurations.[/**].allowedOrigins", e.get(2).key());
        assertEquals(List.of("https://a.example.com", "*"), e.get(2).values());
        assertEquals("micronaut.server.cors.enabled", e.get(3).key());
    }

    @Test
    void propertiesProfilesAndIndexes() {
        List<ProjectSettings.Entry> e = ProjectSettings.properties(file("application.properties", """
                # comment
                %dev.quarkus.http.cors.origins = *
                spring.cloud.gateway.routes[0].uri: ws://feed
                """));
        assertEquals("quarkus.http.cors.origins", e.get(0).key());
        assertEquals(List.of("*"), e.get(0).values());
        assertEquals(2, e.get(0).line());
        assertEquals("spring.cloud.gateway.routes.uri", e.get(1).key());
    }

    @Test
    void settingsAreDecidedPerModuleAndOnlyWhenUsed() {
        List<SourceFile> files = List.of(
                file("a/src/main/resources/application.properties", "quarkus.http.cors.enabled=true\nquarkus.http.cors.origins=https://a.example.com\n"),
                file("b/src/main/resources/application.properties", "quarkus.http.cors.enabled=true\nquarkus.http.cors.origins=*\n"),
                file("c/src/main/resources/application.properties", "quarkus.http.cors.origins=*\n"));
        ProjectSettings s = ProjectSettings.read(files, MODELS, Set.of("a/|quarkus-cors", "b/|quarkus-cors", "c/|quarkus-cors"));
        assertEquals("checked", s.state("quarkus-cors", "a/src/main/java/A.java"));
        assertEquals("permissive", s.state("quarkus-cors", "b/src/main/java/B.java"));
        assertNull(s.state("quarkus-cors", "c/src/main/java/C.java"), "CORS off: origins do not apply");
        assertEquals(1, s.hits().size());
        assertEquals("b/src/main/resources/application.properties", s.hits().get(0).file());
        assertEquals(2, s.hits().get(0).region().startLine());
        assertEquals(0, ProjectSettings.read(files, MODELS, Set.of()).hits().size());
    }

    @Test
    void gatewayCorsOnlyWithWebSocketRoutes() {
        String cors = "spring.cloud.gateway.globalcors.cors-configurations.[/**].allowedOrigins=*\n";
        assertEquals(1, ProjectSettings.read(List.of(file("application.properties",
                "spring.cloud.gateway.routes[0].uri=lb:ws://chat\n" + cors)), MODELS, Set.of()).hits().size());
        assertEquals(0, ProjectSettings.read(List.of(file("application.properties",
                "spring.cloud.gateway.routes[0].uri=lb://api\n" + cors)), MODELS, Set.of()).hits().size());
    }

    @Test
    void springXmlAttributes() {
        List<JavaHit> hits = ProjectSettings.xml(file("src/main/resources/ws.xml", """
                <beans xmlns:websocket="http://www.springframework.org/schema/websocket">
                  <websocket:handlers allowed-origins="https://a.example.com,*"/>
                  <websocket:handlers allowed-origins="https://a.example.com"/>
                  <websocket-message-broker same-origin-disabled="true"/>
                  <websocket-message-broker same-origin-disabled="false"/>
                </beans>
                """), MODELS);
        assertEquals(List.of(2, 4), hits.stream().map(h -> h.region().startLine()).toList());
        assertEquals(0, ProjectSettings.xml(file("src/main/resources/other.xml", "<x allowed-origins=\"*\"/>"), MODELS).size(),
                "only WebSocket configuration");
    }
}

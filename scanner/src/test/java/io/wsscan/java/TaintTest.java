package io.wsscan.java;

import io.wsscan.findings.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** java/ws-message-injection and java/ws-message-xss-relay. */
class TaintTest {

    private static final String INJ = "java/ws-message-injection";
    private static final String XSS = "java/ws-message-xss-relay";

    /** A Spring text handler whose body is {@code body}; line 10 is the body's first line. */
    private static List<String> handler(String body) {
        String src = """
                import org.springframework.web.socket.*;
                import org.springframework.web.socket.handler.TextWebSocketHandler;
                import java.sql.*;
                import java.util.*;
                class H extends TextWebSocketHandler {
                    Statement st; Set<String> allowed; String last;
                    @Override
                    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
                        String p = message.getPayload();
                %s
                    }
                    String wrap(String s) { return "name = '" + s + "'"; }
                }
                """.formatted(body);
        return JavaFixture.of("H.java", src).lines().stream().map(l -> l.substring("H.java:".length())).toList();
    }

    @Test
    void directAndThroughLocalsBuildersAndHelpers() {
        assertEquals(List.of("10 " + INJ), handler("st.executeQuery(\"SELECT \" + p);"));
        assertEquals(List.of("12 " + INJ), handler("StringBuilder sb = new StringBuilder(\"SELECT * WHERE \");\nsb.append(p);\nst.execute(sb.toString());"));
        assertEquals(List.of("10 " + INJ), handler("st.executeUpdate(String.format(\"DELETE FROM t WHERE %s\", wrap(p)));"));
        assertEquals(List.of("11 " + INJ), handler("List<String> parts = new ArrayList<>();\nparts.add(p); st.addBatch(String.join(\",\", parts));"));
    }

    @Test
    void sanitizersAndAllowListsEndFlows() {
        assertEquals(List.of(), handler("st.executeQuery(\"SELECT \" + Integer.parseInt(p));"));
        assertEquals(List.of(), handler("if (allowed.contains(p)) { st.executeQuery(\"SELECT \" + p); }"));
        assertEquals(List.of(), handler("if (!allowed.contains(p)) return;\nst.executeQuery(\"SELECT \" + p);"));
        assertEquals(List.of(), handler("if (!p.matches(\"[a-z]+\")) throw new IllegalArgumentException();\nst.executeQuery(\"SELECT \" + p);"));
        assertEquals(List.of(), handler("st.executeQuery(\"SELECT \" + p.length());"));
    }

    @Test
    void relayNeedsMarkupAndNoEncoder() {
        assertEquals(List.of("10 " + XSS), handler("session.sendMessage(new TextMessage(\"<b>\" + p + \"</b>\"));"));
        assertEquals(List.of(), handler("session.sendMessage(new TextMessage(p));"));
        assertEquals(List.of(), handler("session.sendMessage(new TextMessage(\"{\\\"t\\\":\\\"\" + p + \"\\\"}\"));"));
        assertEquals(List.of(), handler("session.sendMessage(new TextMessage(\"<b>\" + org.springframework.web.util.HtmlUtils.htmlEscape(p) + \"</b>\"));"));
        assertEquals(List.of("10 " + XSS), handler("session.sendMessage(new TextMessage(\"<li>%s</li>\".formatted(p)));"));
    }

    @Test
    void fieldsCarryTaintBetweenMethods() {
        String src = """
                import jakarta.websocket.*;
                import jakarta.websocket.server.ServerEndpoint;
                @ServerEndpoint("/f")
                class F {
                    private String last;
                    @OnMessage public void on(String text) { last = text; }
                    void later() throws Exception { Runtime.getRuntime().exec(last); }
                }
                """;
        assertEquals(List.of("F.java:3 java/ws-missing-origin-check", "F.java:7 " + INJ), JavaFixture.of("F.java", src).lines());
    }

    @Test
    void decodedPojoFieldsAndHelpersInOtherClassesAreFollowed() {
        String ctrl = """
                package s;
                import org.springframework.messaging.handler.annotation.MessageMapping;
                class Ctrl {
                    private final Repo repo = new Repo();
                    @MessageMapping("/find") public void find(Query q) { repo.byName(q.getName()); }
                }
                """;
        String repo = """
                package s;
                import jakarta.persistence.EntityManager;
                class Repo {
                    EntityManager em;
                    void byName(String n) { em.createQuery("FROM User WHERE name = '" + n + "'"); }
                }
                """;
        List<Finding> f = JavaFixture.of("s/Ctrl.java", ctrl).with("s/Repo.java", repo).with("s/Query.java",
                "package s; class Query { String name; String getName() { return name; } }").findings();
        assertEquals(1, f.size());
        assertEquals("s/Repo.java", f.get(0).file());
        assertTrue(f.get(0).trace().size() >= 3, "source, call, sink: " + f.get(0).trace());
        assertEquals("s/Ctrl.java", f.get(0).trace().get(0).file());
    }

    @Test
    void suppressWarningsOnTheDeclaration() {
        String src = """
                import jakarta.websocket.*;
                import jakarta.websocket.server.ServerEndpoint;
                @SuppressWarnings("wsscan:java/ws-missing-origin-check")
                @ServerEndpoint("/s")
                class S {
                    @SuppressWarnings({"unchecked", "wsscan:java/ws-message-injection"})
                    @OnMessage public void on(String text) throws Exception { Runtime.getRuntime().exec(text); }
                }
                """;
        List<Finding> f = JavaFixture.of("S.java", src).findings();
        assertEquals(2, f.size());
        assertTrue(f.stream().allMatch(Finding::suppressed));
        assertEquals(List.of(), JavaFixture.of("S.java", src).lines());
    }
}

package io.wsscan.java;

import io.wsscan.findings.Finding;
import io.wsscan.findings.Step;
import io.wsscan.testing.RuleTester;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * java/ws-message-injection and java/ws-message-xss-relay (annotated, checked by {@link RuleTester}; the
 * suppression test looks at suppressed findings, which the tester leaves out).
 */
class TaintTest {

    private static final String INJ = "java/ws-message-injection";
    private static final String XSS = "java/ws-message-xss-relay";

    private static final RuleTester TESTER = RuleTester.using(JavaFixture.ANALYZER::analyzeTogether);

    /** A Spring text handler whose body is {@code body} (annotated), checked. */
    private static void handler(String body) {
        TESTER.check("H.java", """
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
                """.formatted(body));
    }

    private static final String EXPECT_INJ = "// expect: " + INJ + "\n";
    private static final String SAFE_INJ = "// safe: " + INJ + "\n";
    private static final String EXPECT_XSS = "// expect: " + XSS + "\n";
    private static final String SAFE_XSS = "// safe: " + XSS + "\n";

    @Test
    void directAndThroughLocalsBuildersAndHelpers() {
        handler(EXPECT_INJ + "st.executeQuery(\"SELECT \" + p);");
        handler("StringBuilder sb = new StringBuilder(\"SELECT * WHERE \");\nsb.append(p);\n" + EXPECT_INJ + "st.execute(sb.toString());");
        handler(EXPECT_INJ + "st.executeUpdate(String.format(\"DELETE FROM t WHERE %s\", wrap(p)));");
        handler("List<String> parts = new ArrayList<>();\n" + EXPECT_INJ + "parts.add(p); st.addBatch(String.join(\",\", parts));");
    }

    @Test
    void sanitizersAndAllowListsEndFlows() {
        handler(SAFE_INJ + "st.executeQuery(\"SELECT \" + Integer.parseInt(p));");
        handler(SAFE_INJ + "if (allowed.contains(p)) { st.executeQuery(\"SELECT \" + p); }");
        handler("if (!allowed.contains(p)) return;\n" + SAFE_INJ + "st.executeQuery(\"SELECT \" + p);");
        handler("if (!p.matches(\"[a-z]+\")) throw new IllegalArgumentException();\n" + SAFE_INJ + "st.executeQuery(\"SELECT \" + p);");
        handler(SAFE_INJ + "st.executeQuery(\"SELECT \" + p.length());");
    }

    @Test
    void relayNeedsMarkupAndNoEncoder() {
        handler(EXPECT_XSS + "session.sendMessage(new TextMessage(\"<b>\" + p + \"</b>\"));");
        handler(SAFE_XSS + "session.sendMessage(new TextMessage(p));");
        handler(SAFE_XSS + "session.sendMessage(new TextMessage(\"{\\\"t\\\":\\\"\" + p + \"\\\"}\"));");
        handler(SAFE_XSS + "session.sendMessage(new TextMessage(\"<b>\" + org.springframework.web.util.HtmlUtils.htmlEscape(p) + \"</b>\"));");
        handler(EXPECT_XSS + "session.sendMessage(new TextMessage(\"<li>%s</li>\".formatted(p)));");
    }

    @Test
    void fieldsCarryTaintBetweenMethods() {
        TESTER.check("F.java", """
                import jakarta.websocket.*;
                import jakarta.websocket.server.ServerEndpoint;
                // expect: java/ws-missing-origin-check
                @ServerEndpoint("/f")
                class F {
                    private String last;
                    @OnMessage public void on(String text) { last = text; }
                    // expect: java/ws-message-injection
                    void later() throws Exception { Runtime.getRuntime().exec(last); }
                }
                """);
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
                    // expect: java/ws-message-injection
                    void byName(String n) { em.createQuery("FROM User WHERE name = '" + n + "'"); }
                }
                """;
        Finding f = TESTER.file("s/Ctrl.java", ctrl).file("s/Repo.java", repo).file("s/Query.java",
                "package s; class Query { String name; String getName() { return name; } }").check().only(INJ);
        assertTrue(f.trace().size() >= 3, "source, call, sink: " + f.trace());
        assertEquals("s/Ctrl.java", f.trace().get(0).file());
    }

    /** The handler of the dispatch tests: calls {@code Action.run} on an action picked by the message. */
    private static final String DISPATCHER = """
            package d;
            import org.springframework.messaging.handler.annotation.MessageMapping;
            import java.util.Map;
            class Ctrl {
                private final Map<String, Action> actions = %s;
                @MessageMapping("/run") public void run(String cmd) { Action a = actions.get("default"); a.run(cmd); }
            }
            """;

    private static final String ACTION = "package d; interface Action { void run(String arg); }";

    /** An implementation of Action named {@code name} whose run(arg) is {@code body} (annotated). */
    private static String action(String name, String body) {
        return "package d;\nclass " + name + " implements Action {\n" + body + "\n}\n";
    }

    @Test
    void interfaceCallsDispatchToFewImplementationsAndTheTraceShowsIt() {
        Finding f = TESTER.file("d/Ctrl.java", DISPATCHER.formatted("Map.of()")).file("d/Action.java", ACTION)
                .file("d/ShellAction.java", action("ShellAction", EXPECT_INJ + "public void run(String arg) { Runtime.getRuntime().exec(arg); }"))
                .file("d/EchoAction.java", action("EchoAction", "public void run(String arg) { System.out.println(arg); }"))
                .check().only(INJ);
        // the source is in another file than the sink: the message names it
        assertTrue(f.message().contains("(Ctrl.java line 6)"), f.message());
        Step dispatch = f.trace().stream().filter(s -> s.message().startsWith("dispatched to")).findFirst().orElseThrow();
        assertEquals("dispatched to ShellAction.run (ShellAction.java)", dispatch.message());
        assertEquals("d/ShellAction.java", dispatch.file());
        assertEquals(4, dispatch.region().startLine());
    }

    @Test
    void manyImplementationsAreFollowedOnlyWhenTheProjectConstructsFewOfThem() {
        List<String> quiet = List.of("A1", "A2", "A3", "A4", "A5");
        // five implementations and none constructed: none is followed, the shell action is not on the path
        RuleTester t = TESTER;
        RuleTester none = t.file("d/Ctrl.java", DISPATCHER.formatted("Map.of()")).file("d/Action.java", ACTION)
                .file("d/ShellAction.java", action("ShellAction", SAFE_INJ + "public void run(String arg) { Runtime.getRuntime().exec(arg); }"));
        for (String q : quiet) none = none.file("d/" + q + ".java", action(q, "public void run(String arg) { }"));
        none.check();
        // the project builds two of them, the shell action among them: those two are followed
        RuleTester built = t.file("d/Ctrl.java", DISPATCHER.formatted("Map.of(\"a\", new A1(), \"sh\", new ShellAction())"))
                .file("d/Action.java", ACTION)
                .file("d/ShellAction.java", action("ShellAction", EXPECT_INJ + "public void run(String arg) { Runtime.getRuntime().exec(arg); }"));
        for (String q : quiet) built = built.file("d/" + q + ".java", action(q, "public void run(String arg) { }"));
        built.check();
        // built, but not the shell action: it stays off the path
        RuleTester other = t.file("d/Ctrl.java", DISPATCHER.formatted("Map.of(\"a\", new A1(), \"b\", new A2())"))
                .file("d/Action.java", ACTION)
                .file("d/ShellAction.java", action("ShellAction", SAFE_INJ + "public void run(String arg) { Runtime.getRuntime().exec(arg); }"));
        for (String q : quiet) other = other.file("d/" + q + ".java", action(q, "public void run(String arg) { }"));
        other.check();
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

package io.wsscan.java;

import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import io.wsscan.rules.RuleCatalog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavaIndexTest {

    private static final JavaModels MODELS = JavaModels.load(RuleCatalog.builtin().modelDocuments());

    private static JavaIndex index(String... pathAndText) throws Exception {
        List<JavaUnit> units = new ArrayList<>();
        for (int i = 0; i < pathAndText.length; i += 2) {
            units.add(new JavaUnit(pathAndText[i], pathAndText[i + 1], new JavaFrontEnd().parse(pathAndText[i + 1])));
        }
        return JavaIndex.build(units, MODELS);
    }

    @Test
    void resolvesExplicitWildcardNestedSamePackageAndJavaLang() throws Exception {
        JavaIndex ix = index("a/A.java", """
                package a;
                import jakarta.websocket.server.ServerEndpointConfig;
                import javax.websocket.*;
                import b.*;
                public class A extends ServerEndpointConfig.Configurator {
                    static class Inner {}
                    Inner i; Session s; Helper h; B other; String str; Unknown u;
                }
                """, "a/B.java", "package a; public class B {}", "b/Helper.java", "package b; public class Helper {}");
        var a = ix.type("a.A");
        assertEquals(List.of("jakarta.websocket.server.ServerEndpointConfig.Configurator"), a.supertypes);
        var decl = a.decl;
        assertEquals("a.A.Inner", ix.resolve("Inner", decl));
        // javax.websocket is read as jakarta.websocket (one set of models for both)
        assertEquals("jakarta.websocket.Session", ix.resolve("Session", decl));
        assertEquals("b.Helper", ix.resolve("Helper", decl));
        assertEquals("a.B", ix.resolve("B", decl));
        assertEquals("java.lang.String", ix.resolve("String", decl));
        assertEquals("Unknown", ix.resolve("Unknown", decl));
    }

    @Test
    void localClassesAndNestedTypesOfLibrarySupertypes() throws Exception {
        JavaIndex ix = index("g/L.java", """
                package g;
                import org.java_websocket.server.WebSocketServer;
                import org.eclipse.jetty.websocket.WebSocket;
                public class L implements WebSocket.OnTextMessage {
                    Connection connection;
                    void start() {
                        class Replay extends WebSocketServer { }
                        new Replay();
                    }
                }
                """);
        // a class declared in a method is a type of its own, with its supertypes, found by its simple name
        var replay = ix.type("g.L.Replay");
        assertEquals(List.of("org.java_websocket.server.WebSocketServer"), replay.supertypes);
        var create = ix.type("g.L").decl.findFirst(com.github.javaparser.ast.expr.ObjectCreationExpr.class).orElseThrow();
        assertEquals("g.L.Replay", ix.resolve(create.getType(), create));
        // Connection is WebSocket.Connection, inherited through WebSocket.OnTextMessage
        assertEquals("org.eclipse.jetty.websocket.WebSocket.Connection", ix.resolve("Connection", ix.type("g.L").decl));
    }

    @Test
    void hierarchyAcrossFilesAndLibraryTypes() throws Exception {
        JavaIndex ix = index("x/Base.java", """
                package x;
                import org.springframework.web.socket.handler.TextWebSocketHandler;
                public abstract class Base extends TextWebSocketHandler {}
                """, "y/Leaf.java", """
                package y;
                import x.Base;
                public class Leaf extends Base {}
                """);
        assertTrue(ix.isA("y.Leaf", Set.of("org.springframework.web.socket.WebSocketHandler")));
        assertFalse(ix.isA("y.Leaf", Set.of("org.java_websocket.server.WebSocketServer")));
    }

    @Test
    void foldsConstantsAcrossFilesStaticImportsAndCollections() throws Exception {
        JavaIndex ix = index("c/Origins.java", """
                package c;
                public final class Origins {
                    public static final String HOST = "app.example.com";
                    public static final String APP = "https://" + HOST;
                    public static final String[] ALL = {"*"};
                    public static final java.util.List<String> LIST = java.util.List.of(APP, "https://b.example.com");
                }
                """, "d/Use.java", """
                package d;
                import c.Origins;
                import static c.Origins.APP;
                class Use {
                    void m() {
                        final String local = APP + "/x";
                        call(Origins.APP, APP, local, Origins.ALL, Origins.LIST, Origins.LIST.toArray(new String[0]), flag ? "a" : "b", other);
                    }
                }
                """);
        MethodCallExpr call = ix.units().get(1).cu.findFirst(MethodCallExpr.class, c -> c.getNameAsString().equals("call")).orElseThrow();
        assertEquals("https://app.example.com", ix.fold(call.getArgument(0)));
        assertEquals("https://app.example.com", ix.fold(call.getArgument(1)));
        assertEquals("https://app.example.com/x", ix.fold(call.getArgument(2)));
        assertEquals(List.of("*"), ix.foldAll(call.getArgument(3)));
        assertEquals(List.of("https://app.example.com", "https://b.example.com"), ix.foldAll(call.getArgument(4)));
        assertEquals(List.of("https://app.example.com", "https://b.example.com"), ix.foldAll(call.getArgument(5)));
        assertEquals(List.of("a", "b"), ix.foldAll(call.getArgument(6)));
        assertNull(ix.fold(call.getArgument(7)));
    }

    @Test
    void localsParametersAndLambdaParameters() throws Exception {
        JavaIndex ix = index("e/E.java", """
                package e;
                class E {
                    void m(String p) {
                        int x = 1;
                        java.util.List.of(1).forEach(q -> use(p, x, q));
                        new Object() { void n() { use(p); } };
                    }
                }
                """);
        var unit = ix.units().get(0);
        for (NameExpr n : unit.cu.findAll(NameExpr.class)) {
            if (List.of("p", "x", "q").contains(n.getNameAsString())) {
                assertTrue(JavaIndex.local(n.getNameAsString(), n) != null, "visible: " + n + " at " + n.getRange());
            }
        }
    }

    @Test
    void modulesSeparateBuildProjects() {
        assertEquals("shop/", JavaUnit.moduleOf("shop/src/main/java/a/A.java"));
        assertEquals("shop/", JavaUnit.moduleOf("shop/src/main/resources/application.properties"));
        assertEquals("", JavaUnit.moduleOf("src/main/java/a/A.java"));
        assertEquals("flat/", JavaUnit.moduleOf("flat/A.java"));
    }
}

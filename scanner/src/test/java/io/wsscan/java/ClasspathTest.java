package io.wsscan.java;

import io.wsscan.engine.FileReport;
import io.wsscan.engine.ScanOptions;
import io.wsscan.engine.SourceFile;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Notification;
import io.wsscan.rules.RuleCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Library types from a classpath: real jars and class folders compiled in the test (stand-ins of the
 * framework classes with their real names, and a small library built on them), never the network.
 */
class ClasspathTest {

    private static final String INJ = "java/ws-message-injection";
    private static final String XSS = "java/ws-message-xss-relay";
    private static final String MISSING = "java/ws-missing-origin-check";

    @TempDir
    static Path tmp;
    /** Framework stand-ins (spring-websocket, Java-WebSocket) and the library, as jars. */
    static Path frameworkJar;
    static Path libraryJar;
    /** The library compiled into a class folder (a sibling module's target/classes). */
    static Path libraryClasses;

    private static final JavaAnalyzer ANALYZER = new JavaAnalyzer(RuleCatalog.builtin());

    @BeforeAll
    static void buildJars() throws IOException {
        Path fwSrc = tmp.resolve("fw-src");
        write(fwSrc, "org/springframework/web/socket/WebSocketHandler.java",
                "package org.springframework.web.socket; public interface WebSocketHandler {}");
        write(fwSrc, "org/springframework/web/socket/WebSocketMessage.java",
                "package org.springframework.web.socket; public interface WebSocketMessage<T> { T getPayload(); }");
        write(fwSrc, "org/springframework/web/socket/TextMessage.java", """
                package org.springframework.web.socket;
                public final class TextMessage implements WebSocketMessage<String> {
                    private final String payload;
                    public TextMessage(CharSequence payload) { this.payload = payload.toString(); }
                    public String getPayload() { return payload; }
                }""");
        write(fwSrc, "org/springframework/web/socket/WebSocketSession.java", """
                package org.springframework.web.socket;
                public interface WebSocketSession extends java.io.Closeable {
                    String getId();
                    void sendMessage(WebSocketMessage<?> message) throws java.io.IOException;
                }""");
        write(fwSrc, "org/springframework/web/socket/handler/AbstractWebSocketHandler.java", """
                package org.springframework.web.socket.handler;
                import org.springframework.web.socket.*;
                public abstract class AbstractWebSocketHandler implements WebSocketHandler {
                    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {}
                }""");
        write(fwSrc, "org/springframework/web/socket/handler/TextWebSocketHandler.java", """
                package org.springframework.web.socket.handler;
                public class TextWebSocketHandler extends AbstractWebSocketHandler {}""");
        write(fwSrc, "org/java_websocket/server/WebSocketServer.java", """
                package org.java_websocket.server;
                public abstract class WebSocketServer {
                    protected WebSocketServer(java.net.InetSocketAddress address) {}
                    public abstract void onMessage(Object conn, String message);
                }""");
        write(fwSrc, "javax/websocket/MessageHandler.java", """
                package javax.websocket;
                public interface MessageHandler {
                    interface Whole<T> extends MessageHandler { void onMessage(T message); }
                }""");
        Path fwClasses = compile(fwSrc, tmp.resolve("fw-classes"), List.of());
        frameworkJar = jar(fwClasses, tmp.resolve("framework.jar"));

        Path libSrc = tmp.resolve("lib-src");
        write(libSrc, "com/acme/wslib/BaseSocketHandler.java", """
                package com.acme.wslib;
                import org.springframework.web.socket.handler.TextWebSocketHandler;
                /** A library base class of the application's handlers. */
                public abstract class BaseSocketHandler extends TextWebSocketHandler {
                    protected final java.util.Map<String, String> attributes = new java.util.HashMap<>();
                }""");
        write(libSrc, "com/acme/wslib/SessionDirectory.java", """
                package com.acme.wslib;
                import org.springframework.web.socket.WebSocketSession;
                public interface SessionDirectory {
                    WebSocketSession find(String id);
                    int size();
                }""");
        write(libSrc, "com/acme/wslib/Hub.java", """
                package com.acme.wslib;
                public class Hub {
                    public org.springframework.web.socket.WebSocketSession current;
                    public static class Room { public SessionDirectory members() { return null; } }
                }""");
        write(libSrc, "com/acme/wslib/BaseServer.java", """
                package com.acme.wslib;
                public abstract class BaseServer extends org.java_websocket.server.WebSocketServer {
                    protected BaseServer(int port) { super(new java.net.InetSocketAddress(port)); }
                }""");
        // a base class of a jar that is not on the scan's classpath
        Path otherSrc = tmp.resolve("other-src");
        write(otherSrc, "com/other/PooledStatement.java", """
                package com.other;
                public abstract class PooledStatement { public abstract Object executeQuery(String sql); }""");
        Path otherClasses = compile(otherSrc, tmp.resolve("other-classes"), List.of());
        write(libSrc, "com/acme/wslib/Db.java", """
                package com.acme.wslib;
                public interface Db {
                    java.sql.Statement statement();
                    Wrapped wrapped();
                    Report report();
                    abstract class Wrapped extends com.other.PooledStatement {}
                    final class Report { public String executeQuery(String title) { return title; } }
                }""");
        write(libSrc, "com/acme/wslib/TextCommand.java", """
                package com.acme.wslib;
                /** Handles text messages of a JSR-356 session (the javax names of Java EE 8). */
                public abstract class TextCommand implements javax.websocket.MessageHandler.Whole<String> {}""");
        libraryClasses = compile(libSrc, tmp.resolve("lib-classes"), List.of(frameworkJar, otherClasses));
        libraryJar = jar(libraryClasses, tmp.resolve("acme-wslib.jar"));
    }

    // ---------------------------------------------------------------- application sources

    /** Case 1: a handler whose superclass comes through a wildcard import of a library package. */
    static final String WILDCARD_BASE = """
            package com.example;
            import com.acme.wslib.*;
            import org.springframework.web.socket.*;
            import java.sql.Statement;
            public class ChatHandler extends BaseSocketHandler {
                Statement st;
                @Override
                protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
                    st.executeQuery("SELECT * FROM users WHERE name = '" + message.getPayload() + "'");
                }
            }
            """;

    /** Case 2: the result of a library method (an unmodeled registry returning the framework's session). */
    static final String LIBRARY_RETURN = """
            package com.example;
            import com.acme.wslib.SessionDirectory;
            import com.acme.wslib.Hub;
            import org.springframework.web.socket.*;
            import org.springframework.web.socket.handler.TextWebSocketHandler;
            public class RelayHandler extends TextWebSocketHandler {
                SessionDirectory directory;
                Hub hub;
                Hub.Room room;
                @Override
                protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
                    String p = message.getPayload();
                    directory.find("admin").sendMessage(new TextMessage("<b>" + p + "</b>"));
                    hub.current.sendMessage(new TextMessage("<i>" + p + "</i>"));
                    room.members().find("x").sendMessage(new TextMessage("<u>" + p + "</u>"));
                }
            }
            """;

    /** Case 3: a Java-WebSocket server through a library base class, explicitly imported. */
    static final String LIBRARY_SERVER = """
            package com.example;
            import com.acme.wslib.BaseServer;
            public class GameServer extends BaseServer {
                public GameServer() { super(8887); }
                @Override
                public void onMessage(Object conn, String message) { }
            }
            """;

    private static Map<String, FileReport> scan(List<Path> classpath, String... pathAndText) {
        List<SourceFile> src = new ArrayList<>();
        for (int i = 0; i < pathAndText.length; i += 2) {
            src.add(new SourceFile(Path.of("/x", pathAndText[i]), pathAndText[i], pathAndText[i + 1]));
        }
        ScanOptions options = ScanOptions.builder().path(Path.of("/x")).classpath(classpath).build();
        return ANALYZER.analyzeTogether(src, options);
    }

    private static List<String> lines(Map<String, FileReport> reports) {
        List<String> out = new ArrayList<>();
        reports.values().forEach(r -> r.findings().stream().filter(f -> !f.suppressed())
                .map(f -> f.file() + ":" + f.region().startLine() + " " + f.ruleId()).forEach(out::add));
        return out.stream().sorted().toList();
    }

    @Test
    void superclassThroughWildcardImportOfLibraryPackage() {
        String f = "src/main/java/com/example/ChatHandler.java";
        assertEquals(List.of(), lines(scan(List.of(), f, WILDCARD_BASE)), "import-based resolution cannot see the base class");
        assertEquals(List.of(f + ":9 " + INJ), lines(scan(List.of(libraryJar, frameworkJar), f, WILDCARD_BASE)));
    }

    @Test
    void resultTypesOfLibraryMethodsAndFields() {
        String f = "src/main/java/com/example/RelayHandler.java";
        assertEquals(List.of(), lines(scan(List.of(), f, LIBRARY_RETURN)));
        assertEquals(List.of(f + ":13 " + XSS, f + ":14 " + XSS, f + ":15 " + XSS),
                lines(scan(List.of(libraryJar, frameworkJar), f, LIBRARY_RETURN)));
    }

    @Test
    void frameworkServerThroughLibraryBaseClass() {
        String f = "src/main/java/com/example/GameServer.java";
        assertEquals(List.of(), lines(scan(List.of(), f, LIBRARY_SERVER)));
        assertEquals(List.of(f + ":3 " + MISSING), lines(scan(List.of(libraryJar, frameworkJar), f, LIBRARY_SERVER)));
    }

    /**
     * JDBC's statement is an untyped sink (an unknown receiver counts): a library result whose type
     * the classpath knows completely decides; one whose hierarchy a missing jar cuts off stays unknown.
     */
    @Test
    void untypedSinksNeedACompleteHierarchyToBeRuledOut() {
        String src = """
                package com.example;
                import com.acme.wslib.Db;
                import org.springframework.web.socket.*;
                import org.springframework.web.socket.handler.TextWebSocketHandler;
                public class Query extends TextWebSocketHandler {
                    Db db;
                    @Override
                    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
                        String p = message.getPayload();
                        db.statement().executeQuery("SELECT " + p);
                        db.wrapped().executeQuery("SELECT " + p);
                        db.report().executeQuery("Report " + p);
                    }
                }
                """;
        String f = "src/main/java/com/example/Query.java";
        assertEquals(List.of(f + ":10 " + INJ, f + ":11 " + INJ, f + ":12 " + INJ), lines(scan(List.of(), f, src)));
        // Db.Report is not a statement (its whole hierarchy is known); Db.Wrapped's base class is missing
        assertEquals(List.of(f + ":10 " + INJ, f + ":11 " + INJ), lines(scan(List.of(libraryJar, frameworkJar), f, src)));
    }

    /** A library class on the javax names implements a JSR-356 handler that the models know as jakarta. */
    @Test
    void javaxLibraryTypesMeetTheJakartaModels() {
        String src = """
                package com.example;
                import com.acme.wslib.TextCommand;
                public class RunCommand extends TextCommand {
                    @Override
                    public void onMessage(String message) {
                        try { Runtime.getRuntime().exec(message); } catch (java.io.IOException e) { }
                    }
                }
                """;
        String f = "src/main/java/com/example/RunCommand.java";
        assertEquals(List.of(), lines(scan(List.of(), f, src)));
        assertEquals(List.of(f + ":6 " + INJ), lines(scan(List.of(libraryJar, frameworkJar), f, src)));
    }

    @Test
    void classFoldersWorkLikeJars() {
        String f = "src/main/java/com/example/ChatHandler.java";
        assertEquals(List.of(f + ":9 " + INJ), lines(scan(List.of(libraryClasses, frameworkJar), f, WILDCARD_BASE)));
    }

    @Test
    void aLibraryWhoseFrameworkIsMissingResolvesWhatItCan() {
        // the framework jar is not on the classpath: the base class is found, its superclass is not
        String f = "src/main/java/com/example/ChatHandler.java";
        assertEquals(List.of(), lines(scan(List.of(libraryJar), f, WILDCARD_BASE)));
    }

    @Test
    void aBrokenOrMissingEntryNeverMakesResultsWorse() throws IOException {
        Path broken = Files.writeString(tmp.resolve("broken.jar"), "not a zip file");
        Path missing = tmp.resolve("not-built/classes");
        String corpusLike = """
                package com.example;
                import org.springframework.web.socket.*;
                import org.springframework.web.socket.handler.TextWebSocketHandler;
                public class Echo extends TextWebSocketHandler {
                    @Override
                    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
                        session.sendMessage(new TextMessage("<p>" + message.getPayload() + "</p>"));
                    }
                }
                """;
        String f = "src/main/java/com/example/Echo.java";
        List<String> without = lines(scan(List.of(), f, corpusLike));
        assertEquals(List.of(f + ":7 " + XSS), without);
        Map<String, FileReport> with = scan(List.of(broken, missing, libraryJar), f, corpusLike);
        assertEquals(without, lines(with));
        List<Notification> notes = with.get(f).notifications();
        assertTrue(notes.stream().anyMatch(n -> n.message().contains("broken.jar") && n.message().contains("could not be read")), notes.toString());
    }

    @Test
    void lookupsAreCachedPerTypeAndDeterministic() {
        JavaModels models = JavaModels.load(RuleCatalog.builtin().modelDocuments());
        Classpath cp = Classpath.of(List.of(libraryJar, frameworkJar), models);
        assertTrue(cp.hasType("com.acme.wslib.BaseSocketHandler"));
        assertTrue(cp.hasType("com.acme.wslib.Hub.Room"));
        assertEquals(List.of("org.springframework.web.socket.handler.TextWebSocketHandler"), cp.supertypes("com.acme.wslib.BaseSocketHandler"));
        assertEquals("org.springframework.web.socket.WebSocketSession", cp.methodReturn("com.acme.wslib.SessionDirectory", "find", 1));
        assertEquals(null, cp.methodReturn("com.acme.wslib.SessionDirectory", "size", 0));
        assertEquals("org.springframework.web.socket.WebSocketSession", cp.fieldType("com.acme.wslib.Hub", "current"));
        int n = cp.lookups();
        for (int i = 0; i < 3; i++) cp.supertypes("com.acme.wslib.BaseSocketHandler");
        assertEquals(n, cp.lookups());
        assertTrue(!cp.hasType("com.acme.wslib.Nope"));
        assertTrue(Classpath.NONE.isEmpty() && !Classpath.NONE.hasType("com.acme.wslib.Hub"));
    }

    @Test
    void findingsWithAClasspathKeepEveryFindingWithout() {
        // everything found without a classpath is still found with one (here: the three cases together)
        String a = "src/main/java/com/example/ChatHandler.java";
        String b = "src/main/java/com/example/RelayHandler.java";
        String c = "src/main/java/com/example/GameServer.java";
        List<String> without = lines(scan(List.of(), a, WILDCARD_BASE, b, LIBRARY_RETURN, c, LIBRARY_SERVER));
        List<String> with = lines(scan(List.of(libraryJar, frameworkJar), a, WILDCARD_BASE, b, LIBRARY_RETURN, c, LIBRARY_SERVER));
        assertTrue(with.containsAll(without), with + " vs " + without);
        assertEquals(5, with.size(), with.toString());
    }

    // ---------------------------------------------------------------- building the jars

    private static void write(Path root, String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static Path compile(Path srcRoot, Path out, List<Path> classpath) throws IOException {
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--release", "17", "-proc:none", "-nowarn"));
        if (!classpath.isEmpty()) {
            args.add("-cp");
            args.add(String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        }
        try (Stream<Path> s = Files.walk(srcRoot)) {
            s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().forEach(args::add);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, System.err, args.toArray(String[]::new));
        assertEquals(0, rc, "test library did not compile");
        return out;
    }

    private static Path jar(Path classes, Path jar) throws IOException {
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(os);
             Stream<Path> s = Files.walk(classes)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(java.io.File.separatorChar, '/')));
                j.write(Files.readAllBytes(p));
                j.closeEntry();
            }
        }
        return jar;
    }
}

package io.wsscan.java;

import com.github.javaparser.ast.CompilationUnit;
import io.wsscan.engine.FileReport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavaFrontEndTest {

    private final JavaFrontEnd fe = new JavaFrontEnd();

    @Test
    void parsesJava21Constructs() throws Exception {
        CompilationUnit cu = fe.parse("""
                package a;
                public sealed interface Shape permits Circle {}
                record Circle(double r) implements Shape {}
                class Use {
                    String describe(Object o) {
                        return switch (o) {
                            case Circle c when c.r() > 1 -> "big";
                            case Circle c -> "small";
                            default -> \"""
                                other
                                \""";
                        };
                    }
                }
                """);
        assertEquals(3, cu.getTypes().size());
    }

    /** yield needs the language level's grammar (not RAW), var needs its post-processing, which the front end applies itself. */
    @Test
    void yieldInSwitchExpressionsAndVarAsAType() throws Exception {
        CompilationUnit cu = fe.parse("""
                package a;
                class Escapes {
                    Object escape(int c) {
                        var kind = Kind.PLAIN;
                        return switch (c) {
                            case '\\n' -> "\\\\n";
                            default -> {
                                if (c <= 0x1F) {
                                    yield String.format("%04x", c);
                                }
                                yield (char) c;
                            }
                        };
                    }
                }
                """);
        assertEquals(2, cu.findAll(com.github.javaparser.ast.stmt.YieldStmt.class).size());
        assertTrue(cu.findAll(com.github.javaparser.ast.body.VariableDeclarator.class).get(0).getType().isVarType(), "var is a VarType");
        assertTrue(JavaFrontEnd.mentionsVar("var x = 1;") && JavaFrontEnd.mentionsVar("(var a)") && !JavaFrontEnd.mentionsVar("variable"),
                "the word var, not a part of one");
    }

    @Test
    void syntaxErrorsCarryAPosition() {
        JavaFrontEnd.Failure f = assertThrows(JavaFrontEnd.Failure.class, () -> fe.parse("class A {\n  void m( {\n}\n"));
        assertTrue(f.line >= 2, "line " + f.line);
    }

    @Test
    void malformedFilesBecomeParseErrorNotesAndOthersAreStillAnalysed() {
        Map<String, FileReport> r = JavaFixture.of("Broken.java", "@ServerEndpoint(\"/x\" public class {{{")
                .with("Ok.java", """
                        import jakarta.websocket.server.ServerEndpoint;
                        @ServerEndpoint("/ok")
                        public class Ok {}
                        """).reports();
        FileReport broken = r.get("Broken.java");
        assertFalse(broken.analysed());
        assertEquals("parse-error", broken.notifications().get(0).kind());
        assertEquals(1, r.get("Ok.java").findings().size());
        assertEquals("javaparser", r.get("Ok.java").frontEnd());
    }

    @Test
    void garbageNeverThrows() {
        for (String text : List.of("", "\u0000\u0001", "class", "}}}}", "@".repeat(5000), "class A { void m() { "
                + "(".repeat(3000) + " }}", "package ;;; import static ;")) {
            Map<String, FileReport> r = JavaFixture.of("G.java", text).reports();
            assertTrue(r.containsKey("G.java"));
        }
    }

    @Test
    void acceptsJavaAndSettingsFilesOnly() {
        JavaAnalyzer a = JavaFixture.ANALYZER;
        assertTrue(a.accepts("src/main/java/A.java"));
        assertTrue(a.accepts("src/main/resources/application.properties"));
        assertTrue(a.accepts("src/main/resources/application-prod.yml"));
        assertTrue(a.accepts("config/bootstrap.yaml"));
        assertFalse(a.accepts("docker-compose.yml"));
        assertFalse(a.accepts("src/main/resources/messages.properties"));
        assertFalse(a.accepts("web/app.js"));
    }

    @Test
    void largeScansAreAnalysedInModuleBatches() {
        JavaAnalyzer small = new JavaAnalyzer(io.wsscan.rules.RuleCatalog.builtin(), 1);
        String endpoint = """
                package p;
                @jakarta.websocket.server.ServerEndpoint(value = "/e", configurator = C.class)
                public class E {}
                """;
        String configurator = """
                package p;
                public class C extends jakarta.websocket.server.ServerEndpointConfig.Configurator {
                    public boolean checkOrigin(String o) { return "https://a.example.com".equals(o); }
                }
                """;
        List<io.wsscan.engine.SourceFile> files = List.of(
                new io.wsscan.engine.SourceFile(java.nio.file.Path.of("/x/a/src/main/java/p/E.java"), "a/src/main/java/p/E.java", endpoint),
                new io.wsscan.engine.SourceFile(java.nio.file.Path.of("/x/a/src/main/java/p/C.java"), "a/src/main/java/p/C.java", configurator),
                new io.wsscan.engine.SourceFile(java.nio.file.Path.of("/x/b/src/main/java/p/E.java"), "b/src/main/java/p/E.java", endpoint));
        Map<String, FileReport> r = small.analyzeTogether(files);
        assertEquals(3, r.size());
        // module a keeps its configurator (same batch); module b has none of its own
        assertEquals(0, r.get("a/src/main/java/p/E.java").findings().size());
        assertEquals(0, r.get("b/src/main/java/p/E.java").findings().size(), "configurator class not visible: no verdict");
    }

    @Test
    void aParseStopsAtItsDeadlineAndAnInterrupt() throws Exception {
        JavaFrontEnd fe = new JavaFrontEnd();
        String big = "class A {\n" + "  int f(int a) { return a + 1; }\n".repeat(50_000) + "}\n";
        JavaFrontEnd.Failure late = assertThrows(JavaFrontEnd.Failure.class, () -> fe.parse(big, System.nanoTime()));
        assertEquals("time-budget", late.kind);
        Thread.currentThread().interrupt();
        try {
            assertEquals("time-budget", assertThrows(JavaFrontEnd.Failure.class, () -> fe.parse(big)).kind);
        } finally {
            Thread.interrupted();
        }
        assertEquals(1, fe.parse("class B { }", System.nanoTime() + 60_000_000_000L).getTypes().size());
    }

    @Test
    void filesOverTheSizeBoundAreNotParsed() {
        String huge = "class A {\n" + "  int a;\n".repeat(JavaFrontEnd.MAX_CHARS / 8) + "}\n";
        JavaFrontEnd.Failure f = assertThrows(JavaFrontEnd.Failure.class, () -> new JavaFrontEnd().parse(huge));
        assertEquals("too-large", f.kind);
    }
}

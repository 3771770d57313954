package io.wsscan.engine;

import io.wsscan.findings.Finding;
import io.wsscan.findings.Notification;
import io.wsscan.ir.Nesting;
import io.wsscan.js.JsSyntaxError;
import io.wsscan.js.closure.ClosureFrontEnd;
import io.wsscan.js.rhino.RhinoFrontEnd;
import io.wsscan.js.treesitter.TreeSitterFrontEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Deeply nested code never hides what follows it: every front end either reads the code after a
 * deep prefix or says it gave up (with {@link Nesting#MESSAGE}), the scan then tries the next front
 * end, and the outcome is the same at any thread count and JIT state (the depth limit is counted,
 * not left to where the stack happens to overflow).
 */
class DeepNestingTest {

    private static final String TAIL = "\nvar ws = new WebSocket('wss://chat.acme-corp.com/s');\n"
            + "ws.onmessage = function (e) { document.body.innerHTML = e.data; };\n";

    /** Shapes that nest the syntax tree (and the parsers' recursion) as deeply as {@code n}. */
    static final Map<String, IntFunction<String>> SHAPES = new LinkedHashMap<>();

    static {
        SHAPES.put("calls", n -> "var x = " + "f(".repeat(n) + "1" + ")".repeat(n) + ";");
        SHAPES.put("arrays", n -> "var x = " + "[".repeat(n) + "1" + "]".repeat(n) + ";");
        SHAPES.put("objects", n -> "var x = " + "{a:".repeat(n) + "1" + "}".repeat(n) + ";");
        SHAPES.put("parens", n -> "var x = " + "(".repeat(n) + "1" + ")".repeat(n) + ";");
        SHAPES.put("plus", n -> "var x = a" + "+a".repeat(n) + ";");
        SHAPES.put("ifs", n -> "if (a) {".repeat(n) + "b();" + "}".repeat(n));
        SHAPES.put("not", n -> "var x = " + "!".repeat(n) + "a;");
        SHAPES.put("ternary", n -> "var x = " + "a ? b : ".repeat(n) + "c;");
        SHAPES.put("arrows", n -> "var x = " + "a => ".repeat(n) + "c;");
    }

    @Test
    void eachFrontEndReadsTheTailOrSaysItIsTooDeep() throws Exception {
        RhinoFrontEnd rhino = new RhinoFrontEnd();
        ClosureFrontEnd closure = new ClosureFrontEnd();
        TreeSitterFrontEnd ts = new TreeSitterFrontEnd();
        List<String> problems = new ArrayList<>();
        onAnalysisThread(() -> {
            for (Map.Entry<String, IntFunction<String>> shape : SHAPES.entrySet()) {
                for (int n : new int[] {500, 2_100, 8_000}) {
                    String src = shape.getValue().apply(n) + TAIL;
                    String what = shape.getKey() + " " + n;
                    for (String fe : List.of("rhino", "closure")) {
                        try {
                            var ir = fe.equals("rhino") ? rhino.parse("d.js", src) : closure.parse("d.js", src);
                            if (!ir.program().shape().contains("MEMBER\"innerHTML\"")) problems.add(fe + " lost the tail: " + what);
                        } catch (JsSyntaxError e) {
                            if (n <= 500) problems.add(fe + " rejected " + what + ": " + e.getMessage());
                            else if (!e.getMessage().equals(Nesting.MESSAGE)) problems.add(fe + " on " + what + ": " + e.getMessage());
                        }
                    }
                    try {
                        TreeSitterFrontEnd.Result r = ts.parse("d.js", src, TreeSitterFrontEnd.Dialect.JAVASCRIPT);
                        if (!r.ir().program().shape().contains("MEMBER\"innerHTML\"")) problems.add("tree-sitter lost the tail: " + what);
                        if (n > TreeSitterFrontEnd.MAX_DEPTH_LEVELS && !r.truncated() && !shape.getKey().equals("plus")) {
                            problems.add("tree-sitter did not say it cut " + what);
                        }
                    } catch (TreeSitterFrontEnd.Failure e) {
                        problems.add("tree-sitter failed on " + what + ": " + e.getMessage());
                    }
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void aScanReportsTheCodeAfterDeepNestingAtAnyThreadCount(@TempDir Path dir) throws Exception {
        for (Map.Entry<String, IntFunction<String>> shape : SHAPES.entrySet()) {
            for (int n : new int[] {1_900, 2_100, 5_000}) {
                Files.writeString(dir.resolve(shape.getKey() + n + ".js"), shape.getValue().apply(n) + TAIL);
            }
        }
        String one = summary(scan(dir, 1));
        ScanResult r = scan(dir, 2);
        assertEquals(one, summary(r));
        for (String file : r.notifications().stream().filter(Notification::fileSkipped).map(Notification::file).toList()) {
            fail("not analysed: " + file + " " + r.notifications());
        }
        long files = SHAPES.size() * 3L;
        assertEquals(files, r.findings().stream().filter(f -> f.ruleId().equals("js/ws-message-xss")).map(Finding::file).distinct().count(),
                "every file's tail is reported: " + one);
    }

    @Test
    void javaParserSaysTooDeepTheSameWayWhereverItsStackEnds() throws Exception {
        io.wsscan.java.JavaFrontEnd java = new io.wsscan.java.JavaFrontEnd();
        List<String> problems = new ArrayList<>();
        onAnalysisThread(() -> {
            for (String shape : List.of("calls", "parens", "plus", "ifs")) {
                for (int n : new int[] {300, 2_100, 8_000}) {
                    String body = switch (shape) {
                        case "calls" -> "x = " + "f(".repeat(n) + "1" + ")".repeat(n) + ";";
                        case "parens" -> "x = " + "(".repeat(n) + "1" + ")".repeat(n) + ";";
                        case "plus" -> "x = a" + "+a".repeat(n) + ";";
                        default -> "if (a) {".repeat(n) + "b();" + "}".repeat(n);
                    };
                    try {
                        java.parse("class A { void m() { " + body + " } void tail() { } }");
                        if (n > 2_000 && !shape.equals("plus")) problems.add("accepted " + shape + " " + n);
                    } catch (io.wsscan.java.JavaFrontEnd.Failure f) {
                        if (n <= 300) problems.add("rejected " + shape + " " + n + ": " + f.getMessage());
                        else if (!f.kind.equals("too-deep") || !f.getMessage().equals(Nesting.MESSAGE)) {
                            problems.add(shape + " " + n + ": " + f.kind + " " + f.getMessage());
                        }
                    }
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void aPathologicalJavaFileFailsAlone(@TempDir Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/main/java/app"));
        Files.writeString(src.resolve("Deep.java"), "package app;\nclass Deep { Object x = " + "f(".repeat(9_000) + "1"
                + ")".repeat(9_000) + "; }\n");
        Files.writeString(src.resolve("Huge.java"), "package app;\nclass Huge {\n" + "  int a;\n".repeat(600_000) + "}\n");
        Files.writeString(src.resolve("Chat.java"), """
                package app;
                import org.java_websocket.server.WebSocketServer;
                import org.java_websocket.WebSocket;
                import org.java_websocket.handshake.ClientHandshake;
                import java.net.InetSocketAddress;
                public class Chat extends WebSocketServer {
                    public Chat() { super(new InetSocketAddress(8887)); }
                    public void onOpen(WebSocket conn, ClientHandshake h) { }
                    public void onClose(WebSocket conn, int code, String reason, boolean remote) { }
                    public void onMessage(WebSocket conn, String message) { broadcast(message); }
                    public void onError(WebSocket conn, Exception ex) { }
                    public void onStart() { }
                }
                """);
        ScanResult r = scan(dir, 2);
        Map<String, String> kinds = r.notifications().stream().filter(Notification::fileSkipped)
                .collect(Collectors.toMap(Notification::file, Notification::kind));
        assertEquals(Map.of("src/main/java/app/Deep.java", "too-deep", "src/main/java/app/Huge.java", "too-large"), kinds);
        assertTrue(r.findings().stream().anyMatch(f -> f.file().equals("src/main/java/app/Chat.java")), r.findings().toString());
    }

    /** Front ends run on the scanner's analysis threads, whose stack the depth limit is sized for. */
    private static void onAnalysisThread(Runnable r) throws InterruptedException {
        Thread t = new Thread(null, r, "deep", Scanner.ANALYSIS_STACK_BYTES);
        t.start();
        t.join();
    }

    private static ScanResult scan(Path dir, int threads) {
        return new Scanner().scan(ScanOptions.builder().path(dir).threads(threads).timeBudget(Duration.ofSeconds(120)).build());
    }

    private static String summary(ScanResult r) {
        return r.findings().stream().map(f -> f.file() + ":" + f.region().startLine() + " " + f.ruleId()).collect(Collectors.joining("\n"))
                + "\n" + r.notifications().stream().map(Notification::toString).collect(Collectors.joining("\n"));
    }
}

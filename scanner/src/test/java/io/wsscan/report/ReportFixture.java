package io.wsscan.report;

import io.wsscan.engine.ScanResult;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Finding.Level;
import io.wsscan.findings.Notification;
import io.wsscan.findings.Region;
import io.wsscan.findings.Step;
import io.wsscan.rules.RuleCatalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A small scan, built by hand: two JavaScript files, a taint finding with a three-step trace across
 * them, a structural finding (reported at warning under an error rule), a suppressed finding, and two
 * files that were not analysed.
 */
final class ReportFixture {

    static final String RULE = "js/ws-message-xss";

    static final String SOCKET_JS = """
            const ws = new WebSocket('wss://chat.example.com/live');
            ws.onmessage = function (evt) {
              render(evt.data);
            };
            """;

    static final String CHAT_JS = """
            export function render(html) {
              const box = document.getElementById('chat');
              box.innerHTML = html;
              // wsscan-ignore js/ws-message-xss: sanitized by the server (SEC-12)
              box.insertAdjacentHTML('beforeend', html);
              document.write(html);
            }
            """;

    static final String TAINT_MESSAGE =
            "WebSocket message data from evt.data reaches innerHTML without HTML sanitization.";
    static final String STRUCTURAL_MESSAGE = "document.write() is called with a value that is not a constant.";
    static final String SUPPRESSED_MESSAGE =
            "WebSocket message data from evt.data reaches insertAdjacentHTML without HTML sanitization.";

    private ReportFixture() {
    }

    static ScanResult scan(Path root) throws IOException {
        return scan(root, false);
    }

    /** {@code shuffled}: the same content with findings and notifications out of order, another wall time. */
    static ScanResult scan(Path root, boolean shuffled) throws IOException {
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/socket.js"), SOCKET_JS, StandardCharsets.UTF_8);
        Files.writeString(root.resolve("src/chat.js"), CHAT_JS, StandardCharsets.UTF_8);

        Finding taint = new Finding(RULE, Level.ERROR, "src/chat.js", new Region(3, 3, 3, 16), TAINT_MESSAGE,
                List.of(new Step("src/socket.js", new Region(3, 10, 3, 18), "evt.data: WebSocket message data"),
                        new Step("src/chat.js", new Region(1, 24, 1, 28), "html: parameter of render()"),
                        new Step("src/chat.js", new Region(3, 3, 3, 16), "innerHTML: HTML sink")),
                null);
        Finding structural = new Finding(RULE, Level.WARNING, "src/chat.js", new Region(6, 3, 6, 23),
                STRUCTURAL_MESSAGE, List.of(), null);
        Finding suppressed = new Finding(RULE, Level.ERROR, "src/chat.js", new Region(5, 3, 5, 25),
                SUPPRESSED_MESSAGE,
                List.of(new Step("src/socket.js", new Region(3, 10, 3, 18), "evt.data: WebSocket message data"),
                        new Step("src/chat.js", new Region(5, 3, 5, 25), "insertAdjacentHTML: HTML sink")),
                new Finding.Suppression("sanitized by the server (SEC-12)", 4));
        List<Finding> findings = new ArrayList<>(List.of(taint, structural, suppressed));
        List<Notification> notifications = new ArrayList<>(List.of(
                new Notification("lib/huge.min.js", 0, 0, "too-large",
                        "31457280 bytes, over the --max-file-size limit of 20971520 bytes"),
                new Notification("src/broken.js", 3, 7, "parse-error", "missing ) after argument list")));
        if (shuffled) {
            Collections.reverse(findings);
            Collections.reverse(notifications);
        } else {
            findings.sort(Finding.ORDER);
            notifications.sort(Notification.ORDER);
        }
        return new ScanResult(root, findings, notifications, RuleCatalog.builtin(),
                new ScanResult.Stats(4, 2, 2, SOCKET_JS.length() + CHAT_JS.length(), shuffled ? 98765 : 1234),
                Map.of("src/chat.js", "closure", "src/socket.js", "tree-sitter"), List.of(),
                List.of("src/chat.js", "src/socket.js"));
    }
}

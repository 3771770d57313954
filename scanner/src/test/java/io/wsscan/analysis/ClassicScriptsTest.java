package io.wsscan.analysis;

import io.wsscan.engine.SourceFile;
import io.wsscan.rules.RuleCatalog;
import io.wsscan.testing.RuleTester;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.wsscan.engine.ScanOptions;
import io.wsscan.engine.ScanResult;
import io.wsscan.engine.Scanner;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Classic scripts of one page analysed together: top-level names and window properties are shared. */
class ClassicScriptsTest {

    private static JsAnalyzer analyzer;

    @BeforeAll
    static void setUp() {
        analyzer = new JsAnalyzer(RuleCatalog.builtin());
    }

    /** Every file shares the globals of every other (the scripts of one page). */
    private static Map<String, Set<String>> onePage(List<SourceFile> files) {
        Map<String, Set<String>> out = new HashMap<>();
        for (SourceFile f : files) {
            Set<String> others = new TreeSet<>();
            for (SourceFile o : files) if (o != f) others.add(o.relPath());
            out.put(f.relPath(), others);
        }
        return out;
    }

    private static void onOnePage(String... pathsAndTexts) {
        RuleTester t = RuleTester.using(files -> analyzer.analyzeTogether(files, onePage(files)));
        for (int i = 0; i < pathsAndTexts.length; i += 2) t = t.file(pathsAndTexts[i], pathsAndTexts[i + 1]);
        t.check();
    }

    private static void unlinked(String... pathsAndTexts) {
        RuleTester t = RuleTester.using(files -> analyzer.analyzeTogether(files, Map.of()));
        for (int i = 0; i < pathsAndTexts.length; i += 2) t = t.file(pathsAndTexts[i], pathsAndTexts[i + 1]);
        t.check();
    }

    private static final String SESSION = """
            var authQuery = '?access_token=' + localStorage.getItem('jwt');
            var App = App || {};
            App.query = authQuery;
            """;

    @Test
    void aTopLevelVariableOfOneScriptIsReadByAnother() {
        onOnePage("session.js", SESSION, "chat.js", """
                // expect: js/ws-credentials-in-url "session.js line 1"
                var a = new WebSocket('wss://chat.example-corp.net/ws' + authQuery);
                // expect: js/ws-credentials-in-url
                var b = new WebSocket('wss://chat.example-corp.net/ws' + App.query);
                """);
    }

    @Test
    void withoutAPageTheScriptsStayApart() {
        unlinked("session.js", SESSION, "chat.js", """
                // safe: js/ws-credentials-in-url
                var a = new WebSocket('wss://chat.example-corp.net/ws' + authQuery);
                """);
    }

    @Test
    void aNamespaceExtendedByTwoScriptsIsOneObject() {
        onOnePage("render.js", """
                var App = App || {};
                App.show = function (html) {
                  // expect: js/ws-message-xss
                  document.getElementById('log').innerHTML = html;
                };
                """, "chat.js", """
                var App = App || {};
                var ws = new WebSocket('wss://chat.example-corp.net/ws');
                ws.onmessage = function (e) { App.show(e.data); };
                """);
    }

    @Test
    void windowPropertiesAndTopLevelNamesAreTheSameGlobals() {
        onOnePage("helpers.js", """
                window.showBanner = function (html) {
                  // expect: js/ws-message-xss
                  document.getElementById('banner').innerHTML = html;
                };
                function showLog(html) {
                  // expect: js/ws-message-xss
                  document.getElementById('log').innerHTML = html;
                }
                """, "chat.js", """
                var ws = new WebSocket('wss://chat.example-corp.net/ws');
                ws.onmessage = function (e) { showBanner(e.data); window.showLog(e.data); };
                """);
    }

    @Test
    void aLocalVariableShadowsTheGlobal() {
        onOnePage("session.js", SESSION, "chat.js", """
                function guest() {
                  var authQuery = '?room=lobby';
                  // safe: js/ws-credentials-in-url
                  return new WebSocket('wss://chat.example-corp.net/guest' + authQuery);
                }
                """);
    }

    @Test
    void aModuleKeepsItsTopLevelNames() {
        onOnePage("config.mjs", """
                var authQuery = '?access_token=' + localStorage.getItem('jwt');
                export const unused = 1;
                """, "chat.js", """
                // safe: js/ws-credentials-in-url
                var a = new WebSocket('wss://chat.example-corp.net/ws' + authQuery);
                """);
    }

    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private List<String> scan() {
        ScanResult r = new Scanner().scan(ScanOptions.builder().path(dir).threads(2).timeBudget(Duration.ofSeconds(20)).build());
        return r.findings().stream().map(f -> f.ruleId() + " " + f.file() + ":" + f.region().startLine()).toList();
    }

    @Test
    void aScanLinksTheScriptsOfAPageButNotThoseOfAnotherPage() throws IOException {
        write("web/chat.html", "<script src=\"js/session.js\"></script>\n<script src=\"/js/chat.js\"></script>\n");
        write("web/audit.html", "<script src=\"js/audit.js\"></script>\n");
        write("web/js/session.js", SESSION);
        write("web/js/chat.js", "var a = new WebSocket('wss://chat.example-corp.net/ws' + authQuery);\n");
        write("web/js/audit.js", "var b = new WebSocket('wss://audit.example-corp.net/ws' + authQuery);\n");
        assertEquals(List.of("js/ws-credentials-in-url web/js/chat.js:1"), scan());
    }

    @Test
    void aScanLinksScriptsOfOneFolderTreeWhenNoPageLoadsThem() throws IOException {
        write("app/session.js", SESSION);
        write("app/widgets/chat.js", "var a = new WebSocket('wss://chat.example-corp.net/ws' + authQuery);\n");
        write("other/chat.js", "var b = new WebSocket('wss://chat.example-corp.net/ws' + authQuery);\n");
        write("app/page.html", "<script type=\"module\" src=\"module-chat.js\"></script>\n");
        write("app/module-chat.js", "var c = new WebSocket('wss://chat.example-corp.net/ws' + authQuery);\n");
        assertEquals(List.of("js/ws-credentials-in-url app/widgets/chat.js:1"), scan(),
                "other/ is another tree; a script a page loads as a module has no page globals");
    }
}

package io.wsscan.html;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PageScriptsTest {

    @Test
    void scriptsInDocumentOrderWithModulesMarked() {
        String page = """
                <html><head>
                <script src="a.js"></script>
                <!-- <script src="commented.js"></script> -->
                <SCRIPT type="text/javascript" SRC='b.js?v=2'></SCRIPT>
                <script type="module" src="m.js"></script>
                <script>var s = '<script src="inline-text.js"></script>';</script>
                <script type="text/template" src="tpl.html"></script>
                <script src="c&amp;d.js"></script>
                </head></html>
                """;
        assertEquals(List.of(new PageScripts.Script("a.js", false), new PageScripts.Script("b.js?v=2", false),
                new PageScripts.Script("m.js", true), new PageScripts.Script("c&d.js", false)), PageScripts.of(page));
    }

    @Test
    void sourcesResolveRelativeToThePageOrAWebRootAbove() {
        Set<String> files = Set.of("web/js/app.js", "web/pages/local.js", "lib/x.js");
        assertEquals("web/js/app.js", PageScripts.resolve("web/pages/index.html", "../js/app.js", files::contains));
        assertEquals("web/pages/local.js", PageScripts.resolve("web/pages/index.html", "./local.js?v=1#x", files::contains));
        assertEquals("web/js/app.js", PageScripts.resolve("web/pages/index.html", "/js/app.js", files::contains));
        assertEquals("lib/x.js", PageScripts.resolve("web/pages/index.html", "/lib/x.js", files::contains));
        assertNull(PageScripts.resolve("web/pages/index.html", "https://cdn.example.com/js/app.js", files::contains));
        assertNull(PageScripts.resolve("web/pages/index.html", "//cdn.example.com/js/app.js", files::contains));
        assertNull(PageScripts.resolve("web/pages/index.html", "missing.js", files::contains));
        assertNull(PageScripts.resolve("index.html", "../../outside.js", files::contains));
    }
}

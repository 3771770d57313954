package io.wsscan.html;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** Attribute order and quoting do not matter; integrity and crossorigin are kept as written (absent: null). */
    @Test
    void tagsKeepIntegrityCrossoriginAndWhereTheyStart() {
        String page = "<head>\n"
                + "<script integrity=\"sha384-abc\" crossorigin=anonymous src=https://cdn.example.net/a.js></script>\n"
                + "<script CROSSORIGIN src='//b.example.org/b.js' INTEGRITY=''></script>\n"
                + "<script\n  type=\"module\"\n  src=\"{{ asset('c.js') }}\"></script>\n"
                + "<script src=\"<%= cdn %>/d.js\" integrity=\"<%= sri('d') %>\"></script>\n"
                + "<script type=\"application/json\" src=\"data.json\"></script>\n";
        List<PageScripts.Tag> tags = PageScripts.tags(page);
        assertEquals(4, tags.size(), tags::toString);
        assertEquals(new PageScripts.Tag(page.indexOf("<script integrity"), "https://cdn.example.net/a.js", false, "sha384-abc", "anonymous"),
                tags.get(0));
        assertEquals(new PageScripts.Tag(page.indexOf("<script CROSSORIGIN"), "//b.example.org/b.js", false, "", ""), tags.get(1));
        assertEquals("{{ asset('c.js') }}", tags.get(2).src());
        assertTrue(tags.get(2).module());
        assertNull(tags.get(2).integrity());
        assertNull(tags.get(2).crossorigin());
        assertEquals("<%= cdn %>/d.js", tags.get(3).src());
        assertEquals("<%= sri('d') %>", tags.get(3).integrity());
        // the linking view: an empty integrity attribute is none
        assertTrue(PageScripts.of(page).get(0).integrity());
        assertFalse(PageScripts.of(page).get(1).integrity());
        assertTrue(PageScripts.of(page).get(3).integrity(), "a value template code writes is taken as present");
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

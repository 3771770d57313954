package io.wsscan.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The external scripts a page loads ({@code <script src>}, in document order), read from the text
 * without building a DOM: the scan links the classic ones through the page's one global scope; module
 * scripts ({@code type="module"}) have scopes of their own. Data blocks are not code and are left
 * out; comments are skipped.
 */
public final class PageScripts {

    /**
     * One external script: its {@code src} as written (entities decoded), whether it is a module, and
     * whether the tag has an {@code integrity} attribute (Subresource Integrity).
     */
    public record Script(String src, boolean module, boolean integrity) {
        public Script(String src, boolean module) {
            this(src, module, false);
        }
    }

    private PageScripts() {
    }

    /** The page's external scripts, in order. */
    public static List<Script> of(String page) {
        List<Script> out = new ArrayList<>();
        int i = 0;
        while (true) {
            int lt = page.indexOf('<', i);
            if (lt < 0) return out;
            if (page.startsWith("<!--", lt)) {
                int e = page.indexOf("-->", lt + 4);
                if (e < 0) return out;
                i = e + 3;
                continue;
            }
            int ne = TemplateTags.tagNameEnd(page, lt + 1);
            if (ne - lt - 1 != 6 || !page.regionMatches(true, lt + 1, "script", 0, 6)) {
                i = lt + 1;
                continue;
            }
            int te = TemplateTags.tagEnd(page, ne);
            if (te < 0) return out;
            StartTag tag = StartTag.read(page, lt, te);
            String src = tag.value("src");
            String type = tag.value("type");
            if (src != null && !src.isBlank() && ScriptExtractor.isJavaScript(type, tag.value("language"))) {
                String sri = tag.value("integrity");
                out.add(new Script(src.strip(), type != null && type.strip().toLowerCase(Locale.ROOT).equals("module"),
                        sri != null && !sri.isBlank()));
            }
            // a script's text is raw: nothing in it is a tag
            int close = TemplateTags.indexOfIgnoreCase(page, "</script", te);
            i = close < 0 ? te : close + 8;
        }
    }

    /**
     * The file of the scan (a path relative to the scan root) that a {@code src} written in the page at
     * {@code pageRelPath} names, or null: URLs of other hosts, and files not in the scan. A root-relative
     * {@code /js/app.js} is looked for under each folder above the page (the web root is one of them).
     */
    public static String resolve(String pageRelPath, String src, java.util.function.Predicate<String> exists) {
        String s = src;
        int cut = s.length();
        for (char c : new char[]{'?', '#'}) {
            int k = s.indexOf(c);
            if (k >= 0) cut = Math.min(cut, k);
        }
        s = s.substring(0, cut);
        if (s.isEmpty() || s.startsWith("//") || s.contains(":")) return null;
        int slash = pageRelPath.lastIndexOf('/');
        String dir = slash < 0 ? "" : pageRelPath.substring(0, slash + 1);
        if (!s.startsWith("/")) return existing(io.wsscan.js.ModuleLinks.normalize(dir + s), exists);
        // root-relative: the deepest folder above the page under which the file exists
        String rest = s.substring(1);
        while (true) {
            String found = existing(io.wsscan.js.ModuleLinks.normalize(dir + rest), exists);
            if (found != null) return found;
            if (dir.isEmpty()) return null;
            int up = dir.lastIndexOf('/', dir.length() - 2);
            dir = up < 0 ? "" : dir.substring(0, up + 1);
        }
    }

    private static String existing(String path, java.util.function.Predicate<String> exists) {
        return path != null && exists.test(path) ? path : null;
    }
}

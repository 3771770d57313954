package io.wsscan.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

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
        for (Tag t : tags(page)) out.add(new Script(t.src(), t.module(), t.integrity() != null && !t.integrity().isBlank()));
        return out;
    }

    /**
     * One {@code <script src>} tag as written: where it starts, its {@code src} (entities decoded,
     * stripped), whether it is a module, and its {@code integrity} and {@code crossorigin} values (null
     * when the attribute is absent, "" when it has no value).
     */
    public record Tag(int offset, String src, boolean module, String integrity, String crossorigin) {
    }

    /** The page's {@code <script src>} tags of JavaScript, in document order. */
    public static List<Tag> tags(String page) {
        List<Tag> out = new ArrayList<>();
        startTags(page, Set.of("script"), tag -> {
            String src = tag.value("src");
            String type = tag.value("type");
            if (src != null && !src.isBlank() && ScriptExtractor.isJavaScript(type, tag.value("language"))) {
                out.add(new Tag(tag.start, src.strip(), type != null && type.strip().toLowerCase(Locale.ROOT).equals("module"),
                        tag.value("integrity"), tag.value("crossorigin")));
            }
        });
        return out;
    }

    /**
     * Calls {@code each} with every start tag whose (lower-case) name is in {@code names}, in document
     * order, without building a DOM: comments are skipped, and the text of a script is not markup.
     */
    static void startTags(String page, Set<String> names, Consumer<StartTag> each) {
        int i = 0;
        while (true) {
            int lt = page.indexOf('<', i);
            if (lt < 0) return;
            if (page.startsWith("<!--", lt)) {
                int e = page.indexOf("-->", lt + 4);
                if (e < 0) return;
                i = e + 3;
                continue;
            }
            int ne = TemplateTags.tagNameEnd(page, lt + 1);
            String name = page.substring(lt + 1, ne).toLowerCase(Locale.ROOT);
            boolean script = name.equals("script");
            if (!script && !names.contains(name)) {
                i = lt + 1;
                continue;
            }
            int te = TemplateTags.tagEnd(page, ne);
            if (te < 0) return;
            if (names.contains(name)) each.accept(StartTag.read(page, lt, te));
            if (!script) {
                i = te;
                continue;
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

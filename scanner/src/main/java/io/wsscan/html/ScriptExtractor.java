/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.html;

import io.wsscan.js.treesitter.TreeSitterFrontEnd;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a template (HTML, XHTML, JSP, Vue, FreeMarker, Thymeleaf, and the server pages and
 * components of {@link TemplateKind}) into the JavaScript the browser
 * runs, as one <em>masked</em> text of exactly the template's length: every character that is not
 * script code becomes a space, line breaks stay, and script code stays where it is. Every offset, line
 * and column the JavaScript analysis reports is therefore an offset, line and column of the template.
 *
 * <ul>
 *   <li>Inline {@code <script>} blocks of JavaScript (no {@code type}, a JavaScript MIME type, or
 *       {@code module}) are kept. A {@code ;} replaces the {@code <} of each closing
 *       {@code </script>}, so that one block cannot run into the next; all blocks share one global
 *       scope, as in the browser. External scripts ({@code src}) and data or template blocks
 *       ({@code text/template}, {@code application/json}, {@code importmap}, ...) are left out.</li>
 *   <li>Inline event handlers ({@code onclick="..."}, any {@code on*}) and {@code javascript:} URLs
 *       are kept at their offsets inside a function written over the blanked attribute name and
 *       quotes ({@code !function(event){ code };}), so that {@code return false} parses. A value
 *       with HTML character references is left out with a note (its code is not the source text).</li>
 *   <li>Server-side syntax inside scripts (JSP {@code <%= x %>}, EL {@code ${x}}, FreeMarker, custom
 *       tags, Thymeleaf {@code [[${x}]]}, Jinja/Django/Handlebars {@code {{ x }}} and {@code {% tag %}})
 *       is replaced by a placeholder of the same length: an unknown
 *       identifier ({@code _$_}) and spaces where code expects an expression (whatever the server
 *       writes there is a value the page cannot know), spaces inside strings and comments (with a
 *       line continuation where the construct spans lines), spaces for constructs without output.
 *       Outside scripts it is blanked before the HTML parser sees the page.</li>
 *   <li>Vue: the top-level {@code <script>} / {@code <script setup>} blocks, in JavaScript or (with
 *       {@code lang="ts"}, {@code "tsx"}, {@code "jsx"}) in a dialect read by tree-sitter
 *       ({@link Result#dialect()}). The {@code <template>} is not JavaScript, but its bindings are
 *       expressions of the component's script scope: {@code v-html="e"} and {@code :attr="e"} /
 *       {@code v-bind:attr="e"} are written as {@code (e);} at the value's offset (the opening
 *       parenthesis over the opening quote) and {@code @event="s"} / {@code v-on:event="s"} as
 *       {@code $event=>{s};}; {@code v-for="m in list"} is {@code for(let m of list){} over the
 *       attribute, closed by a {@code }} on the element's end tag, so the bindings inside see the
 *       item; {@code v-model="x"} of a form field is {@code (x);}, which the lowering makes receive
 *       the field's value. {@link TemplateLowering} turns the bindings into element attributes of the IR, so that
 *       models decide which attributes are sinks. A {@code <template lang="pug">} is noted.</li>
 * </ul>
 *
 * <ul>
 *   <li>Svelte and Astro: the top-level scripts (Astro's frontmatter too, as the component's
 *       TypeScript), {@code {@html e}} and attribute expressions ({@code href={e}}, Astro's
 *       {@code set:html={e}}) as bindings like Vue's, {@code {#each list as item}} as a loop over the
 *       bindings up to {@code {/each}}.</li>
 * </ul>
 *
 * Every piece of inline code is listed in {@link Result#inline()} with its {@link Role}: inline
 * handlers with a descriptor of their element ({@code this}), window event handlers of
 * {@code <body>}/{@code <frameset>}, Vue bindings with their element and attribute.
 *
 * jsoup (with position tracking) finds the elements; offsets of attributes and script contents are
 * checked against the source text, and recomputed from it where jsoup's ranges do not fit.
 *
 * This class decides what is code (script blocks, inline handlers, Vue directives) and where its
 * wrappers go; {@link MaskedCode} copies code into the masked text with server-side syntax replaced,
 * and {@link TemplateTags} scans raw tags where jsoup cannot be used.
 */
public final class ScriptExtractor {

    /** Something of the template that was not analysed, at an offset of the template text. */
    public record Note(int offset, String message) {
    }

    /** What a piece of inline code is, which decides how {@link TemplateLowering} lowers it. */
    public enum Role {
        /** A {@code javascript:} URL: runs with the window as {@code this}; left as written. */
        SCRIPT_URL,
        /** An inline event handler of an element: {@code this} and {@code event.target} are the element. */
        HANDLER,
        /**
         * A window event handler written on {@code <body>} or {@code <frameset>} ({@code onmessage},
         * {@code onhashchange}, ...): the browser assigns it to {@code window.onmessage}.
         */
        WINDOW_HANDLER,
        /** A Vue attribute binding ({@code v-html}, {@code :href}): an expression, {@code (e);}. */
        VUE_BINDING,
        /** A Vue event handler ({@code @click}): {@code $event=>{...};}. */
        VUE_HANDLER,
        /** A Vue {@code v-for}: {@code for(let item of list){}, closed at the element's end tag. */
        VUE_FOR,
        /** A Vue {@code v-model} of a form field: {@code (target);}, which receives what the user types. */
        VUE_MODEL;

        /** True for the code of Vue directives. */
        public boolean vue() {
            return this == VUE_BINDING || this == VUE_HANDLER || this == VUE_FOR || this == VUE_MODEL;
        }
    }

    /**
     * Where the code of an inline handler, {@code javascript:} URL or Vue binding is in the masked
     * text, with its wrapper: {@code [start, end)}; {@code at} is the attribute, {@code what} names
     * it for notes. {@code tag} is the element's tag name, {@code name} the attribute (for Vue
     * bindings without the {@code :} / {@code v-bind:} prefix), and {@code element} describes the
     * element by its tag and its {@code type}, {@code name}, {@code id} and {@code autocomplete}
     * attributes, selector-style ({@code input[type=password][name=pw]}). A Vue {@code v-for} loop
     * ends with the {@code }} just before {@code blockEnd} (-1 for other code).
     */
    public record Inline(int start, int end, int at, String what, Role role, String tag, String name, String element,
                         int blockEnd) {

        Inline(int start, int end, int at, String what, Role role, String tag, String name, String element) {
            this(start, end, at, what, role, tag, name, element, -1);
        }
    }

    /**
     * The masked JavaScript text (same length as the template), the notes, how many script blocks and
     * inline handlers (or {@code javascript:} URLs, Vue bindings) it holds, where the inline code is,
     * how many later branches of server-side conditionals were left out (only with
     * {@code firstBranchOnly}), and the tree-sitter dialect the text must be read with (null: plain
     * JavaScript, read by the usual front-end chain), set by Vue script blocks in TypeScript or JSX.
     */
    public record Result(String masked, List<Note> notes, int scripts, int handlers, List<Inline> inline,
                         int skippedBranches, TreeSitterFrontEnd.Dialect dialect) {

        /** True when the masked text holds any script code at all. */
        public boolean hasCode() {
            for (int i = 0; i < masked.length(); i++) {
                if (!Character.isWhitespace(masked.charAt(i))) return true;
            }
            return false;
        }
    }

    /** JavaScript MIME type essences (WHATWG MIME Sniffing), {@code module} and the empty type. */
    private static final Set<String> JS_TYPES = Set.of("", "module", "text/javascript", "application/javascript",
            "application/ecmascript", "application/x-ecmascript", "application/x-javascript", "text/ecmascript",
            "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
            "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript",
            "text/x-javascript");
    /** Script types that hold code in another language (worth a note, unlike data and templates). */
    private static final Pattern OTHER_LANGUAGE = Pattern.compile("typescript|babel|jsx|coffee|flow");
    /** Attributes whose value may be a {@code javascript:} URL. */
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "action", "formaction", "xlink:href");
    /**
     * Event handler content attributes browsers compile (HTML, SVG, legacy and vendor ones). Other
     * {@code on*} attributes ({@code online="yes"}) are not code.
     */
    private static final Set<String> HANDLERS = Set.of(("onabort onactivate onafterprint onanimationcancel onanimationend "
            + "onanimationiteration onanimationstart onauxclick onbeforeactivate onbeforecopy onbeforecut onbeforeinput "
            + "onbeforematch onbeforepaste onbeforeprint onbeforetoggle onbeforeunload onbegin onblur oncancel oncanplay "
            + "oncanplaythrough onchange onclick onclose oncontentvisibilityautostatechange oncontextlost oncontextmenu "
            + "oncontextrestored oncopy oncuechange oncut ondblclick ondrag ondragend ondragenter ondragexit ondragleave "
            + "ondragover ondragstart ondrop ondurationchange onemptied onend onended onerror onfocus onfocusin "
            + "onfocusout onformdata onfullscreenchange onfullscreenerror ongotpointercapture onhashchange oninput "
            + "oninvalid onkeydown onkeypress onkeyup onlanguagechange onload onloadeddata onloadedmetadata onloadend "
            + "onloadstart onlostpointercapture onmessage onmessageerror onmousedown onmouseenter onmouseleave "
            + "onmousemove onmouseout onmouseover onmouseup onmousewheel onoffline ononline onorientationchange "
            + "onpagehide onpagereveal onpageshow onpageswap onpaste onpause onplay onplaying onpointercancel "
            + "onpointerdown onpointerenter onpointerleave onpointerlockchange onpointerlockerror onpointermove "
            + "onpointerout onpointerover onpointerrawupdate onpointerup onpopstate onprogress onpropertychange "
            + "onratechange onreadystatechange onrejectionhandled onrepeat onreset onresize onscroll onscrollend "
            + "onsearch onsecuritypolicyviolation onseeked onseeking onselect onselectionchange onselectstart onshow "
            + "onslotchange onstalled onstorage onsubmit onsuspend ontimeupdate ontoggle ontouchcancel ontouchend "
            + "ontouchmove ontouchstart ontransitioncancel ontransitionend ontransitionrun ontransitionstart "
            + "onunhandledrejection onunload onvisibilitychange onvolumechange onwaiting onwebkitanimationend "
            + "onwebkitanimationiteration onwebkitanimationstart onwebkittransitionend onwheel onzoom").split(" "));
    private static final Pattern JAVASCRIPT_URL = Pattern.compile("^[\\x00-\\x20]*javascript:", Pattern.CASE_INSENSITIVE);
    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");
    /** Function wrappers for inline code, longest (with the {@code event} parameter) first. */
    private static final String[][] WRAPPERS = {{"!function(event){", "};"}, {"!function(){", "};"}, {"(()=>{", "});"}};
    /** Wrapper of a Vue binding: an expression statement. */
    private static final String[][] VUE_EXPRESSION = {{"(", ");"}};
    /** Wrapper of a Vue {@code v-for}: the loop header; the block closes at the element's end tag. */
    private static final String[][] VUE_FOR = {{"for(let ", "){"}};
    /** {@code alias in list}: the alias (a name, a destructuring pattern or a tuple), the keyword, the list. */
    private static final Pattern V_FOR = Pattern.compile(
            "\\s*([\\w$]+|\\{[^}]*\\}|(\\([^)]*\\)))\\s+(in|of)\\s+\\S[\\s\\S]*");
    /** Form fields whose {@code v-model} is what the user types or picks. */
    static final Set<String> FORM_FIELDS = Set.of("input", "textarea", "select");
    /** Elements whose content is text, not markup. */
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "textarea", "title");
    /** A page script that mounts a Vue app on the page's own markup. */
    private static final Pattern VUE_APP = Pattern.compile("new\\s+Vue\\s*\\(|\\bcreateApp\\s*\\(");
    /** HTML elements without an end tag. */
    private static final Set<String> VOID_ELEMENTS = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "param", "source", "track", "wbr");
    /** Wrappers of a Vue event handler: statements with Vue's {@code $event} in scope. */
    private static final String[][] VUE_HANDLER = {{"$event=>{", "};"}, {"()=>{", "};"}};
    /**
     * Event handlers that {@code <body>} and {@code <frameset>} forward to the window (HTML's
     * WindowEventHandlers and the body's window-reflecting handlers): {@code <body onmessage>} is
     * {@code window.onmessage}.
     */
    private static final Set<String> WINDOW_HANDLERS = Set.of(("onafterprint onbeforeprint onbeforeunload onhashchange "
            + "onlanguagechange onmessage onmessageerror onoffline ononline onpagehide onpageshow onpopstate "
            + "onrejectionhandled onstorage onunhandledrejection onunload onblur onerror onfocus onload onresize "
            + "onscroll").split(" "));
    /** Attributes that say what a form field holds; they describe the element {@code this} is. */
    private static final List<String> DESCRIBING = List.of("type", "name", "id", "autocomplete");
    private static final String UNLOCATED = "a <script> element could not be located in the source; it was not analysed";

    private ScriptExtractor() {
    }

    /** Extracts the scripts of a template of this kind, keeping every branch of server-side conditionals. */
    public static Result extract(String text, TemplateKind kind) {
        return extract(text, kind, false);
    }

    /**
     * Extracts the scripts of a template of this kind. With {@code firstBranchOnly}, code in the second
     * and later branches of server-side conditionals inside scripts ({@code <% } else { %>},
     * {@code <c:otherwise>}, {@code <#else>}) is blanked: the server writes one branch, and branches
     * that are alternative fragments of one statement only parse one at a time.
     */
    public static Result extract(String text, TemplateKind kind, boolean firstBranchOnly) {
        return new Run(text, kind, firstBranchOnly).run();
    }

    /** One extraction: the source, the text the HTML parser reads, and the masked output. */
    private static final class Run {
        private final String raw;
        private final TemplateKind kind;
        /** The source with server-side syntax blanked (and Vue templates), for jsoup. Same length. */
        private final String parse;
        private final MaskedCode code;
        private final List<Note> notes = new ArrayList<>();
        private final List<Inline> inline = new ArrayList<>();
        private int scripts;
        private int handlers;
        private TreeSitterFrontEnd.Dialect dialect;

        Run(String raw, TemplateKind kind, boolean firstBranchOnly) {
            this.raw = raw;
            this.kind = kind;
            Pieces pieces = Pieces.find(raw, kind);
            char[] p = ServerSyntax.blankAll(raw, kind, pieces);
            if (kind == TemplateKind.VUE) TemplateTags.blankVueTemplates(raw, p);
            if (kind == TemplateKind.SVELTE || kind == TemplateKind.ASTRO) Components.blankMarkupExpressions(raw, p);
            if (kind == TemplateKind.XHTML) TemplateTags.blankSelfClosingScripts(raw, p);
            this.parse = new String(p);
            this.code = new MaskedCode(raw, kind, firstBranchOnly, pieces);
        }

        Result run() {
            Document doc = Parser.htmlParser().setTrackPosition(true).parseInput(parse, "");
            for (Element el : doc.getAllElements()) {
                Range r = el.sourceRange();
                boolean script = "script".equals(el.normalName());
                int start = r.startPos(), end = r.endPos();
                if (!r.isTracked() || start < 0 || end > raw.length() || start >= end) {
                    if (script) notes.add(new Note(0, UNLOCATED));
                    continue;
                }
                String name = el.normalName();
                if (parse.charAt(start) != '<' || !parse.regionMatches(true, start + 1, name, 0, name.length())) {
                    if (script) notes.add(new Note(start, UNLOCATED));
                    continue;
                }
                StartTag tag = StartTag.read(parse, start, end);
                if (kind != TemplateKind.VUE) inlineCode(tag, name);
                if (kind == TemplateKind.ASTRO || kind == TemplateKind.SVELTE) componentAttributes(tag, name);
                if (script) script(el, tag);
            }
            if (kind == TemplateKind.VUE) {
                for (int[] t : TemplateTags.vueTemplateRanges(raw)) {
                    if (t[2] == 1) vueTemplate(raw, t[0], t[1]);
                    else notes.add(new Note(t[0], "<template> in another language (lang attribute) not analysed"));
                }
            } else if (kind == TemplateKind.SVELTE) {
                svelteMarkup();
            } else if (kind == TemplateKind.ASTRO) {
                int[] fm = Components.frontmatter(raw);
                if (fm != null) {
                    // the frontmatter is the component's script: the markup's expressions are in its scope
                    code.emit(fm[0], fm[1]);
                    code.put(fm[1], ';');
                    dialect = wider(dialect, TreeSitterFrontEnd.Dialect.TYPESCRIPT);
                    scripts++;
                }
            } else if (VUE_APP.matcher(raw).find()) {
                // a page that mounts a Vue app on its own markup (in-DOM template: Vue from a CDN, JSP
                // and Thymeleaf pages); read with server syntax blanked
                vueTemplate(parse, 0, raw.length());
            }
            inline.sort(java.util.Comparator.comparingInt(Inline::start));
            return new Result(code.text(), List.copyOf(notes), scripts, handlers, List.copyOf(inline), code.skippedBranches(),
                    dialect);
        }

        // ---- script blocks ----

        private void script(Element el, StartTag tag) {
            if (tag.attr("src") != null) return; // external: nothing inline runs
            String type = tag.value("type");
            if (!isJavaScript(type, tag.value("language"))) {
                if (type != null && OTHER_LANGUAGE.matcher(type.toLowerCase(Locale.ROOT)).find()) {
                    notes.add(new Note(tag.start, "<script type=\"" + type.strip() + "\"> block not analysed: not JavaScript"));
                }
                return;
            }
            if (kind == TemplateKind.ASTRO && tag.attr("is:inline") == null) {
                // Astro bundles its scripts as TypeScript modules
                dialect = wider(dialect, TreeSitterFrontEnd.Dialect.TYPESCRIPT);
            }
            if (kind.component()) {
                String lang = tag.value("lang");
                String l = lang == null ? "" : lang.strip().toLowerCase(Locale.ROOT);
                TreeSitterFrontEnd.Dialect d;
                switch (l) {
                    case "", "js", "javascript", "mjs" -> d = null;
                    case "ts", "typescript", "mts" -> d = TreeSitterFrontEnd.Dialect.TYPESCRIPT;
                    case "tsx" -> d = TreeSitterFrontEnd.Dialect.TSX;
                    case "jsx" -> d = TreeSitterFrontEnd.Dialect.JAVASCRIPT;
                    default -> {
                        notes.add(new Note(tag.start, "<script lang=\"" + lang.strip()
                                + "\"> block not analysed: only JavaScript, TypeScript, TSX and JSX blocks are analysed"));
                        return;
                    }
                }
                // one text, one parser: TSX reads TypeScript and JSX, TypeScript reads JavaScript
                if (d != null) dialect = wider(dialect, d);
            }
            int cs = tag.end;
            int ce = contentEnd(el, cs);
            if (raw.substring(cs, ce).isBlank()) return;
            code.emit(cs, ce);
            if (ce < raw.length()) code.put(ce, ';');
            scripts++;
        }

        /** End of a script's content: jsoup's data range when it fits the source, else the next {@code </script}. */
        private int contentEnd(Element el, int cs) {
            DataNode data = null;
            for (Node n : el.childNodes()) {
                if (n instanceof DataNode d) {
                    data = d;
                    break;
                }
            }
            if (data == null) {
                if (closesScript(cs)) return cs;
            } else {
                Range r = data.sourceRange();
                if (r.isTracked() && r.startPos() == cs && r.endPos() >= cs && closesScript(r.endPos())) return r.endPos();
            }
            int k = TemplateTags.indexOfIgnoreCase(parse, "</script", cs);
            return k < 0 ? raw.length() : k;
        }

        private boolean closesScript(int p) {
            return p == raw.length() || (p < raw.length() && parse.regionMatches(true, p, "</script", 0, 8));
        }

        // ---- inline handlers and javascript: URLs ----

        private void inlineCode(StartTag tag, String tagName) {
            for (StartTag.Attr a : tag.attrs) {
                if (a.valueStart() < 0 || a.raw().isBlank()) continue;
                int cs = a.valueStart();
                String what;
                Role role;
                if (HANDLERS.contains(a.name())) {
                    what = "inline " + a.name() + " handler";
                    boolean window = (tagName.equals("body") || tagName.equals("frameset")) && WINDOW_HANDLERS.contains(a.name());
                    role = window ? Role.WINDOW_HANDLER : Role.HANDLER;
                } else if (URL_ATTRIBUTES.contains(a.name())) {
                    role = Role.SCRIPT_URL;
                    var m = JAVASCRIPT_URL.matcher(a.raw());
                    if (!m.find()) continue;
                    cs += m.end();
                    what = "javascript: URL in " + a.name();
                    if (a.raw().substring(m.end()).isBlank()) continue;
                    if (PERCENT_ESCAPE.matcher(a.raw()).find()) {
                        notes.add(new Note(a.nameStart(), what + " not analysed: it contains percent-escapes, "
                                + "so its code differs from the source text"));
                        continue;
                    }
                } else {
                    continue;
                }
                if (a.encoded()) {
                    notes.add(new Note(a.nameStart(), what + " not analysed: its value contains HTML character "
                            + "references, so its code differs from the source text"));
                    continue;
                }
                inline(tag, cs, a.valueEnd(), what, a.nameStart(), WRAPPERS,
                        new Inline(0, 0, a.nameStart(), what, role, tagName, a.name(), describe(tag, tagName)));
            }
        }

        /** The element as a selector of its describing attributes: {@code input[type=password][name=pw]}. */
        private static String describe(StartTag tag, String tagName) {
            StringBuilder sb = new StringBuilder(tagName);
            for (String n : DESCRIBING) {
                String v = tag.value(n);
                if (v != null && !v.isBlank()) sb.append('[').append(n).append('=').append(v.strip()).append(']');
            }
            return sb.toString();
        }

        /**
         * Writes the code {@code [cs, ce)} of an attribute value with the first of {@code wrappers}
         * that fits around it, and lists it as {@code proto} placed there.
         */
        private void inline(StartTag tag, int cs, int ce, String what, int at, String[][] wrappers, Inline proto) {
            inline(tag.end, cs, ce, what, at, wrappers, proto);
        }

        /** As above, with the end of the tag (or markup construct) the code belongs to. */
        private void inline(int tagEnd, int cs, int ce, String what, int at, String[][] wrappers, Inline proto) {
            JsLexer lx = code.emit(cs, ce);
            if (!lx.balanced()) {
                code.revert(cs, ce);
                notes.add(new Note(at, what + " not analysed: its code is incomplete "
                        + "(unbalanced brackets or an unterminated string)"));
                return;
            }
            // where the closing of the wrapper can go: the closing quote (or the end of an unquoted
            // value) and the free positions after it
            int[] slots = new int[3];
            int nSlots = 0;
            int slotLimit = Math.min(raw.length(), tagEnd + MaskedCode.MAX_WRAPPER_DISTANCE);
            for (int p = ce; p < slotLimit && nSlots < slots.length; p++) {
                if (code.free(p) && !ServerSyntax.isLineBreak(raw.charAt(p))) slots[nSlots++] = p;
            }
            for (String[] w : wrappers) {
                if (w[1].length() > nSlots) continue;
                int runEnd = code.freeRunBefore(cs, w[0].length());
                if (runEnd < 0) continue;
                for (int k = 0; k < w[0].length(); k++) code.put(runEnd - w[0].length() + k, w[0].charAt(k));
                for (int k = 0; k < w[1].length(); k++) code.put(slots[k], w[1].charAt(k));
                inline.add(new Inline(runEnd - w[0].length(), slots[w[1].length() - 1] + 1, at, what, proto.role(),
                        proto.tag(), proto.name(), proto.element()));
                handlers++;
                return;
            }
            code.revert(cs, ce);
            notes.add(new Note(at, what + " not analysed: no room to keep it apart from the surrounding code"));
        }

        // ---- Svelte and Astro markup ----

        /**
         * Svelte markup: {@code {@html e}} is the binding {@code (e);} (an element attribute
         * {@code svelte:html} to the lowering), and {@code {#each list as item}} ... {@code {/each}}
         * is written as {@code for(item of list){ ... }} over the block's tags, so the bindings inside
         * see the item. Other expressions ({@code {x}}, attribute values) are text or attributes that
         * Svelte escapes.
         */
        private void svelteMarkup() {
            List<Integer> loops = new ArrayList<>();
            for (int[] b : Components.markupBlocks(raw)) {
                int open = b[0], close = b[1]; // '{' and the index after its '}'
                String body = raw.substring(open + 1, close - 1);
                if (body.startsWith("@html") && body.length() > 5 && Character.isWhitespace(body.charAt(5))) {
                    inline(close, open + 6, close - 1, "Svelte {@html}", open, VUE_EXPRESSION,
                            new Inline(0, 0, open, "Svelte {@html}", Role.VUE_BINDING, "div", "svelte:html", "div"));
                } else if (body.startsWith("#each") && body.length() > 5 && Character.isWhitespace(body.charAt(5))) {
                    int header = svelteEach(open, close, body);
                    loops.add(header);
                } else if (body.startsWith("/each") && !loops.isEmpty()) {
                    int header = loops.remove(loops.size() - 1);
                    if (header >= 0) closeLoop(open, header);
                }
            }
            for (int j = loops.size() - 1; j >= 0; j--) if (loops.get(j) >= 0) closeLoop(raw.length() - 1, loops.get(j));
        }

        /** Writes {@code for(item of list){} over {@code {#each list as item, i (key)}}; the header's start, or -1. */
        private int svelteEach(int open, int close, String body) {
            var m = Components.EACH.matcher(body);
            if (!m.matches()) return -1;
            String header = "for(" + m.group(2).strip() + " of " + m.group(1).strip() + "){";
            if (header.length() > close - open || raw.substring(open, close).indexOf('\n') >= 0) return -1;
            for (int p = open; p < close; p++) if (!code.free(p)) return -1;
            for (int k = 0; k < header.length(); k++) code.put(open + k, header.charAt(k));
            for (int p = open + header.length(); p < close; p++) code.put(p, ' ');
            inline.add(new Inline(open, close, open, "Svelte {#each}", Role.VUE_FOR, "each", "each", "each"));
            return open;
        }

        /**
         * Attributes of Svelte and Astro markup whose value is an expression ({@code href={url}},
         * Astro's {@code set:html={e}}): the binding {@code (e);} of that attribute of the element, so
         * that the models' attribute sinks apply (as for Vue's {@code :href}). Directives
         * ({@code bind:}, {@code on:}, {@code class:}, ...) and event handlers are left out.
         */
        private void componentAttributes(StartTag tag, String tagName) {
            for (StartTag.Attr a : tag.attrs) {
                int cs = a.valueStart(), ce = a.valueEnd();
                // the parser read the expression as a quoted value of blanks: its code is in the source
                if (cs <= 0 || ce <= cs || raw.charAt(cs - 1) != '{' || raw.substring(cs, ce).isBlank()) continue;
                String n = a.name();
                boolean directive = n.indexOf(':') >= 0 && !n.equals("set:html");
                if (directive || n.startsWith("on")) continue;
                String what = (kind == TemplateKind.ASTRO ? "Astro " : "Svelte ") + n + " binding";
                inline(tag, cs, ce, what, a.nameStart(), VUE_EXPRESSION,
                        new Inline(0, 0, a.nameStart(), what, Role.VUE_BINDING, tagName, n, describe(tag, tagName)));
            }
        }

        // ---- Vue templates ----

        /**
         * The elements of a Vue {@code <template>} content {@code [from, to)}: bindings and event
         * handlers become code in the component's scope (see the class comment), and
         * {@code v-for="m in list"} becomes {@code for(let m of list){ ... }} around the bindings
         * that follow it up to the element's end tag, where the {@code }} is written. Bindings before
         * the {@code v-for} attribute of its own element, and {@code v-slot} variables, do not see
         * the names the directive binds.
         */
        private void vueTemplate(String src, int from, int to) {
            // open elements: tag name, and where a v-for loop on it opened (-1: none)
            List<String> names = new ArrayList<>();
            List<Integer> loops = new ArrayList<>();
            int i = from;
            while (i < to) {
                int lt = src.indexOf('<', i);
                if (lt < 0 || lt >= to) break;
                if (src.startsWith("<!--", lt)) {
                    int e = src.indexOf("-->", lt + 4);
                    if (e < 0) break;
                    i = e + 3;
                    continue;
                }
                if (src.startsWith("</", lt)) {
                    int ne = TemplateTags.tagNameEnd(src, lt + 2);
                    String closing = src.substring(lt + 2, ne).toLowerCase(Locale.ROOT);
                    int k = names.lastIndexOf(closing);
                    if (ne > lt + 2 && k >= 0) {
                        for (int j = names.size() - 1; j >= k; j--) {
                            if (loops.get(j) >= 0) closeLoop(lt, loops.get(j));
                            names.remove(j);
                            loops.remove(j);
                        }
                    }
                    i = Math.max(ne, lt + 2);
                    continue;
                }
                int ne = TemplateTags.tagNameEnd(src, lt + 1);
                if (ne == lt + 1) {
                    i = lt + 1;
                    continue;
                }
                int te = TemplateTags.tagEnd(src, ne);
                if (te < 0 || te > to) break;
                String tagName = src.substring(lt + 1, ne).toLowerCase(Locale.ROOT);
                StartTag tag = StartTag.read(src, lt, te);
                int loop = -1;
                for (StartTag.Attr a : tag.attrs) {
                    if (a.name().equals("v-for")) {
                        if (loop < 0) loop = vueFor(tag, tagName, a);
                    } else {
                        vueAttribute(tag, tagName, a);
                    }
                }
                boolean empty = src.charAt(te - 2) == '/' || VOID_ELEMENTS.contains(tagName);
                if (RAW_TEXT.contains(tagName) && !empty) {
                    // script, style and textarea content is not markup
                    int close = TemplateTags.indexOfIgnoreCase(src, "</" + tagName, te);
                    if (loop >= 0) closeLoop(te - 1, loop);
                    i = close < 0 ? to : close;
                    continue;
                }
                if (empty) {
                    if (loop >= 0) closeLoop(te - 1, loop);
                } else {
                    names.add(tagName);
                    loops.add(loop);
                }
                i = te;
            }
            // elements left open at the end of the template: their loops end with it
            for (int j = loops.size() - 1; j >= 0; j--) if (loops.get(j) >= 0) closeLoop(Math.min(to, raw.length() - 1), loops.get(j));
        }

        /**
         * {@code v-for="alias in list"} (or {@code of}): writes {@code for(let alias of list){}
         * over the attribute, with a tuple alias {@code (item, index)} as {@code [item, index]} (the
         * lowering keeps the item). Returns the start of the loop header, or -1 when it does not fit.
         */
        private int vueFor(StartTag tag, String tagName, StartTag.Attr a) {
            if (a.valueStart() < 0 || !a.quoted() || a.encoded()) return -1;
            var m = V_FOR.matcher(a.raw());
            if (!m.matches()) return -1;
            int before = inline.size();
            inline(tag, a.valueStart(), a.valueEnd(), "Vue v-for", a.nameStart(), VUE_FOR,
                    new Inline(0, 0, a.nameStart(), "Vue v-for", Role.VUE_FOR, tagName, "v-for", describe(tag, tagName)));
            if (inline.size() == before) return -1;
            int cs = a.valueStart();
            code.put(cs + m.start(3), 'o'); // in -> of
            code.put(cs + m.start(3) + 1, 'f');
            if (m.group(2) != null) {
                code.put(cs + m.start(2), '[');
                code.put(cs + m.end(2) - 1, ']');
            }
            return inline.get(inline.size() - 1).start();
        }

        /** Ends the loop opened at {@code header} with a '}' at the first free position from {@code at}. */
        private void closeLoop(int at, int header) {
            for (int p = at; p < raw.length(); p++) {
                if (code.free(p) && !ServerSyntax.isLineBreak(raw.charAt(p))) {
                    code.put(p, '}');
                    for (int k = 0; k < inline.size(); k++) {
                        Inline h = inline.get(k);
                        if (h.start() == header && h.role() == Role.VUE_FOR) {
                            inline.set(k, new Inline(h.start(), h.end(), h.at(), h.what(), h.role(), h.tag(), h.name(),
                                    h.element(), p + 1));
                        }
                    }
                    return;
                }
            }
        }

        private void vueAttribute(StartTag tag, String tagName, StartTag.Attr a) {
            String n = a.name();
            if (a.valueStart() < 0 || !a.quoted() || a.raw().isBlank()) return;
            String prop;
            String[][] wrappers;
            Role role;
            if (n.equals("v-html")) {
                prop = n;
                wrappers = VUE_EXPRESSION;
                role = Role.VUE_BINDING;
            } else if ((n.equals("v-model") || n.startsWith("v-model.")) && FORM_FIELDS.contains(tagName)) {
                prop = "v-model";
                wrappers = VUE_EXPRESSION;
                role = Role.VUE_MODEL;
            } else if (n.startsWith(":") || n.startsWith("v-bind:")) {
                prop = n.substring(n.indexOf(':') + 1);
                int dot = prop.indexOf('.'); // modifiers (.prop, .camel)
                if (dot >= 0) prop = prop.substring(0, dot);
                if (prop.isEmpty() || prop.startsWith("[")) return; // dynamic argument
                wrappers = VUE_EXPRESSION;
                role = Role.VUE_BINDING;
            } else if (n.startsWith("@") || n.startsWith("v-on:")) {
                prop = n;
                wrappers = VUE_HANDLER;
                role = Role.VUE_HANDLER;
            } else {
                return;
            }
            String what = "Vue " + n + " binding";
            if (a.encoded()) {
                notes.add(new Note(a.nameStart(), what + " not analysed: its value contains HTML character "
                        + "references, so its code differs from the source text"));
                return;
            }
            inline(tag, a.valueStart(), a.valueEnd(), what, a.nameStart(), wrappers,
                    new Inline(0, 0, a.nameStart(), what, role, tagName, prop, describe(tag, tagName)));
        }
    }

    /** Whether a script with this {@code type} (and legacy {@code language}) attribute is JavaScript. */
    static boolean isJavaScript(String type, String language) {
        if (type != null) {
            String t = type.strip().toLowerCase(Locale.ROOT);
            int semi = t.indexOf(';');
            if (semi >= 0) t = t.substring(0, semi).strip();
            return JS_TYPES.contains(t);
        }
        if (language != null && !language.isBlank()) {
            String l = language.strip().toLowerCase(Locale.ROOT);
            return l.startsWith("javascript") || l.equals("jscript") || l.equals("ecmascript") || l.equals("livescript");
        }
        return true;
    }

    /** The dialect that reads code of both dialects (null: plain JavaScript through the usual chain). */
    static TreeSitterFrontEnd.Dialect wider(TreeSitterFrontEnd.Dialect a, TreeSitterFrontEnd.Dialect b) {
        if (a == null || a == b) return b;
        if (b == null) return a;
        return TreeSitterFrontEnd.Dialect.TSX; // TypeScript with JSX, or either with TSX
    }
}

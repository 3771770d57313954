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
 * Turns a template (HTML, XHTML, JSP, Vue, FreeMarker, Thymeleaf) into the JavaScript the browser
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
 * Every piece of inline code is listed in {@link Result#inline()} with its {@link Role}: inline
 * handlers with a descriptor of their element ({@code this}), window event handlers of
 * {@code <body>}/{@code <frameset>}, Vue bindings with their element and attribute.
 *
 * jsoup (with position tracking) finds the elements; offsets of attributes and script contents are
 * checked against the source text, and recomputed from it where jsoup's ranges do not fit.
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
    /**
     * What a server-side expression in code becomes: an identifier no page defines, so that the
     * analysis sees an unknown value (shown as {@code ${…}} in messages); {@code 0} where it is shorter.
     */
    static final String PLACEHOLDER = "_$_";
    private static final String UNLOCATED = "a <script> element could not be located in the source; it was not analysed";
    /** How far from the code a wrapper's opening or closing may be written. */
    private static final int MAX_WRAPPER_DISTANCE = 400;

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
        private final char[] out;
        /** Positions that belong to emitted code (or its separators); wrappers never overwrite them. */
        private final boolean[] taken;
        private final List<Note> notes = new ArrayList<>();
        private final List<Inline> inline = new ArrayList<>();
        private final boolean firstBranchOnly;
        private int scripts;
        private int handlers;
        private int skippedBranches;
        private TreeSitterFrontEnd.Dialect dialect;

        Run(String raw, TemplateKind kind, boolean firstBranchOnly) {
            this.raw = raw;
            this.kind = kind;
            this.firstBranchOnly = firstBranchOnly;
            char[] p = ServerSyntax.blankAll(raw, kind);
            if (kind == TemplateKind.VUE) blankVueTemplates(raw, p);
            if (kind == TemplateKind.XHTML) blankSelfClosingScripts(raw, p);
            this.parse = new String(p);
            this.out = new char[raw.length()];
            for (int i = 0; i < out.length; i++) {
                char c = raw.charAt(i);
                out[i] = ServerSyntax.isLineBreak(c) ? c : ' ';
            }
            this.taken = new boolean[raw.length()];
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
                if (script) script(el, tag);
            }
            if (kind == TemplateKind.VUE) {
                for (int[] t : vueTemplateRanges(raw)) {
                    if (t[2] == 1) vueTemplate(raw, t[0], t[1]);
                    else notes.add(new Note(t[0], "<template> in another language (lang attribute) not analysed"));
                }
            } else if (VUE_APP.matcher(raw).find()) {
                // a page that mounts a Vue app on its own markup (in-DOM template: Vue from a CDN, JSP
                // and Thymeleaf pages); read with server syntax blanked
                vueTemplate(parse, 0, raw.length());
            }
            inline.sort(java.util.Comparator.comparingInt(Inline::start));
            return new Result(new String(out), List.copyOf(notes), scripts, handlers, List.copyOf(inline), skippedBranches,
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
            if (kind == TemplateKind.VUE) {
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
            emit(cs, ce);
            if (ce < raw.length()) {
                out[ce] = ';';
                taken[ce] = true;
            }
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
            int k = indexOfIgnoreCase(parse, "</script", cs);
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
            JsLexer lx = emit(cs, ce);
            if (!lx.balanced()) {
                revert(cs, ce);
                notes.add(new Note(at, what + " not analysed: its code is incomplete "
                        + "(unbalanced brackets or an unterminated string)"));
                return;
            }
            // where the closing of the wrapper can go: the closing quote (or the end of an unquoted
            // value) and the free positions after it
            int[] slots = new int[3];
            int nSlots = 0;
            int slotLimit = Math.min(raw.length(), tag.end + MAX_WRAPPER_DISTANCE);
            for (int p = ce; p < slotLimit && nSlots < slots.length; p++) {
                if (!taken[p] && !ServerSyntax.isLineBreak(raw.charAt(p))) slots[nSlots++] = p;
            }
            for (String[] w : wrappers) {
                if (w[1].length() > nSlots) continue;
                int runEnd = run(cs, w[0].length());
                if (runEnd < 0) continue;
                for (int k = 0; k < w[0].length(); k++) put(runEnd - w[0].length() + k, w[0].charAt(k));
                for (int k = 0; k < w[1].length(); k++) put(slots[k], w[1].charAt(k));
                inline.add(new Inline(runEnd - w[0].length(), slots[w[1].length() - 1] + 1, at, what, proto.role(),
                        proto.tag(), proto.name(), proto.element()));
                handlers++;
                return;
            }
            revert(cs, ce);
            notes.add(new Note(at, what + " not analysed: no room to keep it apart from the surrounding code"));
        }

        /**
         * End (exclusive) of the nearest run of {@code length} free positions on one line before
         * {@code before}, with only free positions between it and {@code before}; -1 if there is none.
         */
        private int run(int before, int length) {
            int limit = Math.max(0, before - MAX_WRAPPER_DISTANCE);
            int runEnd = before, n = 0;
            for (int p = before - 1; p >= limit && !taken[p]; p--) {
                if (ServerSyntax.isLineBreak(raw.charAt(p))) {
                    runEnd = p;
                    n = 0;
                } else if (++n == length) {
                    return runEnd;
                }
            }
            return -1;
        }

        private void put(int p, char c) {
            out[p] = c;
            taken[p] = true;
        }

        private void revert(int from, int to) {
            ServerSyntax.blank(out, from, to);
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
                    int ne = tagNameEnd(src, lt + 2);
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
                int ne = tagNameEnd(src, lt + 1);
                if (ne == lt + 1) {
                    i = lt + 1;
                    continue;
                }
                int te = tagEnd(src, ne);
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
                    int close = indexOfIgnoreCase(src, "</" + tagName, te);
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
            put(cs + m.start(3), 'o'); // in -> of
            put(cs + m.start(3) + 1, 'f');
            if (m.group(2) != null) {
                put(cs + m.start(2), '[');
                put(cs + m.end(2) - 1, ']');
            }
            return inline.get(inline.size() - 1).start();
        }

        /** Ends the loop opened at {@code header} with a '}' at the first free position from {@code at}. */
        private void closeLoop(int at, int header) {
            for (int p = at; p < raw.length(); p++) {
                if (!taken[p] && !ServerSyntax.isLineBreak(raw.charAt(p))) {
                    put(p, '}');
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

        // ---- code ----

        /**
         * Copies the code {@code [cs, ce)} of the source into the output, replacing server-side syntax
         * with placeholders, and blanks a line comment it ends in (it would swallow the separator).
         */
        private JsLexer emit(int cs, int ce) {
            JsLexer lx = new JsLexer();
            Branches branches = firstBranchOnly ? new Branches() : null;
            boolean cdata = false;
            int i = cs;
            while (i < ce) {
                ServerSyntax.Construct k = ServerSyntax.at(raw, i, kind, true);
                if (k == null && kind == TemplateKind.HTML) k = curly(i, ce);
                if (branches != null && (k != null || branches.skipping())) {
                    // a later branch of a server-side conditional: blank up to the construct that ends it
                    boolean skipped = branches.skipping();
                    if (k == null) {
                        i++;
                        continue;
                    }
                    int e = Math.min(k.end(), ce);
                    branches.construct(raw.substring(i, e));
                    if (skipped || branches.skipping()) {
                        i = e;
                        continue;
                    }
                }
                if (k == null && lx.state() == JsLexer.State.CODE) {
                    k = thymeleaf(i, ce);
                    if (k == null && raw.startsWith("<![CDATA[", i)) {
                        k = new ServerSyntax.Construct(i, i + 9, false);
                        cdata = true;
                    } else if (k == null && cdata && raw.startsWith("]]>", i)) {
                        k = new ServerSyntax.Construct(i, i + 3, false);
                        cdata = false;
                    }
                }
                if (k != null) {
                    int e = Math.min(k.end(), ce);
                    placeholder(lx, i, e, k.output());
                    i = e;
                    continue;
                }
                int j = lx.advance(raw, i, ce);
                for (int p = i; p < j; p++) out[p] = raw.charAt(p);
                i = j;
            }
            for (int p = cs; p < ce; p++) taken[p] = true;
            if (branches != null) skippedBranches += branches.skipped();
            if (lx.state() == JsLexer.State.LINE_COMMENT) ServerSyntax.blank(out, lx.lineCommentStart(), ce);
            return lx;
        }

        /** Writes the placeholder for server-side syntax {@code [from, to)} (the output is blank there). */
        private void placeholder(JsLexer lx, int from, int to, boolean output) {
            JsLexer.State st = lx.state();
            if (output && st == JsLexer.State.CODE) {
                boolean room = to - from >= PLACEHOLDER.length();
                for (int k = from; room && k < from + PLACEHOLDER.length(); k++) room = !ServerSyntax.isLineBreak(raw.charAt(k));
                String value = room ? PLACEHOLDER : "0";
                value.getChars(0, value.length(), out, from);
                lx.operand();
            }
            boolean inString = st == JsLexer.State.SINGLE || st == JsLexer.State.DOUBLE;
            for (int p = from; p < to; p++) {
                char c = raw.charAt(p);
                if (!ServerSyntax.isLineBreak(c)) continue;
                if (inString) {
                    // keep the string literal valid across the line break: a line continuation
                    boolean lfOfCrlf = c == '\n' && p > from && raw.charAt(p - 1) == '\r';
                    if (!lfOfCrlf && p - 1 > from && !ServerSyntax.isLineBreak(raw.charAt(p - 1))) out[p - 1] = '\\';
                } else {
                    lx.lineBreak();
                }
            }
        }

        /**
         * Curly-brace template syntax of HTML templates (Jinja, Django, Twig, Nunjucks, Liquid,
         * Handlebars, Go): {@code {% tag %}} and {@code {# comment #}} anywhere in a script,
         * {@code {{ expr }}} when it is short, on one line and holds no {@code ;} or {@code {} (so that
         * nested JavaScript blocks are never taken for it).
         */
        private ServerSyntax.Construct curly(int i, int ce) {
            if (raw.charAt(i) != '{' || i + 1 >= ce) return null;
            char c = raw.charAt(i + 1);
            if (c == '%' || c == '#') {
                int k = raw.indexOf(c == '%' ? "%}" : "#}", i + 2);
                if (k < 0 || k + 2 > ce || k - i > 4096) return null;
                return new ServerSyntax.Construct(i, k + 2, false);
            }
            if (c != '{') return null;
            boolean triple = i + 2 < ce && raw.charAt(i + 2) == '{';
            String close = triple ? "}}}" : "}}";
            int from = i + close.length();
            int k = raw.indexOf(close, from);
            if (k < 0 || k + close.length() > ce || k - i > 200) return null;
            for (int p = from; p < k; p++) {
                char d = raw.charAt(p);
                if (d == ';' || d == '{' || d == '}' || ServerSyntax.isLineBreak(d)) return null;
            }
            String inner = raw.substring(from, k).strip();
            if (inner.isEmpty()) return null;
            // Handlebars/Mustache blocks, inverted sections, comments and {{else}} write nothing
            boolean output = "#/^!".indexOf(inner.charAt(0)) < 0 && !inner.equals("else") && !inner.startsWith("else ");
            return new ServerSyntax.Construct(i, k + close.length(), output);
        }

        /** Thymeleaf inlined expression in code: {@code [[${x}]]} or {@code [(${x})]}. */
        private ServerSyntax.Construct thymeleaf(int i, int ce) {
            if (i + 4 >= ce || raw.charAt(i) != '[' || (raw.charAt(i + 1) != '[' && raw.charAt(i + 1) != '(')) return null;
            int p = i + 2;
            while (p < ce && (raw.charAt(p) == ' ' || raw.charAt(p) == '\t')) p++;
            if (p + 1 >= ce || "$*#@~".indexOf(raw.charAt(p)) < 0 || raw.charAt(p + 1) != '{') return null;
            String close = raw.charAt(i + 1) == '[' ? "]]" : ")]";
            int k = raw.indexOf(close, p + 2);
            if (k < 0 || k + 2 > ce || k - i > 4096) return null;
            return new ServerSyntax.Construct(i, k + 2, true);
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

    // ---- pre-parse masks ----

    /**
     * Blanks the content of top-level {@code <template>} blocks of a Vue component (Vue syntax such as
     * {@code <textarea/>} derails an HTML parser, and none of it is JavaScript the page runs as is).
     */
    static void blankVueTemplates(String s, char[] p) {
        for (int[] t : vueTemplateRanges(s)) ServerSyntax.blank(p, t[0], t[1]);
    }

    /**
     * The content ranges {@code [start, end)} of the top-level {@code <template>} blocks of a Vue
     * component, with a third element 1 when the template is HTML (no {@code lang}, or {@code html}),
     * 0 for Pug and other languages.
     */
    static List<int[]> vueTemplateRanges(String s) {
        List<int[]> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            int lt = s.indexOf('<', i);
            if (lt < 0) break;
            if (s.startsWith("<!--", lt)) {
                int e = s.indexOf("-->", lt + 4);
                if (e < 0) break;
                i = e + 3;
                continue;
            }
            int ne = tagNameEnd(s, lt + 1);
            if (ne == lt + 1) {
                i = lt + 1;
                continue;
            }
            String name = s.substring(lt + 1, ne).toLowerCase(Locale.ROOT);
            int te = tagEnd(s, ne);
            if (te < 0) break;
            if (s.charAt(te - 2) == '/') {
                i = te;
                continue;
            }
            if (name.equals("template")) {
                int close = templateClose(s, te);
                int stop = close < 0 ? n : close;
                String lang = StartTag.read(s, lt, te).value("lang");
                boolean html = lang == null || lang.isBlank() || lang.strip().equalsIgnoreCase("html");
                out.add(new int[] {te, stop, html ? 1 : 0});
                i = stop + 1;
            } else {
                int close = indexOfIgnoreCase(s, "</" + name, te);
                i = close < 0 ? n : close + 2;
            }
        }
        return out;
    }

    /** The dialect that reads code of both dialects (null: plain JavaScript through the usual chain). */
    static TreeSitterFrontEnd.Dialect wider(TreeSitterFrontEnd.Dialect a, TreeSitterFrontEnd.Dialect b) {
        if (a == null || a == b) return b;
        if (b == null) return a;
        return TreeSitterFrontEnd.Dialect.TSX; // TypeScript with JSX, or either with TSX
    }

    /** Start of the {@code </template} that closes a template whose content starts at {@code from}. */
    private static int templateClose(String s, int from) {
        int depth = 1;
        int k = from;
        while (true) {
            int lt = s.indexOf('<', k);
            if (lt < 0) return -1;
            if (s.startsWith("<!--", lt)) {
                int e = s.indexOf("-->", lt + 4);
                if (e < 0) return -1;
                k = e + 3;
            } else if (s.startsWith("</template", lt) && tagNameEnd(s, lt + 2) == lt + 10) {
                if (--depth == 0) return lt;
                k = lt + 10;
            } else if (s.startsWith("<template", lt) && tagNameEnd(s, lt + 1) == lt + 9) {
                int te = tagEnd(s, lt + 9);
                if (te < 0) return -1;
                if (s.charAt(te - 2) != '/') depth++;
                k = te;
            } else {
                k = lt + 1;
            }
        }
    }

    /** XHTML: {@code <script src="..."/>} is complete; to an HTML parser it would swallow what follows. */
    static void blankSelfClosingScripts(String s, char[] p) {
        int k = 0;
        while ((k = indexOfIgnoreCase(s, "<script", k)) >= 0) {
            int ne = tagNameEnd(s, k + 1);
            if (ne == k + 7) {
                int te = tagEnd(s, ne);
                if (te < 0) return;
                if (s.charAt(te - 2) == '/') ServerSyntax.blank(p, k, te);
                k = te;
            } else {
                k += 7;
            }
        }
    }

    /** End of a tag name ({@code [A-Za-z][A-Za-z0-9-]*}) starting at {@code p}, or {@code p}. */
    private static int tagNameEnd(String s, int p) {
        if (p >= s.length() || !isAsciiLetter(s.charAt(p))) return p;
        int q = p + 1;
        while (q < s.length() && (isAsciiLetter(s.charAt(q)) || Character.isDigit(s.charAt(q)) || s.charAt(q) == '-')) q++;
        return q;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Index after the '>' that ends a tag, skipping quoted attribute values; -1 if none. */
    private static int tagEnd(String s, int from) {
        for (int k = from; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '"' || c == '\'') {
                int close = s.indexOf(c, k + 1);
                if (close < 0) return -1;
                k = close;
            } else if (c == '>') {
                return k + 1;
            }
        }
        return -1;
    }

    static int indexOfIgnoreCase(String s, String what, int from) {
        int max = s.length() - what.length();
        for (int k = Math.max(0, from); k <= max; k++) {
            if (s.regionMatches(true, k, what, 0, what.length())) return k;
        }
        return -1;
    }
}

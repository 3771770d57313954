/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.html;

import io.wsscan.analysis.JsAnalyzer;
import io.wsscan.engine.FileAnalyzer;
import io.wsscan.engine.FileReport;
import io.wsscan.engine.SourceFile;
import io.wsscan.findings.Notification;
import io.wsscan.inventory.PageScript;
import io.wsscan.ir.LineIndex;
import io.wsscan.policy.Policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Templates (every {@link TemplateKind}: HTML, XHTML, JSP, Vue, FreeMarker, PHP, Blade, ERB, EJS,
 * Handlebars, Twig, Jinja, Liquid, Razor, Web Forms, GSP, Svelte, Astro) through the JavaScript pipeline:
 * {@link ScriptExtractor} masks everything that is not script code, keeping every offset, and the
 * masked text goes to {@link JsAnalyzer#analyzeText}. Findings, parse errors and notes therefore point
 * at lines and columns of the template. The front end is reported as the template kind plus the
 * JavaScript front end ({@code html+rhino}); a template without any script is analysed with nothing to
 * report.
 *
 * <p>Vue components with {@code lang="ts"} (or {@code tsx}, {@code jsx}) script blocks are read by
 * tree-sitter in that dialect. {@link TemplateLowering} adds what the text cannot say: the element an
 * inline handler's {@code this} is, window handlers of {@code <body>}, Vue bindings as element
 * attributes, {@code v-model} fields, {@code v-for} items and the instance of an Options API
 * component ({@link VueOptions}).
 *
 * <p>Parts left out (handlers with character references, blocks in other languages) become {@code info}
 * notifications, which do not mark the file as skipped. An inline handler that does not parse is left
 * out with such a note and the page is parsed again (a browser compiles each handler on its own).
 * Scripts that parse only with one branch of each server-side conditional (JSP, JSTL, FreeMarker,
 * Jinja-style, Handlebars) are analysed with the first branch, and a note. Otherwise a script block
 * that does not parse is the usual {@code parse-error} of the file, at its template line.
 */
public final class TemplateAnalyzer implements FileAnalyzer {

    /** Notification kind of notes about parts of an analysed template; not a skipped file. */
    public static final String NOTE_KIND = "info";

    private final JsAnalyzer js;

    public TemplateAnalyzer(JsAnalyzer js) {
        this.js = js;
    }

    @Override
    public boolean accepts(String relPath) {
        return TemplateKind.of(relPath) != null;
    }

    @Override
    public FileReport analyze(SourceFile file) {
        TemplateKind kind = TemplateKind.of(file.relPath());
        if (kind == null) kind = TemplateKind.HTML;
        return analyze(file.relPath(), file.text(), kind);
    }

    /** Analyses template text of a known kind. */
    public FileReport analyze(String relPath, String text, TemplateKind kind) {
        ScriptExtractor.Result x = ScriptExtractor.extract(text, kind);
        LineIndex lines = new LineIndex(text);
        List<Notification> notes = new ArrayList<>();
        for (ScriptExtractor.Note n : x.notes()) notes.add(note(relPath, lines, n.offset(), n.message()));
        List<PageScript> scripts = kind == TemplateKind.VUE ? List.of() : pageScripts(relPath, text, lines);
        List<io.wsscan.findings.Finding> pageFindings = js.pageFindings(relPath, scripts);
        if (!x.hasCode()) return new FileReport(pageFindings, List.copyOf(notes), kind.id(), true).withPageScripts(scripts);

        Attempt a = attempt(relPath, text, x, lines, kind);
        if (!a.report().analysed() && kind != TemplateKind.VUE && kind != TemplateKind.XHTML) {
            // Alternative branches of a server-side conditional may be fragments of one statement
            // (var admin = <% if (a) { %>true<% } else { %>false<% } %>;): try the first branch only.
            ScriptExtractor.Result first = ScriptExtractor.extract(text, kind, true);
            if (first.skippedBranches() > 0) {
                Attempt b = attempt(relPath, text, first, lines, kind);
                if (b.report().analysed()) {
                    a = b;
                    notes.add(new Notification(relPath, 0, 0, NOTE_KIND, "the scripts parse only with one branch of each "
                            + "server-side conditional: " + first.skippedBranches() + " later branch(es) were not analysed"));
                }
            }
        }
        FileReport r = a.report();
        List<Notification> all = new ArrayList<>(r.notifications());
        if (r.analysed()) all.addAll(a.dropped());
        all.addAll(notes);
        String frontEnd = r.frontEnd() == null ? null : kind.id() + "+" + r.frontEnd();
        List<io.wsscan.findings.Finding> findings = new ArrayList<>(r.findings());
        findings.addAll(pageFindings);
        return new FileReport(findings, List.copyOf(all), frontEnd, r.analysed(), r.endpoints(), r.partlyRead(), scripts);
    }

    /**
     * The page's {@code <script src>} tags for the inventory, with the scan policy's first-party hosts and
     * allowlist applied and, on a payment page ({@link PaymentPages}), why it is one. A single-file
     * component's {@code <script src>} is its own code, not a page's script, and is not listed.
     */
    List<PageScript> pageScripts(String relPath, String text, LineIndex lines) {
        List<PageScripts.Tag> tags = PageScripts.tags(text);
        // without a <script src> there is nothing to list, so the page's fields need not be read
        if (tags.isEmpty()) return List.of();
        Map<Integer, String> hosts = new HashMap<>();
        List<PageScript> plain = new ArrayList<>(tags.size());
        for (PageScripts.Tag t : tags) {
            PageScript s = PageScript.of(relPath, lines.region(t.offset(), t.offset() + "<script".length()), t.src(),
                    t.integrity(), t.crossorigin(), t.module());
            plain.add(s);
            if (s.host() != null) hosts.putIfAbsent(s.region().startLine(), s.host());
        }
        String payment = PaymentPages.builtin().evidence(text, js::nameKinds, hosts);
        Policy policy = js.policy();
        List<PageScript> out = new ArrayList<>(plain.size());
        for (PageScript s : plain) {
            if (payment != null) s = s.withPayment(payment);
            out.add(s.withPolicy(policy.firstPartyHosts(), policy::allows, policy.hasAllowlist()));
        }
        return out;
    }

    /** A parse and analysis of masked text, and the notes about inline handlers left out on the way. */
    private record Attempt(FileReport report, List<Notification> dropped) {
    }

    /**
     * Analyses the masked text. A browser compiles each inline handler on its own, so one that does not
     * parse breaks only itself: it is left out (with a note) and the page parsed again. Script blocks
     * are not retried.
     */
    private Attempt attempt(String relPath, String text, ScriptExtractor.Result x, LineIndex lines, TemplateKind kind) {
        char[] masked = x.masked().toCharArray();
        List<ScriptExtractor.Inline> inline = new ArrayList<>(x.inline());
        List<Notification> dropped = new ArrayList<>();
        FileReport r = js.analyzeText(relPath, x.masked(), extracted(text, x, inline, kind));
        for (int attempt = 0; attempt < MAX_HANDLER_RETRIES && !r.analysed(); attempt++) {
            ScriptExtractor.Inline bad = culprit(r, lines, inline);
            if (bad == null) break;
            inline.remove(bad);
            for (int k = bad.start(); k < bad.end(); k++) {
                if (masked[k] != '\n' && masked[k] != '\r' && masked[k] != '\u2028' && masked[k] != '\u2029') masked[k] = ' ';
            }
            if (bad.blockEnd() > 0) masked[bad.blockEnd() - 1] = ' '; // the '}' that closes a Vue loop
            dropped.add(note(relPath, lines, bad.at(), bad.what() + " not analysed: its code does not parse"));
            r = js.analyzeText(relPath, new String(masked), extracted(text, x, inline, kind));
        }
        return new Attempt(r, dropped);
    }

    /** The dialect, the lowering of the inline code still in the text, and the template for the prefilter. */
    private static JsAnalyzer.Extracted extracted(String text, ScriptExtractor.Result x, List<ScriptExtractor.Inline> inline,
                                                  TemplateKind kind) {
        // a Vue component, or a page with Vue bindings in its markup (an in-DOM template)
        boolean vue = kind == TemplateKind.VUE || inline.stream().anyMatch(i -> i.role().vue());
        return new JsAnalyzer.Extracted(x.dialect(), new TemplateLowering(List.copyOf(inline), vue), text);
    }

    /** How many inline handlers that do not parse are left out before the page counts as unparsable. */
    static final int MAX_HANDLER_RETRIES = 8;

    /** The inline handler a parse error points into, or null when it points elsewhere. */
    private static ScriptExtractor.Inline culprit(FileReport r, LineIndex lines, List<ScriptExtractor.Inline> inline) {
        if (r.notifications().isEmpty()) return null;
        Notification n = r.notifications().get(0);
        if (!"parse-error".equals(n.kind()) || n.line() <= 0 || n.line() > lines.lineCount()) return null;
        int lineStart = lines.lineStart(n.line());
        int lineEnd = n.line() < lines.lineCount() ? lines.lineStart(n.line() + 1) : Integer.MAX_VALUE;
        int offset = lineStart + Math.max(0, n.column() - 1);
        ScriptExtractor.Inline onLine = null;
        for (ScriptExtractor.Inline h : inline) {
            if (h.start() <= offset && offset <= h.end()) return h;
            if (h.start() < lineEnd && h.end() > lineStart && (onLine == null || h.start() <= offset)) onLine = h;
        }
        return onLine;
    }

    private static Notification note(String relPath, LineIndex lines, int offset, String message) {
        return new Notification(relPath, lines.line(offset), lines.column(offset), NOTE_KIND, message);
    }
}

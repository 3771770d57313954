/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.html;

import java.util.List;
import java.util.Locale;

import static io.wsscan.html.ServerSyntax.Delim;
import static io.wsscan.html.ServerSyntax.Output.BY_CONTENT;
import static io.wsscan.html.ServerSyntax.Output.NONE;
import static io.wsscan.html.ServerSyntax.Output.VALUE;
import static io.wsscan.html.ServerSyntax.Scan.BRACES;
import static io.wsscan.html.ServerSyntax.Scan.PHP;
import static io.wsscan.html.ServerSyntax.Scan.PLAIN;

/**
 * The kinds of template files whose scripts are analysed, by file extension. The kind decides which
 * server-side syntax is masked ({@link ServerSyntax}): its delimiters are data here, a table per kind
 * (longest opening first), plus a few flags for syntax that is not a pair of delimiters (EL, custom
 * tags, Blade directives, Razor transitions). The kind also names the front end in reports
 * ({@code jsp+rhino}).
 */
public enum TemplateKind {
    /** {@code .html}, {@code .htm}; Thymeleaf pages are HTML (curly-brace syntax is recognised cautiously, in scripts). */
    HTML("html", List.of(), Flags.NONE, "html", "htm"),
    /** {@code .xhtml}: XHTML and JSF Facelets (EL {@code #{...}} / {@code ${...}}). */
    XHTML("xhtml", List.of(), Flags.EL, "xhtml"),
    /** {@code .jsp}, {@code .jspf}: scriptlets, directives, EL, custom tags. */
    JSP("jsp", List.of(), Flags.JSP, "jsp", "jspf"),
    /** {@code .vue} single-file components: top-level {@code <script>} blocks only. */
    VUE("vue", List.of(), Flags.COMPONENT, "vue"),
    /** {@code .ftl}, {@code .ftlh}: FreeMarker directives, macros and interpolations. */
    FREEMARKER("ftl", List.of(), Flags.FREEMARKER, "ftl", "ftlh"),
    /** PHP pages: {@code <?php ... ?>}, {@code <?= ... ?>}, short tags. */
    PHP_PAGE("php", List.of(
            new Delim("<?=", "?>", VALUE, PHP),
            new Delim("<?php", "?>", BY_CONTENT, PHP),
            new Delim("<?", "?>", BY_CONTENT, PHP)), Flags.NONE, "php", "phtml", "php3", "php4", "php5", "php7", "phps"),
    /** Laravel Blade ({@code .blade.php}): echoes, comments, directives and plain PHP. */
    BLADE("blade", List.of(
            new Delim("{{--", "--}}", NONE, PLAIN),
            new Delim("{!!", "!!}", VALUE, BRACES),
            new Delim("{{", "}}", VALUE, BRACES),
            new Delim("<?=", "?>", VALUE, PHP),
            new Delim("<?php", "?>", BY_CONTENT, PHP)), Flags.BLADE),
    /** Ruby ERB ({@code .erb}, {@code .html.erb}, {@code .rhtml}). */
    ERB("erb", List.of(
            new Delim("<%#", "%>", NONE, PLAIN),
            new Delim("<%==", "%>", VALUE, PLAIN),
            new Delim("<%=", "%>", VALUE, PLAIN),
            new Delim("<%", "%>", NONE, PLAIN)), Flags.NONE, "erb", "rhtml"),
    /** Embedded JavaScript templates ({@code .ejs}): {@code <%- %>} writes unescaped, {@code <%_ %>} trims. */
    EJS("ejs", List.of(
            new Delim("<%#", "%>", NONE, PLAIN),
            new Delim("<%=", "%>", VALUE, PLAIN),
            new Delim("<%-", "%>", VALUE, PLAIN),
            new Delim("<%", "%>", NONE, PLAIN)), Flags.NONE, "ejs"),
    /** Handlebars and Mustache: blocks, partials and comments write nothing. */
    HANDLEBARS("hbs", List.of(
            new Delim("{{!--", "--}}", NONE, PLAIN),
            new Delim("{{{", "}}}", VALUE, BRACES),
            new Delim("{{", "}}", BY_CONTENT, BRACES)), Flags.NONE, "hbs", "handlebars", "mustache"),
    /** Twig ({@code .twig}). */
    TWIG("twig", Curly.JINJA, Flags.NONE, "twig"),
    /** Jinja, Nunjucks and Django templates. */
    JINJA("jinja", Curly.JINJA, Flags.NONE, "j2", "jinja", "jinja2", "njk", "nunjucks", "djhtml"),
    /** Shopify / Jekyll Liquid. */
    LIQUID("liquid", Curly.LIQUID, Flags.NONE, "liquid"),
    /** ASP.NET Razor ({@code .cshtml}) and Blazor components ({@code .razor}): {@code @} transitions. */
    RAZOR("razor", List.of(), Flags.RAZOR, "cshtml", "vbhtml", "razor"),
    /** ASP.NET Web Forms pages, user controls and master pages. */
    ASPX("aspx", List.of(
            new Delim("<%--", "--%>", NONE, PLAIN),
            new Delim("<%=", "%>", VALUE, PLAIN),
            new Delim("<%:", "%>", VALUE, PLAIN),
            new Delim("<%#", "%>", VALUE, PLAIN),
            new Delim("<%$", "%>", VALUE, PLAIN),
            new Delim("<%", "%>", NONE, PLAIN)), Flags.CUSTOM_TAGS, "aspx", "ascx", "master"),
    /** Grails Server Pages: GSP tags ({@code <g:if>}), {@code ${...}}, scriptlets, {@code %{-- --}%}. */
    GSP("gsp", List.of(
            new Delim("%{--", "--}%", NONE, PLAIN),
            new Delim("<%--", "--%>", NONE, PLAIN),
            new Delim("<%=", "%>", VALUE, PLAIN),
            new Delim("<%", "%>", NONE, PLAIN)), Flags.EL_AND_TAGS, "gsp"),
    /** Svelte components: top-level scripts, {@code {@html}} and {@code {#each}} in the markup. */
    SVELTE("svelte", List.of(), Flags.COMPONENT, "svelte"),
    /** Astro components: the {@code ---} frontmatter, client scripts, {@code set:html} in the markup. */
    ASTRO("astro", List.of(), Flags.COMPONENT, "astro");

    /** Curly-brace tables shared by several kinds. */
    private static final class Curly {
        /** Block comments hold prose, not code: they end at their end tag, not at the first {@code %}}. */
        static final List<Delim> COMMENTS = List.of(
                new Delim("{% comment %}", "{% endcomment %}", NONE, PLAIN),
                new Delim("{%- comment -%}", "{%- endcomment -%}", NONE, PLAIN));
        static final List<Delim> JINJA = List.of(
                COMMENTS.get(0), COMMENTS.get(1),
                new Delim("{{", "}}", VALUE, BRACES),
                new Delim("{%", "%}", NONE, BRACES),
                new Delim("{#", "#}", NONE, PLAIN));
        static final List<Delim> LIQUID = List.of(
                COMMENTS.get(0), COMMENTS.get(1),
                new Delim("{{", "}}", VALUE, BRACES),
                new Delim("{%", "%}", NONE, BRACES));
    }

    /** Syntax of a kind that is not a pair of delimiters. */
    enum Flags {
        NONE, EL, JSP, FREEMARKER, COMPONENT, BLADE, RAZOR, CUSTOM_TAGS, EL_AND_TAGS;

        boolean el() {
            return this == EL || this == JSP || this == FREEMARKER || this == EL_AND_TAGS;
        }

        boolean customTags() {
            return this == JSP || this == CUSTOM_TAGS || this == EL_AND_TAGS;
        }
    }

    private final String id;
    private final List<Delim> delims;
    private final Flags flags;
    private final List<String> extensions;

    TemplateKind(String id, List<Delim> delims, Flags flags, String... extensions) {
        this.id = id;
        this.delims = delims;
        this.flags = flags;
        this.extensions = List.of(extensions);
    }

    /** Short name used in front-end labels ({@code html}, {@code jsp}, {@code vue}, ...). */
    public String id() {
        return id;
    }

    List<Delim> delims() {
        return delims;
    }

    Flags flags() {
        return flags;
    }

    /** The kind of a file by its extension (case-insensitive), or null when it is not a template. */
    public static TemplateKind of(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        int slash = p.lastIndexOf('/');
        int dot = p.lastIndexOf('.');
        if (dot < 0 || dot < slash) return null;
        if (p.endsWith(".blade.php")) return BLADE; // before .php: Blade's own syntax
        String ext = p.substring(dot + 1);
        for (TemplateKind k : values()) {
            if (k.extensions.contains(ext)) return k;
        }
        return null;
    }

    /** True when the kind masks anything outside scripts before the HTML parser reads the page. */
    boolean hasServerSyntax() {
        return !delims.isEmpty() || flags.el() || flags == Flags.FREEMARKER || flags == Flags.BLADE || flags == Flags.RAZOR;
    }

    /** Components whose top-level scripts are the code and whose markup holds bindings (Vue, Svelte, Astro). */
    boolean component() {
        return flags == Flags.COMPONENT;
    }

    /** True when the kind's curly-brace syntax is known for certain (not guessed, as in plain HTML). */
    boolean curly() {
        return this == BLADE || this == HANDLEBARS || this == TWIG || this == JINJA || this == LIQUID;
    }
}

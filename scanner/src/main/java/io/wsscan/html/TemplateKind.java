/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.html;

import java.util.Locale;

/**
 * The kinds of template files whose scripts are analysed, by file extension. The kind decides which
 * server-side syntax is masked ({@link ServerSyntax}) and names the front end in reports
 * ({@code jsp+rhino}).
 */
public enum TemplateKind {
    /** {@code .html}, {@code .htm}; Thymeleaf pages are HTML. */
    HTML("html"),
    /** {@code .xhtml}: XHTML and JSF Facelets (EL {@code #{...}} / {@code ${...}}). */
    XHTML("xhtml"),
    /** {@code .jsp}, {@code .jspf}: scriptlets, directives, EL, custom tags. */
    JSP("jsp"),
    /** {@code .vue} single-file components: top-level {@code <script>} blocks only. */
    VUE("vue"),
    /** {@code .ftl}, {@code .ftlh}: FreeMarker directives, macros and interpolations. */
    FREEMARKER("ftl");

    private final String id;

    TemplateKind(String id) {
        this.id = id;
    }

    /** Short name used in front-end labels ({@code html}, {@code jsp}, {@code vue}, ...). */
    public String id() {
        return id;
    }

    /** The kind of a file by its extension (case-insensitive), or null when it is not a template. */
    public static TemplateKind of(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        int dot = p.lastIndexOf('.');
        if (dot < 0 || p.indexOf('/', dot) >= 0) return null;
        return switch (p.substring(dot + 1)) {
            case "html", "htm" -> HTML;
            case "xhtml" -> XHTML;
            case "jsp", "jspf" -> JSP;
            case "vue" -> VUE;
            case "ftl", "ftlh" -> FREEMARKER;
            default -> null;
        };
    }

    /** True when {@code ${...}} and {@code #{...}} are server-side expressions in this kind of file. */
    boolean hasServerExpressions() {
        return this == JSP || this == XHTML || this == FREEMARKER;
    }
}

/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.html;

import java.util.regex.Pattern;

/**
 * Follows server-side conditionals inside one script and tells when the code is in a second or later
 * branch: JSP scriptlets ({@code <% if (a) { %> ... <% } else { %> ... <% } %>}), JSTL
 * {@code <c:choose>/<c:when>/<c:otherwise>}, FreeMarker {@code <#if>/<#elseif>/<#else>}, and
 * Jinja/Django/Twig/Liquid {@code {% if %}/{% else %}} and Handlebars {@code {{#if}}/{{else}}}. The
 * server writes one branch only, so {@code var admin = <% if (a) { %>true<% } else { %>false<% } %>;}
 * parses only with one of them; the extractor keeps the first when asked to.
 */
final class Branches {

    private static final Pattern JAVA_ELSE = Pattern.compile("\\s*}\\s*else\\b");
    private static final Pattern TAG_CHOOSE = Pattern.compile("<[A-Za-z_][\\w.-]*:choose\\b");
    private static final Pattern TAG_WHEN = Pattern.compile("<[A-Za-z_][\\w.-]*:when\\b");
    private static final Pattern TAG_OTHERWISE = Pattern.compile("<[A-Za-z_][\\w.-]*:otherwise\\b");
    private static final Pattern TAG_END_CHOOSE = Pattern.compile("</[A-Za-z_][\\w.-]*:choose\\b");
    private static final Pattern FTL_OPEN = Pattern.compile("<#(?:if|list)\\b");
    private static final Pattern FTL_CLOSE = Pattern.compile("</#(?:if|list)\\b");
    private static final Pattern FTL_ELSE = Pattern.compile("<#else(?:if)?\\b");
    private static final Pattern CURLY_OPEN = Pattern.compile("\\{%-?\\s*(?:if|for|unless)\\b|\\{\\{~?#\\s*(?:if|each|unless|with)\\b");
    private static final Pattern CURLY_CLOSE = Pattern.compile("\\{%-?\\s*end(?:if|for|unless)\\b|\\{\\{~?/\\s*(?:if|each|unless|with)\\b");
    private static final Pattern CURLY_ELSE = Pattern.compile("\\{%-?\\s*(?:elif|elsif|elseif|else|empty)\\b|\\{\\{~?\\s*else\\b");
    private static final int MAX_DEPTH = 64;

    /** Java brace depth across the scriptlets seen; skip while it is at least {@code javaSkip}. */
    private int javaDepth;
    private int javaSkip = -1;
    /** {@code <c:choose>} nesting, whether each level has had its first {@code <c:when>}, and the level skipped. */
    private int chooseDepth;
    private final boolean[] whenSeen = new boolean[MAX_DEPTH];
    private int chooseSkip = -1;
    /** FreeMarker {@code <#if>}/{@code <#list>} nesting and the level whose later branches are skipped. */
    private int ftlDepth;
    private int ftlSkip = -1;
    /** The same for curly-brace templates (Jinja, Django, Twig, Liquid, Handlebars). */
    private int curlyDepth;
    private int curlySkip = -1;
    private int skipped;

    /** True while the code is in a branch that is not the first. */
    boolean skipping() {
        return javaSkip >= 0 || chooseSkip >= 0 || ftlSkip >= 0 || curlySkip >= 0;
    }

    /** How many later branches were entered. */
    int skipped() {
        return skipped;
    }

    /** Takes note of a server construct (its text) in the script. */
    void construct(String text) {
        if (text.startsWith("<%")) {
            scriptlet(text);
        } else if (text.startsWith("<#") || text.startsWith("</#")) {
            freemarker(text);
        } else if (text.startsWith("<")) {
            tag(text);
        } else if (text.startsWith("{")) {
            curly(text);
        }
    }

    private void curly(String text) {
        if (CURLY_OPEN.matcher(text).lookingAt()) {
            curlyDepth++;
        } else if (CURLY_CLOSE.matcher(text).lookingAt()) {
            curlyDepth = Math.max(0, curlyDepth - 1);
            if (curlySkip >= 0 && curlyDepth < curlySkip) curlySkip = -1;
        } else if (CURLY_ELSE.matcher(text).lookingAt() && curlyDepth > 0 && curlySkip < 0) {
            curlySkip = curlyDepth;
            skipped++;
        }
    }

    private void scriptlet(String text) {
        if (text.startsWith("<%=") || text.startsWith("<%!") || text.startsWith("<%@") || text.startsWith("<%--")) return;
        String code = text.substring(2, text.endsWith("%>") ? text.length() - 2 : text.length());
        if (javaSkip < 0 && javaDepth > 0 && JAVA_ELSE.matcher(code).lookingAt()) {
            javaSkip = javaDepth;
            skipped++;
        }
        javaDepth = Math.max(0, javaDepth + braceDelta(code));
        if (javaSkip >= 0 && javaDepth < javaSkip) javaSkip = -1;
    }

    private void tag(String text) {
        if (TAG_CHOOSE.matcher(text).lookingAt()) {
            if (chooseDepth < MAX_DEPTH - 1) whenSeen[++chooseDepth] = false;
        } else if (TAG_WHEN.matcher(text).lookingAt() && chooseDepth > 0) {
            if (whenSeen[chooseDepth]) laterBranch();
            whenSeen[chooseDepth] = true;
        } else if (TAG_OTHERWISE.matcher(text).lookingAt() && chooseDepth > 0) {
            laterBranch();
        } else if (TAG_END_CHOOSE.matcher(text).lookingAt() && chooseDepth > 0) {
            if (chooseSkip == chooseDepth) chooseSkip = -1;
            chooseDepth--;
        }
    }

    private void laterBranch() {
        if (chooseSkip < 0) {
            chooseSkip = chooseDepth;
            skipped++;
        }
    }

    private void freemarker(String text) {
        if (FTL_OPEN.matcher(text).lookingAt()) {
            ftlDepth++;
        } else if (FTL_CLOSE.matcher(text).lookingAt()) {
            ftlDepth = Math.max(0, ftlDepth - 1);
            if (ftlSkip >= 0 && ftlDepth < ftlSkip) ftlSkip = -1;
        } else if (FTL_ELSE.matcher(text).lookingAt() && ftlDepth > 0 && ftlSkip < 0) {
            ftlSkip = ftlDepth;
            skipped++;
        }
    }

    /** Opened minus closed braces of Java code, outside string and character literals. */
    static int braceDelta(String code) {
        int d = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                for (i++; i < code.length() && code.charAt(i) != c; i++) {
                    if (code.charAt(i) == '\\') i++;
                }
            } else if (c == '{') {
                d++;
            } else if (c == '}') {
                d--;
            }
        }
        return d;
    }
}

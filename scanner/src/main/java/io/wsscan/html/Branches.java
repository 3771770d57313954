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
 * Jinja/Django/Twig/Liquid {@code {% if %}/{% else %}}, Handlebars {@code {{#if}}/{{else}}}, PHP, ERB,
 * EJS, ASP.NET, Razor, Blade and GSP conditionals. The
 * server writes one branch only, so {@code var admin = <% if (a) { %>true<% } else { %>false<% } %>;}
 * parses only with one of them; the extractor keeps the first when asked to.
 */
final class Branches {

    private static final Pattern JAVA_ELSE = Pattern.compile("\\s*}\\s*else\\b");
    private static final Pattern TAG_CHOOSE = Pattern.compile("<[A-Za-z_][\\w.-]*:choose\\b");
    private static final Pattern TAG_WHEN = Pattern.compile("<[A-Za-z_][\\w.-]*:when\\b");
    private static final Pattern TAG_OTHERWISE = Pattern.compile("<[A-Za-z_][\\w.-]*:otherwise\\b");
    private static final Pattern TAG_END_CHOOSE = Pattern.compile("</[A-Za-z_][\\w.-]*:choose\\b");
    private static final int MAX_DEPTH = 64;

    /**
     * Conditionals written as open / else / close constructs, one triple of patterns per language:
     * FreeMarker; Jinja, Django, Twig, Liquid and Handlebars; PHP's alternative syntax
     * ({@code <?php if ($a): ?>}); ERB ({@code <% if a %> <% else %> <% end %>}); Blade
     * ({@code @if}); GSP ({@code <g:else>} follows the {@code </g:if>} it belongs to, so it opens and
     * closes a skipped branch by itself).
     */
    private static final Pattern[][] NESTS = {
            {Pattern.compile("<#(?:if|list)\\b"), Pattern.compile("<#else(?:if)?\\b"), Pattern.compile("</#(?:if|list)\\b")},
            {Pattern.compile("\\{%-?\\s*(?:if|for|unless)\\b|\\{\\{~?#\\s*(?:if|each|unless|with)\\b"),
                    Pattern.compile("\\{%-?\\s*(?:elif|elsif|elseif|else|empty)\\b|\\{\\{~?\\s*else\\b"),
                    Pattern.compile("\\{%-?\\s*end(?:if|for|unless)\\b|\\{\\{~?/\\s*(?:if|each|unless|with)\\b")},
            {Pattern.compile("<\\?(?:php)?\\s*(?:if|foreach|for|while|switch)\\b[^{}]*:\\s*(?:\\?>)?$"),
                    Pattern.compile("<\\?(?:php)?\\s*(?:else|elseif)\\b[^{}]*:\\s*(?:\\?>)?$"),
                    Pattern.compile("<\\?(?:php)?\\s*end(?:if|foreach|for|while|switch)\\b")},
            {Pattern.compile("<%-?\\s*(?:if|unless|case|while|until)\\b|<%-?[^%]*\\bdo\\s*(?:\\|[^|]*\\|)?\\s*-?%>$"),
                    Pattern.compile("<%-?\\s*(?:else|elsif|when)\\b"),
                    Pattern.compile("<%-?\\s*end\\b")},
            {Pattern.compile("@(?:if|unless|isset|auth|guest|foreach|for|forelse|while|switch|can)\\b"),
                    Pattern.compile("@(?:else|elseif)\\b"),
                    Pattern.compile("@end(?:if|unless|isset|auth|guest|foreach|for|forelse|while|switch|can)\\b")},
            {Pattern.compile("<g:else(?:if)?\\b"), null, Pattern.compile("</g:else(?:if)?\\b")},
    };

    /** Java, C#, JavaScript and PHP brace depth across the scriptlets seen; skip while it is at least {@code javaSkip}. */
    private int javaDepth;
    private int javaSkip = -1;
    /** {@code <c:choose>} nesting, whether each level has had its first {@code <c:when>}, and the level skipped. */
    private int chooseDepth;
    private final boolean[] whenSeen = new boolean[MAX_DEPTH];
    private int chooseSkip = -1;
    /** Per language of {@link #NESTS}: the nesting depth and the level whose later branches are skipped. */
    private final int[] nestDepth = new int[NESTS.length];
    private final int[] nestSkip = new int[NESTS.length];
    private int skipped;

    Branches() {
        java.util.Arrays.fill(nestSkip, -1);
    }

    /** True while the code is in a branch that is not the first. */
    boolean skipping() {
        if (javaSkip >= 0 || chooseSkip >= 0) return true;
        for (int k : nestSkip) if (k >= 0) return true;
        return false;
    }

    /** How many later branches were entered. */
    int skipped() {
        return skipped;
    }

    /** Takes note of a server construct (its text) in the script. */
    void construct(String text) {
        if (text.startsWith("<%") || text.startsWith("<?")) {
            scriptlet(text);
        } else if (text.startsWith("@") || text.startsWith("}")) {
            // Razor blocks: @if (a) {, } else {, }
            brace(text.startsWith("@") ? text.substring(1) : text);
        } else if (text.startsWith("<") && !text.startsWith("<#") && !text.startsWith("</#")) {
            tag(text);
        }
        for (int k = 0; k < NESTS.length; k++) nest(k, text);
    }

    private void nest(int k, String text) {
        Pattern[] p = NESTS[k];
        if (p[1] == null) {
            // a branch that is its own construct pair (GSP's <g:else> ... </g:else>)
            if (p[0].matcher(text).lookingAt() && nestSkip[k] < 0) {
                nestSkip[k] = ++nestDepth[k];
                skipped++;
            } else if (p[2].matcher(text).lookingAt() && nestDepth[k] > 0) {
                if (nestSkip[k] == nestDepth[k]) nestSkip[k] = -1;
                nestDepth[k]--;
            }
        } else if (p[0].matcher(text).lookingAt()) {
            nestDepth[k]++;
        } else if (p[2].matcher(text).lookingAt()) {
            nestDepth[k] = Math.max(0, nestDepth[k] - 1);
            if (nestSkip[k] >= 0 && nestDepth[k] < nestSkip[k]) nestSkip[k] = -1;
        } else if (p[1].matcher(text).lookingAt() && nestDepth[k] > 0 && nestSkip[k] < 0) {
            nestSkip[k] = nestDepth[k];
            skipped++;
        }
    }

    private void scriptlet(String text) {
        if (text.startsWith("<%=") || text.startsWith("<%!") || text.startsWith("<%@") || text.startsWith("<%--")
                || text.startsWith("<?=")) return;
        int open = text.startsWith("<?php") ? 5 : 2;
        int close = text.endsWith("%>") || text.endsWith("?>") ? text.length() - 2 : text.length();
        brace(text.substring(Math.min(open, close), close));
    }

    /** Code of a brace language: an {@code else} after a closing brace starts a later branch. */
    private void brace(String code) {
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

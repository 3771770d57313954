/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.html;

import org.junit.jupiter.api.Test;

import static io.wsscan.html.ScriptExtractorTest.extract;
import static io.wsscan.html.ScriptExtractorTest.squeezed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server template kinds of issue 16: each kind's syntax masked inside scripts (values as the
 * placeholder, code as blanks), markup that hides in server code kept away from the HTML parser,
 * and the first branch of each kind's conditionals.
 */
class ServerTemplatesTest {

    @Test
    void kindsByExtension() {
        assertEquals(TemplateKind.PHP_PAGE, TemplateKind.of("web/index.php"));
        assertEquals(TemplateKind.PHP_PAGE, TemplateKind.of("view/list.PHTML"));
        assertEquals(TemplateKind.BLADE, TemplateKind.of("resources/views/chat.blade.php"));
        assertEquals(TemplateKind.ERB, TemplateKind.of("app/views/rooms/show.html.erb"));
        assertEquals(TemplateKind.EJS, TemplateKind.of("views/a.ejs"));
        assertEquals(TemplateKind.HANDLEBARS, TemplateKind.of("a.hbs"));
        assertEquals(TemplateKind.HANDLEBARS, TemplateKind.of("a.handlebars"));
        assertEquals(TemplateKind.HANDLEBARS, TemplateKind.of("a.mustache"));
        assertEquals(TemplateKind.TWIG, TemplateKind.of("templates/base.html.twig"));
        for (String p : new String[] {"a.j2", "a.jinja", "a.jinja2", "a.njk"}) assertEquals(TemplateKind.JINJA, TemplateKind.of(p));
        assertEquals(TemplateKind.LIQUID, TemplateKind.of("sections/cart.liquid"));
        assertEquals(TemplateKind.RAZOR, TemplateKind.of("Views/Home/Index.cshtml"));
        assertEquals(TemplateKind.RAZOR, TemplateKind.of("Components/App.razor"));
        for (String p : new String[] {"a.aspx", "a.ascx", "Site.master"}) assertEquals(TemplateKind.ASPX, TemplateKind.of(p));
        assertEquals(TemplateKind.GSP, TemplateKind.of("grails-app/views/x.gsp"));
        assertEquals(TemplateKind.SVELTE, TemplateKind.of("src/App.svelte"));
        assertEquals(TemplateKind.ASTRO, TemplateKind.of("src/pages/index.astro"));
        assertNull(TemplateKind.of("a.php.bak"));
        assertNull(TemplateKind.of("php/readme"));
    }

    @Test
    void phpEchoesAreValuesAndBlocksAreBlank() {
        String php = "<?php $x = '?>'; // a comment ?>\n<p><?= $a ?></p>\n<script>\n"
                + "  var host = \"<?= $host ?>\";\n  var n = <?php echo $n; ?>;\n  <?php if ($a) { ?>go();<?php } ?>\n"
                + "  var t = <? print($t) ?>;\n</script>";
        ScriptExtractor.Result r = extract(php, TemplateKind.PHP_PAGE);
        assertEquals("var host = \" \";\nvar n = _$_ ;\ngo();\nvar t = _$_ ;\n;\n", squeezed(r));
    }

    @Test
    void phpStringsCommentsAndHeredocsDoNotEndTheBlock() {
        String s = "<?php $a = \"?>\"; /* ?> */ $b = <<<EOT\n?> inside\nEOT;\n$c = 1; ?>rest";
        assertEquals(s.indexOf("?>rest"), ServerSyntax.phpEnd(s, 5));
        String line = "<?php // ends here ?> text";
        assertEquals(line.indexOf("?>"), ServerSyntax.phpEnd(line, 5));
        String now = "<<<'JS'\n  x\n  JS;\n";
        assertEquals(now.indexOf("JS;") + 2, ServerSyntax.heredocEnd(now, 3));
    }

    @Test
    void phpPageWithMarkupInsideItsCodeStillFindsTheScript() {
        // "</script>" in a PHP string must not end the script for the HTML parser
        String php = "<script>\n  var a = '<?php echo '</script>'; ?>';\n  go(a);\n</script>";
        ScriptExtractor.Result r = extract(php, TemplateKind.PHP_PAGE);
        assertEquals(1, r.scripts());
        assertEquals("var a = ' ';\ngo(a);\n;\n", squeezed(r));
    }

    @Test
    void phpAlternativeSyntaxFirstBranch() {
        String php = "<script>\n  var role = <?php if ($admin): ?>'admin'<?php elseif ($ed): ?>'editor'<?php else: ?>'user'<?php endif; ?>;\n"
                + "  var on = <?php if ($a) { ?>true<?php } else { ?>false<?php } ?>;\n</script>";
        ScriptExtractor.Result first = extract(php, TemplateKind.PHP_PAGE, true);
        assertEquals(2, first.skippedBranches());
        assertEquals("var role = 'admin' ;\nvar on = true ;\n;\n", squeezed(first));
    }

    @Test
    void bladeEchoesDirectivesAndComments() {
        String blade = "{{-- <script>not code</script> --}}\n<script>\n  const cfg = @json($config);\n"
                + "  const name = '{{ $user->name }}';\n  const raw = {!! $raw !!};\n  @if($debug)\n  debug(cfg);\n  @endif\n"
                + "  const mail = 'ops@example.com';\n  @php $x = 1; @endphp\n</script>";
        ScriptExtractor.Result r = extract(blade, TemplateKind.BLADE);
        assertEquals(1, r.scripts());
        assertEquals("const cfg = _$_ ;\nconst name = ' ';\nconst raw = _$_ ;\ndebug(cfg);\n"
                + "const mail = 'ops@example.com';\n;\n", squeezed(r));
    }

    @Test
    void erbAndEjsTagsAndTheirBranches() {
        String erb = "<script>\n  var id = <%= @room.id %>;\n  var m = <%== raw %>;\n  <%# note %>\n"
                + "  var mode = <% if admin? %>'a'<% elsif ed? %>'e'<% else %>'u'<% end %>;\n</script>";
        assertEquals("var id = _$_ ;\nvar m = _$_ ;\nvar mode = 'a' ;\n;\n", squeezed(extract(erb, TemplateKind.ERB, true)));
        String ejs = "<script>\n  const s = <%- JSON.stringify(s) %>;\n  const u = '<%= u %>';\n  <%_ if (x) { _%>go();<%_ } _%>\n</script>";
        assertEquals("const s = _$_ ;\nconst u = ' ';\ngo();\n;\n", squeezed(extract(ejs, TemplateKind.EJS)));
    }

    @Test
    void curlyKindsAcceptMultiLineTagsAndHashes() {
        String twig = "<script>\n  const o = {{ {'a': 1, 'b': {'c': 2}}|json_encode|raw }};\n  {% if x %}a();{% else %}b();{% endif %}\n"
                + "  {# a comment\n over lines #}\n  const f = function () { return {a: 1}; };\n</script>";
        ScriptExtractor.Result r = extract(twig, TemplateKind.TWIG, true);
        assertEquals("const o = _$_ ;\na();\nconst f = function () { return {a: 1}; };\n;\n", squeezed(r));
        String hbs = "<script>\n  var a = {{{json list}}};\n  {{#if x}}go({{x}});{{else}}stop();{{/if}}\n  {{!-- gone --}}{{> partial}}\n</script>";
        assertEquals("var a = _$_ ;\ngo(_$_ );\n;\n", squeezed(extract(hbs, TemplateKind.HANDLEBARS, true)));
        String liquid = "<script>\n  var shop = {{ shop.domain | json }};\n  {%- if a -%}x();{%- endif -%}\n"
                + "  {% comment %} don't {% if %} here {% endcomment %}\n</script>";
        assertEquals("var shop = _$_ ;\nx();\n;\n", squeezed(extract(liquid, TemplateKind.LIQUID)));
    }

    @Test
    void razorExpressionsBlocksAndSections() {
        String cshtml = "@model Vm\n@{ var x = \"</script>\"; }\n<p>mail me: a@example.com</p>\n@section Scripts {\n<script>\n"
                + "  var url = \"@Model.Url\";\n  var id = @Model.Id;\n  var o = @Html.Raw(Json.Serialize(Model.O));\n"
                + "  var e = @(Model.A + 1);\n  @* comment *@\n  @if (Model.Admin) {\n    <text>admin();</text>\n  } else {\n"
                + "    @:user();\n  }\n  @foreach (var i in Model.Items) { <text>item('@i');</text> }\n</script>\n}";
        ScriptExtractor.Result r = extract(cshtml, TemplateKind.RAZOR);
        assertEquals(1, r.scripts());
        assertEquals("var url = \" \";\nvar id = _$_ ;\nvar o = _$_ ;\nvar e = _$_ ;\nadmin();\nuser();\nitem(' ');\n;\n", squeezed(r));
        ScriptExtractor.Result first = extract(cshtml, TemplateKind.RAZOR, true);
        assertTrue(first.masked().contains("admin();"));
        assertTrue(!first.masked().contains("user();"), "the else branch is left out: " + squeezed(first));
    }

    @Test
    void aspxAndGspSyntax() {
        String aspx = "<%@ Page Language=\"C#\" %>\n<script>\n  var a = '<%: Name %>';\n  var b = <%= B %>;\n  var c = <%# Eval(\"C\") %>;\n"
                + "  <%-- gone --%>\n  var d = '<asp:Literal runat=\"server\" ID=\"L\" />';\n</script>";
        assertEquals("var a = ' ';\nvar b = _$_ ;\nvar c = _$_ ;\nvar d = ' ';\n;\n", squeezed(extract(aspx, TemplateKind.ASPX)));
        String gsp = "%{-- <script>x</script> --}%\n<script>\n  var id = ${game.id};\n"
                + "  var mode = <g:if test=\"${a}\">'a'</g:if><g:else>'b'</g:else>;\n</script>";
        ScriptExtractor.Result first = extract(gsp, TemplateKind.GSP, true);
        assertEquals(1, first.scripts());
        assertEquals("var id = _$_ ;\nvar mode = 'a' ;\n;\n", squeezed(first));
    }

    @Test
    void svelteHtmlAndEachBecomeBindingsInALoop() {
        String svelte = "<script>\n  let items = [];\n</script>\n<div>{@html top}</div>\n"
                + "{#each items as item, i (item.id)}\n  <p>{@html item.body} {item.title}</p>\n{/each}\n"
                + "<a href={link} on:click={go} bind:this={el} class:on={x > 1}>x</a>\n";
        ScriptExtractor.Result r = extract(svelte, TemplateKind.SVELTE);
        String s = squeezed(r);
        assertTrue(s.contains("( top);"), s);
        assertTrue(s.contains("for(item of items){"), s);
        assertTrue(s.contains("( item.body);"), s);
        assertTrue(s.contains("( item.body);\n}\n"), s);
        assertTrue(!s.contains("item.title"), "text expressions are escaped by Svelte: " + s);
        assertTrue(s.contains("(link);"), "an attribute's expression is its binding: " + s);
        assertTrue(!s.contains("go") && !s.contains("el") && !s.contains("x > 1"), "directives and handlers are not: " + s);
        assertEquals(java.util.List.of("svelte:html", "each", "svelte:html", "href"),
                r.inline().stream().map(ScriptExtractor.Inline::name).toList());
    }

    @Test
    void astroFrontmatterIsTheComponentScriptAndSetHtmlABinding() {
        String astro = "---\nconst intro = '<b>hi</b>';\n---\n<section set:html={intro} />\n<p>{a < b ? 'x' : 'y'}</p>\n"
                + "<script>\n  const ws = new WebSocket('wss://a.example');\n</script>\n";
        ScriptExtractor.Result r = extract(astro, TemplateKind.ASTRO);
        String s = squeezed(r);
        assertTrue(s.startsWith("const intro = '<b>hi</b>';\n;\n(intro);"), s);
        assertTrue(s.contains("const ws = new WebSocket('wss://a.example');"), s);
        assertEquals(2, r.scripts());
    }

    @Test
    void scriptTextThatPhpEchoesIsAnalysedInPlace() {
        String php = "<?php\n$p = 1;\necho <<<HTML\n<script>\n  var a = \"{$p}\" + $q->name;\n</script>\nHTML;\n"
                + "echo '<script>var u = \"' . $url . '\";</script>';\n"
                + "echo 'x\\'<script>y();</script>';\n" // an escape: its text is not the output, not exposed
                + "$later = '<script>z();</script>';\n?>\n<script>\n<?php echo <<<'JS'\n  go('$notInterpolated');\nJS;\n?>\n</script>";
        ScriptExtractor.Result r = extract(php, TemplateKind.PHP_PAGE);
        assertEquals(3, r.scripts());
        assertEquals("var a = \" \" + _$_ ;\n;\nvar u = \" \";;\ngo('$notInterpolated');\n;\n", squeezed(r));
    }

    /** Fragments of every kind's syntax, unbalanced on purpose, for the random templates below. */
    private static final String[] FRAGMENTS = {"<script>", "</script>", "<div a=\"", "\">", "<?php ", "?>", "<?= $x ?>",
            "<<<EOT\n", "\nEOT;\n", "echo '<script>", "'; ", "{{ ", " }}", "{%", "%}", "{#", "#}", "{{{", "}}}", "{!! ", " !!}",
            "@if (a) {", "} else {", "}", "@json($x)", "@section S {", "<text>", "</text>", "@:", "@*", "*@", "@(", ")",
            "<%", "%>", "<%=", "<%#", "<%--", "--%>", "${", "<g:if test=\"${a}\">", "</g:if>", "%{--", "--}%",
            "{@html ", "{#each xs as x}", "{/each}", "---\n", "set:html={", "'", "\"", "`", "//", "/*", "*/", "\n",
            "var a = 1;", "new WebSocket('ws://a.example')", "x.innerHTML = e.data;", "<!--", "-->", "{", "(", "["};

    @Test
    void randomTemplatesOfEveryKindKeepTheInvariants() {
        java.util.Random rnd = new java.util.Random(16);
        for (TemplateKind kind : TemplateKind.values()) {
            for (int n = 0; n < 150; n++) {
                StringBuilder sb = new StringBuilder();
                for (int k = rnd.nextInt(40); k >= 0; k--) sb.append(FRAGMENTS[rnd.nextInt(FRAGMENTS.length)]);
                String text = sb.toString();
                // the invariants (same length, line breaks kept) are checked by extract()
                extract(text, kind);
                extract(text, kind, true);
            }
        }
    }

    @Test
    void deeplyNestedRazorBlocksAndBracesStayCheap() {
        String nested = "<script>\n" + "@if (a) {\n".repeat(3000) + "<text>go();</text>\n" + "}\n".repeat(3000) + "</script>";
        String braces = "<div>" + "{".repeat(50_000) + "</div>";
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
            assertTrue(squeezed(extract(nested, TemplateKind.RAZOR)).contains("go();"));
            extract(braces, TemplateKind.SVELTE);
            extract("<?php " + "'".repeat(20_000), TemplateKind.PHP_PAGE);
            extract("<script>" + "{{".repeat(20_000) + "</script>", TemplateKind.TWIG);
        });
    }
}

/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.rules;

import io.wsscan.findings.Finding;
import io.wsscan.testing.RuleTester;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every rule's help runs its own examples through the whole scanner, as ESLint runs its docs' examples.
 *
 * <p>The convention for a help file ({@code help:} of the rule):
 * <ul>
 *   <li>An example is a fenced code block whose nearest non-blank line above starts with "Vulnerable" or
 *       "Fixed". The code block's language tag names the file it is scanned as: {@code js}, {@code ts},
 *       {@code jsx}, {@code html}, {@code java}, {@code properties} (application.properties),
 *       {@code yaml} (application.yml).</li>
 *   <li>A Vulnerable example must report the rule, a Fixed example must not (other rules are not looked
 *       at). Each help file has at least one of each.</li>
 *   <li>A line {@code Policy: `YAML`} in the help file is the {@code .wsscan.yml} both examples run
 *       under (js/ws-untrusted-host needs an allowlist).</li>
 *   <li>An example that cannot run as it is (a fragment) is skipped only when the line right above its
 *       label is the marker {@code <!-- example: skip (reason) -->}; skips are counted and listed.</li>
 * </ul>
 */
class HelpExamplesTest {

    /** The marker that lets an example be skipped; the reason is required. */
    static final Pattern SKIP = Pattern.compile("<!--\\s*example:\\s*skip\\s*\\((.+)\\)\\s*-->");

    private static final Pattern FENCE = Pattern.compile("^```([A-Za-z]*)\\s*$");
    private static final Pattern POLICY = Pattern.compile("^Policy:\\s*`([^`]+)`", Pattern.MULTILINE);

    private static final Map<String, String> FILE_BY_TAG = Map.of(
            "js", "example.js", "ts", "example.ts", "jsx", "example.jsx", "html", "example.html",
            "java", "Example.java", "properties", "application.properties", "yaml", "application.yml");

    /** One example of a help file. */
    record Example(String ruleId, boolean vulnerable, String tag, int line, String code, String skipReason) {
        String name() {
            return ruleId + " " + (vulnerable ? "Vulnerable" : "Fixed") + " example (help line " + line + ")";
        }
    }

    /** The examples of one help text, in order; label lines and fences as described above. */
    static List<Example> examples(String ruleId, String markdown) {
        List<Example> out = new ArrayList<>();
        String[] lines = markdown.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher open = FENCE.matcher(lines[i]);
            if (!open.matches() || open.group(1).isEmpty()) continue;
            int end = i + 1;
            while (end < lines.length && !lines[end].startsWith("```")) end++;
            int label = i - 1;
            while (label >= 0 && lines[label].isBlank()) label--;
            String l = label >= 0 ? lines[label].strip() : "";
            boolean vulnerable = l.startsWith("Vulnerable");
            if (vulnerable || l.startsWith("Fixed")) {
                String skip = null;
                if (label > 0) {
                    Matcher m = SKIP.matcher(lines[label - 1].strip());
                    if (m.matches()) skip = m.group(1).strip();
                }
                String code = String.join("\n", List.of(lines).subList(i + 1, Math.min(end, lines.length))) + "\n";
                out.add(new Example(ruleId, vulnerable, open.group(1).toLowerCase(Locale.ROOT), i + 2, code, skip));
            }
            i = end;
        }
        return out;
    }

    private static List<RuleMeta> rulesWithHelp() {
        return RuleCatalog.builtin().rules().values().stream()
                .filter(r -> r.id().startsWith("js/") || r.id().startsWith("java/")).toList();
    }

    @Test
    void everyRuleHasAVulnerableAndAFixedExample() {
        List<String> bad = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int run = 0;
        for (RuleMeta r : rulesWithHelp()) {
            List<Example> ex = examples(r.id(), r.helpMarkdown() == null ? "" : r.helpMarkdown());
            if (ex.stream().noneMatch(Example::vulnerable)) bad.add(r.id() + ": no Vulnerable example");
            if (ex.stream().allMatch(Example::vulnerable)) bad.add(r.id() + ": no Fixed example");
            for (Example e : ex) {
                if (!FILE_BY_TAG.containsKey(e.tag())) bad.add(e.name() + ": unknown language tag '" + e.tag() + "'");
                if (e.skipReason() != null) skipped.add(e.name() + ": " + e.skipReason());
                else run++;
            }
        }
        System.out.println("help examples: " + run + " run, " + skipped.size() + " skipped"
                + (skipped.isEmpty() ? "" : "\n  " + String.join("\n  ", skipped)));
        if (!bad.isEmpty()) fail(String.join("\n", bad));
        assertTrue(run > 0);
    }

    @TestFactory
    List<DynamicTest> examplesDoWhatTheirLabelSays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (RuleMeta r : rulesWithHelp()) {
            String md = r.helpMarkdown() == null ? "" : r.helpMarkdown();
            Matcher policy = POLICY.matcher(md);
            String policyYaml = policy.find() ? policy.group(1) + "\n" : null;
            for (Example e : examples(r.id(), md)) {
                if (e.skipReason() != null || !FILE_BY_TAG.containsKey(e.tag())) continue;
                tests.add(DynamicTest.dynamicTest(e.name(), () -> {
                    RuleTester t = RuleTester.scanner().only(e.ruleId()).file(FILE_BY_TAG.get(e.tag()), e.code());
                    if (policyYaml != null) t = t.file(".wsscan.yml", policyYaml);
                    List<Finding> found = t.run().findings();
                    if (e.vulnerable()) {
                        assertFalse(found.isEmpty(), () -> e.name() + " does not report " + e.ruleId() + ":\n" + e.code());
                    } else {
                        assertEquals(List.of(), found, () -> e.name() + " reports " + e.ruleId() + ":\n" + e.code());
                    }
                }));
            }
        }
        return tests;
    }

    @Test
    void examplesLabelsFencesAndSkipMarkers() {
        String md = String.join("\n",
                "## Example",
                "Vulnerable:",
                "```js",
                "a();",
                "```",
                "<!-- example: skip (a fragment of a method) -->",
                "Fixed (whatever follows):",
                "",
                "```java",
                "b();",
                "```",
                "Other:",
                "```js",
                "c();",
                "```");
        List<Example> ex = examples("js/x", md);
        assertEquals(List.of(new Example("js/x", true, "js", 4, "a();\n", null),
                new Example("js/x", false, "java", 10, "b();\n", "a fragment of a method")), ex);
        assertTrue(POLICY.matcher("Policy: `allowedHosts: [a.example.com]`.").find());
    }
}

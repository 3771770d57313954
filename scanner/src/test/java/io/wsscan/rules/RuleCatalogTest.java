package io.wsscan.rules;

import io.wsscan.findings.Finding.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The built-in ruleset loads and every rule carries complete, consistent metadata. */
class RuleCatalogTest {

    /** The JavaScript rules that must ship in the built-in ruleset. */
    private static final Set<String> EXPECTED_IDS = Set.of(
            "js/ws-cleartext",
            "js/ws-url-injection",
            "js/ws-sensitive-send",
            "js/ws-credentials-in-url",
            "js/ws-message-xss",
            "js/ws-message-code-injection",
            "js/ws-message-open-redirect",
            "js/postmessage-origin-check",
            "js/postmessage-wildcard-target",
            "js/postmessage-xss",
            "js/postmessage-code-injection",
            "js/postmessage-open-redirect");

    /** Level and security-severity band per rule, from the severity bands in docs/architecture.md. */
    private record Band(Level level, double min, double max) {
    }

    private static final Band CODE_INJECTION = new Band(Level.ERROR, 9.0, 10.0);
    private static final Band HIGH = new Band(Level.ERROR, 7.0, 8.9);
    private static final Band MEDIUM = new Band(Level.WARNING, 5.0, 6.9);

    private static final Map<String, Band> BANDS = Map.ofEntries(
            Map.entry("js/ws-message-code-injection", CODE_INJECTION),
            Map.entry("js/ws-message-xss", HIGH),
            Map.entry("js/ws-sensitive-send", HIGH),
            Map.entry("js/ws-credentials-in-url", HIGH),
            Map.entry("js/ws-url-injection", HIGH),
            Map.entry("js/ws-cleartext", MEDIUM),
            Map.entry("js/ws-message-open-redirect", MEDIUM),
            Map.entry("js/postmessage-origin-check", MEDIUM),
            Map.entry("js/postmessage-wildcard-target", MEDIUM),
            Map.entry("js/postmessage-xss", HIGH),
            Map.entry("js/postmessage-code-injection", CODE_INJECTION),
            Map.entry("js/postmessage-open-redirect", MEDIUM));

    private static final Set<String> PLACEHOLDERS = Schema.PLACEHOLDERS;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern CWE_TAG = Pattern.compile("external/cwe/cwe-(\\d{3,})");
    private static final Set<String> PRECISIONS = Set.of("very-high", "high", "medium", "low");
    private static final Map<String, Pattern> COMPLIANCE_IDS = Map.of(
            "pci-dss-4.0.1", Pattern.compile("\\d{1,2}(\\.\\d+){1,3}"),
            "hipaa", Pattern.compile("164\\.3\\d\\d\\([a-z]\\)(\\(\\d+\\)(\\((i|ii|iii|iv|v|vi)\\))?)?"),
            "owasp-asvs-5.0", Pattern.compile("V\\d{1,2}\\.\\d{1,2}\\.\\d{1,2}"));

    private static RuleCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = RuleCatalog.builtin();
    }

    @Test
    void builtinRulesetHasEveryJavaScriptRule() {
        Set<String> missing = new TreeSet<>(EXPECTED_IDS);
        missing.removeAll(catalog.rules().keySet());
        assertTrue(missing.isEmpty(), "missing built-in rules: " + missing);
        for (String id : EXPECTED_IDS) {
            assertEquals(id, catalog.rule(id).id());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHasCompleteMetadata() {
        return catalog.rules().values().stream().flatMap(r -> Stream.of(
                DynamicTest.dynamicTest(r.id() + " help", () -> checkHelp(r)),
                DynamicTest.dynamicTest(r.id() + " tags", () -> checkTags(r)),
                DynamicTest.dynamicTest(r.id() + " severity", () -> checkSeverity(r)),
                DynamicTest.dynamicTest(r.id() + " kind", () -> checkKind(r)),
                DynamicTest.dynamicTest(r.id() + " message", () -> checkMessage(r)),
                DynamicTest.dynamicTest(r.id() + " compliance", () -> checkCompliance(r))));
    }

    private static void checkHelp(RuleMeta r) {
        String help = r.helpMarkdown();
        for (String section : List.of("## What", "## Why it matters", "## How to fix", "## Example", "## References")) {
            assertTrue(help.lines().anyMatch(l -> l.strip().equals(section)),
                    r.id() + ": help has no '" + section + "' section");
        }
        assertTrue(hasLabelledCodeBlock(help, "Vulnerable"), r.id() + ": help has no 'Vulnerable:' code block");
        assertTrue(hasLabelledCodeBlock(help, "Fixed"), r.id() + ": help has no 'Fixed:' code block");
        assertEquals(0, help.lines().filter(l -> l.strip().startsWith("```")).count() % 2,
                r.id() + ": help has an unclosed code fence");
        assertFalse(r.shortDescription().isBlank() || r.fullDescription().isBlank() || r.name().isBlank(),
                r.id() + ": empty name or description");
        assertTrue(r.name().matches("[A-Z][A-Za-z0-9]+"), r.id() + ": name is not PascalCase: " + r.name());
        assertTrue(PRECISIONS.contains(r.precision()), r.id() + ": unknown precision " + r.precision());
    }

    /** A line starting with the label, followed (after blank lines) by an opening code fence. */
    private static boolean hasLabelledCodeBlock(String markdown, String label) {
        Pattern p = Pattern.compile("(?m)^\\s*\\**" + label + "\\b[^\\n]*\\n(\\s*\\n)*\\s*```\\w*\\s*\\n[^`]*\\S");
        return p.matcher(markdown).find();
    }

    private static void checkTags(RuleMeta r) {
        assertTrue(r.tags().contains("security"), r.id() + ": no 'security' tag");
        List<String> cwes = new ArrayList<>();
        for (String t : r.tags()) {
            if (!t.startsWith("external/cwe/")) continue;
            Matcher m = CWE_TAG.matcher(t);
            assertTrue(m.matches(), r.id() + ": malformed CWE tag " + t);
            String digits = m.group(1);
            assertTrue(digits.length() == 3 || !digits.startsWith("0"),
                    r.id() + ": CWE tag must be padded to exactly three digits: " + t);
            cwes.add(t);
        }
        assertFalse(cwes.isEmpty(), r.id() + ": no external/cwe/cwe-NNN tag");
        assertEquals(cwes.size(), r.cwes().size(), r.id() + ": CWE tags and cwes() disagree");
    }

    private static void checkSeverity(RuleMeta r) {
        double sev;
        try {
            sev = Double.parseDouble(r.securitySeverity());
        } catch (NumberFormatException e) {
            fail(r.id() + ": securitySeverity is not a number: " + r.securitySeverity());
            return;
        }
        assertTrue(sev >= 0.0 && sev <= 10.0, r.id() + ": securitySeverity out of 0-10: " + sev);
        assertTrue(r.securitySeverity().matches("\\d{1,2}\\.\\d"),
                r.id() + ": securitySeverity should have one decimal: " + r.securitySeverity());
        // Consistency that holds for every rule: SARIF high/critical (7.0+) is an error, medium a warning.
        Level expected = sev >= 7.0 ? Level.ERROR : sev >= 4.0 ? Level.WARNING : Level.NOTE;
        assertEquals(expected, r.level(), r.id() + ": level " + r.level() + " does not match severity " + sev);
        Band band = BANDS.get(r.id());
        if (band != null) {
            assertEquals(band.level(), r.level(), r.id() + ": level");
            assertTrue(sev >= band.min() && sev <= band.max(),
                    r.id() + ": securitySeverity " + sev + " outside " + band.min() + "-" + band.max());
        }
    }

    private static void checkKind(RuleMeta r) {
        if (r.isTaint()) {
            assertFalse(r.sources().isEmpty(), r.id() + ": taint rule without sources");
            assertFalse(r.sinks().isEmpty(), r.id() + ": taint rule without sinks");
            assertTrue(r.sources().stream().noneMatch(String::isBlank), r.id() + ": blank source kind");
            assertTrue(r.sinks().stream().noneMatch(String::isBlank), r.id() + ": blank sink kind");
        } else {
            assertEquals("structural", r.kind(), r.id() + ": kind");
            assertTrue(r.check() != null && !r.check().isBlank(), r.id() + ": structural rule without check");
            assertTrue(r.sources().isEmpty() && r.sinks().isEmpty(),
                    r.id() + ": structural rule should not declare sources or sinks");
        }
    }

    private static void checkMessage(RuleMeta r) {
        String msg = r.message();
        Set<String> used = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(msg);
        while (m.find()) {
            assertTrue(PLACEHOLDERS.contains(m.group(1)), r.id() + ": unknown placeholder {" + m.group(1) + "}");
            used.add(m.group(1));
        }
        String withoutPlaceholders = PLACEHOLDER.matcher(msg).replaceAll("x");
        assertFalse(withoutPlaceholders.contains("{") || withoutPlaceholders.contains("}"),
                r.id() + ": stray brace in message: " + msg);
        if (r.isTaint()) {
            assertTrue(used.contains("source") && used.contains("sink"),
                    r.id() + ": taint message should name {source} and {sink}: " + msg);
        } else {
            // {threat}: the origin threat model's sentence, filled by the checks that grade by it
            used.remove("threat");
            assertEquals(Set.of("detail"), used, r.id() + ": structural message should use {detail} (and {threat}) only: " + msg);
        }
        // {advice} ends the message with the advice of the finding's sink kind: each one is a sentence
        String filled = msg.replace("{advice}", "Fix it.");
        assertTrue(Character.isUpperCase(filled.charAt(0)) && filled.endsWith("."),
                r.id() + ": message should be a complete sentence: " + msg);
        for (Map.Entry<String, String> a : r.advice().entrySet()) {
            assertTrue(Character.isUpperCase(a.getValue().charAt(0)) && a.getValue().endsWith("."),
                    r.id() + ": advice for " + a.getKey() + " should be a complete sentence: " + a.getValue());
        }
        if (used.contains("advice")) assertEquals(Set.copyOf(r.sinks()), r.advice().keySet(), r.id() + ": advice for every sink kind");
        assertFalse(msg.contains(r.id()), r.id() + ": message should not need the rule id");
    }

    private static void checkCompliance(RuleMeta r) {
        r.compliance().forEach((standard, ids) -> {
            Pattern p = COMPLIANCE_IDS.get(standard);
            assertTrue(p != null, r.id() + ": unknown compliance standard '" + standard + "'");
            assertFalse(ids.isEmpty(), r.id() + ": empty compliance list for " + standard);
            for (String id : ids) {
                assertTrue(p.matcher(id).matches(), r.id() + ": malformed " + standard + " id '" + id + "'");
            }
        });
    }

    @Test
    void userRulesetWithUnknownKeyIsRejectedNamingTheKey(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("custom.md"), "# Custom\n\n## What\nA test rule.\n", StandardCharsets.UTF_8);
        Path rule = dir.resolve("custom.yml");
        Files.writeString(rule, String.join("\n",
                "id: custom/test-rule",
                "language: js",
                "name: CustomTestRule",
                "shortDescription: A test rule",
                "fullDescription: A rule used by the catalogue test.",
                "help: custom.md",
                "level: warning",
                "securitySeverity: \"5.0\"",
                "precision: high",
                "tags: [security, external/cwe/cwe-079]",
                "kind: taint",
                "sources: [ws-message]",
                "sinks: [html]",
                "severty: high",
                "message: \"Data from {source} reaches {sink}.\"",
                ""), StandardCharsets.UTF_8);

        RulesetException e = assertThrows(RulesetException.class, () -> RuleCatalog.load(List.of(rule)));
        assertTrue(e.getMessage().contains("severty"), "message should name the unknown key: " + e.getMessage());
        assertTrue(e.getMessage().contains("custom.yml"), "message should name the file: " + e.getMessage());
    }

    @Test
    void userRulesetWithoutUnknownKeysLoadsBesideBuiltins(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("custom.md"), "# Custom\n", StandardCharsets.UTF_8);
        Path rule = dir.resolve("custom.yml");
        Files.writeString(rule, String.join("\n",
                "id: custom/test-rule",
                "language: js",
                "name: CustomTestRule",
                "shortDescription: A test rule",
                "fullDescription: A rule used by the catalogue test.",
                "help: custom.md",
                "level: warning",
                "securitySeverity: \"5.0\"",
                "precision: high",
                "tags: [security]",
                "kind: structural",
                "check: connection-cleartext",
                "message: \"Found {detail}.\"",
                ""), StandardCharsets.UTF_8);

        RuleCatalog withUser = RuleCatalog.load(List.of(rule));
        assertEquals("custom/test-rule", withUser.rule("custom/test-rule").id());
        assertTrue(withUser.rules().keySet().containsAll(EXPECTED_IDS));
        assertNull(catalog.rule("custom/test-rule"), "the built-in catalogue must not change");
    }
}

package io.wsscan.rules;

import io.wsscan.analysis.Models;
import io.wsscan.java.JavaModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of typo in a ruleset stops loading with {@code FILE:LINE: what}: a misspelled section,
 * row key, kind, check, rule key or language never loads silently.
 */
class SchemaTest {

    @TempDir
    Path dir;

    /** A complete, valid JS rule; {@code extra} lines replace the taint part (lines 12-14). */
    private static String rule(String... tail) {
        List<String> lines = new ArrayList<>(List.of(
                "id: acme/test-rule",                          // 1
                "language: js",                                // 2
                "name: AcmeTestRule",                          // 3
                "shortDescription: A test rule",               // 4
                "fullDescription: A rule for the schema test.", // 5
                "help: help.md",                               // 6
                "level: warning",                              // 7
                "securitySeverity: \"5.0\"",                   // 8
                "precision: high",                             // 9
                "tags: [security]",                            // 10
                "message: \"Data from {source} reaches {sink}.\"")); // 11
        lines.addAll(List.of(tail.length > 0 ? tail : new String[]{"kind: taint", "sources: [ws-message]", "sinks: [html]"}));
        return String.join("\n", lines) + "\n";
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    /** Loads {@code file} as a user ruleset and expects an error at {@code line} of {@code where} containing {@code what}. */
    private void rejected(Path file, Path where, int line, String what) throws IOException {
        if (!Files.exists(dir.resolve("help.md"))) write("help.md", "# Help\n");
        RulesetException e = assertThrows(RulesetException.class, () -> RuleCatalog.load(List.of(file)));
        String msg = e.getMessage();
        assertTrue(msg.startsWith(where + ":" + line + ": "), () -> "expected " + where + ":" + line + ": ... but was: " + msg);
        assertTrue(msg.contains(what), () -> "expected '" + what + "' in: " + msg);
        assertFalse(msg.contains("\n"), "one line: " + msg);
    }

    private void rejected(Path file, int line, String what) throws IOException {
        rejected(file, file, line, what);
    }

    private static final String SINK = "{ path: \"Module[acme].Member[render].Argument[0]\", kinds: [html], label: \"acme render\" }";

    @Test
    void misspelledModelSection() throws IOException {
        Path m = write("model.yml", "library: acme\nsink:\n  - " + SINK + "\n");
        rejected(m, 2, "unknown section 'sink' (did you mean 'sinks'?)");
    }

    @Test
    void misspelledRowKey() throws IOException {
        Path m = write("model.yml", "library: acme\nsinks:\n  - { path: \"Module[acme].Argument[0]\", kinds: [html],\n"
                + "      lable: \"acme\" }\n");
        rejected(m, 4, "sinks: unknown key 'lable' (did you mean 'label'?)");
    }

    @Test
    void missingRequiredRowKey() throws IOException {
        Path m = write("model.yml", "library: acme\nsinks:\n  - { path: \"Module[acme].Argument[0]\", kinds: [html] }\n");
        rejected(m, 3, "sinks: missing required key 'label'");
    }

    @Test
    void unknownSourceKindInARuleAndInAModel() throws IOException {
        Path r = write("rule.yml", rule("kind: taint", "sources: [ws-mesage]", "sinks: [html]"));
        rejected(r, 13, "sources: unknown source kind 'ws-mesage' for js (did you mean 'ws-message'?)");
        Path m = write("model.yml", "sources:\n  - { path: \"Module[acme].ReturnValue\", label: a,\n      kind: ws-mesage }\n");
        rejected(m, 3, "sources.kind: unknown source kind 'ws-mesage'");
    }

    @Test
    void unknownSinkKindInARuleAndInAModel() throws IOException {
        Path r = write("rule.yml", rule("kind: taint", "sources: [ws-message]", "sinks:", "  - html", "  - htlm"));
        rejected(r, 16, "sinks: unknown sink kind 'htlm' for js (did you mean 'html'?)");
        Path m = write("model.yml", "sinks:\n  - { path: \"Module[acme].Argument[0]\", kinds: [inner-html], label: a }\n");
        rejected(m, 2, "sinks.kinds: unknown sink kind 'inner-html'");
    }

    @Test
    void kindsOfTheOtherLanguageAreUnknown() throws IOException {
        Path r = write("rule.yml", rule("kind: taint", "sources: [ws-message]", "sinks: [sql]"));
        rejected(r, 14, "sinks: unknown sink kind 'sql' for js");
        Path j = write("java.yml", rule("kind: taint", "sources: [ws-message]", "sinks: [html]").replace("language: js", "language: java"));
        rejected(j, 14, "sinks: unknown sink kind 'html' for java");
    }

    @Test
    void unknownBarrierKind() throws IOException {
        Path m = write("model.yml", "library: acme\nsanitizers:\n  - { path: \"Module[clean]\", blocks: [hmtl] }\n");
        rejected(m, 3, "sanitizers.blocks: unknown barrier kind 'hmtl' for js (did you mean 'html'?)");
        Path h = write("heuristics.yml", "heuristics:\n  prefixBarriers:\n    - prefix: '^/'\n      blocks: [navigaton]\n");
        rejected(h, 4, "heuristics.prefixBarriers.blocks: unknown barrier kind 'navigaton'");
    }

    @Test
    void unknownHandlerKind() throws IOException {
        Path m = write("model.yml", "handlers:\n  - { path: \"Global[onmessage]\", kind: window-mesage }\n");
        rejected(m, 2, "handlers.kind: handler kind 'window-mesage' is given but nothing uses it (did you mean 'window-message'?)");
    }

    @Test
    void leadVerdictsAreCheckedLikeMessages() throws IOException {
        Path bad = write("rule.yml", rule("kind: taint", "sources: [ws-message]", "sinks: [html]",
                "leads:", "  - { lead: /, level: note, message: \"From {sorce}.\" }"));
        rejected(bad, 16, "leads.message: unknown placeholder {sorce} (did you mean 'source'?)");
        Path level = write("rule2.yml", rule("kind: taint", "sources: [ws-message]", "sinks: [html]",
                "leads:", "  - { lead: /, level: notice, message: \"From {source}.\" }"));
        rejected(level, 16, "'notice' is not one of error, note, warning");
        Path structural = write("rule3.yml", rule("kind: structural", "check: server-origin",
                "leads:", "  - { lead: /, level: note, message: \"x\" }"));
        rejected(structural, 15, "leads: only taint rules know where data starts");
    }

    @Test
    void onlyTheEnclosingDeciderNeedsNoHandlerKind() throws IOException {
        Path ok = write("enclosing.yml", "types:\n  - { path: \"Module[acme-proxy].ReturnValue\", type: acme-proxy }\n"
                + "endpoints:\n  - { path: \"Type[acme-proxy].Member[ws]\", library: acme-proxy, policy: acme }\n"
                + "policies:\n  - name: acme\n    deciders:\n      - { find: enclosing, holds: request, label: l, weak: \"w {why}\" }\n");
        assertFalse(RuleCatalog.load(List.of(ok)).rules().isEmpty());
        Path bad = write("registered.yml", "endpoints:\n  - { path: \"Module[acme]\", library: acme, policy: acme }\n"
                + "policies:\n  - name: acme\n    deciders:\n      - { find: listeners, holds: request, label: l, weak: \"w {why}\" }\n");
        rejected(bad, 6, "missing required key 'handlers' (needed unless find: enclosing)");
    }

    @Test
    void aShapeNamesAPathOrAType() throws IOException {
        Path none = write("shape.yml", "shapes:\n  - { methods: [ws], forwards: { ws: get } }\n");
        rejected(none, 2, "a row needs one of path, type");
    }

    @Test
    void pageGlobalVerdictsAreChecked() throws IOException {
        Path kind = write("pg1.yml", rule("kind: taint", "sources: [secret]", "sinks: [ws-url-data]",
                "pageGlobals: { sources: [password], level: note, message: \"From {source}.\" }"));
        rejected(kind, 15, "pageGlobals.sources: 'password' is not one of the rule's sources [secret]");
        Path typo = write("pg2.yml", rule("kind: taint", "sources: [secret]", "sinks: [ws-url-data]",
                "pageGlobals: { sources: [secret], level: note, mesage: \"From {source}.\" }"));
        rejected(typo, 15, "unknown key 'mesage'");
        Path placeholder = write("pg3.yml", rule("kind: taint", "sources: [secret]", "sinks: [ws-url-data]",
                "pageGlobals: { sources: [secret], level: note, message: \"From {sorce}.\" }"));
        rejected(placeholder, 15, "pageGlobals.message: unknown placeholder {sorce}");
        Path structural = write("pg4.yml", rule("kind: structural", "check: server-origin",
                "pageGlobals: { sources: [secret], level: note, message: \"x\" }"));
        rejected(structural, 14, "pageGlobals: only taint rules know where data comes from");
    }

    @Test
    void originLevelsNeedATaintRuleWithASenderCheck() throws IOException {
        Path structural = write("rule4.yml", rule("kind: structural", "check: postmessage-origin",
                "originLevels: { none: error, weak: warning, channel: note }"));
        rejected(structural, 14, "originLevels: only taint rules with a 'check' that judges the sender (postmessage-origin) have them");
        Path otherCheck = write("rule5.yml", rule("kind: taint", "sources: [postmessage]", "sinks: [html]", "check: url-credentials",
                "originLevels: { none: error, weak: warning, channel: note }"));
        rejected(otherCheck, 16, "originLevels: check 'url-credentials' does not judge where data came from; it needs check: postmessage-origin");
        Path missing = write("rule6.yml", rule("kind: taint", "sources: [postmessage]", "sinks: [html]", "check: postmessage-origin",
                "originLevels: { none: error, weak: warning }"));
        rejected(missing, 16, "channel");
        Path level = write("rule7.yml", rule("kind: taint", "sources: [postmessage]", "sinks: [html]", "check: postmessage-origin",
                "originLevels: { none: fatal, weak: warning, channel: note }"));
        rejected(level, 16, "'fatal' is not one of error, note, warning");
    }

    @Test
    void policyReferencesAreChecked() throws IOException {
        // a policy naming a handler kind no model gives, and an endpoint naming a policy nobody defines
        Path m = write("model.yml", "policies:\n  - name: mine\n    deciders:\n"
                + "      - { handlers: my-verfy, label: v, weak: \"v {why}\" }\n");
        rejected(m, 4, "unknown handler kind 'my-verfy': no loaded model gives it");
        Path e = write("endpoint.yml", "endpoints:\n  - { path: \"Module[x]\", library: x, policy: wss }\n");
        rejected(e, 2, "unknown server policy 'wss': no loaded model gives it");
        Path f = write("find.yml", "policies:\n  - name: mine\n    deciders:\n"
                + "      - { handlers: ws-connection, find: listener, label: v, weak: \"v {why}\" }\n");
        rejected(f, 4, "'listener' is not one of all, callers, enclosing, listeners, registered (did you mean 'listeners'?)");
    }

    @Test
    void unknownCheck() throws IOException {
        Path r = write("rule.yml", rule("kind: structural", "check: connection-cleartxt"));
        rejected(r, 13, "check: unknown structural check 'connection-cleartxt' for js (did you mean 'connection-cleartext'?)");
        Path j = write("java.yml", rule("kind: structural", "check: connection-cleartext").replace("language: js", "language: java"));
        rejected(j, 13, "check: unknown structural check 'connection-cleartext' for java");
    }

    @Test
    void unknownRuleKeyAndBadValues() throws IOException {
        rejected(write("a.yml", rule() + "severty: high\n"), 15, "unknown key 'severty'");
        rejected(write("b.yml", rule().replace("level: warning", "level: warn")), 7, "level: 'warn' is not one of error, note, warning");
        rejected(write("c.yml", rule().replace("\"5.0\"", "\"high\"")), 8, "securitySeverity: must be a number from 0.0 to 10.0");
        rejected(write("d.yml", rule("kind: taint", "sources: [ws-message]")), 1, "a taint rule needs 'sources' and 'sinks'");
        rejected(write("e.yml", rule("kind: structural", "check: server-origin", "sinks: [html]")), 14,
                "sinks: only taint rules join source and sink kinds");
        rejected(write("f.yml", rule().replace("kind: taint", "kind: taint\nkind: structural")), 13, "duplicate key 'kind'");
        rejected(write("g.yml", rule().replace("{source}", "{sourc}")), 11, "message: unknown placeholder {sourc} (did you mean 'source'?)");
    }

    @Test
    void adviceNamesTheRulesSinksAndCoversEveryOneTheMessageAsksFor() throws IOException {
        String advised = rule("kind: taint", "sources: [ws-message]", "sinks: [html, navigation]").replace("{sink}.", "{sink}. {advice}");
        rejected(write("a.yml", advised + "advice:\n  html: \"Insert it as text.\"\n"), 11,
                "message: {advice} needs an 'advice' entry for every sink kind; missing: navigation");
        rejected(write("b.yml", advised + "advice:\n  html: \"Insert it as text.\"\n  navigation: \"Allow-list it.\"\n  code: \"No.\"\n"), 18,
                "advice: 'code' is not one of the rule's sinks [html, navigation]");
        RuleMeta ok = RuleCatalog.builtin().rules().get("java/ws-message-injection");
        assertTrue(ok.adviceFor(List.of("path")).contains("fixed base folder"), ok.adviceFor(List.of("path")));
        assertTrue(ok.adviceFor(List.of("sql")).contains("bind parameter"), ok.adviceFor(List.of("sql")));
        assertFalse(ok.adviceFor(List.of("path")).contains("bind"), "no SQL advice for a file path");
    }

    @Test
    void complianceNamesKnownStandardsAndWellFormedIds() throws IOException {
        rejected(write("a.yml", rule() + "compliance:\n  pci-dss-4.0:\n    - \"6.2.4\"\n"), 16,
                "compliance: unknown standard 'pci-dss-4.0' (did you mean 'pci-dss-4.0.1'?)");
        rejected(write("b.yml", rule() + "compliance:\n  pci-dss-4.0.1:\n    - \"6.2.4\"\n    - \"req 6\"\n"), 18,
                "compliance.pci-dss-4.0.1: 'req 6' is not a requirement id of PCI DSS v4.0.1");
        write("help.md", "# Help\n");
        RuleCatalog c = RuleCatalog.load(List.of(write("c.yml", rule() + "compliance: { pci-dss-4.0.1: [\"6.2.4\"] }\n")));
        assertEquals(List.of("6.2.4"), c.rule("acme/test-rule").compliance().get("pci-dss-4.0.1"));
    }

    @Test
    void languageIsRequiredAndClosed() throws IOException {
        rejected(write("a.yml", rule().replace("language: js", "language: javascript")), 2,
                "language: 'javascript' is not one of js, java");
        rejected(write("b.yml", rule().replace("language: js\n", "")), 1, "missing required key 'language' (js or java)");
        rejected(write("c.yml", "language: jav\nlibrary: x\n"), 1, "language: 'jav' is not one of js, java (did you mean 'java'?)");
    }

    @Test
    void misspelledPathStep() throws IOException {
        Path m = write("model.yml", "sinks:\n  - { path: [\"Module[acme].Argument[0]\",\n              \"Module[acme].Memeber[render].Argument[0]\"],"
                + " kinds: [html], label: a }\n");
        rejected(m, 3, "unknown step 'Memeber'");
        rejected(write("b.yml", "types:\n  - { path: \"Globl[x]\", type: t }\n"), 2, "a path starts with");
    }

    @Test
    void aTypeNoModelGivesIsATypo() throws IOException {
        Path m = write("model.yml", String.join("\n",
                "types:",
                "  - { path: \"Module[acme].Member[connect].ReturnValue\", type: acme-channel }",
                "sources:",
                "  - { path: \"Type[acme-chanel].Member[on].Argument[1].Parameter[0]\", kind: ws-message, label: a }",
                ""));
        rejected(m, 4, "sources.path: unknown type 'acme-chanel': no loaded model gives it (did you mean 'acme-channel'?)");
        Path n = write("names.yml", "sources:\n  - { path: \"Global[vault].Member[get].ReturnValue\", kind: secret, label: v,\n"
                + "      nameFrom: argument, names: [pasword] }\n");
        rejected(n, 3, "sources.names: unknown source kind 'pasword' for js (did you mean 'password'?)");
        Path c = write("class.yml", "sources:\n  - { path: \"Global[vault].Member[get].ReturnValue\", kind: secret, label: v,\n"
                + "      nameFrom: argument, names: [user-input] }\n");
        rejected(c, 3, "sources.names: unknown name class 'user-input': no loaded model gives it");
        // a built-in type is known to user models
        RuleCatalog.load(List.of(write("ok.yml", "sinks:\n  - { path: \"Type[ws-connection].Member[push].Argument[0]\", kinds: [ws-send], label: p }\n")));
    }

    @Test
    void javaModelTypos() throws IOException {
        rejected(write("a.yml", "language: java\nsink:\n  - { type: [x.Y], methods: [run], kinds: [sql], label: l }\n"), 2,
                "unknown section 'sink' (did you mean 'sinks'?)");
        rejected(write("b.yml", "language: java\nsinks:\n  - { type: [x.Y], methods: [run], kinds: [sq], label: l }\n"), 3,
                "sinks.kinds: unknown sink kind 'sq' for java (did you mean 'sql'?)");
        rejected(write("c.yml", "language: java\nendpoints:\n  - framework: X\n    late: { method: [onOpen] }\n"), 4,
                "endpoints.late: unknown key 'method' (did you mean 'methods'?)");
        rejected(write("d.yml", "language: java\nsanitizers:\n  - { anyReceiver: yes please, methods: [clean], blocks: [all] }\n"), 3,
                "sanitizers.anyReceiver: must be true or false");
        // a row of no known shape would match nothing
        rejected(write("e.yml", "language: java\nsources:\n  - { overide: [x.Y], method: [onMessage], label: l }\n"), 3,
                "sources: unknown key 'overide' (did you mean 'override'?)");
        rejected(write("f.yml", "language: java\nsources:\n  - { method: [onMessage], label: l }\n"), 3,
                "sources: a row needs one of annotation, paramAnnotation, override, callback, call");
    }

    @Test
    void inlineItemsOfAnIndexAreCheckedWithTheIndexLines() throws IOException {
        write("help.md", "# Help\n");
        Path idx = write("ruleset.yml", "models:\n  - library: acme\n    sinks:\n      - { path: \"Module[acme].Argument[0]\", kinds: [html],"
                + " label: a, deep: sometimes }\n");
        rejected(idx, 4, "sinks.deep: must be true or false");
        write("rules/r.yml", rule("kind: taint", "sources: [ws-message]", "sinks: [html]", "chek: x"));
        Path idx2 = write("ruleset2.yml", "rules:\n  - rules/r.yml\n");
        rejected(idx2, dir.resolve("rules/r.yml"), 15, "unknown key 'chek' (did you mean 'check'?)");
        rejected(write("ruleset3.yml", "modles: [a.yml]\n"), 1, "unknown key 'modles' (did you mean 'models'?)");
    }

    @Test
    void helpAndIndexFilesMustStayInsideTheRulesetFolder() throws IOException {
        write("help.md", "# Help\n");
        rejected(write("a.yml", rule().replace("help: help.md", "help: /etc/passwd")), 6,
                "help: '/etc/passwd' must be a relative path inside the ruleset's folder");
        rejected(write("b.yml", rule().replace("help: help.md", "help: ../../x.md")), 6,
                "help: '../../x.md' must be a relative path inside the ruleset's folder");
        rejected(write("c.yml", rule().replace("help: help.md", "help: docs/../../x.md")), 6, "must be a relative path inside");
        rejected(write("d.yml", rule().replace("help: help.md", "help: missing.md")), 6, "no such file");
        rejected(write("e.yml", "rules:\n  - ../outside.yml\n"), 2, "rules: '../outside.yml' must be a relative path inside");

        Path outside = Files.createTempFile("wsscan-secret", ".md");
        try {
            Files.writeString(outside, "TOP SECRET\n");
            Files.createSymbolicLink(dir.resolve("link.md"), outside);
            rejected(write("f.yml", rule().replace("help: help.md", "help: link.md")), 6,
                    "help: 'link.md' leads outside the ruleset's folder");
        } finally {
            Files.delete(outside);
        }

        // inside the folder (also through a link that stays inside) is fine, and the text is embedded
        write("docs/help.md", "# Inside\n");
        Files.createSymbolicLink(dir.resolve("docs/alias.md"), dir.resolve("docs/help.md"));
        RuleCatalog c = RuleCatalog.load(List.of(write("g.yml", rule().replace("help: help.md", "help: docs/./alias.md"))));
        assertEquals("# Inside\n", c.rule("acme/test-rule").helpMarkdown());
    }

    @Test
    void aPlainModelFileAndAnInlineModelLoadAsModels() throws IOException {
        String model = "library: acme\nsinks:\n  - " + SINK + "\n";
        RuleCatalog plain = RuleCatalog.load(List.of(write("model.yml", model)));
        int builtin = RuleCatalog.builtin().modelDocuments().size();
        assertEquals(builtin + 1, plain.modelDocuments().size());
        assertEquals("acme", plain.modelDocuments().get(builtin).path("library").asText());

        RuleCatalog inline = RuleCatalog.load(List.of(write("ruleset.yml", "models:\n  - " + model.replace("\n", "\n    ").strip() + "\n")));
        assertEquals("acme render", inline.modelDocuments().get(builtin).path("sinks").get(0).path("label").asText());
    }

    @Test
    void builtinRulesetLoadsAndEveryRuleHasALanguage() {
        RuleCatalog c = RuleCatalog.builtin();
        for (RuleMeta r : c.rules().values()) {
            assertTrue(Schema.LANGUAGES.contains(r.language()), r.id());
            // the built-in ids name their language; the analyzers read the key, not the id
            assertTrue(r.id().startsWith(r.language() + "/"), r.id());
        }
    }

    /** Every vocabulary word is used by a built-in rule or model: nothing declared is dead. */
    @Test
    void everyDeclaredWordIsUsedByTheBuiltinRuleset() {
        RuleCatalog c = RuleCatalog.builtin();
        for (String lang : Schema.LANGUAGES) {
            Set<String> used = new TreeSet<>();
            for (RuleMeta r : c.rules().values()) {
                if (!r.language().equals(lang)) continue;
                used.addAll(r.sources());
                used.addAll(r.sinks());
                if (r.check() != null) used.add(r.check());
            }
            for (com.fasterxml.jackson.databind.JsonNode d : c.modelDocuments()) {
                if (Schema.languageOf(d).equals(lang)) d.findValues("kind").forEach(v -> used.add(v.asText()));
                if (Schema.languageOf(d).equals(lang)) d.findValues("policy").forEach(v -> used.add(v.asText()));
                if (Schema.languageOf(d).equals(lang)) d.findValues("kinds").forEach(v -> v.forEach(k -> used.add(k.asText())));
            }
            for (Schema.Vocab v : Schema.Vocab.values()) {
                if (v == Schema.Vocab.BARRIER_KIND) continue;
                for (String w : Schema.vocabulary(lang, v)) assertTrue(used.contains(w), lang + " " + v + " '" + w + "' is used by no built-in rule or model");
            }
        }
    }

    /** The loaders ask for every declared model key (through {@link Row}), so no declared key is ignored. */
    @Test
    void everyDeclaredModelKeyIsReadByALoader() {
        RuleCatalog c = RuleCatalog.builtin();
        Models.load(c.modelDocuments());
        JavaModels.load(c.modelDocuments());
        List<String> unread = new ArrayList<>();
        unread(Schema.JS_MODEL, "js:", unread);
        unread(Schema.JAVA_MODEL, "java:", unread);
        assertEquals(List.of(), unread, "declared in Schema but never read by Models/JavaModels");
    }

    private static void unread(Schema.Key spec, String prefix, List<String> out) {
        for (Schema.Key k : spec.keys().values()) {
            if (!k.read) out.add(prefix + k.name());
            unread(k, prefix + k.name() + ".", out);
        }
    }

    @Test
    void rowsRefuseUndeclaredKeys() {
        Row r = Row.model(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.path("sink"));
        assertTrue(e.getMessage().contains("'sink' is not declared"), e.getMessage());
        assertNotNull(r.row("heuristics"));
    }
}

package io.wsscan.rules;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The documentation page of each built-in rule, {@code docs/rules/RULE_ID.md} in wsscan's repository, made from
 * the rule's YAML and its help file so the pages never drift from the rules ({@code RuleDocsTest} fails when a
 * checked-in page is stale and rewrites them on request). SARIF {@code helpUri} links to these pages.
 */
public final class RuleDocs {

    /** The repository the pages are published in (the project's URL, also SARIF {@code informationUri}). */
    public static final String REPOSITORY = "https://github.com/wsscan/wsscan";
    /** The folder of the pages, relative to the repository's top. */
    public static final String FOLDER = "docs/rules";
    /** The branch the links name: the pages of the current rules. */
    static final String BRANCH = "main";

    private static final String GENERATED = "<!-- Generated from the rule's YAML and help file by RuleDocsTest; do not edit. -->";

    private RuleDocs() {
    }

    /** The page's path relative to the repository's top, e.g. {@code docs/rules/js/ws-cleartext.md}. */
    public static String path(String ruleId) {
        return FOLDER + "/" + ruleId + ".md";
    }

    /** The page's address on GitHub (SARIF {@code helpUri}). */
    public static String uri(String ruleId) {
        return REPOSITORY + "/blob/" + BRANCH + "/" + path(ruleId);
    }

    /** The page of one rule: its help with the rule's facts under the title. */
    public static String page(RuleMeta r) {
        String help = r.helpMarkdown().strip();
        String title;
        String body;
        if (help.startsWith("# ")) {
            int nl = help.indexOf('\n');
            title = nl < 0 ? help.substring(2) : help.substring(2, nl);
            body = nl < 0 ? "" : help.substring(nl + 1).strip();
        } else {
            title = r.shortDescription();
            body = help;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(GENERATED).append("\n\n");
        sb.append("# ").append(title.strip()).append("\n\n");
        sb.append("| | |\n|---|---|\n");
        row(sb, "Rule", "`" + r.id() + "`");
        row(sb, "Language", r.language() == null ? "" : r.language());
        row(sb, "Default level", r.level().sarifName());
        row(sb, "Security severity", r.securitySeverity());
        row(sb, "Precision", r.precision());
        if (!r.cwes().isEmpty()) {
            row(sb, "CWE", String.join(", ", r.cwes().stream().map(c -> "[" + c + "](https://cwe.mitre.org/data/definitions/"
                    + c.substring(4) + ".html)").toList()));
        }
        Map<String, List<String>> compliance = new TreeMap<>(r.compliance());
        compliance.forEach((standard, ids) -> row(sb, standard, String.join(", ", ids)));
        sb.append('\n').append(r.fullDescription().strip()).append("\n\n");
        if (!body.isEmpty()) sb.append(body).append('\n');
        return sb.toString();
    }

    /** The index page, {@code docs/rules/README.md}: every rule with a link to its page. */
    public static String index(Collection<RuleMeta> rules) {
        StringBuilder sb = new StringBuilder();
        sb.append(GENERATED.replace("the rule's YAML and help file", "the rules")).append("\n\n");
        sb.append("# wsscan rules\n\n");
        sb.append("One page per rule: what it finds, why it matters, how to fix it, with examples. `wsscan explain RULE_ID`\n")
                .append("prints the same help; SARIF reports link each rule here (`helpUri`).\n\n");
        sb.append("| Rule | Level | Security severity | Description |\n|---|---|---|---|\n");
        for (RuleMeta r : rules) {
            sb.append("| [`").append(r.id()).append("`](").append(r.id()).append(".md) | ").append(r.level().sarifName())
                    .append(" | ").append(r.securitySeverity()).append(" | ").append(cell(r.shortDescription())).append(" |\n");
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String key, String value) {
        sb.append("| ").append(cell(key)).append(" | ").append(value.replace("\n", " ")).append(" |\n");
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}

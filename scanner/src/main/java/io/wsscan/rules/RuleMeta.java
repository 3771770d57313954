package io.wsscan.rules;

import io.wsscan.findings.Finding.Level;

import java.util.List;
import java.util.Map;

/**
 * A rule as declared in {@code rulesets/}: metadata for reports plus what the engine joins.
 *
 * @param kind        {@code taint} (sources of {@code sources} kinds reaching sinks of {@code sinks}
 *                    kinds) or {@code structural} (the named {@code check} over the IR)
 * @param compliance  standard name -> requirement ids, e.g. {@code pci-dss-4.0.1 -> [6.2.4]}
 * @param message     result message template; {@code {source}}, {@code {sink}} and {@code {detail}}
 *                    are filled per finding
 * @param language    {@code js} or {@code java}: the analyzer whose hits the rule reports
 * @param advice      taint rules: sink kind -> how to fix data reaching a sink of that kind, the
 *                    {@code {advice}} of the message (a file path is confined, a SQL value bound)
 * @param authenticationSources taint rules on sends: source kinds that are credentials, not reported when
 *                    sending them is the app's own authentication (js/ws-sensitive-send, see its help)
 * @param leads       taint rules: verdicts of their own for data that starts the sink's value with a known text
 * @param pageGlobals taint rules: the verdict of its own for data whose source is a global of the page
 *                    (configuration the server wrote into the page, a build-time constant), or null
 * @param originLevels taint rules with a {@code check} that judges where their data came from (the
 *                    message handler's origin check): verdict ({@code none}, {@code weak}, {@code channel})
 *                    -> level; data from a handler whose check is sound is not reported
 */
public record RuleMeta(String id, String name, String shortDescription, String fullDescription,
                       String helpMarkdown, Level level, String securitySeverity, String precision,
                       List<String> tags, Map<String, List<String>> compliance, String kind,
                       List<String> sources, List<String> sinks, String check, String message,
                       String language, Map<String, String> advice, List<String> authenticationSources,
                       List<Lead> leads, Verdict pageGlobals, Map<String, Level> originLevels) {

    /** Whether the rule's level follows the sender check of its data's handler (then its check makes no hits of its own). */
    public boolean gradesSender() {
        return !originLevels.isEmpty();
    }

    /** Verdicts of a message handler's sender check that {@code originLevels} gives a level. */
    public static final List<String> ORIGIN_VERDICTS = List.of("none", "weak", "channel");

    /**
     * A taint rule's verdict for data known to start with {@code lead} ({@code /}: the page's own path)
     * at the start of the sink's value: its own level and message.
     */
    public record Lead(String lead, Level level, String message) {
    }

    /** A level and message of its own for the findings of some of a rule's source kinds. */
    public record Verdict(List<String> sources, Level level, String message) {
    }

    /** The rule's verdict for data that starts the value with {@code lead}, or null. */
    public Lead leadFor(String lead) {
        if (lead == null) return null;
        for (Lead l : leads) if (l.lead().equals(lead)) return l;
        return null;
    }

    /** The advice for a finding at a sink of these kinds: the first of the rule's sinks that has one. */
    public String adviceFor(java.util.Collection<String> sinkKinds) {
        for (String k : sinks) if (sinkKinds.contains(k) && advice.containsKey(k)) return advice.get(k);
        return "";
    }

    /** Rules whose check reads the policy's host allowlist run only when the policy has one. */
    public boolean needsAllowlist() {
        return "untrusted-host".equals(check);
    }

    public boolean isTaint() {
        return "taint".equals(kind);
    }

    /** Plain-text help for SARIF {@code help.text}: the markdown with its markup stripped down. */
    public String helpText() {
        return helpMarkdown.replaceAll("(?m)^#+\\s*", "").replace("`", "");
    }

    /** CWE ids from the tags, e.g. {@code external/cwe/cwe-079 -> CWE-79}. */
    public List<String> cwes() {
        return tags.stream().filter(t -> t.startsWith("external/cwe/cwe-"))
                .map(t -> "CWE-" + Integer.parseInt(t.substring("external/cwe/cwe-".length())))
                .toList();
    }
}

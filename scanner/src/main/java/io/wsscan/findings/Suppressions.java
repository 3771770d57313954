package io.wsscan.findings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions. A comment on the nearest non-blank line before a finding's start line,
 * <pre>
 * // wsscan-ignore js/ws-message-xss: the server escapes this feed
 * /* wsscan-ignore js/ws-cleartext, js/ws-sensitive-send: lab-only test harness *&#47;
 * </pre>
 * suppresses findings of the named rules that start on that line. The comment must be the only thing
 * on its line; ids are comma-separated; the reason after ':' is optional but recommended. Suppressed
 * findings stay in the results (SARIF {@code suppressions}) and do not count for {@code --fail-on}.
 *
 * <p>Extension point: other kinds of suppression (Java {@code @SuppressWarnings("wsscan:RULE_ID")},
 * which needs the declaration ranges a Java front end knows) are further {@link Suppressor}s; pass them
 * to {@link #apply(List, List)} together with {@link #inlineComments(String)}.
 */
public final class Suppressions {

    /** Says whether one finding of one file is suppressed, and why. */
    @FunctionalInterface
    public interface Suppressor {
        /** The suppression covering this finding, or null. */
        Finding.Suppression suppressionFor(Finding finding);
    }

    private static final String ID = "[A-Za-z0-9_][A-Za-z0-9_./-]*";
    private static final Pattern COMMENT = Pattern.compile(
            "^\\s*(?://+|/\\*+)\\s*wsscan-ignore\\s+(" + ID + "(?:\\s*,\\s*" + ID + ")*)"
                    + "\\s*(?::\\s*(.*?))?\\s*(?:\\*+/)?\\s*$");

    private Suppressions() {
    }

    /** Applies the inline {@code wsscan-ignore} comments of a file's text to that file's findings. */
    public static List<Finding> apply(String text, List<Finding> findings) {
        if (findings.isEmpty() || !text.contains("wsscan-ignore")) return findings;
        return apply(findings, List.of(inlineComments(text)));
    }

    /** Marks each finding that one of the suppressors covers (the first that answers wins). */
    public static List<Finding> apply(List<Finding> findings, List<Suppressor> suppressors) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Finding.Suppression s = null;
            if (!f.suppressed()) {
                for (Suppressor sup : suppressors) {
                    s = sup.suppressionFor(f);
                    if (s != null) break;
                }
            }
            out.add(s == null ? f : f.withSuppression(s));
        }
        return out;
    }

    /** The suppressor for {@code wsscan-ignore} comments in this text. */
    public static Suppressor inlineComments(String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        Map<Integer, Finding.Suppression> cache = new HashMap<>();
        return f -> {
            int start = f.region().startLine();
            int prev = start - 1;
            while (prev >= 1 && prev <= lines.length && lines[prev - 1].isBlank()) prev--;
            if (prev < 1 || prev > lines.length) return null;
            Comment c = parse(lines[prev - 1]);
            if (c == null || !c.ids().contains(f.ruleId())) return null;
            return cache.computeIfAbsent(prev, l -> new Finding.Suppression(c.reason(), l));
        };
    }

    /** A parsed {@code wsscan-ignore} comment: the rule ids and the reason ("" when none is given). */
    public record Comment(List<String> ids, String reason) {
    }

    /** Parses one line as a {@code wsscan-ignore} comment, or returns null when it is not one. */
    public static Comment parse(String line) {
        if (!line.contains("wsscan-ignore")) return null;
        Matcher m = COMMENT.matcher(line);
        if (!m.matches()) return null;
        List<String> ids = new ArrayList<>();
        for (String id : m.group(1).split(",")) ids.add(id.trim());
        String reason = m.group(2) == null ? "" : m.group(2).trim();
        return new Comment(List.copyOf(ids), reason);
    }
}

package io.wsscan.findings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    private static final String MARKER = "wsscan-ignore";

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

    /**
     * Parses one line as a {@code wsscan-ignore} comment, or returns null when it is not one. A scan
     * from left to right, linear in the line's length (a regular expression with repeated groups
     * overflowed the stack on a comment listing a thousand ids).
     */
    public static Comment parse(String line) {
        int at = line.indexOf(MARKER);
        if (at < 0) return null;
        int i = spaces(line, 0);
        if (line.startsWith("/*", i)) {
            i += 2;
            while (i < line.length() && line.charAt(i) == '*') i++;
        } else if (line.startsWith("//", i)) {
            while (i < line.length() && line.charAt(i) == '/') i++;
        } else {
            return null;
        }
        i = spaces(line, i);
        if (!line.startsWith(MARKER, i)) return null;
        i += MARKER.length();
        int afterMarker = i;
        i = spaces(line, i);
        if (i == afterMarker) return null;
        List<String> ids = new ArrayList<>();
        while (true) {
            int end = idEnd(line, i);
            if (end == i) return null;
            ids.add(line.substring(i, end));
            i = spaces(line, end);
            if (i < line.length() && line.charAt(i) == ',') {
                i = spaces(line, i + 1);
            } else {
                break;
            }
        }
        String reason = "";
        if (i < line.length() && line.charAt(i) == ':') {
            reason = line.substring(i + 1).strip();
        } else if (!closing(line.substring(i).strip())) {
            return null;
        }
        reason = withoutClosing(reason);
        return new Comment(List.copyOf(ids), reason);
    }

    private static int spaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    /** The end of a rule id starting at {@code i}: {@code [A-Za-z0-9_][A-Za-z0-9_./-]*}; {@code i} when there is none. */
    private static int idEnd(String s, int i) {
        if (i >= s.length() || !idChar(s.charAt(i), true)) return i;
        int j = i + 1;
        while (j < s.length() && idChar(s.charAt(j), false)) j++;
        return j;
    }

    private static boolean idChar(char c, boolean first) {
        boolean alnum = c < 0x80 && (Character.isLetterOrDigit(c) || c == '_');
        return alnum || !first && (c == '.' || c == '/' || c == '-');
    }

    /** True for "" or a block comment's end ({@code *}/ after one or more '*'). */
    private static boolean closing(String rest) {
        if (rest.isEmpty()) return true;
        if (!rest.endsWith("/") || rest.length() < 2) return false;
        for (int k = 0; k < rest.length() - 1; k++) {
            if (rest.charAt(k) != '*') return false;
        }
        return true;
    }

    /** The reason without a trailing block comment end. */
    private static String withoutClosing(String reason) {
        if (!reason.endsWith("*/")) return reason;
        int k = reason.length() - 1;
        while (k > 0 && reason.charAt(k - 1) == '*') k--;
        return reason.substring(0, k).strip();
    }
}

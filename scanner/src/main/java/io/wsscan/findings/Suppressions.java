package io.wsscan.findings;

import java.util.ArrayList;
import java.util.List;

/**
 * Inline suppressions. A comment on its own line suppresses findings of the named rules that start on
 * the nearest non-blank line after it; a comment after code suppresses findings that start on its own
 * line; {@code wsscan-ignore-file} suppresses the rules in the whole file:
 * <pre>
 * // wsscan-ignore js/ws-message-xss: the server escapes this feed
 * /* wsscan-ignore js/ws-cleartext, js/ws-sensitive-send: lab-only test harness *&#47;
 * ws.send(token); // wsscan-ignore js/ws-sensitive-send: the token is the login itself
 * // wsscan-ignore-file js/ws-cleartext: a fixture for the local test server
 * &lt;!-- wsscan-ignore js/ws-cleartext: the kiosk page's LAN server --&gt;
 * </pre>
 * Ids are comma-separated; the reason after ':' is optional but recommended. Suppressed findings stay
 * in the results (SARIF {@code suppressions}) and do not count for {@code --fail-on}. A comment without
 * a rule id, and an id no rule has, suppress nothing and say so ({@link #check}); so does, when asked,
 * a comment that suppressed nothing.
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
    private static final String FILE_MARKER = "wsscan-ignore-file";
    /** The kind of the notifications about suppression comments. */
    public static final String NOTE_KIND = "suppression";

    /** Where a comment applies: the next code line, its own line, or the whole file. */
    private enum Scope { NEXT_LINE, SAME_LINE, FILE }

    /** One {@code wsscan-ignore} comment of a file: its line and column, scope, and what it says (null: malformed). */
    private record Marked(int line, int column, Scope scope, Comment comment) {
    }


    private Suppressions() {
    }

    /** Applies the inline {@code wsscan-ignore} comments of a file's text to that file's findings. */
    public static List<Finding> apply(String text, List<Finding> findings) {
        return applyAndMark(text, findings).findings();
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
        List<Marked> marked = marked(lines);
        return f -> {
            Marked m = covering(marked, lines, f);
            return m == null ? null : new Finding.Suppression(m.comment().reason(), m.line());
        };
    }

    /** A file's {@code wsscan-ignore} comments as applied: each with whether it suppressed a finding. */
    public record Applied(List<Finding> findings, List<Mark> marks) {
    }

    /** One comment: its line and column, whether it is a file's, what it says (null: malformed), and whether it was used. */
    public record Mark(int line, int column, boolean fileWide, Comment comment, boolean used) {
    }

    /** Applies the comments of one file's text and tells what each did (for {@link #problems}). */
    public static Applied applyAndMark(String text, List<Finding> findings) {
        if (!text.contains(MARKER)) return new Applied(findings, List.of());
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<Marked> marked = marked(lines);
        java.util.Set<Marked> used = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Marked m = f.suppressed() ? null : covering(marked, lines, f);
            if (m != null) used.add(m);
            out.add(m == null ? f : f.withSuppression(new Finding.Suppression(m.comment().reason(), m.line())));
        }
        List<Mark> marks = new ArrayList<>(marked.size());
        for (Marked m : marked) marks.add(new Mark(m.line(), m.column(), m.scope() == Scope.FILE, m.comment(), used.contains(m)));
        return new Applied(out, marks);
    }

    /**
     * What is wrong with a file's comments: a comment without a rule id and an id that no rule of
     * {@code knownRules} has suppress nothing, silently, unless said ({@code nearMiss}: the rule id a wrong
     * one probably means, or null); with {@code reportUnused} so does a comment that suppressed no finding.
     */
    public static List<Notification> problems(String relPath, List<Mark> marks, java.util.Set<String> knownRules, boolean reportUnused,
                                              java.util.function.UnaryOperator<String> nearMiss) {
        List<Notification> problems = new ArrayList<>();
        for (Mark m : marks) {
            String what = m.fileWide() ? FILE_MARKER : MARKER;
            if (m.comment() == null) {
                problems.add(new Notification(relPath, m.line(), m.column(), NOTE_KIND, what
                        + " without a rule id suppresses nothing: write " + what + " RULE[, RULE]: reason"));
                continue;
            }
            List<String> unknown = m.comment().ids().stream().filter(id -> !knownRules.contains(id)).toList();
            boolean known = unknown.isEmpty();
            if (!known) {
                // one note per comment, however many ids it gets wrong
                String near = nearMiss.apply(unknown.get(0));
                String first = "'" + unknown.get(0) + "'" + (near == null ? "" : " (did you mean '" + near + "'?)");
                String more = unknown.size() == 1 ? "" : " and " + (unknown.size() - 1) + " more";
                problems.add(new Notification(relPath, m.line(), m.column(), NOTE_KIND, what + " names " + first + more
                        + ", which no rule has, so " + (unknown.size() == 1 ? "it suppresses" : "they suppress") + " nothing"));
            }
            if (reportUnused && known && !m.used()) {
                problems.add(new Notification(relPath, m.line(), m.column(), NOTE_KIND, what + " " + String.join(", ", m.comment().ids())
                        + ": suppressed no finding in this scan"));
            }
        }
        return problems;
    }

    /** The comment that suppresses {@code f}: one on its line, one on the nearest non-blank line before it, or a file's. */
    private static Marked covering(List<Marked> marked, String[] lines, Finding f) {
        int start = f.region().startLine();
        int prev = start - 1;
        while (prev >= 1 && prev <= lines.length && lines[prev - 1].isBlank()) prev--;
        for (Marked m : marked) {
            if (m.comment() == null || !m.comment().ids().contains(f.ruleId())) continue;
            boolean covers = switch (m.scope()) {
                case SAME_LINE -> m.line() == start;
                case NEXT_LINE -> m.line() == prev;
                case FILE -> true;
            };
            if (covers) return m;
        }
        return null;
    }

    /** Every {@code wsscan-ignore} comment of the text, well-formed or not. */
    private static List<Marked> marked(String[] lines) {
        List<Marked> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int at = line.indexOf(MARKER);
            if (at < 0) continue;
            int opener = opener(line, at);
            if (opener < 0) continue; // the word in code or a string, not in a comment
            boolean file = line.startsWith(FILE_MARKER, at);
            String comment = line.substring(opener);
            if (comment.startsWith("<!--")) comment = "//" + comment.substring(4).replaceFirst("\\s*-->\\s*$", "");
            if (file) comment = comment.substring(0, at - opener) + MARKER + comment.substring(at - opener + FILE_MARKER.length());
            Scope scope = file ? Scope.FILE : line.substring(0, opener).isBlank() ? Scope.NEXT_LINE : Scope.SAME_LINE;
            out.add(new Marked(i + 1, opener + 1, scope, parse(comment)));
        }
        return out;
    }

    /** Where the comment holding the marker at {@code at} opens ({@code //}, {@code /*}, {@code <!--}), or -1. */
    private static int opener(String line, int at) {
        int k = at;
        while (k > 0 && Character.isWhitespace(line.charAt(k - 1))) k--;
        if (k >= 4 && line.startsWith("<!--", k - 4)) return k - 4;
        int stars = k;
        while (stars > 0 && line.charAt(stars - 1) == '*') stars--;
        if (stars < k && stars > 0 && line.charAt(stars - 1) == '/') return stars - 1;
        int slashes = k;
        while (slashes > 0 && line.charAt(slashes - 1) == '/') slashes--;
        return k - slashes >= 2 ? slashes : -1;
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

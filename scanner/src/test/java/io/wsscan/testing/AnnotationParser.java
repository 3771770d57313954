/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.testing;

import io.wsscan.testing.Annotation.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the annotations of one source file (docs/architecture.md, "Contracts the code keeps"): the one parser of the test corpus and of
 * {@link RuleTester}.
 *
 * <ul>
 *   <li>An annotation is a comment on its own line: {@code // KEYWORD: ID[, ID...]} with the keywords
 *       {@code expect}, {@code safe}, {@code expect-missing} and {@code expect-spurious}; in HTML also
 *       {@code <!-- expect: ID -->}. Keywords are lower case. An {@code expect} id may be followed by a
 *       quoted message substring: {@code // expect: js/ws-message-xss "innerHTML"} (no {@code "} inside
 *       it), and by a level the finding must have: {@code // expect: java/ws-missing-origin-check@note}
 *       (levels {@code error}, {@code warning}, {@code note}). {@code #} comments are not annotations, except in framework settings files
 *       ({@code .properties}, {@code .yml}, {@code .yaml}), where {@code # expect: ID} is the form.</li>
 *   <li>It applies to the next line that is not blank and not a comment line ({@code //} lines, lines of
 *       a {@code /* ... *}{@code /} or {@code <!-- ... -->} comment). Consecutive annotation lines all
 *       apply to the same code line, so one line can carry both {@code expect} and {@code safe} ids.</li>
 *   <li>Mistakes are reported as {@link Problem}s, never skipped silently: an annotation after code on
 *       the same line, an annotation with no code line after it, a malformed or empty id list, a message
 *       on anything but {@code expect}, the same rule twice on one line (also under two keywords), a
 *       keyword in the wrong case.</li>
 * </ul>
 * Whether an id is a known rule is checked by the caller (it needs the rule catalog).
 */
public final class AnnotationParser {

    /** A mistake in a corpus file's annotations. */
    public record Problem(String file, int line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    /** The annotations of one file, in file order, and the mistakes found. */
    public record Result(List<Annotation> annotations, List<Problem> problems) {
    }

    /** The keywords, longest first so that {@code expect} does not take {@code expect-missing}. */
    private static final String KEYWORDS = "expect-missing|expect-spurious|expect|safe";

    /** One entry of an id list: an id, optionally followed by a quoted message substring. */
    private static final Pattern ENTRY = Pattern.compile("([^\\s\"@]+)(?:@(\\S+))?(?:\\s+\"([^\"]*)\")?");

    /** The levels an {@code expect} may name after {@code @}. */
    private static final java.util.Set<String> LEVELS = java.util.Set.of("error", "warning", "note");

    /** An annotation comment: {@code // kw: ids} or {@code <!-- kw: ids -->} (trimmed line). */
    private static final Pattern ANNOTATION = Pattern.compile(
            "^(?://|<!--)\\s*(" + KEYWORDS + ")\\s*:(.*?)(-->)?\\s*$", Pattern.CASE_INSENSITIVE);

    /** An annotation-looking comment after code on the same line. */
    private static final Pattern TRAILING = Pattern.compile(
            "(?://|<!--)\\s*(?:" + KEYWORDS + ")\\s*:", Pattern.CASE_INSENSITIVE);

    /** A rule id: {@code lang/name}, lower case, digits and dashes. */
    static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*");

    private AnnotationParser() {
    }

    /** Framework settings files (application.properties, application.yml) use '#' comments. */
    static boolean isSettingsFile(String file) {
        String f = file.toLowerCase(Locale.ROOT);
        return f.endsWith(".properties") || f.endsWith(".yml") || f.endsWith(".yaml");
    }

    /** Parses the annotations of {@code text}; {@code file} is only used in results and messages. */
    public static Result parse(String file, String text) {
        List<Annotation> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        if (isSettingsFile(file)) {
            // settings files comment with '#': read '# expect: ...' as '// expect: ...'
            for (int i = 0; i < lines.length; i++) {
                String t = lines[i].strip();
                if (t.startsWith("#")) lines[i] = "//" + t.substring(1);
            }
        }

        List<Pending> pending = new ArrayList<>();
        Block block = Block.NONE;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String t = lines[i].strip();

            // --- classify the line: comment (or blank) versus code ---
            boolean comment;
            if (block != Block.NONE) {
                int end = t.indexOf(block.close);
                if (end < 0) {
                    comment = true;
                } else {
                    comment = t.substring(end + block.close.length()).isBlank();
                    block = Block.NONE;
                }
            } else if (t.isEmpty() || t.startsWith("//")) {
                comment = true;
            } else if (t.startsWith("/*") || t.startsWith("<!--")) {
                Block b = t.startsWith("/*") ? Block.JS : Block.HTML;
                int end = t.indexOf(b.close, b.open.length());
                if (end < 0) {
                    comment = true;
                    block = b;
                } else {
                    comment = t.substring(end + b.close.length()).isBlank();
                }
            } else {
                comment = false;
            }

            if (comment) {
                Matcher m = ANNOTATION.matcher(t);
                if (m.matches() && t.startsWith("<!--") && m.group(3) == null) {
                    problems.add(new Problem(file, lineNo, "an HTML annotation must end with '-->' on the same line"));
                    continue;
                }
                if (m.matches()) {
                    String kw = m.group(1);
                    if (!kw.equals(kw.toLowerCase(Locale.ROOT))) {
                        problems.add(new Problem(file, lineNo, "annotation keyword must be lower case: '" + kw + "'"));
                        continue;
                    }
                    Kind kind = Kind.of(kw);
                    pending.addAll(entries(file, lineNo, kind, m.group(2), problems));
                }
                continue;
            }

            // --- a code line: it receives the pending annotations ---
            if (TRAILING.matcher(t).find()) {
                problems.add(new Problem(file, lineNo,
                        "annotation after code on the same line; put it on its own line before the code"));
            }
            if (!pending.isEmpty()) {
                Map<String, Pending> seen = new LinkedHashMap<>();
                for (Pending p : pending) {
                    Pending prev = seen.putIfAbsent(p.ruleId, p);
                    if (prev == null) {
                        out.add(new Annotation(file, p.commentLine, lineNo, p.kind, p.ruleId, p.message, p.level));
                    } else if (prev.kind == p.kind) {
                        problems.add(new Problem(file, p.commentLine,
                                "'" + p.ruleId + "' is annotated twice for line " + lineNo));
                    } else {
                        problems.add(new Problem(file, p.commentLine, "'" + p.ruleId + "' is both "
                                + prev.kind.keyword() + " and " + p.kind.keyword() + " on line " + lineNo));
                    }
                }
                pending.clear();
            }
        }
        for (Pending p : pending) {
            problems.add(new Problem(file, p.commentLine,
                    "'" + p.kind.keyword() + ": " + p.ruleId + "' has no code line after it"));
        }
        return new Result(List.copyOf(out), List.copyOf(problems));
    }

    private static List<Pending> entries(String file, int line, Kind kind, String list, List<Problem> problems) {
        List<Pending> out = new ArrayList<>();
        String body = list.strip();
        if (body.isEmpty()) {
            problems.add(new Problem(file, line, "annotation without rule ids"));
            return out;
        }
        for (String raw : splitOutsideQuotes(body)) {
            String entry = raw.strip();
            Matcher m = ENTRY.matcher(entry);
            if (!m.matches() || !RULE_ID.matcher(m.group(1)).matches()) {
                problems.add(new Problem(file, line, "malformed rule id '" + entry
                        + "' (expected ids like js/ws-cleartext, each optionally followed by a \"message substring\","
                        + " separated by commas)"));
            } else if (m.group(2) != null && !LEVELS.contains(m.group(2))) {
                problems.add(new Problem(file, line, "unknown level '" + m.group(2) + "' for '" + m.group(1)
                        + "' (expected error, warning or note)"));
            } else if ((m.group(2) != null || m.group(3) != null) && kind != Kind.EXPECT) {
                problems.add(new Problem(file, line, "a level or message substring is only allowed on 'expect', not on '"
                        + kind.keyword() + "'"));
            } else if (m.group(3) != null && m.group(3).isBlank()) {
                problems.add(new Problem(file, line, "empty message substring for '" + m.group(1) + "'"));
            } else {
                out.add(new Pending(line, kind, m.group(1), m.group(3), m.group(2)));
            }
        }
        return out;
    }

    /** Splits at commas that are not inside a quoted message. */
    private static List<String> splitOutsideQuotes(String s) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    private record Pending(int commentLine, Kind kind, String ruleId, String message, String level) {
    }
    private enum Block {
        NONE("", ""), JS("/*", "*/"), HTML("<!--", "-->");

        final String open;
        final String close;

        Block(String open, String close) {
            this.open = open;
            this.close = close;
        }
    }
}

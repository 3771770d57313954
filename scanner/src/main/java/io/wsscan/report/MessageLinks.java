package io.wsscan.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line references of a finding's message ({@code (line 7)}, {@code at line 20},
 * {@code (chat.js line 8)}, {@code DeskEndpoint.java line 12}) as SARIF embedded links: the reference becomes
 * {@code [line 7](1)} and location 1 goes to the result's {@code relatedLocations}, so GitHub code scanning
 * makes it a link to that line (SARIF 2.1.0 §3.11.6). A reference whose file cannot be told is left as text.
 */
final class MessageLinks {

    /** An optional file (a path or a name with an extension) and the line number. */
    private static final Pattern REFERENCE = Pattern.compile("(?:([\\w@$~+./-]*[\\w$~+-]\\.[A-Za-z0-9]{1,12}) )?\\bline (\\d{1,9})\\b");

    /** A linked line: the file relative to the scan root and its 1-based line. */
    record Target(String file, int line) {
    }

    /** The message with its links; {@code targets.get(i)} is the location with id {@code i + 1}. */
    record Linked(String text, List<Target> targets) {
    }

    private MessageLinks() {
    }

    /**
     * Links the line references of {@code message}. {@code resolve} gets the file named before "line" (null when
     * none: the finding's own file) and the line, and returns the file (scan-relative) holding that line, or null
     * when the reference is not to be linked. Literal brackets in a linked message are escaped, as SARIF asks.
     */
    static Linked link(String message, BiFunction<String, Integer, String> resolve) {
        Matcher m = REFERENCE.matcher(message);
        Map<Target, Integer> ids = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            int line;
            try {
                line = Integer.parseInt(m.group(2));
            } catch (NumberFormatException e) {
                continue;
            }
            String file = resolve.apply(m.group(1), line);
            if (file == null || line < 1) continue;
            Integer id = ids.computeIfAbsent(new Target(file, line), t -> ids.size() + 1);
            out.append(escape(message.substring(last, m.start()))).append('[').append(escape(m.group())).append("](")
                    .append(id).append(')');
            last = m.end();
        }
        if (ids.isEmpty()) return new Linked(message, List.of());
        out.append(escape(message.substring(last)));
        return new Linked(out.toString(), new ArrayList<>(ids.keySet()));
    }

    /** Literal brackets of plain text in a message that has links (SARIF §3.11.6 escapes them with a backslash). */
    private static String escape(String s) {
        if (s.indexOf('[') < 0 && s.indexOf(']') < 0) return s;
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[' || c == ']') sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }
}

package io.wsscan.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule's help, or a section of it, as HTML for the report. Rule help is markdown of a small dialect
 * (headings, paragraphs, {@code - } lists, inline code, fenced code); only that is rendered, and all
 * text is escaped: a custom ruleset's help is not trusted.
 */
final class HelpHtml {

    private HelpHtml() {
    }

    /** The "How to fix" section of {@code markdown} as HTML, or "" when it has none. */
    static String fix(String markdown) {
        return html(section(markdown, "How to fix"));
    }

    /** The lines under the {@code ## heading} of that name, up to the next heading of any level. */
    static String section(String markdown, String heading) {
        if (markdown == null) return "";
        StringBuilder out = new StringBuilder();
        boolean in = false;
        boolean fenced = false;
        for (String line : markdown.lines().toList()) {
            if (line.startsWith("```")) fenced = !fenced;
            if (!fenced && line.startsWith("#")) {
                String title = line.replaceFirst("^#+\\s*", "").strip();
                if (in) break;
                in = title.equalsIgnoreCase(heading);
                continue;
            }
            if (in) out.append(line).append('\n');
        }
        return out.toString().strip();
    }

    /** Paragraphs, {@code - } lists and fenced code blocks of a markdown fragment as HTML. */
    static String html(String md) {
        StringBuilder h = new StringBuilder();
        List<String> para = new ArrayList<>();
        boolean list = false;
        boolean fenced = false;
        for (String line : (md + "\n").lines().toList()) {
            if (fenced) {
                if (line.startsWith("```")) {
                    h.append("</code></pre>");
                    fenced = false;
                } else {
                    h.append(HtmlReport.esc(line)).append('\n');
                }
                continue;
            }
            boolean item = line.startsWith("- ") || line.startsWith("* ");
            if (line.isBlank() || item || line.startsWith("```")) {
                paragraph(h, para);
                if (!item && list) {
                    h.append("</ul>");
                    list = false;
                }
            }
            if (line.startsWith("```")) {
                h.append("<pre><code>");
                fenced = true;
            } else if (item) {
                if (!list) h.append("<ul>");
                list = true;
                h.append("<li>").append(inline(line.substring(2).strip())).append("</li>");
            } else if (!line.isBlank()) {
                if (list && line.startsWith(" ")) {
                    // a continuation line of the last item
                    h.setLength(h.length() - "</li>".length());
                    h.append(' ').append(inline(line.strip())).append("</li>");
                } else {
                    para.add(line.strip());
                }
            }
        }
        paragraph(h, para);
        if (list) h.append("</ul>");
        if (fenced) h.append("</code></pre>");
        return h.toString();
    }

    private static void paragraph(StringBuilder h, List<String> para) {
        if (para.isEmpty()) return;
        h.append("<p>").append(inline(String.join(" ", para))).append("</p>");
        para.clear();
    }

    /** Escapes text and turns {@code `code`} spans into code elements and {@code **text**} into strong text. */
    static String inline(String text) {
        StringBuilder out = new StringBuilder();
        String[] parts = text.split("`", -1);
        for (int i = 0; i < parts.length; i++) {
            // an odd count of backticks leaves the last part outside any span
            boolean code = i % 2 == 1 && i < parts.length - (parts.length % 2 == 0 ? 1 : 0);
            if (code) out.append("<code>").append(HtmlReport.esc(parts[i])).append("</code>");
            else out.append(HtmlReport.esc((i % 2 == 1 ? "`" : "") + parts[i]).replaceAll("\\*\\*(\\S(?:.*?\\S)?)\\*\\*", "<strong>$1</strong>"));
        }
        return out.toString();
    }
}

package io.wsscan.engine;

import io.wsscan.findings.Notification;

import java.util.regex.Pattern;

/**
 * Reports wsscan wrote, recognised by their content (not their name, which the user chose): a report
 * left in the scanned tree must not be scanned as source the next time. An HTML report would be read as a
 * template (its inline script and the code excerpts it quotes), and a report saved without an extension
 * would be searched for WebSocket use; SARIF and JSON reports are recognised too, for names no rule skips.
 */
final class OwnReports {

    /** The note kind of a skipped report. */
    static final String KIND = "wsscan-report";

    /** How much of the start and the end of a file is looked at. */
    private static final int HEAD = 4096;
    private static final int TAIL = 1024;

    /** HTML reports name their generator; older ones are known by their title and content security policy. */
    private static final Pattern HTML_GENERATOR = Pattern.compile("<meta name=\"generator\" content=\"wsscan[ \"]");
    private static final Pattern HTML_OLD = Pattern.compile("(?s)<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
            + "[^\"]*\">\\s*<title>wsscan report</title>");
    private static final Pattern SARIF = Pattern.compile("(?s)\\A\\s*\\{.{0,200}\"runs\"\\s*:\\s*\\[\\s*\\{\\s*\"tool\"\\s*:\\s*\\{\\s*"
            + "\"driver\"\\s*:\\s*\\{\\s*\"name\"\\s*:\\s*\"wsscan\"");
    private static final Pattern JSON = Pattern.compile("\\A\\s*\\{\\s*\"version\"\\s*:\\s*\"[^\"]*\"\\s*,\\s*\"formatVersion\"\\s*:"
            + "\\s*\\d+\\s*,\\s*\"summary\"\\s*:\\s*\\{");
    /** {@code wsscan inventory} (text, Markdown, CSV) and {@code wsscan report --compliance -f markdown}. */
    private static final Pattern INVENTORY = Pattern.compile("\\A# WebSocket endpoint inventory\n\n## Client connections \\(\\d+\\)\n"
            + "|\\Aside,file,line,framework,url,scheme,host,port,path,unknown,party,auth,handler,origin_policy,matched,classification(,[a-z_]+)*\r?\n");
    private static final Pattern COMPLIANCE = Pattern.compile("\\A# Compliance view\n\n## [^\n]+\n\n\\| Requirement \\| Title \\| Findings \\| Rules \\|\n");
    /** The text report's last summary line: {@code 5 errors, 5 warnings, 0 notes; 5 files analysed, 0 not analysed}. */
    private static final Pattern TEXT = Pattern.compile("(?m)^\\d+ errors?, \\d+ warnings?, \\d+ notes?(?: \\(\\d+ suppressed, not shown\\))?"
            + "; \\d+ files? analysed(?: \\([^\\n]*\\))?, \\d+ not analysed$");

    private OwnReports() {
    }

    /**
     * The format of the wsscan report this text is ({@code HTML}, {@code SARIF}, {@code JSON}, {@code text},
     * {@code inventory}, {@code compliance}), or null.
     */
    static String format(String text) {
        String head = text.length() <= HEAD ? text : text.substring(0, HEAD);
        if (HTML_GENERATOR.matcher(head).find() || HTML_OLD.matcher(head).find()) return "HTML";
        if (SARIF.matcher(head).find()) return "SARIF";
        if (JSON.matcher(head).find()) return "JSON";
        if (INVENTORY.matcher(head).find() || text.startsWith("Client connections (") && text.contains("\nServer endpoints (")
                && text.contains("\nThird-party hosts (")) {
            return "inventory";
        }
        if (COMPLIANCE.matcher(head).find()) return "compliance";
        // the summary ends a text report; a line about test code may follow it
        String tail = text.length() <= TAIL ? text : text.substring(text.length() - TAIL);
        return endsWithSummary(tail) ? "text" : null;
    }

    private static boolean endsWithSummary(String tail) {
        String[] lines = tail.strip().split("\r?\n");
        int n = lines.length;
        return TEXT.matcher(lines[n - 1]).matches() || n > 1 && TEXT.matcher(lines[n - 2]).matches()
                && lines[n - 1].contains("--include-tests");
    }

    /** The note for a file that is one of wsscan's reports, or null when it is not one. */
    static Notification note(String rel, String text) {
        String format = format(text);
        return format == null ? null : new Notification(rel, 0, 0, KIND, (format.equals("HTML") || format.equals("inventory") ? "an " : "a ") + format
                + " report written by wsscan, not scanned as source (move reports out of the scanned tree or --exclude them)");
    }
}

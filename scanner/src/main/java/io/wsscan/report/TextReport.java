package io.wsscan.report;

import io.wsscan.engine.Classification;
import io.wsscan.engine.ScanResult;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Notification;
import io.wsscan.findings.Region;
import io.wsscan.findings.Step;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The human-readable report:
 * <pre>
 * src/chat.js
 * src/chat.js:14:5  error    js/ws-message-xss  WebSocket message data from ... reaches ...
 *     1. src/socket.js:3:22  message event data
 *     2. src/chat.js:14:17  innerHTML
 *
 * Not analysed (1):
 *   lib/huge.min.js  too-large  file is 31 MB, over the 20 MB limit
 *
 * 1 error, 0 warnings, 0 notes (1 suppressed, not shown); 2 files analysed, 1 not analysed
 * </pre>
 * When the parser skipped lines of analysed files, the count says so: {@code 2 files analysed (1 only
 * partly read: lines skipped by parse recovery, see the info notes), 1 not analysed}.
 * A finding in a file that is not production code carries its class after the location
 * ({@code test/chat.test.js:3:1 [test]  note ...}), and a last line counts them.
 * Findings are grouped by file (a header line, then one {@code file:line:col} line per finding so
 * editors and terminals can jump to it); taint findings are followed by their numbered trace.
 * Suppressed findings are only counted. Control characters from scanned code are shown escaped, so a
 * file cannot drive the terminal. ANSI colour only when {@code color} is true.
 */
public final class TextReport {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RED = "\u001b[1;31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";

    private TextReport() {
    }

    /** Writes the report for {@code scan} to {@code out} (flushed, not closed), with "\n" line ends. */
    public static void write(ScanResult scan, Writer out, boolean color) throws IOException {
        new Printer(out, color).print(scan);
        out.flush();
    }

    private record Printer(Writer out, boolean color) {

        void print(ScanResult scan) throws IOException {
            List<Finding> findings = new ArrayList<>(scan.findings());
            findings.sort(Finding.ORDER);
            List<Notification> notes = new ArrayList<>(scan.notifications());
            notes.sort(Notification.ORDER);

            int[] byLevel = new int[Finding.Level.values().length];
            int suppressed = 0;
            String currentFile = null;
            for (Finding f : findings) {
                if (f.suppressed()) {
                    suppressed++;
                    continue;
                }
                byLevel[f.level().ordinal()]++;
                if (!f.file().equals(currentFile)) {
                    if (currentFile != null) out.write('\n');
                    currentFile = f.file();
                    line(style(BOLD, clean(currentFile)));
                }
                finding(f, scan.classOf(f.file()));
            }
            if (!notes.isEmpty()) {
                if (currentFile != null) out.write('\n');
                line(style(BOLD, "Not analysed (" + notes.size() + "):"));
                for (Notification n : notes) {
                    String where = clean(n.file()) + (n.line() > 0 ? ":" + n.line() + (n.column() > 0 ? ":" + n.column() : "") : "");
                    line("  " + where + "  " + clean(n.kind()) + "  " + clean(n.message()));
                }
            }
            if (currentFile != null || !notes.isEmpty()) out.write('\n');
            line(summary(scan.stats(), byLevel, suppressed, scan.partlyReadSummary()));
            String outside = scan.outsideProductionSummary();
            if (outside != null) line(outside);
        }

        private void finding(Finding f, Classification.Kind kind) throws IOException {
            Region r = f.region();
            String level = f.level().sarifName();
            String padded = level + " ".repeat(Math.max(0, 7 - level.length()));
            String tag = kind.production() ? "" : " " + style(DIM, "[" + kind.id() + "]");
            line(clean(f.file()) + ":" + r.startLine() + ":" + r.startColumn() + tag + "  "
                    + style(levelColour(f.level()), padded) + "  " + clean(f.ruleId()) + "  " + clean(f.message()));
            int i = 1;
            for (Step s : f.trace()) {
                line(style(DIM, "    " + i++ + ". " + clean(s.file()) + ":" + s.region().startLine() + ":"
                        + s.region().startColumn() + "  " + clean(s.message())));
            }
        }

        private String summary(ScanResult.Stats stats, int[] byLevel, int suppressed, String partlyRead) {
            StringBuilder sb = new StringBuilder();
            sb.append(count(byLevel[Finding.Level.ERROR.ordinal()], "error")).append(", ")
                    .append(count(byLevel[Finding.Level.WARNING.ordinal()], "warning")).append(", ")
                    .append(count(byLevel[Finding.Level.NOTE.ordinal()], "note"));
            if (suppressed > 0) sb.append(" (").append(suppressed).append(" suppressed, not shown)");
            if (stats != null) {
                sb.append("; ").append(count(stats.filesAnalysed(), "file")).append(" analysed");
                if (partlyRead != null) sb.append(" (").append(partlyRead).append(')');
                sb.append(", ").append(stats.filesSkipped()).append(" not analysed");
            }
            return sb.toString();
        }

        private static String count(int n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }

        private String levelColour(Finding.Level level) {
            return switch (level) {
                case ERROR -> RED;
                case WARNING -> YELLOW;
                case NOTE -> CYAN;
            };
        }

        private String style(String ansi, String text) {
            return color ? ansi + text + RESET : text;
        }

        private void line(String s) throws IOException {
            out.write(s);
            out.write('\n');
        }
    }

    /**
     * One line of text: line breaks and tabs become spaces; other control characters and bidirectional
     * overrides are shown as Java-style backslash-u escapes.
     */
    static String clean(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                sb.append(' ');
            } else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\u2028' || c == '\u2029'
                    || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
                String hex = Integer.toHexString(c);
                sb.append("\\u").append("0".repeat(4 - hex.length())).append(hex);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}

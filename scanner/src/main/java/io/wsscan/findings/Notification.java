package io.wsscan.findings;

import java.util.Comparator;

/**
 * A file that was not (fully) analysed, and why. These go to the summary and to SARIF
 * {@code invocations[0].toolExecutionNotifications}; they never abort a scan.
 *
 * @param kind  short machine-readable reason: {@code parse-error}, {@code too-large}, {@code binary},
 *              {@code time-budget}, {@code too-deep}, {@code read-error}, {@code internal-error}; from
 *              discovery also {@code symlink}, {@code not-a-regular-file}, {@code path-too-long} and
 *              {@code unreadable-name} (see the README), and {@code dependencies} for a {@code node_modules}
 *              folder of installed dependencies that was not walked (a folder, not a skipped file), and
 *              {@code gitignore} (file "": how many files and folders .gitignore left out),
 *              {@code unit-fallback} for a file analysed alone after the analysis with its linked files failed,
 *              and {@code cache} (file "": a cache entry that was not trusted, or a cache folder that could not be used)
 * @param line  1-based line the reason points at, or 0 when it concerns the whole file
 */
public record Notification(String file, int line, int column, String kind, String message) {

    /** Kind of the note on a file analysed alone because the analysis with its linked files failed (it was analysed). */
    public static final String UNIT_FALLBACK = "unit-fallback";

    public static final Comparator<Notification> ORDER = Comparator.comparing(Notification::file)
            .thenComparingInt(Notification::line)
            .thenComparingInt(Notification::column)
            .thenComparing(Notification::kind)
            .thenComparing(Notification::message);

    /**
     * True for notes about files that were skipped entirely (as opposed to analysed with remarks, a
     * {@code node_modules} folder of installed dependencies left out on purpose: kind {@code dependencies},
     * or a suppression comment that does nothing: kind {@code suppression}).
     */
    public boolean fileSkipped() {
        return !kind.equals("info") && !kind.equals("dependencies") && !kind.equals(Suppressions.NOTE_KIND)
                && !kind.equals("gitignore") && !kind.equals(UNIT_FALLBACK) && !kind.equals("cache");
    }
}

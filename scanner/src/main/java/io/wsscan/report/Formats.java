package io.wsscan.report;

import io.wsscan.engine.ScanResult;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report formats, by the name the CLI accepts after {@code -f}. A new format is one more constant
 * here; callers pick a writer with {@link #byName(String)} and never branch on the name themselves.
 */
public enum Formats {

    SARIF("sarif", ".sarif", (scan, options, out) -> SarifReport.write(scan, options.category(), options.inventory(),
            options.includeSuppressed(), out)),
    JSON("json", ".json", (scan, options, out) -> JsonReport.write(scan, out)),
    TEXT("text", ".txt", (scan, options, out) -> TextReport.write(scan, out, options.color())),
    HTML("html", ".html", (scan, options, out) -> HtmlReport.write(scan, options.inventory(), out));

    /**
     * What the writers may need besides the scan.
     *
     * @param category SARIF {@code automationDetails.id}; null means {@link SarifReport#DEFAULT_CATEGORY}
     * @param color    ANSI colour in the text report (only when writing to a terminal that wants it)
     * @param inventory the endpoint inventory to add to the report (SARIF: note results), or null
     * @param includeSuppressed SARIF: keep suppressed findings as results with {@code suppressions} (by default they
     *                  are left out, since GitHub code scanning would open an alert for each)
     */
    public record Options(String category, boolean color, io.wsscan.inventory.Inventory inventory, boolean includeSuppressed) {
        public static final Options DEFAULTS = new Options(SarifReport.DEFAULT_CATEGORY, false);

        public Options(String category, boolean color) {
            this(category, color, null);
        }

        public Options(String category, boolean color, io.wsscan.inventory.Inventory inventory) {
            this(category, color, inventory, false);
        }
    }

    /** Writes one report; implementations flush {@code out} and leave it open. */
    @FunctionalInterface
    public interface ReportWriter {
        void write(ScanResult scan, Options options, Writer out) throws IOException;
    }

    private final String id;
    private final String extension;
    private final ReportWriter writer;

    Formats(String id, String extension, ReportWriter writer) {
        this.id = id;
        this.extension = extension;
        this.writer = writer;
    }

    /** The name used on the command line, e.g. {@code sarif}. */
    public String id() {
        return id;
    }

    /** The usual file name extension, with its dot, e.g. {@code .sarif}. */
    public String extension() {
        return extension;
    }

    /** True for formats that are meant to be read by programs (and so never get colour). */
    public boolean machineReadable() {
        return this != TEXT;
    }

    public void write(ScanResult scan, Options options, Writer out) throws IOException {
        writer.write(scan, options == null ? Options.DEFAULTS : options, out);
    }

    /** The format with this name (case-insensitive), or empty for an unknown name. */
    public static Optional<Formats> byName(String name) {
        if (name == null) return Optional.empty();
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(n)).findFirst();
    }

    /** All names, in declaration order, for usage and error messages. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Formats::id).toList();
    }
}

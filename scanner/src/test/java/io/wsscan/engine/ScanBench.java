package io.wsscan.engine;

import io.wsscan.analysis.JsAnalyzer;
import io.wsscan.html.TemplateAnalyzer;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The parse-only baselines of a scan (not a unit test): the real {@link Scanner} over a folder, with
 * the same discovery, reading, threads and front-end chain as {@code wsscan scan}, but no JS/TS file
 * is analysed: with {@code lower} each one is parsed and lowered into the IR, with {@code syntax} only
 * parsed (what a full scan does with a file that no model applies to). Run in a fresh JVM with the
 * launcher's options, their times are what a full scan of the same folder is compared with
 * ({@code scanner/bench/throughput.sh} does all three).
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -cp scanner/target/test-classes:scanner/target/wsscan.jar io.wsscan.engine.ScanBench lower|syntax|java DIR
 * </pre>
 *
 * With {@code java} the folder's Java files are parsed by the Java front end (file by file on the scan's
 * pool) and nothing else is done: the floor of a Java scan of the same folder.
 *
 * Templates (HTML, JSP, Vue: a handful of files in a package folder) are analysed in full, as there is
 * no cheaper way to read them through the same path.
 */
public final class ScanBench {

    public static void main(String[] args) {
        if (args.length != 2 || !List.of("lower", "syntax", "java").contains(args[0])) {
            System.err.println("usage: ScanBench lower|syntax|java DIR");
            System.exit(2);
        }
        boolean lower = args[0].equals("lower");
        long t0 = System.nanoTime();
        ScanOptions options = ScanOptions.builder().path(Path.of(args[1])).build();
        Scanner scanner = args[0].equals("java") ? new Scanner(catalog -> List.of(javaParseOnly())) : new Scanner(catalog -> {
            JsAnalyzer js = new JsAnalyzer(catalog);
            FileAnalyzer readOnly = new FileAnalyzer() {
                @Override
                public boolean accepts(String relPath) {
                    return js.accepts(relPath);
                }

                @Override
                public FileReport analyze(SourceFile file) {
                    return js.parseOnly(file, lower);
                }
            };
            return List.of(readOnly, new TemplateAnalyzer(js));
        });
        ScanResult r = scanner.scan(options);
        double secs = (System.nanoTime() - t0) / 1e9;
        double mb = r.stats().bytesAnalysed() / 1048576.0;
        System.out.printf(Locale.ROOT, "parse only (%s): %d files read (%.1f MB in %.2f s, %.1f MB/s, %.1f files/s, peak heap %d MB), %d not analysed%n",
                args[0].equals("java") ? "Java front end" : lower ? "parse + lower" : "syntax only", r.stats().filesAnalysed(), mb, secs, mb / secs, r.stats().filesAnalysed() / secs, Scanner.peakHeapBytes() / 1048576,
                r.stats().filesSkipped());
    }

    /** Every .java file parsed by the Java front end, and nothing more. */
    private static FileAnalyzer javaParseOnly() {
        io.wsscan.java.JavaFrontEnd frontEnd = new io.wsscan.java.JavaFrontEnd();
        return new FileAnalyzer() {
            @Override
            public boolean accepts(String relPath) {
                return relPath.endsWith(".java");
            }

            @Override
            public FileReport analyze(SourceFile file) {
                try {
                    frontEnd.parse(file.text());
                    return new FileReport(List.of(), List.of(), "javaparser", true, List.of());
                } catch (io.wsscan.java.JavaFrontEnd.Failure e) {
                    return FileReport.skipped(new io.wsscan.findings.Notification(file.relPath(), e.line, e.column, e.kind, e.getMessage()));
                }
            }
        };
    }
}

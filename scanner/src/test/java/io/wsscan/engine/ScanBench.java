package io.wsscan.engine;

import io.wsscan.analysis.JsAnalyzer;
import io.wsscan.html.TemplateAnalyzer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The parse-only baseline of a scan (not a unit test): the real {@link Scanner} over a folder, with
 * the same discovery, reading, threads and front-end chain as {@code wsscan scan}, but every JS/TS
 * file is only read through the front ends (parse + lower) and not analysed. Run in a fresh JVM with
 * the launcher's options, its time is what a full scan of the same folder is compared with
 * ({@code scanner/bench/throughput.sh} does both).
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -cp scanner/target/test-classes:scanner/target/wsscan.jar io.wsscan.engine.ScanBench DIR
 * </pre>
 *
 * Templates (HTML, JSP, Vue: a handful of files in a package folder) are analysed in full, as there is
 * no cheaper way to read them through the same path.
 */
public final class ScanBench {

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ScanBench DIR");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        ScanOptions options = ScanOptions.builder().path(Path.of(args[0])).build();
        Scanner scanner = new Scanner(catalog -> {
            JsAnalyzer js = new JsAnalyzer(catalog);
            FileAnalyzer readOnly = new FileAnalyzer() {
                @Override
                public boolean accepts(String relPath) {
                    return js.accepts(relPath);
                }

                @Override
                public FileReport analyze(SourceFile file) {
                    return js.parseOnly(file);
                }
            };
            return List.of(readOnly, new TemplateAnalyzer(js));
        });
        ScanResult r = scanner.scan(options);
        double secs = (System.nanoTime() - t0) / 1e9;
        double mb = r.stats().bytesAnalysed() / 1048576.0;
        System.out.printf(Locale.ROOT, "parse only: %d files analysed (%.1f MB in %.2f s, %.1f MB/s, %.1f files/s, peak heap %d MB), %d not analysed%n",
                r.stats().filesAnalysed(), mb, secs, mb / secs, r.stats().filesAnalysed() / secs, peakHeap() / 1048576,
                r.stats().filesSkipped());
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }
}

package io.wsscan.analysis;

import io.wsscan.engine.FileReport;
import io.wsscan.engine.SourceFile;
import io.wsscan.rules.RuleCatalog;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the analysis time goes (not a unit test): analyses each file named on stdin (one path per
 * line) alone, one thread, after one warm-up pass, in thread CPU time, and prints the slowest files with their time and
 * speed, and the total.
 *
 * <pre>
 * find DIR -name '*.js' | xargs grep -l WebSocket | \
 *   java -cp scanner/target/test-classes:scanner/target/wsscan.jar io.wsscan.analysis.EngineBench [top]
 * </pre>
 */
public final class EngineBench {

    private record Timing(String path, long bytes, long nanos, int findings) {
    }

    public static void main(String[] args) throws Exception {
        int top = args.length > 0 ? Integer.parseInt(args[0]) : 25;
        List<SourceFile> files = new ArrayList<>();
        long bytes = 0;
        for (String line : new String(System.in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) continue;
            Path p = Path.of(line.strip());
            String text = Files.readString(p, StandardCharsets.ISO_8859_1);
            files.add(new SourceFile(p, p.toString(), text));
            bytes += Files.size(p);
        }
        JsAnalyzer analyzer = new JsAnalyzer(RuleCatalog.builtin());
        for (SourceFile f : files) analyzer.analyze(f); // warm-up
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Timing> times = new ArrayList<>();
        long total = 0;
        for (SourceFile f : files) {
            // thread CPU time: the machine may be shared, wall time would measure the neighbours
            long t0 = cpu.getCurrentThreadCpuTime();
            FileReport r = analyzer.analyze(f);
            long dt = cpu.getCurrentThreadCpuTime() - t0;
            total += dt;
            times.add(new Timing(f.relPath(), Files.size(f.path()), dt, r.findings().size()));
        }
        times.sort((a, b) -> Long.compare(b.nanos, a.nanos));
        for (Timing t : times.subList(0, Math.min(top, times.size()))) {
            System.out.printf(Locale.ROOT, "%8.1f ms %7.1f KB %6.2f MB/s %3d  %s%n", t.nanos / 1e6, t.bytes / 1024.0,
                    t.bytes / 1048576.0 / (t.nanos / 1e9), t.findings, t.path);
        }
        System.out.printf(Locale.ROOT, "total: %d files, %.1f MB in %.2f s CPU = %.2f MB/s (one thread)%n", files.size(),
                bytes / 1048576.0, total / 1e9, bytes / 1048576.0 / (total / 1e9));
    }
}

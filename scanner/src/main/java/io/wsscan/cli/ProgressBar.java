package io.wsscan.cli;

import io.wsscan.engine.ScanOptions;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr: files done/total, MB/s and ETA, redrawn with {@code \r} at most
 * ten times a second, erased when the scan ends. Thread-safe.
 */
final class ProgressBar implements ScanOptions.ProgressListener {

    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 24;

    private final PrintStream err;
    private int total;
    private long totalBytes;
    private int done;
    private long doneBytes;
    private long startNanos;
    private long lastDraw;
    private int lastLength;

    ProgressBar(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void started(int files, long bytes) {
        total = files;
        totalBytes = bytes;
        startNanos = System.nanoTime();
        lastDraw = startNanos - REDRAW_NANOS;
        draw(startNanos);
    }

    @Override
    public synchronized void fileDone(String relPath, long bytes) {
        done++;
        doneBytes += bytes;
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS) draw(now);
    }

    @Override
    public synchronized void finished() {
        if (lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.flush();
        }
        lastLength = 0;
    }

    private void draw(long now) {
        lastDraw = now;
        String line = line(done, total, doneBytes, totalBytes, (now - startNanos) / 1e9);
        int pad = Math.max(0, lastLength - line.length());
        err.print("\r" + line + " ".repeat(pad));
        err.flush();
        lastLength = line.length();
    }

    static String line(int done, int total, long doneBytes, long totalBytes, double seconds) {
        double frac = totalBytes > 0 ? (double) doneBytes / totalBytes : total > 0 ? (double) done / total : 1;
        frac = Math.max(0, Math.min(1, frac));
        int filled = (int) Math.round(frac * WIDTH);
        double mbps = seconds > 0 ? doneBytes / 1048576.0 / seconds : 0;
        String eta = "--";
        if (doneBytes > 0 && seconds > 0.2 && frac < 1) {
            long rest = Math.round(seconds / frac - seconds);
            eta = rest >= 60 ? String.format(Locale.ROOT, "%dm%02ds", rest / 60, rest % 60) : rest + "s";
        } else if (frac >= 1) {
            eta = "0s";
        }
        return String.format(Locale.ROOT, "wsscan [%s%s] %d/%d files  %.1f MB/s  ETA %s",
                "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, mbps, eta);
    }
}

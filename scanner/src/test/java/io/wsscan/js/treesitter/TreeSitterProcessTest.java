package io.wsscan.js.treesitter;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.*;

/** tree-sitter runs in worker processes: a crash there costs one file, and an interrupt stops the work. */
class TreeSitterProcessTest {

    private final TreeSitterFrontEnd ts = new TreeSitterFrontEnd();

    /** An input that keeps tree-sitter busy for seconds (error recovery on unclosed brackets). */
    private static final String SLOW = "[".repeat(100_000);

    @Test
    void aWorkerThatDiesIsReportedAsACrashAndReplaced() throws Exception {
        AtomicBoolean killing = new AtomicBoolean(true);
        Thread killer = new Thread(() -> {
            while (killing.get()) {
                // SIGKILL every worker, as a native crash would end it
                workers().forEach(ProcessHandle::destroyForcibly);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        killer.start();
        TreeSitterFrontEnd.Failure f;
        try {
            f = assertThrows(TreeSitterFrontEnd.Failure.class, () -> ts.parse("x.ts", SLOW, TreeSitterFrontEnd.Dialect.TYPESCRIPT));
        } finally {
            killing.set(false);
            killer.join();
        }
        assertEquals(TreeSitterFrontEnd.Failure.CRASH, f.kind());
        assertTrue(f.getMessage().contains("worker process ended"), f.getMessage());
        // the next file gets a new worker
        TreeSitterFrontEnd.Result r = ts.parse("y.ts", "const a: number = 1;", TreeSitterFrontEnd.Dialect.TYPESCRIPT);
        assertEquals("PROGRAM(VAR_DECL\"const\"(DECLARATOR(IDENT\"a\" NUMBER\"1\")))", r.ir().program().shape());
    }

    @Test
    void anInterruptEndsTheParseAndItsWorker() throws Exception {
        ts.check("warm.ts", "let a = 1;", TreeSitterFrontEnd.Dialect.TYPESCRIPT);
        long workersBefore = workers().count();
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            Future<?> task = one.submit(() -> ts.check("slow.ts", SLOW + SLOW, TreeSitterFrontEnd.Dialect.TSX));
            Thread.sleep(300);
            long t0 = System.nanoTime();
            task.cancel(true);
            one.shutdown();
            assertTrue(one.awaitTermination(5, TimeUnit.SECONDS), "the parse did not stop");
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 5_000);
        } finally {
            one.shutdownNow();
        }
        // the busy worker was ended, not left running (idle ones stay)
        for (int i = 0; i < 100 && workers().count() >= workersBefore; i++) Thread.sleep(20);
        assertEquals(workersBefore - 1, workers().count(), "the interrupted worker is still running");
    }

    @Test
    void nativeLibrariesGoToATemporaryFolderNotTheHomeFolder() throws Exception {
        ts.parse("z.ts", "let b = 2;", TreeSitterFrontEnd.Dialect.TYPESCRIPT);
        Path folder = TreeSitterProcess.pool().folder();
        assertNotNull(folder);
        assertTrue(folder.startsWith(Path.of(System.getProperty("java.io.tmpdir")).toRealPath())
                || folder.startsWith(Path.of(System.getProperty("java.io.tmpdir"))), folder.toString());
        assertFalse(folder.startsWith(Path.of(System.getProperty("user.home"))), folder.toString());
        try (var libs = Files.list(folder.resolve("lib"))) {
            assertTrue(libs.anyMatch(p -> p.getFileName().toString().contains("tree-sitter")), "no native library in " + folder);
        }
    }

    /** The worker processes (not the JVM's own helpers, such as the one that spawns processes). */
    private static java.util.stream.Stream<ProcessHandle> workers() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().map(c -> c.contains(TreeSitterWorker.class.getName())).orElse(false));
    }
}

package io.wsscan.js.treesitter;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * tree-sitter in worker processes ({@link TreeSitterWorker}), so that its native code can never take
 * the scan down: a worker that crashes, runs out of memory or is still busy when the file's time
 * budget ends is killed, the file is reported, and the next file gets a new worker. Idle workers are
 * kept for reuse (one per thread that parses at the same time) and end with the scanner's JVM, or
 * by themselves when its pipe closes.
 *
 * <p>The binding extracts its native libraries into a folder; workers get a private temporary
 * folder ({@code $TMPDIR} or {@code java.io.tmpdir}), removed when the JVM exits, never the user's
 * home. A JVM crash log goes there too, not into the working folder.
 */
final class TreeSitterProcess {

    /** The worker's heap: its copy of one tree (about 60 bytes a node, a node for every 3–4 characters) plus the text. */
    static final String WORKER_HEAP = System.getProperty("wsscan.treesitter.heap", "768m");

    private static final TreeSitterProcess POOL = new TreeSitterProcess();

    private final ArrayDeque<Worker> idle = new ArrayDeque<>();
    private final List<Worker> all = new ArrayList<>();
    private Path folder;
    private String unavailable; // why workers cannot start, once known

    static TreeSitterProcess pool() {
        return POOL;
    }

    /** The workers' temporary folder, once one has started. */
    synchronized Path folder() {
        return folder;
    }

    /** One running worker and its pipes. */
    private static final class Worker {
        final Process process;
        final DataOutputStream out;
        final DataInputStream in;

        Worker(Process process) {
            this.process = process;
            this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
            this.in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
        }
    }

    /**
     * Parses in a worker: the copy of the tree (or only its errors). A worker that ends while
     * parsing is replaced and asked once more (a fault may depend on its state); a second crash is a
     * {@code parser-crash}.
     *
     * @throws TreeSitterFrontEnd.Failure when tree-sitter cannot read the file or cannot run here
     * @throws InterruptedException       when the calling thread is interrupted (the time budget):
     *                                    the worker is killed
     */
    NativeTrees.Copy read(String text, TreeSitterFrontEnd.Dialect dialect, boolean whole)
            throws TreeSitterFrontEnd.Failure, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Worker w;
            try {
                w = borrow();
            } catch (IOException e) {
                // the new worker died before it was ready: a crash like any other, not a missing platform
                if (attempt < 2) continue;
                throw new TreeSitterFrontEnd.Failure(TreeSitterFrontEnd.Failure.CRASH, e.getMessage(), e);
            }
            TreeWire.Reply reply;
            try {
                reply = ask(w, text, dialect, whole);
            } catch (IOException e) {
                kill(w);
                if (attempt < 2) continue;
                throw new TreeSitterFrontEnd.Failure(TreeSitterFrontEnd.Failure.CRASH,
                        "tree-sitter's worker process ended while reading this file" + exit(w), e);
            } catch (InterruptedException | RuntimeException | Error e) {
                // the exchange stopped half-way: the worker's pipe is in an unknown state
                kill(w);
                throw e;
            }
            giveBack(w);
            if (reply.failure() != null) throw new TreeSitterFrontEnd.Failure(reply.failure(), null);
            return reply.copy();
        }
    }

    /** The exchange runs on a reader thread, so that the caller can be interrupted while it waits. */
    private static TreeWire.Reply ask(Worker w, String text, TreeSitterFrontEnd.Dialect dialect, boolean whole)
            throws IOException, InterruptedException {
        CompletableFuture<TreeWire.Reply> reply = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                reply.complete(TreeWire.readReply(w.in));
            } catch (Throwable t) {
                reply.completeExceptionally(t);
            }
        }, "wsscan-tree-sitter-reply");
        reader.setDaemon(true);
        reader.start();
        try {
            TreeWire.writeRequest(w.out, whole, dialect, text);
        } catch (IOException e) {
            reader.interrupt();
            throw e;
        }
        try {
            return reply.get();
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            if (t instanceof IOException io) throw io;
            if (t instanceof OutOfMemoryError oom) throw oom;
            throw new IOException("reading tree-sitter's reply failed: " + t, t);
        }
    }

    private static String exit(Worker w) {
        try {
            if (w.process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                int code = w.process.exitValue();
                return code > 128 ? " (signal " + (code - 128) + (code == 134 ? ", SIGABRT" : code == 139 ? ", SIGSEGV" : "") + ")"
                        : " (exit code " + code + ")";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    /** An idle or a new worker; IOException when a new one ended before it was ready. */
    private synchronized Worker borrow() throws TreeSitterFrontEnd.Failure, IOException {
        while (!idle.isEmpty()) {
            Worker w = idle.pop();
            if (w.process.isAlive()) return w;
            all.remove(w);
        }
        if (unavailable != null) throw new TreeSitterFrontEnd.Failure(unavailable, null);
        Worker w = start();
        all.add(w);
        return w;
    }

    private synchronized void giveBack(Worker w) {
        if (w.process.isAlive()) idle.push(w);
        else all.remove(w);
    }

    private synchronized void kill(Worker w) {
        w.process.destroyForcibly();
        all.remove(w);
    }

    private Worker start() throws TreeSitterFrontEnd.Failure, IOException {
        try {
            if (folder == null) {
                folder = Files.createTempDirectory(tempRoot(), "wsscan-tree-sitter-");
                Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "wsscan-tree-sitter-cleanup"));
            }
        } catch (IOException | RuntimeException e) {
            throw new TreeSitterFrontEnd.Failure("tree-sitter cannot run: no temporary folder for its native library ("
                    + e.getMessage() + ")", e);
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + WORKER_HEAP, "-Xss8m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:-CreateCoredumpOnCrash", "-XX:ErrorFile=" + folder.resolve("hs_err_pid%p.log"),
                "-Dtree-sitter-lib=" + folder, "-Djava.io.tmpdir=" + folder,
                "-cp", classpath(), TreeSitterWorker.class.getName());
        Process p;
        try {
            p = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new TreeSitterFrontEnd.Failure("tree-sitter cannot run: its worker process did not start (" + e.getMessage() + ")", e);
        }
        Worker w = new Worker(p);
        try {
            String why = w.in.readUnsignedByte() == TreeWire.OK ? (w.in.readInt() == TreeWire.HELLO ? null : "an unexpected reply")
                    : w.in.readUTF();
            if (why == null) return w;
            p.destroyForcibly();
            // the worker says tree-sitter cannot load here (platform, library): that will not change
            unavailable = why;
            throw new TreeSitterFrontEnd.Failure(why, null);
        } catch (IOException e) {
            p.destroyForcibly();
            throw new IOException("tree-sitter's worker process ended at start" + exit(w), e);
        }
    }

    private static Path tempRoot() {
        String tmp = System.getenv("TMPDIR");
        return Path.of(tmp != null && !tmp.isBlank() ? tmp : System.getProperty("java.io.tmpdir"));
    }

    /** Where the worker's classes come from: this code and the tree-sitter jars, wherever they are loaded from. */
    private static String classpath() throws TreeSitterFrontEnd.Failure {
        Set<String> entries = new LinkedHashSet<>();
        ClassLoader loader = TreeSitterProcess.class.getClassLoader();
        for (String resource : new String[] {"io/wsscan/js/treesitter/TreeSitterWorker.class", "org/treesitter/TSParser.class",
                "org/treesitter/TreeSitterJavascript.class", "org/treesitter/TreeSitterTypescript.class",
                "org/treesitter/TreeSitterTsx.class"}) {
            URL url = loader.getResource(resource);
            if (url == null) throw new TreeSitterFrontEnd.Failure("tree-sitter is not on the scanner's class path (" + resource + ")", null);
            entries.add(location(url, resource));
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static String location(URL url, String resource) throws TreeSitterFrontEnd.Failure {
        try {
            String s = url.toString();
            if (s.startsWith("jar:")) {
                return Path.of(new java.net.URI(s.substring(4, s.indexOf("!/")))).toString();
            }
            Path file = Path.of(url.toURI());
            for (String ignored : resource.split("/")) file = file.getParent();
            return file.toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new TreeSitterFrontEnd.Failure("cannot locate " + resource + " for tree-sitter's worker (" + url + ")", e);
        }
    }

    private synchronized void shutdown() {
        for (Worker w : all) w.process.destroyForcibly();
        all.clear();
        idle.clear();
        if (folder == null) return;
        for (int i = 0; i < 20; i++) {
            try (Stream<Path> s = Files.walk(folder)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                return;
            } catch (IOException | UncheckedIOException e) {
                // a killed worker may still hold a file for a moment
                try {
                    Thread.sleep(25);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }
}

package io.wsscan.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs scans in JVMs of their own, started with the launcher's JIT options.
 *
 * <p>Why: Maven's JVM compiles hot code with C2, and on a short scan that compilation costs more than
 * it gives back (measured on a 400-file Spring Boot app: about 60 % more CPU and a second more wall time
 * than the same scan under {@code -XX:TieredStopAtLevel=1}, which is what the {@code ./wsscan} launcher
 * uses). A JVM's compiler cannot be changed once it runs, so the plugin forks.
 *
 * <p>A worker JVM ({@link ScanWorker}) answers one request line per scan and stays up for the next module
 * of the build, so that a multi-module build starts one JVM (per parallel thread), not one per module.
 * Workers exit when Maven's JVM does (their input closes), and after {@link ScanWorker#IDLE_MINUTES}
 * without work (a Maven daemon keeps plugin classes between builds); a request that finds its worker
 * just gone that way is sent again to a new one.
 */
final class ForkedScans {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Idle workers by their command line. */
    private static final Map<List<String>, Deque<Worker>> IDLE = new HashMap<>();
    private static final List<Worker> ALL = new ArrayList<>();
    private static boolean hooked;

    private ForkedScans() {
    }

    /**
     * Runs {@code job} in a worker started with {@code jvmArgs} and returns what it found.
     *
     * @throws ScanJob.ConfigurationException for a configuration problem the worker found
     * @throws IOException                    when the worker could not write the reports
     * @throws IllegalStateException          when the worker could not start or died
     */
    static Verdict run(ScanJob job, List<String> jvmArgs, Path displayBase, int maxListed) throws IOException {
        ObjectNode request = JSON.createObjectNode();
        request.set("job", job.toJson(JSON));
        request.put("displayBase", displayBase.toString());
        request.put("maxListed", maxListed);
        List<String> command = command(jvmArgs);
        JsonNode reply = null;
        for (int attempt = 0; reply == null; attempt++) {
            Worker w = borrow(command);
            reply = w.ask(JSON.writeValueAsString(request));
            if (reply == null) {
                // gone idle between two modules: the request never reached it, so it is sent once more
                boolean idle = attempt == 0 && w.exitedIdle();
                String why = w.why();
                forget(w);
                if (idle) continue;
                throw new IllegalStateException("the forked scan JVM ended without an answer" + why);
            }
            giveBack(command, w);
        }
        if (reply.has("configuration")) throw new ScanJob.ConfigurationException(reply.get("configuration").asText());
        if (reply.has("io")) throw new IOException(reply.get("io").asText());
        if (reply.has("internal")) throw new IllegalStateException("the forked scan failed: " + reply.get("internal").asText());
        return Verdict.fromJson(reply.get("verdict"));
    }

    /** The worker's command line: this JVM's java, the options, and the classpath this plugin was loaded from. */
    static List<String> command(List<String> jvmArgs) {
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        c.addAll(jvmArgs);
        c.add("-cp");
        c.add(classpath());
        c.add(ScanWorker.class.getName());
        return c;
    }

    /**
     * Classes the scanner needs that Maven gives its plugins from its own class path, so that they are
     * not among the plugin's jars: SLF4J's API (JGit logs through it; without a provider it logs nothing).
     */
    static final List<String> FROM_MAVEN = List.of("org/slf4j/LoggerFactory.class");

    /** The plugin's own classpath: its realm's jars (and {@link #FROM_MAVEN}'s) under Maven, the test classpath in unit tests. */
    private static String classpath() {
        ClassLoader loader = ForkedScans.class.getClassLoader();
        if (!(loader instanceof URLClassLoader u) || u.getURLs().length == 0) return System.getProperty("java.class.path");
        java.util.Set<String> entries = new java.util.LinkedHashSet<>();
        for (URL url : u.getURLs()) entries.add(file(url));
        for (String name : FROM_MAVEN) {
            URL found = loader.getResource(name);
            if (found == null || !"jar".equals(found.getProtocol())) continue;
            String jar = found.getPath();
            entries.add(file(toUrl(jar.substring(0, jar.indexOf("!/")))));
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static URL toUrl(String spec) {
        try {
            return new URL(spec);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException("cannot fork: a class path entry that is not a URL: " + spec, e);
        }
    }

    private static String file(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot fork: the plugin class path has an entry that is not a file: " + url, e);
        }
    }

    private static synchronized Worker borrow(List<String> command) throws IOException {
        Deque<Worker> idle = IDLE.computeIfAbsent(command, k -> new ArrayDeque<>());
        while (!idle.isEmpty()) {
            Worker w = idle.pop();
            if (w.process.isAlive()) return w;
            ALL.remove(w);
        }
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(ForkedScans::shutdown, "wsscan-fork-cleanup"));
            hooked = true;
        }
        Worker w = Worker.start(command);
        ALL.add(w);
        return w;
    }

    private static synchronized void giveBack(List<String> command, Worker w) {
        IDLE.computeIfAbsent(command, k -> new ArrayDeque<>()).push(w);
    }

    private static synchronized void forget(Worker w) {
        ALL.remove(w);
        w.close();
    }

    /** Ends every worker: closing its input ends it; one that does not end is killed. */
    static synchronized void shutdown() {
        for (Worker w : ALL) w.close();
        ALL.clear();
        IDLE.clear();
    }

    /** How many worker JVMs are running (tests). */
    static synchronized int running() {
        return (int) ALL.stream().filter(w -> w.process.isAlive()).count();
    }

    /** One worker JVM: requests go to its standard input, replies come from its standard output. */
    private static final class Worker {
        final Process process;
        final Writer in;
        final BufferedReader out;
        final Path errors;

        private Worker(Process process, Path errors) {
            this.process = process;
            this.errors = errors;
            this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        static Worker start(List<String> command) throws IOException {
            // its standard error goes to a file, read back only to say why it died
            Path errors = Files.createTempFile("wsscan-fork-", ".log");
            try {
                return new Worker(new ProcessBuilder(command).redirectError(errors.toFile()).start(), errors);
            } catch (IOException e) {
                Files.deleteIfExists(errors);
                throw new IllegalStateException("cannot start the forked scan JVM (" + command.get(0) + "): " + e.getMessage(), e);
            }
        }

        /** The reply to one request line; null when the worker ended without one. Other output lines are skipped. */
        JsonNode ask(String request) throws IOException {
            String line;
            try {
                in.write(request);
                in.write('\n');
                in.flush();
                do {
                    line = out.readLine();
                } while (line != null && !line.startsWith(ScanWorker.REPLY));
            } catch (IOException e) {
                return null; // its input closed: it has ended
            }
            return line == null ? null : JSON.readTree(line.substring(ScanWorker.REPLY.length()));
        }

        boolean exitedIdle() {
            try {
                return process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == ScanWorker.IDLE_EXIT;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** " (exit code N); it said: ..." from what the worker wrote to standard error. */
        String why() {
            StringBuilder s = new StringBuilder();
            if (!process.isAlive()) s.append(" (exit code ").append(process.exitValue()).append(')');
            try {
                List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8).stream()
                        .filter(l -> !l.isBlank()).toList();
                // the first line says what went wrong (a JVM option, an exception), the last how it ended
                if (!lines.isEmpty()) s.append("; it said: ").append(lines.get(0).strip());
                if (lines.size() > 1) s.append(" ... ").append(lines.get(lines.size() - 1).strip());
            } catch (IOException | java.io.UncheckedIOException e) {
                // nothing more to say
            }
            return s.toString();
        }

        void close() {
            try {
                in.close();
            } catch (IOException e) {
                // already gone
            }
            try {
                if (!process.waitFor(2, TimeUnit.SECONDS)) process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            try {
                Files.deleteIfExists(errors);
            } catch (IOException e) {
                // a temporary file left behind
            }
        }
    }
}

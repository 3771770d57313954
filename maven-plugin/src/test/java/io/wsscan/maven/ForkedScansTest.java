package io.wsscan.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsscan.findings.Finding.Level;
import io.wsscan.report.Formats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scans in a forked JVM give what the same scan in this JVM gives, and the worker is kept for the next one. */
class ForkedScansTest {

    private static final List<String> JVM = List.of("-XX:TieredStopAtLevel=1", "-Xmx256m");

    @TempDir
    Path dir;

    @AfterAll
    static void stopWorkers() {
        ForkedScans.shutdown();
    }

    private ScanJob job(String module) throws IOException {
        Path root = dir.resolve(module);
        Path app = root.resolve("src/main/resources/static/app.js");
        Files.createDirectories(app.getParent());
        Files.writeString(app, ScanJobTest.APP_JS);
        Files.writeString(root.resolve("src/main/resources/static/app.test.js"), ScanJobTest.APP_JS);
        ScanJob j = new ScanJob();
        j.root = root;
        j.sourceRoots = List.of(root.resolve("src/main/resources"));
        j.outputDirectory = root.resolve("target/wsscan");
        j.threads = 1;
        j.formats = ScanJob.formats(List.of("json"));
        return j;
    }

    @Test
    void aForkedScanReportsWhatAnInProcessScanDoes() throws IOException {
        ScanJob here = job("here");
        Verdict expected = Verdict.of(here.run(), dir.resolve("here"), 10);
        String sarifHere = Files.readString(here.outputDirectory.resolve("wsscan.sarif"));

        ScanJob there = job("there");
        Verdict forked = ForkedScans.run(there, JVM, dir.resolve("there"), 10);
        assertEquals(expected.summary(), forked.summary());
        assertEquals(expected.findings(), forked.findings());
        // app.js: the cleartext URL and the XSS; app.test.js: the same two, as notes
        assertEquals(List.of(Level.WARNING, Level.ERROR, Level.NOTE, Level.NOTE),
                forked.findings().stream().map(Verdict.Listed::level).toList());
        assertEquals(there.outputDirectory.resolve("wsscan.txt"), forked.readable());
        assertEquals(1, forked.failing(Level.ERROR).size());
        // the same reports, byte for byte, apart from the folder names
        assertEquals(sarifHere.replace("/here/", "/there/"), Files.readString(there.outputDirectory.resolve("wsscan.sarif")));
        assertTrue(Files.isRegularFile(there.outputDirectory.resolve("wsscan.json")));

        // the next module's scan goes to the same worker
        int workers = ForkedScans.running();
        ForkedScans.run(job("next"), JVM, dir.resolve("next"), 10);
        assertEquals(workers, ForkedScans.running());
    }

    /** What the JVM itself writes to standard output (here its flags) is not taken for a reply. */
    @Test
    void otherOutputOfTheWorkerIsSkipped() throws IOException {
        List<String> chatty = new java.util.ArrayList<>(JVM);
        chatty.add("-XX:+PrintCommandLineFlags");
        Verdict v = ForkedScans.run(job("chatty"), chatty, dir.resolve("chatty"), 10);
        assertEquals(1, v.failing(Level.ERROR).size());
    }

    @Test
    void configurationProblemsFoundInTheWorkerAreConfigurationProblems() throws IOException {
        ScanJob j = job("bad");
        j.rules = List.of("js/ws-mesage-xss");
        String inProcess = assertThrows(ScanJob.ConfigurationException.class, j::run).getMessage();
        ScanJob k = job("bad2");
        k.rules = List.of("js/ws-mesage-xss");
        ScanJob.ConfigurationException e = assertThrows(ScanJob.ConfigurationException.class,
                () -> ForkedScans.run(k, JVM, dir, 10));
        assertTrue(e.getMessage().contains("js/ws-mesage-xss"), e.getMessage());
        assertEquals(inProcess, e.getMessage());
    }

    @Test
    void aWorkerThatCannotStartIsOneLine() throws IOException {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ForkedScans.run(job("nojvm"), List.of("-XX:+NoSuchWsscanOption"), dir, 10));
        assertTrue(e.getMessage().startsWith("the forked scan JVM ended without an answer (exit code 1)"), e.getMessage());
        assertTrue(e.getMessage().contains("NoSuchWsscanOption"), e.getMessage());
    }

    /**
     * Every field of a job reaches the worker: each is set to a value that is not its default, and the
     * job read back from its JSON has them all. A field toJson/fromJson do not know fails here.
     */
    @Test
    void everyFieldOfAJobSurvivesItsJson() throws Exception {
        ScanJob j = new ScanJob();
        List<String> fields = new java.util.ArrayList<>();
        for (java.lang.reflect.Field f : ScanJob.class.getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) continue;
            fields.add(f.getName());
            f.set(j, sample(f, dir));
        }
        assertTrue(fields.size() >= 16, fields.toString());
        ObjectMapper json = new ObjectMapper();
        ScanJob back = ScanJob.fromJson(json.readTree(json.writeValueAsString(j.toJson(json))));
        for (java.lang.reflect.Field f : ScanJob.class.getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) continue;
            assertEquals(f.get(j), f.get(back), "field " + f.getName() + " is lost on the way to the forked JVM");
        }
    }

    /** A value of the field's type that no default has. */
    private static Object sample(java.lang.reflect.Field f, Path dir) {
        java.lang.reflect.Type t = f.getGenericType();
        String name = f.getName();
        if (t == Path.class) return dir.resolve(name);
        if (t == String.class) return "value-of-" + name;
        if (t == Integer.class || t == int.class) return 3;
        if (t == Boolean.class || t == boolean.class) return true;
        if (t == io.wsscan.deps.DependencyOptions.class) return io.wsscan.deps.DependencyOptions.of(List.of(dir.resolve(name + ".jar")));
        if (t instanceof java.lang.reflect.ParameterizedType p) {
            java.lang.reflect.Type arg = p.getActualTypeArguments()[0];
            if (p.getRawType() == List.class && arg == Path.class) return List.of(dir.resolve(name + "-1"), dir.resolve(name + "-2"));
            if (p.getRawType() == List.class && arg == String.class) return List.of(name + "-a", name + "-b");
            if (p.getRawType() == Set.class && arg == Formats.class) return new java.util.LinkedHashSet<>(List.of(Formats.SARIF, Formats.TEXT, Formats.HTML));
        }
        throw new AssertionError("ScanJob." + name + " has a type this test does not know (" + t
                + "): add it to ScanJob.toJson/fromJson and to sample()");
    }
}

package io.wsscan.report;

import io.wsscan.findings.Finding;
import io.wsscan.findings.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The streaming baseline reader: every way a result names its rule, in any member order. */
class BaselineTest {

    @TempDir
    Path dir;

    @Test
    void rulesByIdIndexOrReferenceWhateverTheMemberOrder() throws IOException {
        Path a = Files.writeString(dir.resolve("a.js"), "one();\ntwo();\nthree();\nfour();\n");
        List<String> h = LineHashes.compute(a);
        // results before tool (ruleIndex resolved after the run is read), unknown members skipped, two runs
        String sarif = "{\"$schema\":\"x\",\"runs\":[{\"results\":["
                + "{\"ruleIndex\":1,\"codeFlows\":[{\"x\":[1,2,{\"y\":null}]}],\"partialFingerprints\":{\"primaryLocationLineHash\":\"" + h.get(0) + "\"}},"
                + "{\"rule\":{\"id\":\"js/c\"},\"partialFingerprints\":{\"primaryLocationLineHash\":\"" + h.get(1) + "\"}},"
                + "{\"ruleId\":\"js/nohash\"},"
                + "{\"ruleIndex\":7,\"partialFingerprints\":{\"primaryLocationLineHash\":\"" + h.get(3) + "\"}}],"
                + "\"tool\":{\"driver\":{\"name\":\"t\",\"rules\":[{\"id\":\"js/a\"},{\"id\":\"js/b\"}]}}},"
                + "{\"results\":[{\"ruleId\":\"js/d\",\"partialFingerprints\":{\"primaryLocationLineHash\":\"" + h.get(2) + "\"}}]}],"
                + "\"version\":\"2.1.0\"}";
        Baseline b = Baseline.read(Files.writeString(dir.resolve("b.sarif"), sarif));
        assertEquals(3, b.size());
        Finding f1 = finding("js/b", 1);
        Finding f2 = finding("js/c", 2);
        Finding f3 = finding("js/d", 3);
        Finding kept = finding("js/a", 1);
        assertEquals(List.of(kept), b.filter(dir, List.of(f1, f2, f3, kept)));
    }

    /** A run with wsscan fingerprints matches by them only; its results without one (inventory notes) add nothing. */
    @Test
    void runWithFingerprintsIgnoresLineHashes() throws IOException {
        Files.writeString(dir.resolve("a.js"), "one();\ntwo();\n");
        Finding one = finding("js/a", 1);
        Finding two = finding("js/a", 2);
        String print = Fingerprints.compute(dir, List.of(one)).get(0);
        String lineHash = LineHashes.compute(dir.resolve("a.js")).get(1);
        String sarif = "{\"runs\":[{\"results\":["
                + "{\"ruleId\":\"js/a\",\"partialFingerprints\":{\"primaryLocationLineHash\":\"x\",\"" + Fingerprints.KEY + "\":\"" + print + "\"}},"
                + "{\"ruleId\":\"js/a\",\"partialFingerprints\":{\"primaryLocationLineHash\":\"" + lineHash + "\"}}]}]}";
        Baseline b = Baseline.read(Files.writeString(dir.resolve("b.sarif"), sarif));
        assertEquals(1, b.size());
        assertFalse(b.byLineHash());
        assertEquals(List.of(two), b.filter(dir, List.of(one, two)));
    }

    /** Identical findings in one file are numbered by position; a finding whose file is gone has no fingerprint. */
    @Test
    void identicalFindingsCountAndUnreadableFilesNeverMatch() throws IOException {
        Files.writeString(dir.resolve("a.js"), "go();\nstop();\ngo();\n");
        Finding first = finding("js/a", 1);
        Finding second = finding("js/a", 3);
        List<String> prints = Fingerprints.compute(dir, List.of(second, first));
        assertEquals(prints.get(0).replace(":2", ":1"), prints.get(1));
        assertTrue(prints.get(0).endsWith(":2"), prints::toString);
        Baseline b = Baseline.of(dir, List.of(first));
        assertEquals(List.of(second), b.filter(dir, List.of(first, second)));
        Finding gone = new Finding("js/a", Finding.Level.WARNING, "gone.js", new Region(1, 1, 1, 2), "m", List.of(), null);
        assertEquals(java.util.Arrays.asList((String) null), Fingerprints.compute(dir, List.of(gone)));
        assertEquals(List.of(gone), Baseline.of(dir, List.of(gone)).filter(dir, List.of(gone)));
    }

    @Test
    void normaliseCollapsesWhitespace() {
        assertEquals("a = b ( c );", Fingerprints.normalise("\t a  =\tb (\n c );  \r\n"));
    }

    @Test
    void notSarifOrNotAFile() throws IOException {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Baseline.read(Files.writeString(dir.resolve("x.sarif"), "[1]")))
                .getMessage().contains("not a SARIF log"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Baseline.read(dir))
                .getMessage().contains("is a folder"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Baseline.read(Files.writeString(dir.resolve("t.sarif"), "{\"runs\":[{\"results\":[{]}]}")))
                .getMessage().contains("not valid JSON"));
    }

    private static Finding finding(String rule, int line) {
        return new Finding(rule, Finding.Level.WARNING, "a.js", new Region(line, 1, line, 2), "m", List.of(), null);
    }
}

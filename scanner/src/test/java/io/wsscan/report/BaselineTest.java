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

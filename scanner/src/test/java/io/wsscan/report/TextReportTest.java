package io.wsscan.report;

import io.wsscan.engine.ScanResult;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Finding.Level;
import io.wsscan.findings.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextReportTest {

    @TempDir
    Path root;

    private static String write(ScanResult r, boolean color) throws IOException {
        StringWriter out = new StringWriter();
        TextReport.write(r, out, color);
        return out.toString();
    }

    @Test
    void groupsFindingsByFileWithTraces() throws IOException {
        String expected = """
                src/chat.js
                src/chat.js:3:3  error    js/ws-message-xss  %s
                    1. src/socket.js:3:10  evt.data: WebSocket message data
                    2. src/chat.js:1:24  html: parameter of render()
                    3. src/chat.js:3:3  innerHTML: HTML sink
                src/chat.js:6:3  warning  js/ws-message-xss  %s

                Not analysed (2):
                  lib/huge.min.js  too-large  31457280 bytes, over the --max-file-size limit of 20971520 bytes
                  src/broken.js:3:7  parse-error  missing ) after argument list

                1 error, 1 warning, 0 notes (1 suppressed, not shown); 2 files analysed, 2 not analysed
                """.formatted(ReportFixture.TAINT_MESSAGE, ReportFixture.STRUCTURAL_MESSAGE);
        assertEquals(expected, write(ReportFixture.scan(root), false));
        assertEquals(expected, write(ReportFixture.scan(root, true), false));
    }

    @Test
    void colourOnlyWhenAsked() throws IOException {
        ScanResult scan = ReportFixture.scan(root);
        String plain = write(scan, false);
        String coloured = write(scan, true);
        assertFalse(plain.contains("\u001b"));
        assertTrue(coloured.contains("\u001b[1;31merror  \u001b[0m"), coloured);
        assertTrue(coloured.contains("\u001b[33mwarning\u001b[0m"), coloured);
        assertEquals(plain, coloured.replaceAll("\u001b\\[[0-9;]*m", ""));
    }

    @Test
    void severalFilesAndNothingElse() throws IOException {
        ScanResult fixture = ReportFixture.scan(root);
        List<Finding> findings = List.of(
                new Finding("js/ws-message-xss", Level.NOTE, "b.js", new Region(2, 1, 2, 4), "second", List.of(), null),
                new Finding("js/ws-message-xss", Level.NOTE, "a.js", new Region(9, 5, 9, 6), "first", List.of(), null));
        ScanResult r = new ScanResult(root, findings, List.of(), fixture.catalog(),
                new ScanResult.Stats(2, 2, 0, 10, 5), Map.of());
        assertEquals("""
                a.js
                a.js:9:5  note     js/ws-message-xss  first

                b.js
                b.js:2:1  note     js/ws-message-xss  second

                0 errors, 0 warnings, 2 notes; 2 files analysed, 0 not analysed
                """, write(r, false));
    }

    @Test
    void cleanScan() throws IOException {
        ScanResult fixture = ReportFixture.scan(root);
        ScanResult r = new ScanResult(root, List.of(), List.of(), fixture.catalog(),
                new ScanResult.Stats(1, 1, 0, 10, 5), Map.of());
        assertEquals("0 errors, 0 warnings, 0 notes; 1 file analysed, 0 not analysed\n", write(r, false));
    }

    @Test
    void scannedTextCannotDriveTheTerminal() {
        assertEquals("a b\\u001b[2Jc\\u202ed", TextReport.clean("a\nb\u001b[2Jc\u202ed"));
        assertEquals("", TextReport.clean(null));
    }
}

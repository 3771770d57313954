package io.wsscan.engine;

import io.wsscan.findings.Notification;
import io.wsscan.report.Formats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** wsscan's own reports left in the scanned tree are not scanned as source, and are listed. */
class OwnReportsTest {

    @TempDir
    Path dir;

    static final String APP = """
            const s = new WebSocket('ws://chat.example-corp.net/live');
            s.onmessage = (e) => { document.getElementById('out').innerHTML = e.data; };
            """;

    private ScanResult scan(Path root) {
        return new Scanner().scan(ScanOptions.builder().path(root).threads(1).build());
    }

    private static String report(Formats f, ScanResult r) throws IOException {
        StringWriter w = new StringWriter();
        f.write(r, new Formats.Options("wsscan/", false), w);
        return w.toString();
    }

    @Test
    void everyReportFormatIsRecognisedByItsContent() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("app.js"), APP);
        ScanResult r = scan(src);
        assertEquals(2, r.findings().size(), r.findings()::toString);
        assertEquals("HTML", OwnReports.format(report(Formats.HTML, r)));
        assertEquals("SARIF", OwnReports.format(report(Formats.SARIF, r)));
        assertEquals("JSON", OwnReports.format(report(Formats.JSON, r)));
        assertEquals("text", OwnReports.format(report(Formats.TEXT, r)));
        io.wsscan.inventory.Inventory inv = io.wsscan.inventory.Inventory.of(r.endpoints(), List.of(), r.classes());
        for (String f : List.of("text", "markdown", "csv")) {
            StringWriter w = new StringWriter();
            io.wsscan.inventory.InventoryReport.byName(f).orElseThrow().write(inv, w);
            assertEquals("inventory", OwnReports.format(w.toString()), f);
        }
        StringWriter compliance = new StringWriter();
        io.wsscan.report.ComplianceReport.write(r, true, compliance);
        assertEquals("compliance", OwnReports.format(compliance.toString()));
        // a report written before the generator meta existed
        String old = report(Formats.HTML, r).replaceFirst("<meta name=\"generator\" content=\"wsscan [^\"]*\">\n", "");
        assertEquals("HTML", OwnReports.format(old));
        // look-alikes are source
        assertNull(OwnReports.format("<html><head><title>wsscan report</title></head><body><script>x()</script></body></html>"));
        assertNull(OwnReports.format("{\"version\": \"1\", \"name\": \"app\"}"));
        assertNull(OwnReports.format("{\"runs\": [{\"tool\": {\"driver\": {\"name\": \"eslint\"}}}]}"));
        assertNull(OwnReports.format(APP));
        assertNull(OwnReports.format("Client connections (1)\n  see the wiki\n"));
        assertNull(OwnReports.format("# Compliance view\n\nNotes on PCI.\n"));
        assertNull(OwnReports.format("// 1 error, 0 warnings, 0 notes; 1 file analysed, 0 not analysed\nnew WebSocket(u);\n"));
    }

    @Test
    void aReportInTheScannedTreeIsSkippedWithItsReason() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("app.js"), APP);
        ScanResult first = scan(src);
        // an HTML report would be read as a template; a text report without an extension would be searched
        Files.writeString(src.resolve("wsscan.html"), report(Formats.HTML, first));
        Files.writeString(src.resolve("wsscan-report"), report(Formats.TEXT, first));
        Files.writeString(src.resolve("wsscan.sarif"), report(Formats.SARIF, first));

        ScanResult again = scan(src);
        assertEquals(List.of("app.js"), again.analysedFiles());
        assertEquals(first.findings(), again.findings());
        List<Notification> reports = again.notifications().stream().filter(n -> n.kind().equals(OwnReports.KIND)).toList();
        // SARIF is data, like JSON: never searched, so not listed either
        assertEquals(List.of("wsscan-report", "wsscan.html"), reports.stream().map(Notification::file).toList());
        assertTrue(again.notifications().stream().noneMatch(n -> n.file().equals("wsscan.sarif")));
        assertTrue(reports.get(1).message().startsWith("an HTML report written by wsscan, not scanned as source"),
                reports.get(1).message());
        assertTrue(reports.get(0).message().startsWith("a text report written by wsscan"), reports.get(0).message());
        assertEquals(2, again.stats().filesSkipped());
        // an extensionless SARIF report would still be searched: recognised, not "unsupported type"
        Files.move(src.resolve("wsscan.sarif"), src.resolve("results"));
        Notification sarif = scan(src).notifications().stream().filter(n -> n.file().equals("results")).findFirst().orElseThrow();
        assertEquals(OwnReports.KIND, sarif.kind());
        assertTrue(sarif.message().startsWith("a SARIF report written by wsscan"), sarif.message());
    }
}

package io.wsscan.report;

import io.wsscan.engine.ScanResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormatsTest {

    @Test
    void lookUpByName() {
        assertEquals(List.of("sarif", "json", "text", "html"), Formats.names());
        assertEquals(Optional.of(Formats.SARIF), Formats.byName("sarif"));
        assertEquals(Optional.of(Formats.JSON), Formats.byName(" JSON "));
        assertEquals(Optional.of(Formats.TEXT), Formats.byName("text"));
        assertEquals(Optional.of(Formats.HTML), Formats.byName("html"));
        assertEquals(Optional.empty(), Formats.byName("xml"));
        assertEquals(Optional.empty(), Formats.byName(null));
        assertEquals(".sarif", Formats.SARIF.extension());
    }

    @Test
    void eachFormatWritesItsReport(@TempDir Path root) throws IOException {
        ScanResult scan = ReportFixture.scan(root);
        StringWriter direct = new StringWriter();
        StringWriter viaFormat = new StringWriter();
        SarifReport.write(scan, "web/", direct);
        Formats.SARIF.write(scan, new Formats.Options("web/", true), viaFormat);
        assertEquals(direct.toString(), viaFormat.toString());

        direct = new StringWriter();
        viaFormat = new StringWriter();
        TextReport.write(scan, direct, true);
        Formats.TEXT.write(scan, new Formats.Options(null, true), viaFormat);
        assertEquals(direct.toString(), viaFormat.toString());

        viaFormat = new StringWriter();
        Formats.JSON.write(scan, null, viaFormat);
        assertTrue(viaFormat.toString().startsWith("{\n  \"version\""));
    }
}

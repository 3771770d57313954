package io.wsscan.policy;

import io.wsscan.engine.ScanOptions;
import io.wsscan.engine.ScanResult;
import io.wsscan.engine.Scanner;
import io.wsscan.findings.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyTest {

    @TempDir
    Path dir;

    static final String FULL = """
            version: 1
            allowedHosts:
              - chat.example-corp.net
              - "*.example-cdn.net"
            firstPartyHosts: [api.example-corp.net]
            exclude: ["vendor/**", "**/*.min.js"]
            rules:
              js/ws-cleartext: { severity: error }
              js/postmessage-wildcard-target: off
              js/ws-message-xss:
                enabled: true
                severity: warning
            ignore:
              - path: legacy/**
                rules: [js/ws-cleartext]
                reason: retired on 2027-01-01, reachable only from the intranet
            """;

    private static String error(String text) {
        return assertThrows(PolicyException.class, () -> Policy.parse(Path.of(".wsscan.yml"), text)).getMessage();
    }

    @Test
    void fullExample() {
        Policy p = Policy.parse(Path.of(".wsscan.yml"), FULL);
        assertTrue(p.allows("chat.example-corp.net"));
        assertTrue(p.allows("eu.example-cdn.net"));
        assertFalse(p.allows("example-cdn.net"));
        assertFalse(p.allows("evil.example.org"));
        assertEquals(List.of("vendor/**", "**/*.min.js"), p.exclude());
        assertFalse(p.enabled("js/postmessage-wildcard-target"));
        assertTrue(p.enabled("js/ws-message-xss"));
        assertEquals(Finding.Level.ERROR, p.rules().get("js/ws-cleartext").level());
        assertEquals(1, p.ignore().size());
        assertEquals(1, p.firstPartyHosts().size());
    }

    @Test
    void errorsNameFileLineAndKey() {
        assertEquals(".wsscan.yml:2: allowedHost: unknown key (known: allowedHosts, exclude, firstPartyHosts, ignore, rules, version)",
                error("version: 1\nallowedHost: [a.example-corp.net]\n"));
        assertEquals(".wsscan.yml:3: allowedHosts: 'https://a.example-corp.net' is a URL; give the host name only",
                error("allowedHosts:\n  - ok.example-corp.net\n  - https://a.example-corp.net\n"));
        assertEquals(".wsscan.yml:2: rules.js/ws-cleartext: must be error, warning or note (or off/on, true/false), not 'critical'",
                error("rules:\n  js/ws-cleartext: critical\n"));
        assertEquals(".wsscan.yml:3: rules.js/ws-cleartext.level: unknown key (known: enabled, severity)",
                error("rules:\n  js/ws-cleartext:\n    level: error\n"));
        assertTrue(error("ignore:\n  - path: a/**\n    rules: ['*']\n").startsWith(".wsscan.yml:2: ignore: an entry needs a 'reason'"));
        assertEquals(".wsscan.yml:1: exclude: must be a list", error("exclude: vendor/**\n"));
        assertTrue(error("allowedHosts: [a\n").startsWith(".wsscan.yml: not valid YAML"));
        assertEquals(".wsscan.yml:3: allowedHosts: duplicate key", error("allowedHosts: []\nexclude: []\nallowedHosts: []\n"));
        for (String msg : List.of(error("allowedHost: 1"), error("rules: [1]"))) assertFalse(msg.contains("\n"), msg);
    }

    @Test
    void unknownRuleIdsAreRejectedWithTheirLine() {
        Policy p = Policy.parse(Path.of(".wsscan.yml"), "rules:\n  js/ws-cleartext: off\n  js/no-such-rule: off\n");
        PolicyException e = assertThrows(PolicyException.class, () -> p.checkRules(Set.of("js/ws-cleartext")));
        assertEquals(".wsscan.yml:3: rules: unknown rule id 'js/no-such-rule' (see 'wsscan rules')", e.getMessage());
    }

    @Test
    void appliedToAScan() throws IOException {
        Files.createDirectories(dir.resolve("legacy"));
        Files.createDirectories(dir.resolve("vendor"));
        Files.createDirectories(dir.resolve("app"));
        String js = "const s = new WebSocket('ws://chat.example-corp.net/live');\n"
                + "const t = new WebSocket('wss://stats.tracker-example.io/x');\n";
        Files.writeString(dir.resolve("legacy/old.js"), js);
        Files.writeString(dir.resolve("vendor/lib.js"), js);
        Files.writeString(dir.resolve("app/new.js"), js);
        Files.writeString(dir.resolve(".wsscan.yml"), FULL);
        Policy p = Policy.find(null, dir);
        ScanResult r = new Scanner().scan(ScanOptions.builder().path(dir).policy(p).threads(1).build());
        assertTrue(r.findings().stream().noneMatch(f -> f.file().startsWith("vendor/")), r.findings()::toString);
        Finding appClear = r.findings().stream().filter(f -> f.file().equals("app/new.js") && f.ruleId().equals("js/ws-cleartext"))
                .findFirst().orElseThrow();
        assertEquals(Finding.Level.ERROR, appClear.level());
        assertFalse(appClear.suppressed());
        Finding legacyClear = r.findings().stream().filter(f -> f.file().equals("legacy/old.js") && f.ruleId().equals("js/ws-cleartext"))
                .findFirst().orElseThrow();
        assertTrue(legacyClear.suppressed());
        assertTrue(legacyClear.suppression().reason().startsWith("retired on 2027-01-01"));
        List<Finding> untrusted = r.findings().stream().filter(f -> f.ruleId().equals("js/ws-untrusted-host")).toList();
        assertEquals(List.of("app/new.js:2", "legacy/old.js:2"), untrusted.stream().map(f -> f.file() + ":" + f.region().startLine()).toList());
        assertTrue(untrusted.get(0).message().contains("stats.tracker-example.io"), untrusted.get(0).message());
        assertTrue(r.catalog().rule("js/postmessage-wildcard-target") == null);
    }

    @Test
    void untrustedHostRuleOffWithoutAllowlist() throws IOException {
        Files.writeString(dir.resolve("a.js"), "new WebSocket('wss://stats.tracker-example.io/x');\n");
        ScanResult r = new Scanner().scan(ScanOptions.builder().path(dir).threads(1).build());
        assertTrue(r.findings().stream().noneMatch(f -> f.ruleId().equals("js/ws-untrusted-host")));
        assertTrue(r.catalog().rule("js/ws-untrusted-host") == null);
        io.wsscan.rules.RulesetException e = assertThrows(io.wsscan.rules.RulesetException.class, () -> new Scanner().scan(
                ScanOptions.builder().path(dir).ruleIds(Set.of("js/ws-untrusted-host")).threads(1).build()));
        assertEquals("rule js/ws-untrusted-host needs allowedHosts in .wsscan.yml (or --config FILE)", e.getMessage());
    }

    @Test
    void foundFromTheScannedFolderUpToTheRepositoryRoot() throws IOException {
        Path web = Files.createDirectories(dir.resolve("repo/src/main/webapp"));
        Path repo = dir.resolve("repo");
        Files.writeString(dir.resolve(".wsscan.yml"), "exclude: [outside]\n");   // above the repository: never read
        assertEquals(Policy.NONE, Policy.find(null, web, repo));
        Files.writeString(repo.resolve(".wsscan.yml"), "exclude: [top]\n");
        assertEquals(repo.resolve(".wsscan.yml").toRealPath(), Policy.find(null, web, repo).file());
        Files.writeString(repo.resolve("src/.wsscan.yml"), "exclude: [nearer]\n");
        assertEquals(List.of("nearer"), Policy.find(null, web, repo).exclude());
        // without a repository only the scan root's own file counts (the old behaviour)
        assertEquals(Policy.NONE, Policy.find(null, web, null));
        assertEquals(Policy.NONE, Policy.find(null, web));
    }

    @Test
    void aLinkLeavingTheRepositoryIsRefused() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path web = Files.createDirectories(repo.resolve("web"));
        Files.writeString(dir.resolve("elsewhere.yml"), "exclude: [x]\n");
        Files.createSymbolicLink(repo.resolve(".wsscan.yml"), dir.resolve("elsewhere.yml"));
        PolicyException e = assertThrows(PolicyException.class, () -> Policy.find(null, web, repo));
        assertTrue(e.getMessage().contains("a symbolic link leaving the repository, not read"), e.getMessage());
    }

    @Test
    void pathsOfAPolicyAboveTheScanRootAreRelativeToItsFolder() throws IOException {
        Path repo = dir.resolve("repo");
        Path web = Files.createDirectories(repo.resolve("src/main/webapp"));
        Files.createDirectories(web.resolve("js/legacy"));
        Files.createDirectories(web.resolve("js/vendor"));
        String js = "const s = new WebSocket('ws://chat.example-corp.net/live');\n";
        Files.writeString(web.resolve("js/legacy/old.js"), js);
        Files.writeString(web.resolve("js/vendor/lib.js"), js);
        Files.writeString(web.resolve("js/app.js"), js);
        Files.writeString(repo.resolve(".wsscan.yml"), """
                exclude: ["src/main/webapp/js/vendor/**", "webapp"]
                ignore:
                  - path: src/main/webapp/js/legacy
                    rules: ['*']
                    reason: retired
                """);
        Policy p = Policy.find(null, web, repo);
        assertEquals("src/main/webapp", p.base(web));
        ScanResult r = new Scanner().scan(ScanOptions.builder().path(web).policy(p).threads(1).build());
        // 'webapp' names a folder above the scan root: only paths below the root are matched
        assertEquals(List.of("js/app.js", "js/legacy/old.js"), r.analysedFiles());
        assertTrue(r.findings().stream().filter(f -> f.file().equals("js/legacy/old.js")).allMatch(Finding::suppressed));
        assertTrue(r.findings().stream().filter(f -> f.file().equals("js/app.js")).noneMatch(Finding::suppressed));
        // a policy given with --config from elsewhere keeps paths relative to the scan root
        Path shared = Files.writeString(Files.createDirectories(dir.resolve("policies")).resolve("shared.yml"),
                "exclude: [\"js/legacy/**\"]\n");
        Policy other = Policy.find(shared, web, repo);
        assertEquals("", other.base(web));
        ScanResult r2 = new Scanner().scan(ScanOptions.builder().path(web).policy(other).threads(1).build());
        assertEquals(List.of("js/app.js", "js/vendor/lib.js"), r2.analysedFiles());
    }
}

package io.wsscan.rules.js;

import io.wsscan.analysis.JsAnalyzer;
import io.wsscan.policy.Policy;
import io.wsscan.rules.RuleCatalog;
import io.wsscan.rules.RulesetException;
import io.wsscan.testing.RuleTester;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * js/ws-sensitive-send and the app's own authentication: which connection a send goes over (the
 * receiver linked to its connection call), the policy's first-party hosts, and the message names of
 * other libraries' sinks.
 */
class OwnAuthenticationTest {

    private static final String RULE = "js/ws-sensitive-send";

    private static RuleTester tester(Policy policy) {
        return RuleTester.using(new JsAnalyzer(RuleCatalog.builtin(), policy)::analyzeTogether).only(RULE);
    }

    @Test
    void aFirstPartyHostOfThePolicyIsTheAppsOwn() {
        Policy policy = Policy.parse(Path.of(".wsscan.yml"), "firstPartyHosts: [\"*.corp.example.net\"]\n");
        String code = """
                const rt = io('wss://rt.corp.example.net');
                const other = io('wss://rt.elsewhere.example.org');
                function save(password) {
                  // safe: js/ws-sensitive-send
                  rt.emit('settings', { password: password });
                  // expect: js/ws-sensitive-send
                  other.emit('settings', { password: password });
                }
                save(document.getElementById('password').value);
                """;
        tester(policy).check("settings.js", code);
        // without the policy both hosts are someone else's, and 'settings' is no login
        String unowned = code.replace("// safe: js/ws-sensitive-send", "// expect: js/ws-sensitive-send");
        tester(Policy.NONE).check("settings.js", unowned);
    }

    @Test
    void aSocketHandedInFromElsewhereNeedsALoginMessage() {
        tester(Policy.NONE).check("agent.js", """
                function attach(sock, password) {
                  // safe: js/ws-sensitive-send
                  sock.emit('authenticate', { password: password });
                  // expect: js/ws-sensitive-send
                  sock.emit('status', { password: password });
                }
                attach(io(window.AGENT), document.getElementById('password').value);
                """);
    }

    @Test
    void otherLibrariesNameTheirMessageToo() {
        tester(Policy.NONE).check("hub.js", """
                const hub = new signalR.HubConnectionBuilder().withUrl('https://hub.partner.example.org/chat').build();
                const pw = document.getElementById('password').value;
                // safe: js/ws-sensitive-send
                hub.invoke('Login', 'alice', pw);
                // expect: js/ws-sensitive-send
                hub.invoke('SendMessage', pw);
                """);
    }

    /** A namespace path, an explicit undefined and a relative WebSocket URL all stay on the page's origin. */
    @Test
    void relativeAndOmittedUrlsAreThePagesOrigin() {
        tester(Policy.NONE).check("admin.js", """
                const admin = io('/admin');
                const main = io(undefined);
                const feed = new WebSocket('/feed');
                const vendor = io('https://chat.vendor.example.org/admin');
                const pw = document.getElementById('password').value;
                // safe: js/ws-sensitive-send
                admin.emit('settings', { password: pw });
                // safe: js/ws-sensitive-send
                main.emit('settings', { password: pw });
                // safe: js/ws-sensitive-send
                feed.send(JSON.stringify({ password: pw }));
                // expect: js/ws-sensitive-send
                vendor.emit('settings', { password: pw });
                """);
    }

    @Test
    void loopbackOverCleartextIsTheAppsOwnCleartextElsewhereIsNot() {
        tester(Policy.NONE).check("dev.js", """
                const dev = io('ws://localhost:3001');
                const lan = io('http://10.0.0.7:3001');
                const pw = document.getElementById('password').value;
                // safe: js/ws-sensitive-send
                dev.emit('save', { password: pw });
                // expect: js/ws-sensitive-send
                lan.emit('login', { password: pw });
                """);
    }

    @Test
    void authenticationSourcesMustBeSourcesOfTheRule() {
        RulesetException e = assertThrows(RulesetException.class, () -> RuleCatalog.load(List.of(
                writeRule("""
                        id: custom/send
                        language: js
                        name: Send
                        shortDescription: s
                        fullDescription: f
                        help: help.md
                        level: error
                        securitySeverity: "5.0"
                        precision: low
                        kind: taint
                        sources: [cookie]
                        sinks: [ws-send]
                        authenticationSources: [password]
                        message: "m"
                        """))));
        assertTrue(e.getMessage().contains("authenticationSources: 'password' is not one of the rule's sources [cookie]"),
                e.getMessage());
    }

    private static Path writeRule(String yaml) {
        try {
            Path dir = java.nio.file.Files.createTempDirectory("wsscan-rule");
            java.nio.file.Files.writeString(dir.resolve("help.md"), "# help\n");
            Path f = dir.resolve("rule.yml");
            java.nio.file.Files.writeString(f, yaml);
            return f;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package io.wsscan.inventory;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UrlPartsTest {

    private static UrlParts parse(String... parts) {
        return UrlParts.parse(Arrays.asList(parts));
    }

    @Test
    void completeUrl() {
        UrlParts u = parse("wss://Chat.Example.com:8443/rooms/general?x=1#f");
        assertEquals("wss", u.scheme());
        assertEquals("chat.example.com", u.host());
        assertEquals("8443", u.port());
        assertEquals("/rooms/general", u.path());
        assertEquals("x=1", u.query());
        assertEquals(List.of(), u.unknown());
        assertFalse(u.relative());
    }

    @Test
    void unknownPartsAreMarked() {
        UrlParts u = parse("wss://api.example.com/users/", null, "/feed?token=", null);
        assertEquals("wss://api.example.com/users/${…}/feed?token=${…}", u.display());
        assertEquals("/users/${…}/feed", u.path());
        assertEquals(List.of("path", "query"), u.unknown());

        UrlParts host = parse("ws://", null, "/live");
        assertNull(host.host());
        assertEquals(List.of("host"), host.unknown());
        assertEquals("/live", host.path());

        UrlParts port = parse("ws://localhost:", null);
        assertEquals("localhost", port.host());
        assertEquals("${…}", port.port());
        assertTrue(port.unknown().contains("port"));
    }

    @Test
    void pageHostAndMirroredScheme() {
        UrlParts u = parse(null, "//{page-host}/admin/diag");
        assertTrue(u.pageHost());
        assertEquals(List.of("scheme"), u.unknown());
        assertEquals("/admin/diag", u.path());

        UrlParts origin = parse("wss://{page-host}/feed");
        assertTrue(origin.pageHost());
        assertEquals("wss", origin.scheme());
    }

    @Test
    void relativeAndProtocolRelative() {
        UrlParts rel = parse("/ws/chat");
        assertTrue(rel.relative());
        assertNull(rel.host());
        assertEquals("/ws/chat", rel.path());

        UrlParts pr = parse("//cdn.example.net/socket");
        assertTrue(pr.relative());
        assertEquals("cdn.example.net", pr.host());
        assertNull(pr.scheme());
    }

    @Test
    void wholeUrlUnknown() {
        UrlParts u = parse((String) null);
        assertEquals("${…}", u.display());
        assertEquals(List.of("scheme", "host", "path"), u.unknown());
        UrlParts tail = parse(null, "/socket.io/?EIO=4");
        assertEquals("/socket.io/", tail.path());
        assertEquals(List.of("scheme", "host"), tail.unknown());
    }

    @Test
    void blankedTemplateExpressionsAreUnknown() {
        // JSP expressions are masked to spaces before the script is analysed
        UrlParts u = parse("wss://dispatch.example.com/regions/            /chat");
        assertEquals("/regions/${…}/chat", u.path());
        assertEquals("dispatch.example.com", u.host());
    }

    @Test
    void hostPatterns() {
        HostPattern star = new HostPattern("*.Example.com");
        assertTrue(star.matches("chat.example.com"));
        assertTrue(star.matches("a.b.example.com."));
        assertFalse(star.matches("example.com"));
        assertFalse(star.matches("evilexample.com"));
        assertTrue(new HostPattern("chat.example.com").matches("CHAT.example.com"));
        assertFalse(new HostPattern("chat.example.com").matches("chat.example.com.evil.net"));
        assertEquals(null, HostPattern.problem("*.example.com"));
        assertTrue(HostPattern.problem("wss://x.example.com").contains("URL"));
        assertTrue(HostPattern.problem("a.*.example.com").contains("first label"));
    }
}

package io.wsscan.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MessageLinksTest {

    @Test
    void lineReferencesBecomeLinksToRelatedLocations() {
        MessageLinks.Linked l = MessageLinks.link(
                "Data from a WebSocket message (line 7) reaches innerHTML; it was parsed at line 9 and at line 7.",
                (file, line) -> file == null ? "js/app.js" : null);
        assertEquals("Data from a WebSocket message ([line 7](1)) reaches innerHTML; it was parsed at [line 9](2) and at [line 7](1).",
                l.text());
        assertEquals(List.of(new MessageLinks.Target("js/app.js", 7), new MessageLinks.Target("js/app.js", 9)), l.targets());
    }

    @Test
    void aReferenceNamingAFileLinksThereAndBracketsAreEscaped() {
        MessageLinks.Linked l = MessageLinks.link(
                "checks the Origin only loosely (origins[0].contains(\"x\") at line 20); session used (Chat.java line 12)",
                (file, line) -> file == null ? "src/Endpoint.java" : file.equals("Chat.java") ? "src/Chat.java" : null);
        assertEquals("checks the Origin only loosely (origins\\[0\\].contains(\"x\") at [line 20](1)); session used ([Chat.java line 12](2))",
                l.text());
        assertEquals(List.of(new MessageLinks.Target("src/Endpoint.java", 20), new MessageLinks.Target("src/Chat.java", 12)),
                l.targets());
    }

    @Test
    void unresolvableReferencesStayText() {
        String m = "see Other.java line 3, and [brackets] stay as they are without links";
        MessageLinks.Linked l = MessageLinks.link(m, (file, line) -> null);
        assertEquals(m, l.text());
        assertEquals(List.of(), l.targets());
        assertEquals("outline 4 and streamline 5", MessageLinks.link("outline 4 and streamline 5", (f, n) -> "a.js").text());
    }
}

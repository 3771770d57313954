package io.wsscan.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TriggersTest {

    private static Triggers words(String... words) {
        return new Triggers(java.util.Arrays.stream(words).map(w -> new Triggers.Trigger(w, null, null)).toList());
    }

    private static boolean in(Triggers t, String text) {
        return t.in(text).any();
    }

    @Test
    void findsWordsAnywhereIncludingTheEdges() {
        Triggers t = words("WebSocket", "WebSocketServer", "webSocket", "io.connect", "'ws'");
        assertTrue(in(t, "WebSocket"));
        assertTrue(in(t, "new WebSocket(u)"));
        assertTrue(in(t, "x.webSocket"));
        assertTrue(in(t, "require('ws')"));
        assertTrue(in(t, "a=io.connect"), "at the very end");
        assertFalse(in(t, "WebSocke"), "a prefix is not the word");
        assertFalse(in(t, "websocket"), "case matters");
        assertFalse(in(t, ""));
        assertFalse(in(t, "W"));
        assertFalse(in(t, "io.connec"));
    }

    @Test
    void charactersBeyondAsciiNeitherHideNorFakeAWord() {
        Triggers t = words("Ab", "stomp");
        // 'Á' (U+00C1) and 'â' (U+00E2) share their low 7 bits with 'A' and 'b'
        assertFalse(in(t, "\u00C1\u00E2 and \u00C1b and A\u00E2"));
        assertTrue(in(t, "\u00C1Ab"));
        assertTrue(in(t, "x = '😀 emoji first'; stomp()"), "a text that is not Latin-1");
        assertFalse(in(t, "st😀omp"));
        assertFalse(in(t, "\u0141\u0162"), "characters beyond Latin-1 become '?' and match nothing");
    }

    @Test
    void anExpressionDecidesAroundEachOccurrenceOfItsWord() {
        Triggers t = new Triggers(List.of(new Triggers.Trigger("message",
                Pattern.compile("\\bon\\(\\s*'message'"), null)));
        assertFalse(in(t, "var message = 'message'; log(message)"));
        assertTrue(in(t, "var message = 1; ws.on( 'message', f)"));
        // the expression may start up to NEAR_WINDOW characters before the word, not further
        assertTrue(in(t, "ws.on(" + " ".repeat(10) + "'message', f)"));
        assertFalse(in(t, "ws.on(" + " ".repeat(Triggers.NEAR_WINDOW + 5) + "'message', f)"));
        assertTrue(in(t, "x;on('message')"));
    }

    @Test
    void wordsMustBeTwoAsciiCharactersOrMore() {
        assertThrows(IllegalArgumentException.class, () -> words("x"));
        assertThrows(IllegalArgumentException.class, () -> words("Сокет"));
    }

    @Test
    void agreesWithASearchForEachWordOnRandomText() {
        List<String> ws = List.of("ws", "wss", "socket", "sock", "io(", "Stomp", "ab", "ba");
        Triggers t = words(ws.toArray(String[]::new));
        Random r = new Random(7);
        String alphabet = "wsocketiSmpab(.\u00F7\u0177 ";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(12); k > 0; k--) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            String s = sb.toString();
            boolean expected = ws.stream().anyMatch(s::contains);
            assertEquals(expected, in(t, s), s);
        }
    }

    @Test
    void aWordThatStandsForAGlobalLeavesTheDecisionToTheProgram() {
        Triggers t = new Triggers(List.of(new Triggers.Trigger("io(", Pattern.compile("\\bio\\("), "io"),
                new Triggers.Trigger("socket.io", null, null)));
        assertEquals(new Triggers.Found(false, java.util.Set.of("io")), t.in("function io(n){} io(1); radio(2)"));
        assertEquals(Triggers.Found.NOTHING, t.in("radio(2); scenario(3)"));
        assertEquals(Triggers.Found.CERTAIN, t.in("io(url); // served by socket.io"), "a word that counts by itself wins");
    }

    @Test
    void wordsOnCommentLinesDoNotCount() {
        Triggers t = words("WebSocket", "on('message'");
        assertFalse(in(t, "// new WebSocket(url)\nvar a = 1;"));
        assertFalse(in(t, "/**\n * Example: jQuery(source).on('message', debounced);\n */\nfunction debounce() {}"));
        assertFalse(in(t, "\t  // WebSocket"), "indented");
        assertTrue(in(t, "/* a */ new WebSocket(u)"), "code after a closed comment on the same line");
        assertTrue(in(t, "var u = 'http://x'; new WebSocket(u)"), "// inside a string is not a comment line");
        assertTrue(in(t, "// about sockets\nnew WebSocket(u)"), "the next line is code");
        assertTrue(in(t, "x = a\n*/ new WebSocket(u)"), "*/ ends a comment: code follows");
        assertTrue(in(t, "// " + "x".repeat(Triggers.COMMENT_LOOKBACK) + " WebSocket"),
                "a line longer than the look-back counts as code (minified files)");
        assertTrue(in(t, "// WebSocket in a comment\nws.on('message', f)"), "another word on a code line still counts");
    }
}

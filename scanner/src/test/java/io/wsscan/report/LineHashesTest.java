package io.wsscan.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The test vectors of sarif-github.md (GitHub's upload action), plus a few properties of the hash. */
class LineHashesTest {

    private static final String TRAILING_LINE = "c129715d7a2bc9a3:1";

    @Test
    void emptyText() {
        assertEquals(List.of(TRAILING_LINE), LineHashes.compute(""));
    }

    @Test
    void spacesAndTabsAreIgnored() {
        assertEquals(List.of("271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"),
                LineHashes.compute(" a\nb\n  \t\tc\n d"));
    }

    @Test
    void blankLinesAndNoTrailingNewline() {
        assertEquals(List.of("8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1", "c6805c5e1288b612:1",
                        "b86d3392aea1be30:1", "e6ceba753e1a442:1"),
                LineHashes.compute(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End"));
    }

    @Test
    void crlfLineEndsAndTrailingNewline() {
        assertEquals(List.of("e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
                        "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", TRAILING_LINE),
                LineHashes.compute(" hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n"));
    }

    @Test
    void repeatedLinesAreNumbered() {
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 6; i++) expected.add("a7f2ff13bc495cf2:" + i);
        expected.addAll(List.of("a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1", "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1",
                TRAILING_LINE));
        assertEquals(expected, LineHashes.compute("Lorem ipsum dolor sit amet.\n".repeat(10)));
    }

    @Test
    void shortProgram() {
        assertEquals(List.of("e54938cc54b302f1:1", "bb609acbe9138d60:1", "1131fd5871777f34:1", "5c482a0f8b35ea28:1",
                        "54517377da7028d2:1", "2c644846cb18d53e:1", "f1b89f20de0d133:1", TRAILING_LINE),
                LineHashes.compute("x = 2\nx = 1\nprint(x)\nx = 3\nprint(x)\nx = 4\nprint(x)\n"));
    }

    @Test
    void loneCarriageReturnEndsALineLikeLineFeed() {
        assertEquals(LineHashes.compute("a\nb\n\nc"), LineHashes.compute("a\rb\r\rc"));
        assertEquals(LineHashes.compute("a\nb\n\nc"), LineHashes.compute("a\r\nb\r\r\nc"));
    }

    @Test
    void oneHashPerLine() {
        assertEquals(3, LineHashes.compute("a\nb\nc").size());
        assertEquals(4, LineHashes.compute("a\nb\nc\n").size());
        assertEquals(1000, LineHashes.compute("x\n".repeat(999)).size());
    }

    @Test
    void hashSeesTheNextHundredCharacters() {
        String tail = "y".repeat(200);
        // A change 99 kept characters after line 1 starts still changes its hash; 100 after does not.
        String base = "a\n" + "b".repeat(97) + "c" + tail;
        String within = "a\n" + "b".repeat(97) + "d" + tail;
        String beyond = "a\n" + "b".repeat(98) + "d" + tail;
        assertNotEquals(LineHashes.compute(base).get(0), LineHashes.compute(within).get(0));
        assertEquals(LineHashes.compute("a\n" + "b".repeat(98) + "c" + tail).get(0), LineHashes.compute(beyond).get(0));
    }

    @Test
    void fileIsReadAsUtf8(@TempDir Path dir) throws IOException {
        String text = "const s = 'h\u00e9llo \ud83d\ude00';\r\nws.send(s);\n";
        Path f = dir.resolve("a.js");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        assertEquals(LineHashes.compute(text), LineHashes.compute(f));
    }
}

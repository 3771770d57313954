package io.wsscan.java;

import com.github.javaparser.ast.Node;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing the compact text gives the same tree at the same lines and columns as parsing the file. */
class CompactTextTest {

    private static final JavaFrontEnd COMPACT = new JavaFrontEnd();
    private static final JavaFrontEnd AS_WRITTEN = new JavaFrontEnd(false);

    /** The shapes that move columns: indentation with tabs and spaces, comments inside lines, literals, line ends. */
    static final String TRICKY = "package a;\r\n"
            + "/** Javadoc\r\n * over lines */\r\n"
            + "public class T {\n"
            + "\t\tprivate   String s =  \"a  /* not a comment */  b\" ;   // trailing\n"
            + "    char q = '\"',   r = '\\'';\n"
            + "    int x = 1 /* inside */ +   2;/**/int y;\r"
            + "    String tb = \"\"\"\n        text   block  \\\"\"\"  \n      \"\"\" ;\n"
            + "  \f  void m( int  a ,\tint b ) {   if (a  >  b) {   s =   \"x\" + /* c */ a;  }   }\n"
            + "    String url() { return \"http://example.com//path\"; } // http://x\n"
            + "}\n";

    @Test
    void theTrickyFileKeepsEveryPosition() throws Exception {
        CompactText c = CompactText.of(TRICKY);
        assertTrue(c.text.length() < TRICKY.length(), "it compacts");
        assertEquals(TRICKY.lines().count(), c.text.lines().count(), "and keeps the lines");
        assertSameTree(TRICKY);
    }

    @Test
    void theCorpusJavaFilesKeepEveryPosition() throws Exception {
        Path corpus = Path.of("..", "test-corpus").toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertTrue(files.size() > 100, "the corpus has its Java files: " + files.size());
        for (Path f : files) assertSameTree(Files.readString(f));
    }

    @Test
    void syntaxErrorsAreReportedAtTheFilesColumn() {
        String text = "class A {\n    /* x */    int = 3;\n}\n";
        JavaFrontEnd.Failure compact = org.junit.jupiter.api.Assertions.assertThrows(JavaFrontEnd.Failure.class, () -> COMPACT.parse(text));
        JavaFrontEnd.Failure written = org.junit.jupiter.api.Assertions.assertThrows(JavaFrontEnd.Failure.class, () -> AS_WRITTEN.parse(text));
        assertEquals(written.line, compact.line);
        assertEquals(written.column, compact.column);
    }

    private static void assertSameTree(String text) throws JavaFrontEnd.Failure, IOException {
        List<Node> a = COMPACT.parseNodes(text, Long.MAX_VALUE).preorder();
        List<Node> b = AS_WRITTEN.parseNodes(text, Long.MAX_VALUE).preorder();
        assertEquals(b.size(), a.size());
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            Node x = a.get(i), y = b.get(i);
            assertEquals(y.getClass(), x.getClass());
            if (!x.getRange().equals(y.getRange())) diffs.add(y.getClass().getSimpleName() + " " + y.getRange() + " vs " + x.getRange());
        }
        assertEquals(List.of(), diffs);
    }
}

package io.wsscan.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code ./wsscan} launcher runs Java under a UTF-8 locale when the caller's is not one, since the
 * JVM decodes file names with the locale's charset and {@code -Dsun.jnu.encoding} is ignored on Java 17.
 * Runs the launcher's own block (between its markers) in bash.
 */
class LauncherLocaleTest {

    private static String block() throws IOException {
        Path launcher = Path.of("").toAbsolutePath().getParent().resolve("wsscan");
        String s = Files.readString(launcher);
        int from = s.indexOf("# (begin utf8-locale");
        int to = s.indexOf("# (end utf8-locale)");
        assertEquals(true, from > 0 && to > from, "the launcher's locale block is marked");
        return s.substring(from, to);
    }

    private static String charmapAfter(String callerLocale) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", block() + "\nlocale charmap");
        pb.environment().remove("LANG");
        pb.environment().put("LC_ALL", callerLocale);
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out.lines().reduce((a, b) -> b).orElse("");
    }

    @Test
    void aCOrPosixLocaleBecomesUtf8() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/locale")) || Files.isExecutable(Path.of("/bin/locale")), "no locale command");
        Process p = new ProcessBuilder("bash", "-c", "locale -a | grep -qix 'c.utf-\\?8'").start();
        assumeTrue(p.waitFor() == 0, "no C.UTF-8 locale on this machine");
        assertEquals("UTF-8", charmapAfter("C"));
        assertEquals("UTF-8", charmapAfter("POSIX"));
        assertEquals("UTF-8", charmapAfter("C.UTF-8"));
    }
}

package io.wsscan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** What the process is attached to: decides progress bars and colour. */
final class Terminal {

    private Terminal() {
    }

    /**
     * True when a progress bar may be drawn on stderr: there is a console, stderr is a terminal,
     * {@code CI} is not {@code true} and {@code TERM} is not {@code dumb}.
     */
    static boolean progressAllowed(Map<String, String> env) {
        return System.console() != null && !"true".equalsIgnoreCase(env.getOrDefault("CI", ""))
                && !"dumb".equals(env.get("TERM")) && isTty(2);
    }

    /** True when text written to stdout may be coloured: stdout is a terminal and NO_COLOR is unset. */
    static boolean colourAllowed(Map<String, String> env) {
        return System.console() != null && env.get("NO_COLOR") == null && !"dumb".equals(env.get("TERM"))
                && isTty(1);
    }

    /**
     * Whether file descriptor {@code fd} is a terminal. Linux tells through {@code /proc/self/fd};
     * elsewhere {@link System#console()} (stdin and stdout are terminals) is the best Java offers.
     */
    static boolean isTty(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        if (Files.isSymbolicLink(link)) {
            try {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}

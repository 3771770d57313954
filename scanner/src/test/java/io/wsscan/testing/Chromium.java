package io.wsscan.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Chromium for the browser tests: found on the usual paths (or {@code WSSCAN_CHROMIUM}), run
 * with a fresh profile, its standard output returned. A test without Chromium is skipped, except where
 * {@code WSSCAN_REQUIRE_CHROMIUM=1} (CI installs it), where it fails.
 */
public final class Chromium {

    private final Path browser;

    private Chromium(Path browser) {
        this.browser = browser;
    }

    /** The installed browser; skips the calling test when there is none and none is required. */
    public static Chromium require() {
        Path found = null;
        String env = System.getenv("WSSCAN_CHROMIUM");
        for (String c : new String[]{env, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
            if (c != null && !c.isBlank() && Files.isExecutable(Path.of(c))) {
                found = Path.of(c);
                break;
            }
        }
        if ("1".equals(System.getenv("WSSCAN_REQUIRE_CHROMIUM"))) {
            assertTrue(found != null, "WSSCAN_REQUIRE_CHROMIUM=1 but Chromium is not installed");
        }
        assumeTrue(found != null, "Chromium is not installed (apt-get install -y chromium chromium-driver): browser test skipped");
        return new Chromium(found);
    }

    /** Runs the browser headless with {@code args}; returns its standard output (e.g. the DOM of --dump-dom). */
    public String run(List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("wsscan-chromium-");
        try {
            List<String> cmd = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile));
            cmd.addAll(args);
            Path stdout = Files.createTempFile("wsscan-chromium-", ".out");
            Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("chromium did not finish in 120 s: " + cmd);
            }
            String out = Files.readString(stdout, StandardCharsets.UTF_8);
            Files.deleteIfExists(stdout);
            assertEquals(0, p.exitValue(), "chromium exit code; output: " + out);
            return out;
        } finally {
            try (var walk = Files.walk(profile)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}

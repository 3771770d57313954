package io.wsscan.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * wsscan's own version, from the classpath resource {@code /io/wsscan/version.properties} that the
 * build fills in from the project version. A build that did not filter resources (an IDE running
 * straight from sources) reports {@link #UNKNOWN}.
 */
public final class Version {

    /** Reported when the version resource is missing or was not filtered; still valid SemVer. */
    public static final String UNKNOWN = "0.0.0-unknown";

    private static final String RESOURCE = "/io/wsscan/version.properties";
    private static final String VERSION = load();

    private Version() {
    }

    /** The version, e.g. {@code 0.1.0} or {@code 0.2.0-SNAPSHOT}. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return UNKNOWN;
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").trim();
            return v.isEmpty() || v.contains("${") ? UNKNOWN : v;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}

package io.wsscan.deps;

import io.wsscan.inventory.Endpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The scripts of webjars: entries {@code META-INF/resources/webjars/NAME/VERSION/**.js} of a jar, read from
 * the zip without extracting anything to disk. The package is the webjar's name and version as its path
 * says. Jars without such entries (most of a runtime classpath) give nothing.
 */
public final class Webjars {

    private Webjars() {
    }

    static final String PREFIX = "META-INF/resources/webjars/";

    /** One script of a webjar: its package, the path shown in reports ({@code JAR!/ENTRY}) and its text. */
    public record Script(Endpoint.Package pkg, String relPath, String text) {
    }

    /** What a jar held: its scripts, and entries left out (larger than {@code maxBytes}, or unreadable). */
    public record Contents(List<Script> scripts, List<String> skipped) {
    }

    /**
     * The scripts of one jar, by entry name; {@code shownAs} names the jar in paths ({@code sockjs-client-1.5.1.jar}).
     *
     * @throws IOException when the file is not a readable zip
     */
    public static Contents read(Path jar, String shownAs, long maxBytes) throws IOException {
        List<Script> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile(), StandardCharsets.UTF_8)) {
            List<ZipEntry> entries = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry z = e.nextElement();
                if (!z.isDirectory() && z.getName().startsWith(PREFIX) && DependencyScan.isScript(z.getName())) entries.add(z);
            }
            entries.sort(java.util.Comparator.comparing(ZipEntry::getName));
            for (ZipEntry z : entries) {
                String[] parts = z.getName().substring(PREFIX.length()).split("/");
                // NAME/VERSION/file at least; a name with '..' would not be a webjar's
                if (parts.length < 3 || parts[0].isEmpty() || parts[1].isEmpty()) continue;
                String inPackage = String.join("/", java.util.Arrays.copyOfRange(parts, 2, parts.length));
                if (DependencyScan.notShipped(inPackage)) continue;
                String shown = shownAs + "!/" + z.getName();
                if (z.getSize() > maxBytes) {
                    skipped.add(shown);
                    continue;
                }
                String text = readText(zip, z, maxBytes);
                if (text == null) {
                    skipped.add(shown);
                    continue;
                }
                out.add(new Script(new Endpoint.Package(parts[0], parts[1], "webjar"), shown, text));
            }
        }
        return new Contents(List.copyOf(out), List.copyOf(skipped));
    }

    /** The entry as UTF-8 text, null when it is larger than {@code maxBytes} once inflated (the header may lie). */
    private static String readText(ZipFile zip, ZipEntry z, long maxBytes) throws IOException {
        try (InputStream in = zip.getInputStream(z)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) return null;
            return io.wsscan.engine.Discovery.decode(bytes);
        }
    }
}

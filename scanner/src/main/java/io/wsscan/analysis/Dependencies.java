package io.wsscan.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The npm package versions a project declares: the nearest {@code package.json} from a file upward,
 * not above the scan root, that names the package in its dependencies (of any kind). Some library
 * defaults changed between major versions (socket.io 2 admitted every origin, with credentials), so a
 * policy may depend on the declared major version. A manifest that cannot be read counts as absent;
 * nothing outside the scan root is read.
 */
public final class Dependencies {

    /** Knows no versions (text analysed without a file, tests). */
    public static final Dependencies NONE = new Dependencies();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MAJOR = Pattern.compile("^\\s*(?:[\\^~=v]|>=?)?\\s*(\\d+)");
    private static final String[] SECTIONS = {"dependencies", "devDependencies", "peerDependencies", "optionalDependencies"};

    /** folder -> its package.json's dependencies (empty when it has none or it cannot be read) */
    private final Map<Path, Optional<JsonNode>> manifests = new ConcurrentHashMap<>();
    /** a file's path relative to the scan root -> the file's folder */
    private final Map<String, Path> folders = new ConcurrentHashMap<>();

    /** Records where a file being analysed lies, so its manifests can be found. */
    void file(Path absolute, String relPath) {
        if (this != NONE && absolute != null && absolute.getParent() != null) folders.put(relPath, absolute.getParent());
    }

    /**
     * The major version of {@code pkg} that the nearest declaring manifest asks for ({@code ^2.0.4} -> 2),
     * or null when none declares it, the range names no number ({@code *}, a tag, a git URL), or the
     * file's location is unknown.
     */
    public Integer major(String relPath, String pkg) {
        Path dir = folders.get(relPath);
        if (dir == null) return null;
        // the folders between the file and the scan root: one per separator in the relative path
        int levels = (int) relPath.chars().filter(c -> c == '/').count();
        for (int i = 0; i <= levels && dir != null; i++, dir = dir.getParent()) {
            JsonNode m = manifests.computeIfAbsent(dir, Dependencies::read).orElse(null);
            if (m == null) continue;
            for (String section : SECTIONS) {
                JsonNode range = m.path(section).path(pkg);
                if (range.isTextual()) {
                    Matcher x = MAJOR.matcher(range.asText());
                    return x.find() ? Integer.valueOf(x.group(1)) : null;
                }
            }
        }
        return null;
    }

    private static Optional<JsonNode> read(Path dir) {
        Path manifest = dir.resolve("package.json");
        if (!Files.isRegularFile(manifest)) return Optional.empty();
        try {
            JsonNode n = JSON.readTree(manifest.toFile());
            return n != null && n.isObject() ? Optional.of(n) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a broken manifest declares nothing
        }
    }
}

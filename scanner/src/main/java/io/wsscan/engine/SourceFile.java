package io.wsscan.engine;

import java.nio.file.Path;

/** One input file, read once: absolute path, path relative to the scan root ('/' separators), text. */
public record SourceFile(Path path, String relPath, String text) {
}

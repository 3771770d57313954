package io.wsscan.cli;

import io.wsscan.engine.Discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks of command-line input shared by the commands, all made before anything is read or created:
 * paths to scan, globs, files to read and files to write.
 */
final class Inputs {

    /** The largest ruleset file read with --ruleset. */
    static final long MAX_RULESET_BYTES = 16L * 1024 * 1024;

    private Inputs() {
    }

    /**
     * The paths to scan ({@code .} when none are given), each a file or folder that exists. An empty
     * path is an error (it would silently mean the current folder); a FIFO, socket or device is refused
     * before it is opened, since reading one can block forever.
     */
    static List<Path> scanPaths(List<Path> given, String hint) {
        if (given.isEmpty()) return List.of(Path.of("."));
        for (Path p : given) {
            if (p.toString().isEmpty()) throw new UsageException("empty path (use . for the current folder)", hint);
            if (!Files.exists(p)) throw new UsageException("no such file or directory: " + p, hint);
            if (!Files.isDirectory(p) && !Files.isRegularFile(p)) {
                throw new UsageException("not a regular file or folder: " + p + " (a FIFO, socket or device is never read)", hint);
            }
        }
        return given;
    }

    /** Each glob of {@code option}, checked to be well formed. */
    static void globs(List<String> globs, String option) {
        for (String g : globs) {
            try {
                new Discovery.Glob(g);
            } catch (IllegalArgumentException e) {
                throw new UsageException(option + ": " + Main.firstLine(e.getMessage()), ScanCommand.HINT);
            }
        }
    }

    /** The --ruleset files, each checked by {@link #readable}. */
    static List<Path> rulesets(List<Path> files) {
        for (Path r : files) readable(r, "--ruleset", MAX_RULESET_BYTES);
        return files;
    }

    /** A file the user named for reading: it exists, is a regular file and is at most {@code max} bytes. */
    static Path readable(Path p, String option, long max) {
        if (p.toString().isEmpty()) throw new UsageException(option + ": empty file name");
        if (!Files.exists(p)) throw new UsageException(option + " file not found: " + p);
        if (Files.isDirectory(p)) throw new UsageException(option + " " + p + " is a folder, not a file");
        if (!Files.isRegularFile(p)) throw new UsageException(option + " " + p + " is not a regular file (a FIFO, socket or device is never read)");
        long size;
        try {
            size = Files.size(p);
        } catch (IOException e) {
            throw new UsageException("cannot read " + option + " file " + p + ": " + why(e));
        }
        if (size > max) {
            throw new UsageException(option + " file " + p + " is " + Discovery.formatSize(size) + ", over the "
                    + Discovery.formatSize(max) + " limit");
        }
        return p;
    }

    /** A file that {@code --config} names, when given: it exists and is a file (its size is checked when it is read). */
    /** The real path of {@code --source-root}: an existing folder holding the scan root (a usage error otherwise). */
    static Path sourceRoot(Path dir, Path scanRoot) {
        if (dir.toString().isEmpty()) throw new UsageException("--source-root: empty folder name");
        if (!Files.isDirectory(dir)) throw new UsageException("--source-root " + dir + " is not a folder");
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            throw new UsageException("cannot read --source-root " + dir + ": " + why(e));
        }
        if (!scanRoot.startsWith(real)) {
            throw new UsageException("--source-root " + dir + " does not hold the scanned path " + shown(scanRoot));
        }
        return real;
    }

    /** A path for messages: relative to the current folder when it lies below it, else absolute. */
    static String shown(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    static void config(Path config, String hint) {
        if (config == null) return;
        if (config.toString().isEmpty()) throw new UsageException("--config: empty file name", hint);
        if (!Files.exists(config)) throw new UsageException("--config file not found: " + config, hint);
        if (Files.isDirectory(config)) throw new UsageException("--config " + config + " is a folder, not a file", hint);
        if (!Files.isRegularFile(config)) {
            throw new UsageException("--config " + config + " is not a regular file (a FIFO, socket or device is never read)", hint);
        }
    }

    /**
     * Checks that a report can be written to {@code target} without creating anything: it is not a
     * folder, and the nearest folder above it that exists is writable (missing folders are created only
     * when the report is written, after every other check has passed).
     */
    static void checkWritable(Path target) {
        if (target.toString().isEmpty()) throw new UsageException("--output: empty file name");
        Path abs = target.toAbsolutePath();
        if (Files.isDirectory(abs)) throw new UsageException("cannot write " + target + ": it is a directory");
        if (Files.exists(abs) && !Files.isWritable(abs)) throw new UsageException("cannot write " + target + ": permission denied");
        Path p = abs.getParent();
        while (p != null && !Files.exists(p)) p = p.getParent();
        if (p == null) return;
        if (!Files.isDirectory(p)) throw new UsageException("cannot write " + target + ": " + p + " is not a directory");
        if (!Files.isWritable(p)) throw new UsageException("cannot write " + target + ": permission denied");
    }

    /** The folder {@code --cache} without a value stands for, in the report's folder or the current one. */
    static final String DEFAULT_CACHE = ".wsscan-cache";

    /**
     * The cache folder of {@code --cache}: null when not given, {@link #DEFAULT_CACHE} beside the report
     * ({@code output}, null: stdout) when given without a value. It must be a folder, or creatable in a
     * writable one; nothing is created here.
     */
    static Path cacheFolder(String given, Path output, String hint) {
        if (given == null) return null;
        Path dir;
        if (given.isEmpty()) {
            Path parent = output == null ? null : output.toAbsolutePath().getParent();
            dir = (parent == null ? Path.of("") : parent).resolve(DEFAULT_CACHE);
        } else {
            try {
                dir = Path.of(given);
            } catch (java.nio.file.InvalidPathException e) {
                throw new UsageException("--cache " + given + ": not a valid path", hint);
            }
        }
        Path abs = dir.toAbsolutePath();
        if (Files.exists(abs) && !Files.isDirectory(abs)) throw new UsageException("--cache " + dir + ": not a folder", hint);
        Path p = abs;
        while (p != null && !Files.exists(p)) p = p.getParent();
        if (p != null && !Files.isDirectory(p)) throw new UsageException("--cache " + dir + ": " + p + " is not a folder", hint);
        if (p != null && !Files.isWritable(p)) throw new UsageException("--cache " + dir + ": permission denied", hint);
        return dir;
    }

    /** Creates the folders above a report file, once everything else has been checked. */
    static void createParent(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null) return;
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UsageException("cannot write " + target + ": cannot create " + parent + ": " + why(e));
        }
    }

    /** The reason of a file-system error in words (their message is often just the path). */
    static String why(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file or directory";
        if (e instanceof java.nio.file.FileAlreadyExistsException f) return f.getFile() + " exists and is not a folder";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return Main.firstLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}

package io.wsscan.engine;

import io.wsscan.findings.Notification;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Finds the files to analyse: walks the given files and folders, leaves out the default and user
 * excludes, keeps files that some {@link FileAnalyzer} accepts, and notes files that are too large or
 * cannot be read. Reading and decoding a file ({@link #load}) is separate so that each file is read
 * once, by the task that analyses it.
 */
public final class Discovery {

    /** Folder names never walked into (a path given explicitly is still scanned). */
    public static final Set<String> DEFAULT_EXCLUDED_DIRS = Set.of("node_modules", ".git", "target", "build");

    /** How much of a file's start is searched for a NUL byte to tell binary files. */
    static final int BINARY_SNIFF = 8 * 1024;

    /** A file to analyse: absolute path, path relative to the scan root ('/' separators), size. */
    public record Candidate(Path path, String relPath, long size) {
    }

    /**
     * What discovery found: the scan root, the files to analyse sorted by relative path, and notes for
     * files that were left out (too large, unreadable).
     *
     * @param skippedFiles how many files the notes stand for (counted as discovered and skipped)
     */
    public record Result(Path root, List<Candidate> files, List<Notification> notifications, int skippedFiles) {
    }

    /** A loaded file: exactly one of {@code source} (the decoded text) and {@code skipped} is non-null. */
    public record Loaded(SourceFile source, Notification skipped, long bytes) {
    }

    private final List<FileAnalyzer> analyzers;
    private final List<Glob> excludes;
    private final List<Glob> includes;
    private final long maxFileSize;
    private final boolean followSymlinks;
    private final Path root;

    public Discovery(List<FileAnalyzer> analyzers, List<String> excludeGlobs, long maxFileSize,
                     boolean followSymlinks) {
        this(analyzers, excludeGlobs, List.of(), maxFileSize, followSymlinks, null);
    }

    /**
     * @param includeGlobs when not empty, only files matching one of these are kept
     * @param root         the scan root, or null for {@link #scanRoot(List)} of the paths
     */
    public Discovery(List<FileAnalyzer> analyzers, List<String> excludeGlobs, List<String> includeGlobs,
                     long maxFileSize, boolean followSymlinks, Path root) {
        this.analyzers = List.copyOf(analyzers);
        this.excludes = excludeGlobs.stream().map(Glob::new).toList();
        this.includes = includeGlobs.stream().map(Glob::new).toList();
        this.maxFileSize = maxFileSize;
        this.followSymlinks = followSymlinks;
        this.root = root;
    }

    public Discovery(List<FileAnalyzer> analyzers, ScanOptions options) {
        this(analyzers, options.excludes(), options.includes(), options.maxFileSize(), options.followSymlinks(),
                options.root());
    }

    /**
     * The folder all relative paths are relative to: the folder when one folder is given, otherwise the
     * deepest folder containing every given path (a file stands for its parent folder).
     *
     * @throws IllegalArgumentException when a path does not exist
     */
    public static Path scanRoot(List<Path> paths) {
        Path root = null;
        for (Path p : paths) {
            Path real = real(p);
            Path base = Files.isDirectory(real) ? real : real.getParent();
            root = root == null ? base : commonAncestor(root, base);
        }
        if (root == null) throw new IllegalArgumentException("no paths to scan");
        return root;
    }

    /**
     * {@code root} itself (symbolic links resolved) when it is given, after checking that it is a folder
     * holding every path; {@link #scanRoot(List)} of the paths when it is null.
     *
     * @throws IllegalArgumentException when a path or the root does not exist, or a path lies outside the root
     */
    public static Path scanRoot(List<Path> paths, Path root) {
        if (root == null) return scanRoot(paths);
        Path r = real(root);
        if (!Files.isDirectory(r)) throw new IllegalArgumentException("scan root is not a folder: " + root);
        for (Path p : paths) {
            if (!real(p).startsWith(r)) {
                throw new IllegalArgumentException(p + " is not inside the scan root " + root);
            }
        }
        return r;
    }

    /** Walks the paths; see the class comment. */
    public Result discover(List<Path> paths) {
        Path root = scanRoot(paths, this.root);
        TreeMap<String, Candidate> found = new TreeMap<>();
        TreeMap<String, Notification> notes = new TreeMap<>();
        for (Path p : paths) {
            Path start = real(p);
            if (Files.isDirectory(start)) {
                walk(root, start, found, notes);
            } else {
                String rel = relPath(root, start);
                if (!excluded(rel, false)) consider(start, rel, sizeOf(start, rel, notes), found, notes);
            }
        }
        for (String rel : found.keySet()) notes.remove(rel);
        return new Result(root, List.copyOf(found.values()), List.copyOf(notes.values()), notes.size());
    }

    private void walk(Path root, Path start, TreeMap<String, Candidate> found, TreeMap<String, Notification> notes) {
        Set<FileVisitOption> opts = followSymlinks ? EnumSet.of(FileVisitOption.FOLLOW_LINKS)
                : EnumSet.noneOf(FileVisitOption.class);
        try {
            Files.walkFileTree(start, opts, Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(start)) return FileVisitResult.CONTINUE;
                    String name = dir.getFileName().toString();
                    if (DEFAULT_EXCLUDED_DIRS.contains(name)) return FileVisitResult.SKIP_SUBTREE;
                    return excluded(relPath(root, dir), true) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!attrs.isRegularFile()) return FileVisitResult.CONTINUE; // links not followed, devices
                    String rel = relPath(root, file);
                    if (!excluded(rel, false)) consider(file, rel, attrs.size(), found, notes);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (e instanceof FileSystemLoopException) return FileVisitResult.CONTINUE;
                    String rel = relPath(root, file);
                    boolean dir = Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS);
                    if (excluded(rel, dir)) return FileVisitResult.CONTINUE;
                    if (dir || (accepted(rel) && included(rel))) {
                        notes.put(rel, new Notification(rel, 0, 0, "read-error",
                                (dir ? "cannot read folder: " : "cannot read file: ") + describe(e)));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            String rel = relPath(root, start);
            notes.put(rel, new Notification(rel, 0, 0, "read-error", "cannot read folder: " + describe(e)));
        }
    }

    private void consider(Path file, String rel, long size, TreeMap<String, Candidate> found,
                          TreeMap<String, Notification> notes) {
        if (size < 0 || !accepted(rel) || !included(rel)) return;
        if (size > maxFileSize) {
            notes.put(rel, tooLarge(rel, size, maxFileSize));
        } else {
            found.put(rel, new Candidate(file, rel, size));
        }
    }

    private static long sizeOf(Path file, String rel, TreeMap<String, Notification> notes) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            notes.put(rel, new Notification(rel, 0, 0, "read-error", "cannot read file: " + describe(e)));
            return -1;
        }
    }

    private boolean accepted(String rel) {
        for (FileAnalyzer a : analyzers) {
            if (a.accepts(rel)) return true;
        }
        return false;
    }

    /** True when no include globs are given or one of them matches the file's path. */
    boolean included(String rel) {
        if (includes.isEmpty()) return true;
        for (Glob g : includes) {
            if (g.matches(rel)) return true;
        }
        return false;
    }

    /** True when a user exclude glob matches the path or (for files) any folder above it. */
    boolean excluded(String rel, boolean isDir) {
        if (excludes.isEmpty()) return false;
        for (Glob g : excludes) {
            if (g.matches(rel)) return true;
            if (!isDir) {
                // a folder above an explicitly given file may be excluded
                for (int i = rel.indexOf('/'); i >= 0; i = rel.indexOf('/', i + 1)) {
                    if (g.matches(rel.substring(0, i))) return true;
                }
            }
        }
        return false;
    }

    // ---- reading ---------------------------------------------------------------------------------

    /**
     * Reads and decodes one file: UTF-8 (a BOM is stripped; UTF-16 with a BOM is decoded as such),
     * ISO-8859-1 for text that is not valid UTF-8. Binary files, files that grew past the size limit
     * and unreadable files give a note instead.
     */
    public static Loaded load(Candidate c, long maxFileSize) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(c.path());
        } catch (IOException | OutOfMemoryError e) {
            return skip(c, new Notification(c.relPath(), 0, 0, "read-error", "cannot read file: " + describe(e)), c.size());
        }
        if (bytes.length > maxFileSize) return skip(c, tooLarge(c.relPath(), bytes.length, maxFileSize), bytes.length);
        String text = decode(bytes);
        if (text == null) {
            return skip(c, new Notification(c.relPath(), 0, 0, "binary", "binary file, not text"), bytes.length);
        }
        return new Loaded(new SourceFile(c.path(), c.relPath(), text), null, bytes.length);
    }

    private static Loaded skip(Candidate c, Notification n, long bytes) {
        return new Loaded(null, n, bytes);
    }

    /** The text of the bytes, or null when they look binary. */
    static String decode(byte[] b) {
        int n = b.length;
        if (n >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return decodeText(b, 3);
        }
        if (n >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return new String(b, 2, n - 2, StandardCharsets.UTF_16BE);
        }
        if (n >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return new String(b, 2, n - 2, StandardCharsets.UTF_16LE);
        }
        int sniff = Math.min(n, BINARY_SNIFF);
        for (int i = 0; i < sniff; i++) {
            if (b[i] == 0) return null;
        }
        return decodeText(b, 0);
    }

    private static String decodeText(byte[] b, int off) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, off, b.length - off))
                    .toString();
        } catch (CharacterCodingException e) {
            if (mostlyNonText(b, off)) return null;
            return new String(b, off, b.length - off, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * True when a sample of the bytes is mostly not text: many control characters (other than tab,
     * newline, form feed and carriage return) or C1 controls, or mostly bytes outside ASCII.
     */
    static boolean mostlyNonText(byte[] b, int off) {
        int end = Math.min(b.length, off + 64 * 1024);
        int total = end - off;
        if (total <= 0) return false;
        int control = 0;
        int high = 0;
        for (int i = off; i < end; i++) {
            int c = b[i] & 0xff;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) control++;
            else if (c == 0x7f || (c >= 0x80 && c < 0xa0)) control++;
            if (c >= 0x80) high++;
        }
        return control * 10 > total || high * 10 > total * 3;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static Notification tooLarge(String rel, long size, long max) {
        return new Notification(rel, 0, 0, "too-large",
                "file is " + formatSize(size) + ", over the " + formatSize(max) + " limit (--max-file-size)");
    }

    /** A size for people: {@code 512 B}, {@code 12.5 KB}, {@code 20 MB}. */
    public static String formatSize(long bytes) {
        if (bytes < 1024) return bytes + " B";
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        do {
            v /= 1024;
            u++;
        } while (v >= 1024 && u < units.length - 1);
        String s = v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
        return s + " " + units[u];
    }

    static String describe(Throwable e) {
        if (e instanceof NoSuchFileException) return "no such file";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        String m = e.getMessage();
        String cls = e.getClass().getSimpleName();
        return m == null || m.isBlank() ? cls : cls + ": " + m.lines().findFirst().orElse(m);
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file or directory: " + p);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + p + ": " + describe(e));
        }
    }

    private static Path commonAncestor(Path a, Path b) {
        Path r = a;
        while (r != null && !b.startsWith(r)) r = r.getParent();
        return r == null ? a.getRoot() : r;
    }

    static String relPath(Path root, Path file) {
        Path rel = root.relativize(file);
        String s = rel.toString();
        if (!"/".equals(rel.getFileSystem().getSeparator())) s = s.replace(rel.getFileSystem().getSeparator(), "/");
        return s.isEmpty() ? file.getFileName().toString() : s;
    }

    /**
     * An exclude glob. {@code *} matches within one path segment, {@code **} across segments
     * ({@code **}{@code /} also matches no folder at all), {@code ?} one character, {@code [abc]} and
     * {@code {a,b}} as usual. A glob with no '/' (other than a trailing one) matches any single file or
     * folder name at any depth; otherwise it is matched against the whole path relative to the scan root.
     */
    public static final class Glob {
        private final Pattern pattern;
        private final boolean anyName;

        public Glob(String glob) {
            String g = glob.trim().replace('\\', '/');
            while (g.startsWith("./")) g = g.substring(2);
            while (g.length() > 1 && g.endsWith("/")) g = g.substring(0, g.length() - 1);
            boolean anchored = g.indexOf('/') >= 0;
            if (g.startsWith("/")) g = g.substring(1);
            this.anyName = !anchored;
            this.pattern = Pattern.compile(toRegex(g));
        }

        public boolean matches(String relPath) {
            if (!anyName) return pattern.matcher(relPath).matches();
            return pattern.matcher(relPath.substring(relPath.lastIndexOf('/') + 1)).matches();
        }

        /** True when the glob matches the file's path or a folder above it. */
        public boolean matchesFileOrFolder(String relPath) {
            if (matches(relPath)) return true;
            for (int i = relPath.indexOf('/'); i >= 0; i = relPath.indexOf('/', i + 1)) {
                if (matches(relPath.substring(0, i))) return true;
            }
            return false;
        }

        static String toRegex(String g) {
            StringBuilder re = new StringBuilder();
            int braces = 0;
            for (int i = 0; i < g.length(); i++) {
                char c = g.charAt(i);
                switch (c) {
                    case '*' -> {
                        if (i + 1 < g.length() && g.charAt(i + 1) == '*') {
                            i++;
                            if (i + 1 < g.length() && g.charAt(i + 1) == '/') {
                                i++;
                                re.append("(?:.*/)?");
                            } else {
                                re.append(".*");
                            }
                        } else {
                            re.append("[^/]*");
                        }
                    }
                    case '?' -> re.append("[^/]");
                    case '[' -> {
                        int close = g.indexOf(']', i + 2);
                        if (close < 0) {
                            re.append("\\[");
                        } else {
                            String body = g.substring(i + 1, close);
                            if (body.startsWith("!")) body = "^" + body.substring(1);
                            re.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                            i = close;
                        }
                    }
                    case '{' -> {
                        braces++;
                        re.append("(?:");
                    }
                    case '}' -> {
                        if (braces > 0) {
                            braces--;
                            re.append(')');
                        } else {
                            re.append("\\}");
                        }
                    }
                    case ',' -> re.append(braces > 0 ? "|" : ",");
                    default -> {
                        if ("\\.^$+()|".indexOf(c) >= 0) re.append('\\');
                        re.append(c);
                    }
                }
            }
            while (braces-- > 0) re.append(')');
            return re.toString();
        }
    }
}

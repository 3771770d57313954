package io.wsscan.engine;

import io.wsscan.findings.Notification;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /**
     * Folder names never walked into (a path given explicitly is still scanned), except that a
     * {@code node_modules} of the project's own packages is walked ({@link NodeModules}).
     */
    public static final Set<String> DEFAULT_EXCLUDED_DIRS = Set.of("node_modules", ".git", "target", "build");

    /** The note kind of a name the JVM cannot decode; its {@code file} is the path percent-encoded. */
    public static final String UNREADABLE_NAME = "unreadable-name";

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

    /** The note kind that counts what {@code .gitignore} left out (one note per scan, not one per file). */
    public static final String GITIGNORE = "gitignore";

    private final List<FileAnalyzer> analyzers;
    private final List<Glob> userExcludes;
    /** The user's excludes and the policy's (relative to its folder), for the scan root of {@link #discover}. */
    private List<Glob> excludes;
    private io.wsscan.policy.Policy policy = io.wsscan.policy.Policy.NONE;
    private boolean gitignore;
    private Path sourceRoot;
    /** The scan's cache folder: never walked (its entries would be scanned as files of the project). */
    private Path cache;
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
        this.userExcludes = excludeGlobs.stream().map(Glob::new).toList();
        this.excludes = userExcludes;
        this.includes = includeGlobs.stream().map(Glob::new).toList();
        this.maxFileSize = maxFileSize;
        this.followSymlinks = followSymlinks;
        this.root = root;
    }

    public Discovery(List<FileAnalyzer> analyzers, ScanOptions options) {
        this(analyzers, options.excludes(), options.includes(), options.maxFileSize(), options.followSymlinks(),
                options.root());
        this.policy = options.policy();
        this.gitignore = options.gitignore();
        this.sourceRoot = options.sourceRoot();
        this.cache = options.cache() == null ? null : realOrNormal(options.cache());
    }

    private static Path realOrNormal(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize(); // created later, after the walk
        }
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
        List<Glob> all = new java.util.ArrayList<>(userExcludes);
        all.addAll(policy.excludeGlobs(root));
        excludes = List.copyOf(all);
        Walk w = new Walk();
        GitIgnores ignores = gitignore ? new GitIgnores(gitTop(root)) : null;
        for (Path p : paths) {
            Path start = real(p);
            String rel = relPath(root, start);
            if (Files.isDirectory(start)) {
                // a folder git ignores that the user names is scanned whole
                w.ignores = ignores != null && !ignores.insideIgnored(start) ? ignores : null;
                walk(root, start, w);
            } else if (!Files.isRegularFile(start)) {
                w.note(rel, notRegular(rel)); // never opened: reading a FIFO blocks
            } else if (!excluded(rel, false)) {
                consider(start, rel, sizeOf(start, rel, w), w);
            }
        }
        linkedFiles(w);
        for (String rel : w.found.keySet()) w.notes.remove(rel);
        // node_modules decisions are about folders, not files: listed, but not counted as skipped files
        List<Notification> notes = new java.util.ArrayList<>(w.notes.values());
        notes.addAll(w.folders.values());
        if (ignores != null) notes.addAll(gitignoreNotes(ignores));
        return new Result(root, List.copyOf(w.found.values()), List.copyOf(notes), w.notes.size());
    }

    /** The folder whose .gitignore is the outermost that applies: the source root holding the scan root, else the scan root. */
    private Path gitTop(Path root) {
        if (sourceRoot == null) return root;
        Path top = real(sourceRoot);
        return root.startsWith(top) ? top : root;
    }

    /** One note for everything .gitignore left out (there may be thousands of files), and a problem reading the index. */
    private static List<Notification> gitignoreNotes(GitIgnores g) {
        List<Notification> out = new java.util.ArrayList<>();
        int files = g.ignoredFiles();
        int folders = g.ignoredFolders();
        if (files + folders > 0) {
            List<String> parts = new java.util.ArrayList<>();
            if (files > 0) parts.add(files + (files == 1 ? " file" : " files"));
            if (folders > 0) parts.add(folders + (folders == 1 ? " folder" : " folders"));
            out.add(new Notification("", 0, 0, GITIGNORE, String.join(" and ", parts)
                    + " ignored by .gitignore, not scanned (--no-gitignore scans them)"));
        }
        if (g.indexProblem() != null) out.add(new Notification("", 0, 0, "info", g.indexProblem()));
        return out;
    }

    /**
     * Walks one folder without recursion (a deep tree cannot overflow the stack): every entry is
     * analysed, left out (an exclude, or a file no analyser accepts) or noted with the reason it was not
     * read. Symbolic links are not followed unless {@code followSymlinks}, and never out of the root.
     */
    private void walk(Path root, Path start, Walk w) {
        Deque<Path> dirs = new ArrayDeque<>();
        dirs.push(start);
        w.walkedDirs.add(start);
        while (!dirs.isEmpty()) {
            Path dir = dirs.pop();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) visit(root, entry, dirs, w);
            } catch (IOException | DirectoryIteratorException e) {
                IOException io = e instanceof DirectoryIteratorException d ? d.getCause() : (IOException) e;
                String rel = relPath(root, dir);
                w.note(rel, tooLong(dir, io) ? pathTooLong(rel, dir, true)
                        : new Notification(rel, 0, 0, "read-error", "cannot read folder: " + describe(io)));
            }
        }
    }

    private void visit(Path root, Path entry, Deque<Path> dirs, Walk w) {
        String rel = relPath(root, entry);
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            // the type is unknown, so the entry is noted whatever its name
            if (excluded(rel, false)) return;
            w.note(rel, tooLong(entry, e) ? pathTooLong(rel, entry, false)
                    : new Notification(rel, 0, 0, "read-error", "cannot read: " + describe(e)));
            return;
        }
        boolean dir = a.isDirectory();
        String name = entry.getFileName().toString();
        if (dir && name.equals(NodeModules.NAME)) {
            if (excluded(rel, true)) return;
            // installed dependencies are left out, the project's own packages kept; either way the summary says why
            NodeModules.Decision d = NodeModules.decide(root, entry);
            w.folders.put(rel, d.installed()
                    ? new Notification(rel, 0, 0, NodeModules.DEPENDENCIES, "installed dependencies, not scanned: "
                            + d.reason() + " (name the folder to scan it)")
                    : new Notification(rel, 0, 0, "info", "scanned as the project's own packages: " + d.reason()
                            + " (--exclude '" + rel + "' leaves it out)"));
            if (d.installed()) return;
        } else if (dir && DEFAULT_EXCLUDED_DIRS.contains(name)) {
            return;
        } else if (dir && cache != null && entry.toAbsolutePath().normalize().equals(cache)) {
            return;
        }
        if (excluded(rel, dir)) return;
        if (w.ignores != null && w.ignores.ignored(entry, dir)) {
            if (!dir && accepted(rel) && included(rel)) w.ignores.countFile();
            return;
        }
        if (!representable(entry)) {
            // the JVM decoded the name lossily: two files could get one name, so none is analysed under it
            // (a regular file is noted only when it would have been analysed, as its lossy name still says)
            if (!a.isRegularFile() || accepted(rel) && included(rel)) w.note(unreadableName(root, entry, dir));
            return;
        }
        if (dir) {
            dirs.push(entry);
            if (followSymlinks) w.walkedDirs.add(realOrSelf(entry)); // a link to it is then not walked again
        } else if (a.isRegularFile()) {
            consider(entry, rel, a.size(), w);
        } else if (a.isSymbolicLink()) {
            link(root, entry, rel, dirs, w);
        } else {
            w.note(rel, notRegular(rel));
        }
    }

    /**
     * Notes a symbolic link; never follows one out of the scan root. With {@code followSymlinks} a link
     * to a folder or file inside the root is followed, once: a target analysed anyway (or reached through
     * another link) is not analysed a second time.
     */
    private void link(Path root, Path entry, String rel, Deque<Path> dirs, Walk w) {
        Path target;
        BasicFileAttributes ta;
        try {
            target = entry.toRealPath();
            ta = Files.readAttributes(target, BasicFileAttributes.class);
        } catch (IOException e) {
            boolean loop = e instanceof FileSystemLoopException
                    || e instanceof FileSystemException f && f.getReason() != null && f.getReason().contains("levels of symbolic links");
            w.note(rel, symlink(rel, loop ? "symbolic link loop, not followed"
                    : "dangling symbolic link (its target does not exist), not followed"));
            return;
        }
        boolean source = included(rel) && (accepted(rel) || accepted(target.getFileName().toString()));
        if (!target.startsWith(root)) {
            if (ta.isDirectory() || source) {
                w.note(rel, symlink(rel, "symbolic link leaving the scan root (to a " + (ta.isDirectory() ? "folder" : "file")
                        + " outside it), not followed"));
            }
            return;
        }
        String targetRel = relPath(root, target);
        if (ta.isDirectory()) {
            if (!followSymlinks) {
                w.note(rel, symlink(rel, "symbolic link to the folder " + targetRel
                        + " inside the scan root, not followed (files there are scanned under their own paths)"));
            } else if (w.walkedDirs.add(target)) {
                dirs.push(entry);
            } else {
                w.note(rel, symlink(rel, "symbolic link to the folder " + targetRel + ", already scanned"));
            }
        } else if (!ta.isRegularFile()) {
            w.note(rel, symlink(rel, "symbolic link to " + targetRel + ", which is not a regular file; not followed"));
        } else if (source) {
            if (followSymlinks) {
                w.linkedFiles.put(rel, target);
            } else {
                w.note(rel, symlink(rel, "symbolic link to " + targetRel
                        + ", not followed (the file is analysed under its own path when it is scanned)"));
            }
        }
    }

    private static Notification unreadableName(Path root, Path entry, boolean dir) {
        String shown = escapedRelPath(root, entry);
        return new Notification(shown, 0, 0, UNREADABLE_NAME, (dir ? "folder" : "file") + " name is not valid "
                + jnuCharset().name() + ", the file-name encoding of this JVM (shown percent-encoded); "
                + (dir ? "nothing below it is scanned; " : "")
                + (jnuCharset().equals(StandardCharsets.UTF_8) ? "rename it"
                : "run wsscan with a UTF-8 locale (LC_ALL=C.UTF-8) or rename it"));
    }

    /** Links to files (followSymlinks only): each analysed under the link's path unless its target already is. */
    private void linkedFiles(Walk w) {
        if (w.linkedFiles.isEmpty()) return;
        Map<Path, String> byTarget = new HashMap<>();
        for (Candidate c : w.found.values()) {
            try {
                byTarget.put(c.path().toRealPath(), c.relPath());
            } catch (IOException e) {
                // gone since it was listed: loading it notes the error
            }
        }
        for (Map.Entry<String, Path> e : w.linkedFiles.entrySet()) {
            String rel = e.getKey();
            String same = byTarget.putIfAbsent(e.getValue(), rel);
            if (same != null) w.note(rel, symlink(rel, "symbolic link to " + same + ", analysed under that path"));
            else consider(e.getValue(), rel, sizeOf(e.getValue(), rel, w), w);
        }
    }

    /** What a discovery collects: files to analyse and notes, each by relative path. */
    private static final class Walk {
        final TreeMap<String, Candidate> found = new TreeMap<>();
        final TreeMap<String, Notification> notes = new TreeMap<>();
        final Set<Path> walkedDirs = new HashSet<>();
        final TreeMap<String, Path> linkedFiles = new TreeMap<>();
        /** What was decided about each node_modules folder met ({@link NodeModules}). */
        final TreeMap<String, Notification> folders = new TreeMap<>();
        /** The .gitignore rules of the folder being walked; null when they do not apply. */
        GitIgnores ignores;

        void note(String rel, Notification n) {
            notes.put(rel, n);
        }

        void note(Notification n) {
            notes.put(n.file(), n);
        }
    }

    private void consider(Path file, String rel, long size, Walk w) {
        if (size < 0 || !included(rel)) return;
        if (!accepted(rel)) {
            // never silent: a file of a type no analyser reads is listed when it uses WebSockets or postMessage
            Notification n = UnsupportedTypes.check(file, rel, size);
            if (n != null) w.note(rel, n);
            return;
        }
        if (size > maxFileSize) {
            w.note(rel, tooLarge(rel, size, maxFileSize));
        } else {
            w.found.put(rel, new Candidate(file, rel, size));
        }
    }

    private static long sizeOf(Path file, String rel, Walk w) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            w.note(rel, new Notification(rel, 0, 0, "read-error", "cannot read file: " + describe(e)));
            return -1;
        }
    }

    private static Notification symlink(String rel, String why) {
        return new Notification(rel, 0, 0, "symlink", why);
    }

    private static Notification notRegular(String rel) {
        return new Notification(rel, 0, 0, "not-a-regular-file", "a FIFO, socket or device, not a regular file; not opened");
    }

    /** Linux's PATH_MAX: longer paths cannot be opened by the JVM, which has no openat. */
    static final int PATH_MAX = 4096;

    /** True when the path failed because it is longer than the system allows (ENAMETOOLONG). */
    private static boolean tooLong(Path p, IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null && f.getReason().contains("too long")) return true;
        return p.toAbsolutePath().toString().getBytes(jnuCharset()).length >= PATH_MAX;
    }

    /** @param dir true for a folder, false when the type is unknown (it could not even be looked up) */
    private static Notification pathTooLong(String rel, Path p, boolean dir) {
        int bytes = p.toAbsolutePath().toString().getBytes(jnuCharset()).length;
        return new Notification(rel, 0, 0, "path-too-long", "path of " + bytes + " bytes is over the system limit ("
                + PATH_MAX + " on Linux), so it cannot be opened"
                + (dir ? "; nothing below it is scanned" : "; if it is a folder, nothing below it is scanned")
                + "; move it to a shorter path or scan a folder deeper in the tree");
    }

    /** True when the entry's name survives the JVM's file-name decoding (it does not when bytes were replaced). */
    static boolean representable(Path entry) {
        Path name = entry.getFileName();
        String s = name.toString();
        if (s.indexOf('\uFFFD') >= 0) return false;
        try {
            return name.getFileSystem().getPath(s).equals(name);
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /**
     * The relative path as the percent-encoded bytes of a URI path ({@code a%FF.js}): unique where the
     * decoded name is not, and (see {@link #UNREADABLE_NAME}) usable as a SARIF URI as it is.
     */
    private static String escapedRelPath(Path root, Path entry) {
        String raw = root.toUri().relativize(entry.toUri()).getRawPath();
        return raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
    }

    private static Path realOrSelf(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    private static java.nio.charset.Charset jnuCharset() {
        try {
            return java.nio.charset.Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (RuntimeException e) {
            return java.nio.charset.Charset.defaultCharset();
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
        return load(c, bytes, maxFileSize);
    }

    /** {@link #load(Candidate, long)} of bytes already read. */
    static Loaded load(Candidate c, byte[] bytes, long maxFileSize) {
        if (bytes.length > maxFileSize) return skip(c, tooLarge(c.relPath(), bytes.length, maxFileSize), bytes.length);
        String text = decode(bytes);
        if (text == null) {
            return skip(c, new Notification(c.relPath(), 0, 0, "binary", "binary file, not text"), bytes.length);
        }
        Notification report = OwnReports.note(c.relPath(), text);
        if (report != null) return skip(c, report, bytes.length);
        return new Loaded(new SourceFile(c.path(), c.relPath(), text), null, bytes.length);
    }

    private static Loaded skip(Candidate c, Notification n, long bytes) {
        return new Loaded(null, n, bytes);
    }

    /** The text of the bytes, or null when they look binary. */
    public static String decode(byte[] b) {
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

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    static String describe(Throwable e) {
        if (e instanceof NoSuchFileException) return "no such file";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        String m = e.getMessage();
        String cls = e.getClass().getSimpleName();
        return m == null || m.isBlank() ? cls : cls + ": " + m.lines().findFirst().orElse(m);
    }

    /** {@code p} with symbolic links resolved; a one-line IllegalArgumentException when it does not exist or cannot be read. */
    public static Path real(Path p) {
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
        private final String text;
        /** Prepended to a path before an anchored glob matches it: "" or a folder path ending in '/'. */
        private final String base;

        /** @throws IllegalArgumentException for a malformed glob, with a one-line message naming it */
        public Glob(String glob) {
            // an empty glob (an unset shell variable, say) would silently match nothing
            if (glob.isBlank()) throw new IllegalArgumentException("invalid glob '" + glob + "': empty");
            this.text = glob;
            String g = glob.trim().replace('\\', '/');
            while (g.startsWith("./")) g = g.substring(2);
            while (g.length() > 1 && g.endsWith("/")) g = g.substring(0, g.length() - 1);
            boolean anchored = g.indexOf('/') >= 0;
            if (g.startsWith("/")) g = g.substring(1);
            this.anyName = !anchored;
            try {
                this.pattern = Pattern.compile(toRegex(g));
            } catch (IllegalArgumentException e) { // PatternSyntaxException too: never an internal error
                throw new IllegalArgumentException("invalid glob '" + glob + "': " + firstLine(e.getMessage()), e);
            }
            this.base = "";
        }

        private Glob(Glob g, String base) {
            this.pattern = g.pattern;
            this.anyName = g.anyName;
            this.text = g.text;
            this.base = base;
        }

        /**
         * This glob written relative to a folder above the scan root ({@code folder}: the scan root's path
         * relative to it, '/' separators; "" for the root itself): paths are matched as {@code folder/path}.
         * Folders above the scan root are never matched themselves ({@link #matchesFileOrFolder}).
         */
        public Glob under(String folder) {
            if (folder.isEmpty()) return this;
            return new Glob(this, folder.endsWith("/") ? folder : folder + "/");
        }

        /** The glob as given. */
        public String glob() {
            return text;
        }

        public boolean matches(String relPath) {
            if (!anyName) return pattern.matcher(base.isEmpty() ? relPath : base + relPath).matches();
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

        /**
         * The glob as a regular expression.
         *
         * @throws IllegalArgumentException for a malformed glob (an unclosed '[' or '{', an empty class,
         *                                  a range such as z-a), with a message for people
         */
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
                    case '[' -> i = charClass(g, i, re);
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
                    default -> literal(re, c);
                }
            }
            if (braces > 0) throw new IllegalArgumentException("unclosed '{'");
            return re.toString();
        }

        /**
         * Appends the class that starts at {@code g[open]} ('[') and returns the index of its ']'. A ']'
         * right after '[' (or '[!', '[^') is a member; members are taken literally; a class never matches '/'.
         */
        private static int charClass(String g, int open, StringBuilder re) {
            int i = open + 1;
            boolean negate = i < g.length() && (g.charAt(i) == '!' || g.charAt(i) == '^');
            if (negate) i++;
            StringBuilder body = new StringBuilder();
            boolean first = true;
            while (true) {
                if (i >= g.length()) throw new IllegalArgumentException("unclosed '[' (write [[] for a literal '[')");
                int lo = g.codePointAt(i);
                if (lo == ']' && !first) break;
                first = false;
                i += Character.charCount(lo);
                if (i + 1 < g.length() && g.charAt(i) == '-' && g.charAt(i + 1) != ']') {
                    int hi = g.codePointAt(i + 1);
                    if (hi < lo) {
                        throw new IllegalArgumentException("empty range " + new String(Character.toChars(lo)) + "-"
                                + new String(Character.toChars(hi)) + " in '['...']'");
                    }
                    i += 1 + Character.charCount(hi);
                    literal(body, lo);
                    body.append('-');
                    literal(body, hi);
                } else {
                    literal(body, lo);
                }
            }
            re.append(negate ? "[^/" : "[").append(body).append(negate ? "]" : "&&[^/]]");
            return i;
        }

        /** A character taken literally: a backslash before any ASCII character that is not a letter or digit. */
        private static void literal(StringBuilder re, int cp) {
            if (cp < 0x80 && !Character.isLetterOrDigit(cp)) re.append('\\');
            re.appendCodePoint(cp);
        }
    }
}

package io.wsscan.engine;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsscan.findings.Notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Results of earlier scans, one file per unit of work (a JavaScript file or linked unit, a Java batch), named
 * by the SHA-256 key of everything the unit's analysis reads: its files' paths and texts, the scan's rules,
 * models, policy and options ({@link #scanKey}), and the tool's own code ({@link #toolId}). An entry is only
 * trusted when its format, tool and key match what this scan computes; anything else (a truncated, foreign
 * or garbled file) is ignored with a {@code cache} note and the unit is analysed again. Entries are written
 * to a temporary file and moved into place, so a concurrent scan reads a whole entry or none. After a scan
 * the entries it did not use and that are older than its start are deleted ({@link #prune}): the folder
 * holds at most one scan's worth of entries (plus those of scans running at the same time).
 */
final class ScanCache {

    /** Version of the entry layout; an entry of another format is ignored. */
    static final int FORMAT = 1;
    static final String SUFFIX = ".wsscan-cache.json";
    static final String NOTE_KIND = "cache";
    /** The name of the pre-pass facts' entry starts with this (the others are a unit's key alone). */
    static final String FACTS_PREFIX = "facts-";

    /**
     * Outcomes that depend on more than the unit's inputs (time, memory, the stack, a worker process, a
     * read error) are not stored: the next scan may do better.
     */
    private static final Set<String> TRANSIENT_KINDS = Set.of("time-budget", "internal-error", "read-error");
    private static final Pattern TRANSIENT_MESSAGE = Pattern.compile(
            "StackOverflowError|OutOfMemoryError|out of memory|stack overflow|interrupt|Cancellation|worker|cannot run",
            Pattern.CASE_INSENSITIVE);

    private static final ObjectMapper JSON = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Path dir;
    private final String scanKey;
    private final FileTime started;
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final Queue<Notification> notes = new ConcurrentLinkedQueue<>();
    private final Map<Path, String> manifests = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger units = new AtomicInteger();
    private final AtomicBoolean writeFailed = new AtomicBoolean();

    private ScanCache(Path dir, String scanKey, FileTime started) {
        this.dir = dir;
        this.scanKey = scanKey;
        this.started = started;
    }

    /**
     * The cache in {@code dir} (created when missing) for a scan with this key; null, with a note in
     * {@code notes}, when the folder cannot be used: the scan then runs without a cache.
     */
    static ScanCache open(Path dir, String scanKey, List<Notification> notes) {
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) throw new IOException("not writable");
            // the folder's clock, not ours: entries are compared with times the same file system wrote
            Path probe = Files.createTempFile(dir, ".probe-", ".tmp");
            FileTime now = Files.getLastModifiedTime(probe);
            Files.delete(probe);
            return new ScanCache(dir, scanKey, now);
        } catch (IOException | RuntimeException e) {
            notes.add(new Notification("", 0, 0, NOTE_KIND, "cache folder " + dir + " cannot be used ("
                    + describe(e) + "); scanned without the cache"));
            return null;
        }
    }

    /** A key builder seeded with this scan's key. */
    Key key(String kind) {
        return new Key().add(scanKey).add(kind);
    }

    /**
     * Adds to {@code key} the {@code package.json} files the JavaScript analysis may read for a file
     * ({@link io.wsscan.analysis.Dependencies}: from its folder up to the scan root), by content.
     */
    void addManifests(Key key, Path file, String relPath) {
        int levels = (int) relPath.chars().filter(c -> c == '/').count();
        Path d = file.getParent();
        for (int i = 0; i <= levels && d != null; i++, d = d.getParent()) {
            key.add(manifests.computeIfAbsent(d, ScanCache::manifestDigest));
        }
    }

    private static String manifestDigest(Path dir) {
        Path m = dir.resolve("package.json");
        if (!Files.isRegularFile(m)) return "none";
        try {
            return new Key().add(Files.readAllBytes(m)).hex();
        } catch (IOException | RuntimeException e) {
            return "unreadable";
        }
    }

    /**
     * The stored outcomes of a unit with this key, or null when there are none or the entry cannot be
     * trusted (then with a note). {@code what} names the unit in the note.
     */
    List<FileOutcome> get(String key, String what) {
        units.incrementAndGet();
        Path file = dir.resolve(key + SUFFIX);
        if (!Files.isRegularFile(file)) return null;
        used.add(file.getFileName().toString());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException gone) {
            return null; // pruned by a scan running at the same time: a plain miss
        } catch (IOException | OutOfMemoryError e) {
            bytes = null;
        }
        try {
            if (bytes == null) throw new IOException("unreadable");
            Entry e = JSON.readValue(bytes, Entry.class);
            if (e == null) throw new IOException("not a cache entry");
            if (e.format() != FORMAT) throw new IOException("format " + e.format() + ", not " + FORMAT);
            if (!toolId().equals(e.tool())) throw new IOException("written by another wsscan build");
            if (!key.equals(e.key())) throw new IOException("its key does not match its name");
            if (e.outcomes() == null) throw new IOException("no outcomes");
            List<FileOutcome> out = new ArrayList<>();
            for (FileOutcome o : e.outcomes()) out.add(check(o));
            touch(file);
            hits.incrementAndGet();
            return out;
        } catch (IOException | RuntimeException e) {
            notes.add(new Notification("", 0, 0, NOTE_KIND, "ignored cache entry " + file.getFileName() + " for " + what
                    + " (" + describe(e) + "); analysed again"));
            return null;
        }
    }

    /** Stores a unit's outcomes, unless one of them depends on more than its inputs. */
    void put(String key, List<FileOutcome> outcomes) {
        if (!cacheable(outcomes)) return;
        Path file = dir.resolve(key + SUFFIX);
        used.add(file.getFileName().toString());
        writeExact(file, new Entry(FORMAT, toolId(), key, outcomes));
    }

    /**
     * Writes an entry when reading it back gives exactly the entry: text JSON cannot hold (a lone surrogate)
     * would otherwise come back changed.
     */
    private void writeExact(Path file, Record entry) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(entry);
            if (!entry.equals(JSON.readValue(json, entry.getClass()))) return;
        } catch (IOException | RuntimeException e) {
            return;
        }
        write(file, json);
    }

    /** Writes an entry through a temporary file moved into place, so a reader sees all of it or nothing. */
    private void write(Path file, byte[] json) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, ".entry-", ".tmp");
            Files.write(tmp, json);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more to do about a temporary file we cannot delete
                }
            }
            if (writeFailed.compareAndSet(false, true)) {
                notes.add(new Notification("", 0, 0, NOTE_KIND, "cannot write to the cache folder " + dir + " (" + describe(e) + ")"));
            }
        }
    }

    static boolean cacheable(List<FileOutcome> outcomes) {
        for (FileOutcome o : outcomes) {
            for (Notification n : o.notifications()) {
                if (TRANSIENT_KINDS.contains(n.kind()) || TRANSIENT_MESSAGE.matcher(n.message()).find()) return false;
            }
        }
        return true;
    }

    /** The layout of an entry file. */
    private record Entry(int format, String tool, String key, List<FileOutcome> outcomes) {
    }

    /** Fails on what JSON may hold but an outcome never does (a field left out). */
    private static FileOutcome check(FileOutcome o) throws IOException {
        if (o == null || o.relPath() == null || o.findings() == null || o.notifications() == null || o.endpoints() == null
                || o.kind() == null || o.suppressions() == null || o.pageScripts() == null) {
            throw new IOException("an outcome lacks a field");
        }
        return o;
    }

    /**
     * Deletes the entries this scan did not use that were last written or read before it started (an
     * entry of a scan running at the same time is newer), and temporary files left by a scan that died.
     */
    void prune() {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                boolean entry = name.endsWith(SUFFIX) && !used.contains(name);
                boolean leftOver = name.endsWith(".tmp") && (name.startsWith(".entry-") || name.startsWith(".probe-"))
                        && Files.getLastModifiedTime(p).toMillis() < started.toMillis() - 3_600_000L;
                if ((entry && Files.getLastModifiedTime(p).compareTo(started) < 0) || leftOver) Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // pruning is housekeeping: a folder that cannot be listed keeps its entries
        }
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // an entry whose time cannot be set may be pruned by a concurrent scan: only a miss later
        }
    }

    /** SHA-256 of each file's bytes as the scan first read them (the pre-pass), by relative path. */
    private final Map<String, String> digests = new ConcurrentHashMap<>();

    /** The digest of these bytes of a file, remembered as the file's for the rest of the scan. */
    String digest(String relPath, byte[] bytes) {
        String d = new Key().add(bytes).hex();
        digests.put(relPath, d);
        return d;
    }

    /** The digest of a file's bytes as this scan read them before; null when it has not read them. */
    String knownDigest(String relPath) {
        return digests.get(relPath);
    }

    /**
     * The stored pre-pass facts of the files of a scan whose linkable files are {@code linkable} (links
     * resolve against that set, so another set has other facts), read once; a broken store is noted and
     * read as empty.
     */
    FactStore facts(java.util.SortedSet<String> linkable) {
        String key = key("facts").add(Canonical.of(linkable)).hex();
        Path file = dir.resolve(FACTS_PREFIX + key + SUFFIX);
        used.add(file.getFileName().toString());
        Map<String, Fact> known = Map.of();
        try {
            byte[] bytes = Files.readAllBytes(file);
            FactsEntry e = JSON.readValue(bytes, FactsEntry.class);
            if (e == null || e.format() != FORMAT || !toolId().equals(e.tool()) || !key.equals(e.key()) || e.facts() == null) {
                throw new IOException("not a facts entry of this scan and build");
            }
            known = e.facts();
            touch(file);
        } catch (java.nio.file.NoSuchFileException e) {
            // none yet
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            notes.add(new Notification("", 0, 0, NOTE_KIND, "ignored cache entry " + file.getFileName()
                    + " for the files' links (" + describe(e) + "); read again"));
        }
        return new FactStore(file, key, known);
    }

    /** What the pre-pass read of one file, with the analyzer that read it and the digest of the bytes. */
    record Fact(String linker, String digest, Units.Facts facts) {
    }

    private record FactsEntry(int format, String tool, String key, Map<String, Fact> facts) {
    }

    /** The pre-pass facts of one scan: those stored, and those of this scan, which replace them when saved. */
    final class FactStore {
        private final Path file;
        private final String key;
        private final Map<String, Fact> known;
        private final Map<String, Fact> now = new ConcurrentHashMap<>();
        private final AtomicBoolean changed = new AtomicBoolean();

        private FactStore(Path file, String key, Map<String, Fact> known) {
            this.file = file;
            this.key = key;
            this.known = known;
        }

        /** The stored facts of a file when it was read by this analyzer from bytes with this digest; else null. */
        Units.Facts get(String relPath, String linker, String digest) {
            Fact f = known.get(relPath);
            if (f == null || f.facts() == null || !linker.equals(f.linker()) || !digest.equals(f.digest())) return null;
            now.put(relPath, f);
            return f.facts();
        }

        void put(String relPath, String linker, String digest, Units.Facts facts) {
            now.put(relPath, new Fact(linker, digest, facts));
            changed.set(true);
        }

        /** Writes this scan's facts when they differ from the stored ones (and read back the same). */
        void save() {
            if (!changed.get() && now.size() == known.size()) return;
            writeExact(file, new FactsEntry(FORMAT, toolId(), key, new java.util.TreeMap<>(now)));
        }
    }

    /** Units looked up, and those whose outcomes came from the cache. */
    int units() {
        return units.get();
    }

    int hits() {
        return hits.get();
    }

    List<Notification> notes() {
        return List.copyOf(notes);
    }

    private static String describe(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("").strip();
        return m.length() > 160 ? m.substring(0, 160) + "…" : m;
    }

    // ---- keys ------------------------------------------------------------------------------------

    /** A SHA-256 of parts, each with its length, so that no two sequences of parts hash alike by concatenation. */
    static final class Key {
        private final MessageDigest md;

        Key() {
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
            }
        }

        Key add(String s) {
            return add(s == null ? new byte[]{(byte) 0xff} : s.getBytes(StandardCharsets.UTF_8));
        }

        Key add(long n) {
            return add(Long.toString(n));
        }

        Key add(byte[] b) {
            md.update(Long.toString(b.length).getBytes(StandardCharsets.US_ASCII));
            md.update((byte) ':');
            md.update(b);
            return this;
        }

        String hex() {
            return HexFormat.of().formatHex(md.digest());
        }
    }

    /**
     * The key of a scan's settings: the tool, the rules and models that run (after {@code --rules}, user
     * rulesets and the policy's switches), the policy, the options that change analysis, and the scan root.
     */
    static String scanKey(io.wsscan.rules.RuleCatalog catalog, io.wsscan.policy.Policy policy, ScanOptions options, Path root) {
        Key k = new Key().add("wsscan-cache").add(FORMAT).add(toolId());
        k.add(Canonical.of(catalog.rules()));
        for (JsonNode doc : catalog.modelDocuments()) k.add(doc.toString());
        k.add(Canonical.of(policy));
        k.add(root.toAbsolutePath().normalize().toString());
        k.add(options.includeTests() ? "include-tests" : "classify");
        // with --dependencies a bundle's outcome names its package (FileOutcome.of)
        k.add(options.dependencies().enabled() ? "dependencies" : "own-code");
        k.add(options.timeBudget().toMillis()).add(options.maxFileSize());
        for (Path p : options.classpath()) k.add(classpathEntry(p));
        return k.hex();
    }

    /**
     * A classpath entry by path, size and time of each file: jars of a build are large and rarely change in
     * place, so their contents are not read on every scan.
     */
    private static String classpathEntry(Path p) {
        Key k = new Key().add(p.toAbsolutePath().normalize().toString());
        try {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                        k.add(p.relativize(f).toString()).add(Files.size(f)).add(Files.getLastModifiedTime(f).toMillis());
                    }
                }
            } else if (Files.isRegularFile(p)) {
                k.add(Files.size(p)).add(Files.getLastModifiedTime(p).toMillis());
            } else {
                k.add("missing");
            }
        } catch (IOException | RuntimeException e) {
            k.add("unreadable");
        }
        return k.hex();
    }

    private static volatile String toolId;

    /**
     * This build of wsscan: its version and a hash of the code and built-in rules it runs from (the jars'
     * or class folders' contents), and where its parsers come from (their versions are in their jars' paths
     * or, shaded, in the scanner's jar).
     */
    static String toolId() {
        String id = toolId;
        if (id != null) return id;
        synchronized (ScanCache.class) {
            if (toolId != null) return toolId;
            String version = Scanner.class.getPackage().getImplementationVersion();
            Key k = new Key().add(version == null ? "dev" : version);
            java.util.Set<Path> roots = new java.util.LinkedHashSet<>();
            roots.add(codeRoot(Scanner.class.getResource("Scanner.class"), "io/wsscan/engine/Scanner.class"));
            roots.add(codeRoot(Scanner.class.getClassLoader().getResource("wsscan/index.yml"), "wsscan/index.yml"));
            for (Path r : roots) k.add(contentDigest(r));
            for (String parser : List.of("com.github.javaparser.JavaParser", "com.google.javascript.jscomp.Compiler",
                    "org.mozilla.javascript.Context", "org.jsoup.Jsoup", "org.treesitter.TSParser")) {
                try {
                    var src = Class.forName(parser, false, Scanner.class.getClassLoader()).getProtectionDomain().getCodeSource();
                    k.add(parser).add(src == null ? "?" : String.valueOf(src.getLocation()));
                } catch (ClassNotFoundException | LinkageError | SecurityException e) {
                    k.add(parser).add("absent");
                }
            }
            toolId = (version == null ? "dev" : version) + "+" + k.hex().substring(0, 16);
            return toolId;
        }
    }

    /** The jar or class folder a resource is loaded from. */
    private static Path codeRoot(URL url, String name) {
        if (url == null) throw new IllegalStateException("wsscan resource " + name + " not found");
        try {
            if ("jar".equals(url.getProtocol())) {
                String s = url.toString();
                return Path.of(URI.create(s.substring("jar:".length(), s.indexOf("!/"))));
            }
            Path p = Path.of(url.toURI());
            for (int i = name.split("/").length; i > 0; i--) p = p.getParent();
            return p;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot locate wsscan's code (" + url + ")", e);
        }
    }

    private static String contentDigest(Path root) {
        Key k = new Key();
        try {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                        k.add(root.relativize(f).toString().replace(FileSystems.getDefault().getSeparator(), "/"));
                        k.add(Files.readAllBytes(f));
                    }
                }
            } else {
                // a jar by its directory: each entry's name, size and CRC-32 (reading the 30 MB of a shaded jar
                // on every scan would cost more than a warm scan's work)
                try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(root.toFile())) {
                    List<? extends java.util.zip.ZipEntry> list = zip.stream().sorted(java.util.Comparator.comparing(
                            java.util.zip.ZipEntry::getName)).toList();
                    for (java.util.zip.ZipEntry e : list) k.add(e.getName()).add(e.getSize()).add(e.getCrc());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read wsscan's code at " + root + ": " + e.getMessage(), e);
        }
        return k.hex();
    }
}

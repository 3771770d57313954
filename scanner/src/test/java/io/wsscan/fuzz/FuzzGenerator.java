/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.fuzz;

import io.wsscan.fuzz.FuzzManifest.ConfigCase;
import io.wsscan.fuzz.FuzzManifest.Entry;
import io.wsscan.fuzz.FuzzManifest.Expect;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Makes a hostile corpus from the project's {@code test-corpus/} files, deterministically for a seed:
 * {@code OUT/root/CLASS/...} (one scan root, one folder per hostile class), {@code OUT/outside/} (targets
 * of links that leave the root), {@code OUT/configs/CASE/} (one scan root per hostile policy file) and
 * {@code OUT/manifest.json} (what is expected of every path). See {@code bench/fuzz/README.md}.
 */
public final class FuzzGenerator {

    /**
     * How much to make.
     *
     * @param mutants     truncated and byte-flipped copies per corpus file kind
     * @param depths      nesting depths of the deep classes
     * @param deep        which deep files, as {@code SHAPE.KIND} ({@code calls.js}); every combination when null
     * @param bigSizes    sizes in bytes of the long-line and minified files
     * @param big         which big files, as {@code SHAPE:SIZE} ({@code string:2097152}); every shape at every
     *                    size of {@code bigSizes} when null
     * @param configBytes size of the huge policy file
     * @param configs     which policy cases; all when null
     */
    public record Config(long seed, int mutants, List<Integer> depths, List<String> deep, List<Long> bigSizes,
                         List<String> big, long configBytes, List<String> configs) {

        /**
         * The slice run by {@code mvn verify}: a few hundred files, none over 2 MB, and only the deep and big
         * shapes that take seconds, not tens of seconds, on the code of December 2026.
         */
        public static Config slice(long seed) {
            return new Config(seed, 4, List.of(10_000),
                    List.of("arrays.js", "arrays.html", "calls.js", "calls.ts", "calls.java", "parens.js", "chain.ts",
                            "blocks.ts", "ifs.ts", "markup.html"),
                    List.of(256L * 1024), List.of("minified:262144", "string:2097152", "inline:262144"), 1024 * 1024,
                    List.of("huge", "deep-flow", "anchor-bomb", "bad-utf8", "fifo", "symlink-out"));
        }

        /** The full run of {@code bench/fuzz/run.sh}: a few thousand files, up to 60 MB. */
        public static Config full(long seed) {
            return new Config(seed, 150, List.of(10_000, 100_000), null,
                    List.of(256L * 1024, 2L * 1024 * 1024, 20L * 1024 * 1024, 60L * 1024 * 1024), null, 20L * 1024 * 1024, null);
        }

        /** Whether the deep file of this shape and kind is made. */
        boolean deep(String shape, String kind) {
            return deep == null || deep.contains(shape + "." + kind);
        }

        List<String> bigFiles() {
            if (big != null) return big;
            List<String> all = new ArrayList<>();
            for (long size : bigSizes) for (String shape : BIG_SHAPES) all.add(shape + ":" + size);
            return all;
        }

        boolean config(String name) {
            return configs == null || configs.contains(name);
        }
    }

    static final List<String> DEEP_SHAPES = List.of("calls", "arrays", "blocks", "parens", "ifs", "chain");
    static final List<String> BIG_SHAPES = List.of("minified", "string", "inline");

    /** Extensions taken from the corpus and used for seeded files. */
    static final List<String> KINDS = List.of("js", "mjs", "ts", "tsx", "jsx", "html", "jsp", "vue", "java");

    private final Config config;
    private final Random random;
    private final Path out;
    private final Path root;
    private final List<Entry> entries = new ArrayList<>();
    private final List<ConfigCase> configCases = new ArrayList<>();
    private int counter;

    private FuzzGenerator(Config config, Path out) {
        this.config = config;
        this.random = new Random(config.seed());
        this.out = out;
        this.root = out.resolve("root");
    }

    /** Generates into {@code out} (which must be empty or absent) from the corpus folder and writes the manifest. */
    public static FuzzManifest generate(Path corpus, Path out, Config config) throws IOException {
        FuzzGenerator g = new FuzzGenerator(config, out);
        Files.createDirectories(g.root);
        Files.createDirectories(out.resolve("outside"));
        List<Path> sources = corpusFiles(corpus);
        g.mutants(sources);
        g.encodings();
        g.nulAndBinary();
        g.deep();
        g.big();
        g.names();
        g.deepFolders();
        g.links();
        g.fifos();
        g.empty();
        g.configs();
        FuzzManifest m = new FuzzManifest(config.seed(), "root", List.copyOf(g.entries), List.copyOf(g.configCases));
        m.write(out.resolve("manifest.json"));
        return m;
    }

    static List<Path> corpusFiles(Path corpus) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("js", "ts", "jsx", "html", "java", "node")) {
            Path d = corpus.resolve(dir);
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> s = Files.walk(d)) {
                s.filter(Files::isRegularFile).filter(p -> KINDS.contains(ext(p.getFileName().toString()))).sorted().forEach(files::add);
            }
        }
        if (files.isEmpty()) throw new IOException("no corpus files under " + corpus);
        return files;
    }

    // ---- classes -----------------------------------------------------------------------------------

    /** Corpus files truncated at a random point, and with random bytes flipped. */
    private void mutants(List<Path> sources) throws IOException {
        for (String kind : KINDS) {
            List<Path> ofKind = sources.stream().filter(p -> ext(p.getFileName().toString()).equals(kind)).toList();
            if (ofKind.isEmpty()) continue;
            for (int i = 0; i < config.mutants(); i++) {
                Path src = ofKind.get(random.nextInt(ofKind.size()));
                byte[] b = Files.readAllBytes(src);
                int cut = b.length == 0 ? 0 : random.nextInt(b.length);
                write("truncate", kind + "/" + (++counter) + "-" + src.getFileName(), java.util.Arrays.copyOf(b, cut),
                        Expect.ACCOUNTED, null, 0, src.getFileName() + " cut at byte " + cut);
                byte[] f = b.clone();
                int flips = 1 + random.nextInt(8);
                StringBuilder at = new StringBuilder();
                for (int k = 0; k < flips && f.length > 0; k++) {
                    int pos = random.nextInt(f.length);
                    f[pos] ^= (byte) (1 + random.nextInt(255));
                    at.append(k == 0 ? "" : ",").append(pos);
                }
                write("byteflip", kind + "/" + (++counter) + "-" + src.getFileName(), f, Expect.ACCOUNTED, null, 0,
                        src.getFileName() + " with bytes flipped at " + at);
            }
        }
    }

    /** The seed after a comment holding bytes that are not UTF-8, or the whole file in another encoding. */
    private void encodings() throws IOException {
        String[][] marks = {
                {"latin1", "caf\u00e9 \u00fc\u00df \u00a9"},
                {"bad-utf8", null}};
        byte[][] bad = {
                {(byte) 0xC3, 0x28, ' ', (byte) 0xF0, 0x28, (byte) 0x8C, 0x28, ' ', (byte) 0xC0, (byte) 0xAF},  // invalid sequences, overlong '/'
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80, ' ', (byte) 0xED, (byte) 0xBF, (byte) 0xBF},             // encoded lone surrogates
                {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80, ' ', (byte) 0xFF, (byte) 0xFE}};  // 5-byte form, FF FE
        for (String kind : KINDS) {
            String id = id();
            Seeds.Seeded s = Seeds.file(kind, "// MARK\n", id);
            byte[] latin1 = replaceMark(s.text(), marks[0][1].getBytes(StandardCharsets.ISO_8859_1));
            write("encoding", "latin1-" + id + "." + kind, latin1, s, "Latin-1 bytes in a comment before the seed");
            for (int i = 0; i < bad.length; i++) {
                String id2 = id();
                Seeds.Seeded s2 = Seeds.file(kind, "// MARK\n", id2);
                write("encoding", "bad-utf8-" + i + "-" + id2 + "." + kind, replaceMark(s2.text(), bad[i]), s2,
                        "invalid UTF-8 in a comment before the seed (variant " + i + ")");
            }
            String id3 = id();
            Seeds.Seeded s3 = Seeds.file(kind, "// \u00fcber \u2713 \ud83d\udd0c\n", id3);
            write("encoding", "utf8-bom-" + id3 + "." + kind, concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    s3.text().getBytes(StandardCharsets.UTF_8)), s3, "UTF-8 with BOM");
            write("encoding", "utf16le-bom-" + id3 + "." + kind, concat(new byte[]{(byte) 0xFF, (byte) 0xFE},
                    s3.text().getBytes(StandardCharsets.UTF_16LE)), s3, "UTF-16LE with BOM");
            write("encoding", "utf16be-bom-" + id3 + "." + kind, concat(new byte[]{(byte) 0xFE, (byte) 0xFF},
                    s3.text().getBytes(StandardCharsets.UTF_16BE)), s3, "UTF-16BE with BOM");
            write("encoding", "utf16le-nobom-" + id3 + "." + kind, s3.text().getBytes(StandardCharsets.UTF_16LE), s3,
                    "UTF-16LE without BOM");
            byte[] trailing = concat(s3.text().getBytes(StandardCharsets.UTF_8), new byte[]{'/', '/', ' ', (byte) 0xE2, (byte) 0x82});
            write("encoding", "cut-utf8-" + id3 + "." + kind, trailing, s3, "a multi-byte character cut off at the end of the file");
            String crOnly = s3.text().replace("\n", "\r");
            write("encoding", "cr-only-" + id3 + "." + kind, crOnly.getBytes(StandardCharsets.UTF_8), s3, "old Mac line ends (CR only)");
        }
    }

    /** NUL bytes before the seed (in the sniffed start and after it), and files of random bytes. */
    private void nulAndBinary() throws IOException {
        for (String kind : KINDS) {
            String id = id();
            Seeds.Seeded early = Seeds.file(kind, "// MARK\n", id);
            write("nul", "early-" + id + "." + kind, replaceMark(early.text(), new byte[]{'a', 0, 0, 'b'}), early,
                    "NUL bytes in a comment on the first line");
            String id2 = id();
            String pad = "// " + "p".repeat(100) + "\n";
            Seeds.Seeded late = Seeds.file(kind, pad.repeat(100) + "// MARK\n", id2);
            write("nul", "late-" + id2 + "." + kind, replaceMark(late.text(), new byte[]{'a', 0, 'b'}), late,
                    "a NUL byte in a comment after the first 8 KB");
            for (int size : new int[]{1, 100, 64 * 1024}) {
                byte[] b = new byte[size];
                random.nextBytes(b);
                write("binary", "random-" + size + "-" + id() + "." + kind, b, Expect.ACCOUNTED, null, 0, size + " random bytes");
            }
            byte[] ctl = new byte[4096];
            for (int i = 0; i < ctl.length; i++) ctl[i] = (byte) (1 + random.nextInt(31));
            write("binary", "control-" + id() + "." + kind, ctl, Expect.ACCOUNTED, null, 0, "control characters, no NUL");
        }
    }

    /** Deeply nested code of several shapes, each followed by the seed. */
    private void deep() throws IOException {
        for (int depth : config.depths()) {
            for (String shape : DEEP_SHAPES) {
                for (String kind : List.of("js", "ts", "html", "java")) {
                    if (!config.deep(shape, kind)) continue;
                    String id = id();
                    String code = kind.equals("java") ? javaDeep(shape, depth) : jsDeep(shape, depth);
                    Seeds.Seeded s = Seeds.file(kind, code, id);
                    write("deep", shape + "-" + depth + "-" + id + "." + kind, s.text().getBytes(StandardCharsets.UTF_8), s,
                            depth + "-deep " + shape + " before the seed");
                }
            }
            if (!config.deep("markup", "html")) continue;
            String id = id();
            Seeds.Seeded s = Seeds.file("html", "", id);
            String markup = "<div>".repeat(depth) + "</div>".repeat(depth) + "\n";
            String text = markup + s.text();
            write("deep", "markup-" + depth + "-" + id + ".html", text.getBytes(StandardCharsets.UTF_8),
                    new Seeds.Seeded(text, s.rule(), s.line() + 1), depth + "-deep <div> markup before the seed");
        }
    }

    static String jsDeep(String shape, int d) {
        return switch (shape) {
            case "calls" -> "var deep = " + "f(".repeat(d) + "x" + ")".repeat(d) + ";";
            case "arrays" -> "var deep = " + "[".repeat(d) + "]".repeat(d) + ";";
            case "blocks" -> "{".repeat(d) + "}".repeat(d);
            case "parens" -> "var deep = " + "(".repeat(d) + "x" + ")".repeat(d) + ";";
            case "ifs" -> "if (x) {".repeat(d) + "}".repeat(d);
            case "chain" -> "var deep = a" + "+a".repeat(d) + ";";
            default -> throw new IllegalArgumentException(shape);
        };
    }

    static String javaDeep(String shape, int d) {
        return switch (shape) {
            case "calls" -> "Object m() { return " + "f(".repeat(d) + "x" + ")".repeat(d) + "; }";
            case "arrays" -> "Object m() { return new Object[]" + "{new Object[]".repeat(d - 1) + "{}" + "}".repeat(d - 1) + "; }";
            case "blocks" -> "void m() " + "{".repeat(d) + "}".repeat(d);
            case "parens" -> "Object m() { return " + "(".repeat(d) + "x" + ")".repeat(d) + "; }";
            case "ifs" -> "void m() { " + "if (x) {".repeat(d) + "}".repeat(d) + " }";
            case "chain" -> "int m() { return a" + "+a".repeat(d) + "; }";
            default -> throw new IllegalArgumentException(shape);
        };
    }

    /** One very long line, a minified bundle and a long string literal, of each configured size, then the seed. */
    private void big() throws IOException {
        for (String b : config.bigFiles()) {
            String shape = b.substring(0, b.indexOf(':'));
            long size = Long.parseLong(b.substring(b.indexOf(':') + 1));
            String tag = size >= 1024 * 1024 ? (size / (1024 * 1024)) + "mb" : (size / 1024) + "kb";
            switch (shape) {
                case "minified" -> bigFile("minified-" + tag + ".js", size, "minified functions on one line",
                        i -> "var v" + i + "=function(b){return b+" + i + "};");
                case "string" -> bigFile("string-" + tag + ".js", size, "one long string literal", null);
                case "inline" -> bigFile("inline-" + tag + ".html", size, "a minified inline script", i -> "window.w" + i + "=" + i + ";");
                default -> throw new IllegalArgumentException("unknown big shape " + shape);
            }
        }
    }

    private void bigFile(String name, long size, String what, java.util.function.IntFunction<String> piece) throws IOException {
        String ext = ext(name);
        Seeds.Seeded s = Seeds.file(ext, "// LONG\n", id());
        String[] halves = s.text().split("// LONG\n", 2);
        Path p = root.resolve("big").resolve(name);
        Files.createDirectories(p.getParent());
        try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(p), 1 << 16)) {
            byte[] head = halves[0].getBytes(StandardCharsets.UTF_8);
            o.write(head);
            long written = head.length;
            if (piece == null) {
                o.write("var s='".getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = "abcdefghij".repeat(1000).getBytes(StandardCharsets.US_ASCII);
                for (; written < size; written += chunk.length) o.write(chunk);
                o.write("';".getBytes(StandardCharsets.US_ASCII));
            } else {
                for (int i = 0; written < size; i++) {
                    byte[] b = piece.apply(i).getBytes(StandardCharsets.US_ASCII);
                    o.write(b);
                    written += b.length;
                }
            }
            o.write('\n');
            o.write(halves[1].getBytes(StandardCharsets.UTF_8));
        }
        add("big", "big/" + name, Expect.REPORT_OR_LISTED, s.rule(), s.line(), what + ", " + size + " bytes, before the seed");
    }

    /** The seed under names that are awkward for shells, globs, URIs, JSON and case-insensitive systems. */
    private void names() throws IOException {
        List<String> names = new ArrayList<>(List.of(
                "with space.js", "hash#frag.js", "percent%41.js", "question?.js", "back\\slash.js", "-leading-dash.js",
                "--help.js", "star*[1]{a,b}.js", "quote'\"`.js", "tab\tname.js", "new\nline.js", "semi;colon&amp.js",
                "\u00fcnic\u00f6de-nfc.js", "u\u0308nicode-nfd.js", "\ud83d\udd0c-plug.js", "\u0645\u0631\u062d\u0628\u0627.js",
                "CaseName.js", "casename.js", "CASENAME.JS", ".hidden.js", "trailing-dot..js", "x" + ".js",
                "colon:name.js", "dollar$HOME.js", "tilde~.js", "lt<gt>.js", "pipe|bar.js"));
        StringBuilder longName = new StringBuilder("long-");
        while (longName.length() < 250) longName.append('n');
        names.add(longName + ".js");
        names.add("\u00e9".repeat(124) + ".js"); // 248 bytes of UTF-8
        for (String name : names) {
            Seeds.Seeded s = Seeds.file(ext(name).toLowerCase(Locale.ROOT), "", id());
            write("names", name, s.text().getBytes(StandardCharsets.UTF_8), s, "an awkward file name");
        }
        Seeds.Seeded s = Seeds.file("js", "", id());
        write("names", "dir with space/#hash dir/%25/seed.js", s.text().getBytes(StandardCharsets.UTF_8), s, "awkward folder names");
    }

    /** A seed at the bottom of a 200-level folder tree (and one at 100 levels). */
    private void deepFolders() throws IOException {
        for (int levels : new int[]{100, 200}) {
            StringBuilder dir = new StringBuilder();
            for (int i = 0; i < levels; i++) dir.append("d").append(i % 10).append('/');
            Seeds.Seeded s = Seeds.file("js", "", id());
            write("deepdirs", levels + "/" + dir + "seed.js", s.text().getBytes(StandardCharsets.UTF_8), s, levels + " nested folders");
        }
    }

    /** Symbolic links inside the root, out of it, dangling, and loops. */
    private void links() throws IOException {
        Path dir = root.resolve("links");
        Files.createDirectories(dir);
        Seeds.Seeded target = Seeds.file("js", "", id());
        write("links", "target.js", target.text().getBytes(StandardCharsets.UTF_8), target, "the target of in-root links");
        Seeds.Seeded outside = Seeds.file("js", "", id());
        Files.writeString(out.resolve("outside").resolve("outside-target.js"), outside.text());
        Files.createDirectories(out.resolve("outside/dir"));
        Files.writeString(out.resolve("outside/dir/outside-in-dir.js"), outside.text());
        link("inside-link.js", "target.js", "link to a file in the root");
        link("outside-link.js", "../../outside/outside-target.js", "link to a file outside the root");
        link("dangling.js", "does-not-exist.js", "link to nothing");
        link("self-loop.js", "self-loop.js", "link to itself");
        link("loop-a.js", "loop-b.js", "link loop a -> b");
        link("loop-b.js", "loop-a.js", "link loop b -> a");
        link("dir-loop", ".", "folder link to its own folder");
        link("outside-dir", "../../outside/dir", "folder link out of the root");
        link("root-loop", "..", "folder link to the scan root");
    }

    private void link(String name, String target, String what) throws IOException {
        Files.createSymbolicLink(root.resolve("links").resolve(name), Path.of(target));
        add("links", "links/" + name, Expect.ACCOUNTED, null, 0, what + " (" + target + ")");
    }

    /** Named pipes with accepted extensions: reading one blocks forever. */
    private void fifos() throws IOException {
        Path dir = root.resolve("fifo");
        Files.createDirectories(dir);
        for (String name : List.of("pipe.js", "pipe.html", "pipe.java")) {
            mkfifo(dir.resolve(name));
            add("fifo", "fifo/" + name, Expect.ACCOUNTED, null, 0, "a FIFO (named pipe)");
        }
    }

    static void mkfifo(Path p) throws IOException {
        try {
            Process pr = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
            String msg = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (pr.waitFor() != 0) throw new IOException("mkfifo " + p + ": " + msg.strip());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Empty files, whitespace only, a lone BOM. */
    private void empty() throws IOException {
        for (String kind : KINDS) {
            write("empty", "empty." + kind, new byte[0], Expect.ACCOUNTED, null, 0, "an empty file");
            write("empty", "blank." + kind, " \n\t\r\n".getBytes(StandardCharsets.US_ASCII), Expect.ACCOUNTED, null, 0, "whitespace only");
            write("empty", "bom." + kind, new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Expect.ACCOUNTED, null, 0, "a UTF-8 BOM only");
        }
    }

    /** Scan roots with a hostile {@code .wsscan.yml} and one seeded file each. */
    private void configs() throws IOException {
        StringBuilder huge = new StringBuilder("version: 1\nexclude:\n");
        for (int i = 0; huge.length() < config.configBytes(); i++) huge.append("  - \"vendor-").append(i).append("/**\"\n");
        config("huge", huge.toString(), "a valid policy of " + config.configBytes() + " bytes (excludes)");
        config("deep-flow", "version: 1\nrules: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n", "10000-deep flow sequence");
        config("deep-block", "version: 1\nrules:\n" + deepBlock(2_000), "2000-deep block mapping");
        StringBuilder bomb = new StringBuilder("version: 1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 10; k++) bomb.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            bomb.append("]\n");
        }
        config("anchor-bomb", bomb.toString(), "billion laughs: 10 levels of 10 aliases");
        StringBuilder inKey = new StringBuilder("version: 1\nexclude: [&b0 [x, x, x, x, x, x, x, x, x, x]");
        for (int i = 1; i < 10; i++) inKey.append(", &b").append(i).append(" [").append(String.join(", ", java.util.Collections.nCopies(10, "*b" + (i - 1)))).append("]");
        config("anchor-bomb-in-key", inKey.append("]\n").toString(), "billion laughs inside a known key (exclude)");
        config("binary", new String(new byte[]{0, 1, 2, (byte) 0xFF, (byte) 0xFE, 0}, StandardCharsets.ISO_8859_1), "binary bytes");
        config("bad-utf8", "version: 1\nexclude:\n  - \"caf\u00e9\"\n", "Latin-1 bytes (not UTF-8)");
        config("tabs", "version: 1\nexclude:\n\t- x\n", "a tab where YAML forbids one");
        config("empty", "", "an empty policy file");
        config("duplicate-keys", "version: 1\nversion: 2\n", "the same key twice");
        Path outsidePolicy = out.resolve("outside").resolve("policy.yml");
        Files.writeString(outsidePolicy, "version: 1\n");
        configCase("symlink-out", "the policy is a link to a valid policy file outside the root",
                p -> Files.createSymbolicLink(p, p.getParent().relativize(outsidePolicy)));
        configCase("directory", "the policy is a folder", Files::createDirectories);
        configCase("fifo", "the policy is a FIFO", FuzzGenerator::mkfifo);
        configCase("dangling", "the policy is a dangling link", p -> Files.createSymbolicLink(p, Path.of("missing.yml")));
    }

    private static String deepBlock(int depth) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < depth; i++) b.append(" ".repeat(2 * (i + 1))).append("k").append(i).append(":\n");
        return b.append(" ".repeat(2 * (depth + 1))).append("x\n").toString();
    }

    private void config(String name, String yaml, String what) throws IOException {
        boolean latin1 = name.equals("bad-utf8") || name.equals("binary");
        byte[] b = yaml.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        configCase(name, what, p -> Files.write(p, b));
    }

    private interface PolicyMaker {
        void make(Path policy) throws IOException;
    }

    private void configCase(String name, String what, PolicyMaker maker) throws IOException {
        if (!config.config(name)) return;
        Path dir = out.resolve("configs").resolve(name);
        Files.createDirectories(dir);
        maker.make(dir.resolve(".wsscan.yml"));
        Seeds.Seeded s = Seeds.file("js", "", id());
        Files.writeString(dir.resolve("app.js"), s.text());
        configCases.add(new ConfigCase(name, "configs/" + name, "app.js", s.rule(), s.line(), what));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private String id() {
        return String.valueOf(++counter);
    }

    private void write(String cls, String name, byte[] bytes, Seeds.Seeded s, String what) throws IOException {
        write(cls, name, bytes, Expect.REPORT_OR_LISTED, s.rule(), s.line(), what);
    }

    private void write(String cls, String name, byte[] bytes, Expect expect, String rule, int line, String what) throws IOException {
        String rel = cls + "/" + name;
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        add(cls, rel, expect, rule, line, what);
    }

    private void add(String cls, String rel, Expect expect, String rule, int line, String what) {
        entries.add(new Entry(rel, cls, expect, rule, line, what));
    }

    private static byte[] replaceMark(String text, byte[] with) {
        int at = text.indexOf("MARK");
        byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = text.substring(at + 4).getBytes(StandardCharsets.UTF_8);
        return concat(concat(head, with), tail);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static String ext(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}

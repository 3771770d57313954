package io.wsscan.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.wsscan.engine.Discovery;
import io.wsscan.findings.Finding;
import io.wsscan.inventory.HostPattern;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The scan policy, {@code .wsscan.yml}: which hosts WebSocket clients may connect to, which hosts are
 * the application's own, paths to skip, rules turned off or given another severity, and findings
 * ignored under a path with a reason. Parsed strictly: an unknown key or a bad value is a
 * {@link PolicyException} naming the file, line and key, so a typo never silently weakens a policy.
 *
 * @param allowedHosts    hosts clients may connect to; empty = no allowlist (js/ws-untrusted-host is off)
 * @param firstPartyHosts hosts that are the application's own (inventory: first party)
 * @param exclude         globs of paths not scanned
 * @param rules           rule id -> setting
 * @param ignore          per-path rule exclusions
 */
public record Policy(Path file, List<HostPattern> allowedHosts, List<HostPattern> firstPartyHosts,
                     List<String> exclude, Map<String, RuleSetting> rules, List<Ignore> ignore,
                     Map<String, Integer> ruleLines) {

    public static final String FILE_NAME = ".wsscan.yml";
    public static final Policy NONE = new Policy(null, List.of(), List.of(), List.of(), Map.of(), List.of(), Map.of());

    /** {@code enabled} null: unchanged; {@code level} null: the rule's own. */
    public record RuleSetting(Boolean enabled, Finding.Level level) {
    }

    /** Findings of {@code rules} ({@code *}: all) in files under {@code path} are suppressed with {@code reason}. */
    public record Ignore(String path, List<String> rules, String reason, Discovery.Glob glob) {
        public boolean covers(Finding f) {
            return covers(f, "");
        }

        /** @param base the scan root's path relative to the policy's folder ({@link #base(Path)}) */
        public boolean covers(Finding f, String base) {
            return (rules.contains("*") || rules.contains(f.ruleId())) && glob.under(base).matchesFileOrFolder(f.file());
        }
    }

    /**
     * Where the policy's paths ({@code exclude}, {@code ignore.path}) start, as the scan root's path relative
     * to it: they are relative to the policy file's folder when that folder holds the scan root (a
     * {@code .wsscan.yml} in the repository root applies to a scanned subfolder as written), otherwise (a
     * {@code --config} file kept elsewhere) relative to the scan root, "".
     */
    public String base(Path scanRoot) {
        if (file == null || scanRoot == null) return "";
        Path dir = file.toAbsolutePath().normalize().getParent();
        Path root = scanRoot.toAbsolutePath().normalize();
        try {
            dir = dir.toRealPath();
            root = root.toRealPath();
        } catch (IOException e) {
            // compare the paths as given
        }
        if (!root.startsWith(dir) || root.equals(dir)) return "";
        return dir.relativize(root).toString().replace(java.io.File.separatorChar, '/');
    }

    /** The policy's {@code exclude} globs for a scan of {@code scanRoot} ({@link #base(Path)}). */
    public List<Discovery.Glob> excludeGlobs(Path scanRoot) {
        String b = base(scanRoot);
        return exclude.stream().map(g -> new Discovery.Glob(g).under(b)).toList();
    }

    public boolean hasAllowlist() {
        return !allowedHosts.isEmpty();
    }

    /** True when a host is allowed by the allowlist (no allowlist: everything is). */
    public boolean allows(String host) {
        return allowedHosts.isEmpty() || HostPattern.any(allowedHosts, host);
    }

    /** False when the policy turns the rule off. */
    public boolean enabled(String ruleId) {
        RuleSetting s = rules.get(ruleId);
        return s == null || s.enabled() == null || s.enabled();
    }

    /**
     * The findings under this policy: severity overrides applied, and findings that an {@code ignore}
     * entry covers marked suppressed with its reason (kept, so reports still show them as suppressed).
     */
    public List<Finding> apply(List<Finding> findings) {
        return apply(findings, null);
    }

    /** {@link #apply(List)} for findings of a scan of {@code scanRoot} (null: paths relative to the policy). */
    public List<Finding> apply(List<Finding> findings, Path scanRoot) {
        String base = base(scanRoot);
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (!enabled(f.ruleId())) continue;
            RuleSetting s = rules.get(f.ruleId());
            if (s != null && s.level() != null) f = f.withLevel(s.level());
            if (!f.suppressed()) {
                for (Ignore i : ignore) {
                    if (i.covers(f, base)) {
                        f = f.withSuppression(new Finding.Suppression(i.reason() + " (" + FILE_NAME + " ignore: " + i.path() + ")", 0));
                        break;
                    }
                }
            }
            out.add(f);
        }
        return out;
    }

    // ---- loading ------------------------------------------------------------------------------------

    /** The largest policy file read: a policy is a page of settings, so anything larger is a mistake. */
    public static final long MAX_BYTES = 1024 * 1024;

    /**
     * The policy at {@code explicit} (must exist; read wherever it is, the user named it), else
     * {@code .wsscan.yml} in {@code root}, else {@link #NONE}. A {@code .wsscan.yml} found in the root
     * must resolve inside it: a symbolic link leaving the root is refused without reading its target,
     * since the scanned tree is not trusted and an error would echo the target's first key.
     */
    public static Policy find(Path explicit, Path root) {
        return find(explicit, root, null);
    }

    /**
     * The policy at {@code explicit}, else the nearest {@code .wsscan.yml} from {@code root} up to {@code top}
     * (the repository's top; null: {@code root} only), else {@link #NONE}. Users keep one policy in the
     * repository root and scan subfolders, so the search goes up, but never past the repository. A file found
     * must resolve inside {@code top} (the root when {@code top} is null or does not hold it).
     */
    public static Policy find(Path explicit, Path root, Path top) {
        if (explicit != null) {
            if (!Files.exists(explicit)) throw new PolicyException("policy file not found: " + explicit);
            return load(explicit);
        }
        if (root == null) return NONE;
        Path realRoot = realOrSelf(root);
        Path limit = top == null ? realRoot : realOrSelf(top);
        if (!realRoot.startsWith(limit)) limit = realRoot;
        for (Path dir = realRoot; dir != null && dir.startsWith(limit); dir = dir.getParent()) {
            Path p = dir.resolve(FILE_NAME);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) continue;
            Path real;
            try {
                real = p.toRealPath();
            } catch (IOException e) {
                throw new PolicyException(p + ": a symbolic link whose target does not exist (or cannot be resolved); "
                        + "remove it or give a policy with --config");
            }
            if (!real.startsWith(limit)) {
                throw new PolicyException(p + ": a symbolic link leaving the " + (limit.equals(realRoot) ? "scan root" : "repository")
                        + ", not read (give the file with --config FILE to use it)");
            }
            return load(p);
        }
        return NONE;
    }

    private static Path realOrSelf(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /**
     * Reads and parses a policy file: a regular file (a FIFO or device is never opened) of at most
     * {@link #MAX_BYTES}, in UTF-8.
     */
    public static Policy load(Path file) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new PolicyException("cannot read policy file " + file + ": " + firstLine(e.getMessage()));
        }
        if (a.isDirectory()) throw new PolicyException(file + ": a folder, not a policy file");
        if (!a.isRegularFile()) throw new PolicyException(file + ": not a regular file (a FIFO, socket or device is never read)");
        if (a.size() > MAX_BYTES) throw tooLarge(file, a.size());
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1); // the file may have grown since its size was read
        } catch (IOException e) {
            throw new PolicyException("cannot read policy file " + file + ": " + firstLine(e.getMessage()));
        }
        if (bytes.length > MAX_BYTES) throw tooLarge(file, bytes.length);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new PolicyException(file + ": not valid UTF-8 text");
        }
        return parse(file, text);
    }

    private static PolicyException tooLarge(Path file, long size) {
        return new PolicyException(file + ": policy file is " + Discovery.formatSize(size) + ", over the "
                + Discovery.formatSize(MAX_BYTES) + " limit");
    }

    private static final Set<String> TOP = Set.of("version", "allowedHosts", "firstPartyHosts", "exclude", "rules", "ignore");

    /**
     * Parses policy text. {@code knownRule}, when not null, rejects rule ids it does not know
     * (checked later by {@link #checkRules}, since the catalog is loaded after the policy).
     */
    public static Policy parse(Path file, String text) {
        String name = file == null ? FILE_NAME : file.toString();
        Y root;
        try {
            root = Y.read(new StringReader(text));
        } catch (IOException e) {
            throw new PolicyException(name + ": not valid YAML: " + firstLine(e.getMessage()));
        } catch (PolicyException e) {
            throw new PolicyException(name + ":" + e.getMessage());
        }
        if (root == null || root.value == null) return new Policy(file, List.of(), List.of(), List.of(), Map.of(), List.of(), Map.of());
        Ctx c = new Ctx(name);
        Map<String, Y> top = c.map(root, "the policy");
        for (Map.Entry<String, Y> e : top.entrySet()) {
            if (!TOP.contains(e.getKey())) {
                throw c.fail(e.getValue().keyLine, e.getKey(), "unknown key (known: " + String.join(", ", new java.util.TreeSet<>(TOP)) + ")");
            }
        }
        if (top.containsKey("version")) {
            Y v = top.get("version");
            if (!"1".equals(String.valueOf(v.value))) throw c.fail(v.line, "version", "must be 1");
        }
        List<HostPattern> allowed = hosts(c, top.get("allowedHosts"), "allowedHosts");
        List<HostPattern> first = hosts(c, top.get("firstPartyHosts"), "firstPartyHosts");
        List<String> exclude = new ArrayList<>();
        for (Y g : c.list(top.get("exclude"), "exclude")) exclude.add(c.glob(g, "exclude").glob());
        Map<String, RuleSetting> rules = new LinkedHashMap<>();
        if (top.get("rules") != null) {
            for (Map.Entry<String, Y> r : c.map(top.get("rules"), "rules").entrySet()) {
                String key = "rules." + r.getKey();
                Y v = r.getValue();
                if (v.value instanceof Boolean b) {
                    rules.put(r.getKey(), new RuleSetting(b, null));
                    continue;
                }
                if (v.value instanceof String s && (s.equals("off") || s.equals("on"))) {
                    rules.put(r.getKey(), new RuleSetting(s.equals("on"), null));
                    continue;
                }
                if (v.value instanceof String s) {
                    rules.put(r.getKey(), new RuleSetting(null, level(c, v, key)));
                    continue;
                }
                Map<String, Y> m = c.map(v, key);
                Boolean enabled = null;
                Finding.Level level = null;
                for (Map.Entry<String, Y> e : m.entrySet()) {
                    switch (e.getKey()) {
                        case "enabled" -> {
                            if (!(e.getValue().value instanceof Boolean b)) throw c.fail(e.getValue().line, key + ".enabled", "must be true or false");
                            enabled = b;
                        }
                        case "severity" -> level = level(c, e.getValue(), key + ".severity");
                        default -> throw c.fail(e.getValue().keyLine, key + "." + e.getKey(), "unknown key (known: enabled, severity)");
                    }
                }
                rules.put(r.getKey(), new RuleSetting(enabled, level));
            }
        }
        List<Ignore> ignore = new ArrayList<>();
        for (Y item : c.list(top.get("ignore"), "ignore")) {
            Map<String, Y> m = c.map(item, "ignore entry");
            for (Map.Entry<String, Y> e : m.entrySet()) {
                if (!Set.of("path", "rules", "reason").contains(e.getKey())) {
                    throw c.fail(e.getValue().keyLine, "ignore." + e.getKey(), "unknown key (known: path, reason, rules)");
                }
            }
            if (!m.containsKey("path")) throw c.fail(item.line, "ignore", "an entry needs 'path'");
            if (!m.containsKey("reason")) throw c.fail(item.line, "ignore", "an entry needs a 'reason'");
            if (!m.containsKey("rules")) throw c.fail(item.line, "ignore", "an entry needs 'rules' (a list of rule ids, or ['*'])");
            Discovery.Glob glob = c.glob(m.get("path"), "ignore.path");
            String path = glob.glob();
            String reason = c.string(m.get("reason"), "ignore.reason");
            if (reason.isBlank()) throw c.fail(m.get("reason").line, "ignore.reason", "must not be empty");
            List<String> ids = new ArrayList<>();
            Y rs = m.get("rules");
            if (rs.value instanceof String s) ids.add(s);
            else for (Y r : c.list(rs, "ignore.rules")) ids.add(c.string(r, "ignore.rules"));
            ignore.add(new Ignore(path, List.copyOf(ids), reason.strip(), glob));
        }
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (String id : rules.keySet()) lines.put(id, c.map(top.get("rules"), "rules").get(id).keyLine);
        for (int i = 0; i < ignore.size(); i++) {
            Y rs = c.map(c.list(top.get("ignore"), "ignore").get(i), "ignore entry").get("rules");
            for (String id : ignore.get(i).rules()) lines.putIfAbsent(id, rs.line);
        }
        return new Policy(file, allowed, first, List.copyOf(exclude), Map.copyOf(rules), List.copyOf(ignore),
                java.util.Collections.unmodifiableMap(lines));
    }

    /** Fails on a rule id the policy names that {@code known} does not contain. */
    public void checkRules(Set<String> known) {
        for (Map.Entry<String, Integer> e : ruleLines.entrySet()) {
            if (!e.getKey().equals("*") && !known.contains(e.getKey())) {
                String name = file == null ? FILE_NAME : file.toString();
                throw new PolicyException(name + ":" + e.getValue() + ": rules: unknown rule id '" + e.getKey()
                        + "' (see 'wsscan rules')");
            }
        }
    }

    private static Finding.Level level(Ctx c, Y v, String key) {
        if (v.value instanceof String s) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "error": return Finding.Level.ERROR;
                case "warning": return Finding.Level.WARNING;
                case "note": return Finding.Level.NOTE;
                default: break;
            }
        }
        throw c.fail(v.line, key, "must be error, warning or note (or off/on, true/false), not '" + v.value + "'");
    }

    private static List<HostPattern> hosts(Ctx c, Y node, String key) {
        List<HostPattern> out = new ArrayList<>();
        for (Y h : c.list(node, key)) {
            String s = c.string(h, key);
            String problem = HostPattern.problem(s);
            if (problem != null) throw c.fail(h.line, key, problem);
            out.add(new HostPattern(s));
        }
        return List.copyOf(out);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.strip().lines().findFirst().orElse("");
    }

    /** Error wording and shape checks. */
    private record Ctx(String file) {
        PolicyException fail(int line, String key, String what) {
            return new PolicyException(file + ":" + line + ": " + key + ": " + what);
        }

        @SuppressWarnings("unchecked")
        Map<String, Y> map(Y y, String key) {
            if (y.value instanceof Map<?, ?> m) return (Map<String, Y>) m;
            throw fail(y.line, key, "must be a mapping of keys to values");
        }

        @SuppressWarnings("unchecked")
        List<Y> list(Y y, String key) {
            if (y == null || y.value == null) return List.of();
            if (y.value instanceof List<?> l) return (List<Y>) l;
            throw fail(y.line, key, "must be a list");
        }

        /** A glob value; a malformed one fails with its line. */
        Discovery.Glob glob(Y y, String key) {
            String s = string(y, key);
            try {
                return new Discovery.Glob(s);
            } catch (IllegalArgumentException e) {
                throw fail(y.line, key, firstLine(e.getMessage()));
            }
        }

        String string(Y y, String key) {
            if (y.value instanceof String s) return s;
            if (y.value instanceof Number n) return n.toString();
            throw fail(y.line, key, "must be a string");
        }
    }

    /** A YAML node with the line it starts on (and, for mapping values, the line of its key). */
    private static final class Y {
        final Object value;   // String, Number, Boolean, null, List<Y>, Map<String, Y>
        final int line;
        int keyLine;

        Y(Object value, int line) {
            this.value = value;
            this.line = line;
            this.keyLine = line;
        }

        static Y read(Reader in) throws IOException {
            try (JsonParser p = new YAMLFactory().createParser(in)) {
                JsonToken t = p.nextToken();
                return t == null ? null : node(p);
            }
        }

        private static int line(JsonParser p) {
            JsonLocation l = p.currentTokenLocation();
            return l == null ? 0 : l.getLineNr();
        }

        private static Y node(JsonParser p) throws IOException {
            int line = line(p);
            JsonToken t = p.currentToken();
            switch (t) {
                case START_OBJECT -> {
                    Map<String, Y> m = new LinkedHashMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String k = p.currentName();
                        int kl = line(p);
                        p.nextToken();
                        Y v = node(p);
                        v.keyLine = kl;
                        if (m.containsKey(k)) throw new PolicyException(kl + ": " + k + ": duplicate key");
                        m.put(k, v);
                    }
                    return new Y(m, line);
                }
                case START_ARRAY -> {
                    List<Y> l = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) l.add(node(p));
                    return new Y(l, line);
                }
                case VALUE_STRING -> {
                    return new Y(p.getText(), line);
                }
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    return new Y(p.getNumberValue(), line);
                }
                case VALUE_TRUE -> {
                    return new Y(Boolean.TRUE, line);
                }
                case VALUE_FALSE -> {
                    return new Y(Boolean.FALSE, line);
                }
                case VALUE_NULL -> {
                    return new Y(null, line);
                }
                default -> throw new IOException("unexpected " + t + " at line " + line);
            }
        }
    }
}

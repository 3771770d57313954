package io.wsscan.report;

import io.wsscan.findings.Finding;
import io.wsscan.findings.Region;
import io.wsscan.findings.Step;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * wsscan's own result fingerprint, {@code partialFingerprints["wsscanFingerprint/v1"]}: what a finding is,
 * independent of where in its file it sits, so that a baseline recognises it after lines were inserted
 * above it, but not in another file or after its own line changed.
 *
 * <p>The value is {@code HEX:N}: HEX is the first 16 hex digits of the SHA-256 of the rule id, the
 * file's path relative to the scan root, the text of the finding's lines and, for taint findings, the
 * text of the lines of the trace's first step (the source) and last step (the sink), each with its
 * file; line text has its runs of whitespace collapsed to one space and is trimmed, so re-indenting does
 * not count as a change. N numbers findings with the same HEX in {@link Finding#ORDER} (1-based), so two
 * identical findings in one file are two results, as with GitHub's line hash. Line numbers and
 * messages (which may quote line numbers) are not part of it.
 */
public final class Fingerprints {

    /** The {@code partialFingerprints} key. */
    public static final String KEY = "wsscanFingerprint/v1";
    /** A finding spanning more lines than this is identified by its first line (a whole function is not "its code"). */
    static final int MAX_LINES = 10;

    private Fingerprints() {
    }

    /**
     * The fingerprint of every finding, in the order given; null for a finding whose file cannot be read
     * from {@code root} (like the line hash: without its code a finding has no identity to match). A
     * trace step in a file that cannot be read contributes empty text.
     */
    public static List<String> compute(Path root, List<Finding> findings) {
        return compute(new SourceLines(root), findings);
    }

    /** {@link #compute(Path, List)} with files read through {@code source}. */
    static List<String> compute(SourceLines source, List<Finding> findings) {
        Integer[] order = new Integer[findings.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, Comparator.comparing(findings::get, Finding.ORDER));
        Map<String, Integer> seen = new HashMap<>();
        String[] out = new String[findings.size()];
        for (int i : order) {
            String hex = hash(findings.get(i), source);
            if (hex != null) out[i] = hex + ":" + seen.merge(hex, 1, Integer::sum);
        }
        return java.util.Arrays.asList(out);
    }

    /** The set of {@link #compute} values (nulls left out). */
    public static Set<String> set(Path root, List<Finding> findings) {
        Set<String> out = new HashSet<>(compute(root, findings));
        out.remove(null);
        return out;
    }

    private static String hash(Finding f, SourceLines source) {
        String code = text(source, f.file(), f.region());
        if (code == null) return null;
        MessageDigest d = sha256();
        // each part is length-prefixed, so no two different part lists give the same bytes
        part(d, f.ruleId());
        part(d, f.file());
        part(d, code);
        if (!f.trace().isEmpty()) {
            for (Step s : List.of(f.trace().get(0), f.trace().get(f.trace().size() - 1))) {
                part(d, s.file());
                String text = text(source, s.file(), s.region());
                part(d, text == null ? "" : text);
            }
        }
        byte[] h = d.digest();
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 8; i++) sb.append(Character.forDigit((h[i] >> 4) & 0xF, 16)).append(Character.forDigit(h[i] & 0xF, 16));
        return sb.toString();
    }

    private static void part(MessageDigest d, String s) {
        byte[] b = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
        d.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        d.update((byte) ':');
        d.update(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Whitespace runs become one space; the ends are trimmed. */
    static String normalise(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
            } else {
                if (space) sb.append(' ');
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The normalised text of the region's lines (its first line only when it spans more than
     * {@link #MAX_LINES}); null when the file cannot be read.
     */
    private static String text(SourceLines source, String file, Region r) {
        if (file == null || r == null) return "";
        List<String> all = source.lines(file);
        if (all == null) return null;
        int first = Math.max(1, r.startLine());
        int last = r.endLine() - first >= MAX_LINES ? first : Math.max(first, r.endLine());
        StringBuilder sb = new StringBuilder();
        for (int n = first; n <= last && n <= all.size(); n++) sb.append(all.get(n - 1)).append('\n');
        return normalise(sb.toString());
    }
}

package io.wsscan.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsscan.findings.Finding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A previous SARIF log whose results are known and accepted: a result of this scan whose rule id and
 * {@code partialFingerprints.primaryLocationLineHash} both appear in it is dropped. The line hash
 * identifies a line by its content and that of the lines after it (not by its number), so results
 * survive edits elsewhere in the file.
 */
public final class Baseline {

    private final Set<String> keys;

    private Baseline(Set<String> keys) {
        this.keys = keys;
    }

    /** How many (rule id, line hash) pairs the baseline holds. */
    public int size() {
        return keys.size();
    }

    /**
     * Reads a SARIF file (every run, every result).
     *
     * @throws IllegalArgumentException when the file is missing, unreadable or not SARIF (a one-line message)
     */
    public static Baseline read(Path sarif) {
        JsonNode root;
        try (var in = Files.newInputStream(sarif)) {
            root = new ObjectMapper().readTree(in);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("baseline file not found: " + sarif);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("baseline " + sarif + " is not valid JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read baseline " + sarif + ": " + firstLine(e.getMessage()));
        }
        if (root == null || !root.path("runs").isArray()) {
            throw new IllegalArgumentException("baseline " + sarif + " is not a SARIF log (no 'runs' array)");
        }
        Set<String> keys = new HashSet<>();
        for (JsonNode run : root.path("runs")) {
            JsonNode rules = run.path("tool").path("driver").path("rules");
            for (JsonNode r : run.path("results")) {
                String ruleId = r.path("ruleId").asText(null);
                if (ruleId == null && r.has("ruleIndex") && rules.isArray()) {
                    ruleId = rules.path(r.path("ruleIndex").asInt()).path("id").asText(null);
                }
                if (ruleId == null) ruleId = r.path("rule").path("id").asText(null);
                String hash = r.path("partialFingerprints").path("primaryLocationLineHash").asText(null);
                if (ruleId != null && hash != null) keys.add(key(ruleId, hash));
            }
        }
        return new Baseline(keys);
    }

    /** The findings not in the baseline. Files under {@code root} are read to fingerprint the findings. */
    public List<Finding> filter(Path root, List<Finding> findings) {
        if (keys.isEmpty()) return findings;
        Map<String, List<String>> hashesByFile = new HashMap<>();
        List<Finding> kept = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            List<String> hashes = hashesByFile.computeIfAbsent(f.file(), file -> {
                try {
                    return LineHashes.compute(root.resolve(file));
                } catch (IOException e) {
                    return List.of();
                }
            });
            int line = f.region().startLine();
            String hash = line >= 1 && line <= hashes.size() ? hashes.get(line - 1) : null;
            if (hash == null || !keys.contains(key(f.ruleId(), hash))) kept.add(f);
        }
        return kept;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").strip();
    }

    private static String key(String ruleId, String hash) {
        return ruleId + '\u0000' + hash;
    }
}

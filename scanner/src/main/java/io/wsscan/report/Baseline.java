package io.wsscan.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsscan.findings.Finding;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.wsscan.engine.Discovery.formatSize;

/**
 * Results known and accepted: a result of this scan that is in the baseline is dropped. A baseline is
 * read from an earlier SARIF log ({@link #read}) or made from the findings of another scan
 * ({@link #of}, e.g. of a git commit's tree).
 *
 * <p>Results match by their {@link Fingerprints wsscan fingerprint} (rule, path, the finding's own code
 * and its trace's source and sink code; line numbers are not part of it), so a finding survives lines
 * inserted above it but is new in another file or after its line changed. A SARIF log written before
 * wsscan had fingerprints (a run none of whose results has {@code wsscanFingerprint/v1}) is matched the
 * old way, by rule id and {@code partialFingerprints.primaryLocationLineHash}; {@link #byLineHash()} then
 * says so.
 */
public final class Baseline {

    private final Set<String> fingerprints;
    /** (rule id, line hash) keys of runs without wsscan fingerprints. */
    private final Set<String> lineKeys;

    private Baseline(Set<String> fingerprints, Set<String> lineKeys) {
        this.fingerprints = fingerprints;
        this.lineKeys = lineKeys;
    }

    /** The findings of a scan of {@code root} as a baseline (their files are read now, to fingerprint them). */
    public static Baseline of(Path root, List<Finding> findings) {
        return new Baseline(Fingerprints.set(root, findings), Set.of());
    }

    /** How many results the baseline holds. */
    public int size() {
        return fingerprints.size() + lineKeys.size();
    }

    /** Whether some results can only be matched by rule and line hash (an old SARIF log without wsscan fingerprints). */
    public boolean byLineHash() {
        return !lineKeys.isEmpty();
    }

    /** Why a baseline that {@link #byLineHash() matches by line hash} is less precise; for summaries. */
    public static final String LINE_HASH_NOTE = "matched by rule and line hash: the baseline was written before wsscan "
            + "fingerprints, so a result copied to another file also matches; write it again";

    /** The largest baseline read (a SARIF log of some hundred thousand results is far smaller). */
    public static final long MAX_BYTES = 256L * 1024 * 1024;

    /**
     * Reads a SARIF file (every run, every result), streaming: only the fingerprints (and, for runs
     * without wsscan fingerprints, the (rule id, line hash) pairs) are kept, so memory does not grow
     * with the size of code flows and messages.
     *
     * @throws IllegalArgumentException when the file is missing, not a regular file, over
     *                                  {@link #MAX_BYTES}, unreadable or not SARIF (a one-line message)
     */
    public static Baseline read(Path sarif) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(sarif, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("baseline file not found: " + sarif);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read baseline " + sarif + ": " + firstLine(e.getMessage()));
        }
        if (a.isDirectory()) throw new IllegalArgumentException("baseline " + sarif + " is a folder, not a SARIF file");
        if (!a.isRegularFile()) {
            throw new IllegalArgumentException("baseline " + sarif + " is not a regular file (a FIFO, socket or device is never read)");
        }
        if (a.size() > MAX_BYTES) {
            throw new IllegalArgumentException("baseline " + sarif + " is " + formatSize(a.size()) + ", over the "
                    + formatSize(MAX_BYTES) + " limit");
        }
        Set<String> fingerprints = new HashSet<>();
        Set<String> keys = new HashSet<>();
        boolean sawRuns = false;
        try (InputStream in = Files.newInputStream(sarif); JsonParser p = MAPPER.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw notSarif(sarif);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("runs") && t == JsonToken.START_ARRAY) {
                    sawRuns = true;
                    while (p.nextToken() == JsonToken.START_OBJECT) readRun(p, fingerprints, keys);
                } else {
                    p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("baseline " + sarif + " is not valid JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read baseline " + sarif + ": " + firstLine(e.getMessage()));
        } catch (OutOfMemoryError e) {
            keys = null; // let the partial sets go before anything else allocates
            fingerprints = null;
            throw new IllegalArgumentException("baseline " + sarif + " has too many results for the Java heap "
                    + "(raise it, e.g. WSSCAN_JAVA_OPTS=-Xmx2g)");
        }
        if (!sawRuns) throw notSarif(sarif);
        return new Baseline(fingerprints, keys);
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static IllegalArgumentException notSarif(Path sarif) {
        return new IllegalArgumentException("baseline " + sarif + " is not a SARIF log (no 'runs' array)");
    }

    /**
     * One run object (the parser is at its '{'): its results' wsscan fingerprints or, when none has one,
     * their (rule id, line hash) keys, rule indexes resolved by the run's rules.
     */
    private static void readRun(JsonParser p, Set<String> fingerprints, Set<String> lineKeys) throws IOException {
        Set<String> ownFingerprints = new HashSet<>();
        Set<String> keys = new HashSet<>();
        List<String> ruleIds = new ArrayList<>();
        List<Object[]> byIndex = new ArrayList<>(); // {ruleIndex, hash}: the rules may come after the results
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (name.equals("tool") && t == JsonToken.START_OBJECT) {
                for (JsonNode r : ((JsonNode) MAPPER.readTree(p)).path("driver").path("rules")) ruleIds.add(r.path("id").asText(null));
            } else if (name.equals("results") && t == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    JsonNode r = (JsonNode) MAPPER.readTree(p);
                    String fingerprint = r.path("partialFingerprints").path(Fingerprints.KEY).asText(null);
                    if (fingerprint != null) {
                        ownFingerprints.add(fingerprint);
                        continue;
                    }
                    String hash = r.path("partialFingerprints").path("primaryLocationLineHash").asText(null);
                    if (hash == null) continue;
                    String ruleId = r.path("ruleId").asText(null);
                    if (ruleId == null) ruleId = r.path("rule").path("id").asText(null);
                    if (ruleId != null) keys.add(key(ruleId, hash));
                    else if (r.has("ruleIndex")) byIndex.add(new Object[]{r.path("ruleIndex").asInt(), hash});
                }
            } else {
                p.skipChildren();
            }
        }
        for (Object[] x : byIndex) {
            int i = (Integer) x[0];
            if (i >= 0 && i < ruleIds.size() && ruleIds.get(i) != null) keys.add(key(ruleIds.get(i), (String) x[1]));
        }
        // a run by a wsscan with fingerprints: its results without one (inventory notes) are no findings
        if (ownFingerprints.isEmpty()) lineKeys.addAll(keys);
        else fingerprints.addAll(ownFingerprints);
    }

    /** The findings not in the baseline. Files under {@code root} are read to fingerprint the findings. */
    public List<Finding> filter(Path root, List<Finding> findings) {
        return apply(root, findings, java.util.Collections.singletonList(this)).kept();
    }

    /**
     * What is left of {@code findings} after several baselines (null entries are skipped), and how many
     * each dropped: a finding in more than one counts for the first. Fingerprints are computed once,
     * over all the findings, so the numbering of identical findings does not depend on what an earlier
     * baseline dropped.
     */
    public static Applied apply(Path root, List<Finding> findings, List<Baseline> baselines) {
        boolean anyFingerprints = baselines.stream().anyMatch(b -> b != null && !b.fingerprints.isEmpty());
        SourceLines source = new SourceLines(root);
        List<String> prints = anyFingerprints ? Fingerprints.compute(source, findings) : null;
        Map<String, List<String>> hashesByFile = new HashMap<>();
        int[] dropped = new int[baselines.size()];
        List<Finding> kept = new ArrayList<>(findings.size());
        next:
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            for (int b = 0; b < baselines.size(); b++) {
                Baseline base = baselines.get(b);
                if (base == null) continue;
                boolean known = prints != null && base.fingerprints.contains(prints.get(i))
                        || !base.lineKeys.isEmpty() && base.lineKeys.contains(key(f.ruleId(), lineHash(source, f, hashesByFile)));
                if (known) {
                    dropped[b]++;
                    continue next;
                }
            }
            kept.add(f);
        }
        return new Applied(kept, dropped);
    }

    /** The findings left, and how many each baseline dropped (in the order of the baselines). */
    public record Applied(List<Finding> kept, int[] dropped) {
    }

    private static String lineHash(SourceLines source, Finding f, Map<String, List<String>> hashesByFile) {
        List<String> hashes = hashesByFile.computeIfAbsent(f.file(), file -> {
            String text = source.text(file);
            return text == null ? List.of() : LineHashes.compute(text);
        });
        int line = f.region().startLine();
        return line >= 1 && line <= hashes.size() ? hashes.get(line - 1) : "";
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").strip();
    }

    private static String key(String ruleId, String hash) {
        return ruleId + '\u0000' + hash;
    }
}

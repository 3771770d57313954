package io.wsscan.analysis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds whether a text contains any of the models' trigger words, in one pass over the text. Every
 * file of a scan goes through this prefilter, so it must cost far less than parsing: searching for
 * each of the ~40 words in turn was 14 % of a scan's CPU time. Here each position costs one table
 * lookup on the two characters that start there; only positions where some word starts with that
 * pair are compared in full.
 *
 * <p>A trigger with a {@code regex} is a word ({@code near}) whose occurrences are only candidates: the
 * expression must also match in a window around one of them.
 */
final class Triggers {

    /**
     * A trigger word; the expression that must match around it (null: the word is enough); and the
     * global variable it stands for (null: none), when the word only counts where the program reads
     * that global rather than a variable of its own (minified code names its functions {@code io}).
     */
    record Trigger(String word, Pattern regex, String global) {
    }

    /**
     * What the text holds: a trigger that counts by itself ({@code certain}), or only triggers that
     * count where the program reads one of {@code globals} (decided after parsing), or nothing.
     */
    record Found(boolean certain, Set<String> globals) {
        static final Found NOTHING = new Found(false, Set.of());
        static final Found CERTAIN = new Found(true, Set.of());

        boolean any() {
            return certain || !globals.isEmpty();
        }
    }

    /** How far around a word its expression may look. */
    static final int NEAR_WINDOW = 64;

    /** Two 7-bit characters index this table; a value k > 0 names candidate group k - 1. */
    private final short[] pairs = new short[1 << 14];
    private final List<Trigger[]> groups = new ArrayList<>();
    private final List<byte[][]> groupBytes = new ArrayList<>();

    Triggers(List<Trigger> triggers) {
        List<List<Trigger>> lists = new ArrayList<>();
        for (Trigger t : triggers) {
            String w = t.word();
            if (w.length() < 2 || !StandardCharsets.US_ASCII.newEncoder().canEncode(w)) {
                throw new IllegalArgumentException("a trigger must be at least two ASCII characters: '" + w + "'");
            }
            int key = key(w.charAt(0), w.charAt(1));
            if (pairs[key] == 0) {
                lists.add(new ArrayList<>());
                pairs[key] = (short) lists.size();
            }
            lists.get(pairs[key] - 1).add(t);
        }
        for (List<Trigger> l : lists) {
            groups.add(l.toArray(Trigger[]::new));
            groupBytes.add(l.stream().map(t -> t.word().getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new));
        }
    }

    private static int key(int c0, int c1) {
        return (c0 & 0x7F) << 7 | (c1 & 0x7F);
    }

    /**
     * Which triggers occur in the text (for one with an expression: where it also matches near the
     * word). Stops at the first trigger that counts by itself.
     */
    Found in(String text) {
        Set<String> globals = null;
        // Latin-1 bytes: a plain copy for most source text; characters beyond Latin-1 become '?', and
        // triggers are ASCII, so no occurrence of a trigger is lost
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0, last = b.length - 1; i < last; i++) {
            int g = pairs[(b[i] & 0x7F) << 7 | (b[i + 1] & 0x7F)];
            if (g == 0) continue;
            byte[][] words = groupBytes.get(g - 1);
            for (int w = 0; w < words.length; w++) {
                if (!startsAt(b, i, words[w]) || inCommentLine(b, i)) continue;
                Trigger t = groups.get(g - 1)[w];
                if (t.global() != null && globals != null && globals.contains(t.global())) continue;
                if (t.regex() != null) {
                    Matcher m = t.regex().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                    m.region(Math.max(0, i - NEAR_WINDOW), Math.min(text.length(), i + words[w].length + NEAR_WINDOW));
                    if (!m.find()) continue;
                }
                if (t.global() == null) return Found.CERTAIN;
                if (globals == null) globals = new TreeSet<>();
                globals.add(t.global());
            }
        }
        return globals == null ? Found.NOTHING : new Found(false, Set.copyOf(globals));
    }

    /** How far back the start of a line is looked for; a longer line (minified code) counts as code. */
    static final int COMMENT_LOOKBACK = 240;

    /**
     * Whether position {@code at} is on a comment line: one that starts, after indentation, with
     * {@code //} or with the {@code *} of a block comment's inner lines (JSDoc). Library sources
     * mention WebSocket APIs in their documentation ({@code jQuery(el).on('message', fn)} in lodash's),
     * which can make no finding. A code line that begins with {@code *} (a multiplication continued
     * from the line before, a generator method {@code *items()}) is the rare case this misreads.
     */
    static boolean inCommentLine(byte[] b, int at) {
        int k = at - 1;
        int limit = Math.max(0, at - COMMENT_LOOKBACK);
        while (k >= limit && b[k] != '\n' && b[k] != '\r') k--;
        if (k < limit && limit > 0) return false;
        int first = k + 1;
        while (first < at && (b[first] == ' ' || b[first] == '\t')) first++;
        if (first + 1 < b.length && b[first] == '/' && b[first + 1] == '/') return true;
        return b[first] == '*' && (first + 1 >= b.length || b[first + 1] != '/');
    }

    private static boolean startsAt(byte[] b, int at, byte[] word) {
        if (at + word.length > b.length) return false;
        for (int k = 2; k < word.length; k++) if (b[at + k] != word[k]) return false;
        // the first two bytes matched as 7-bit values only
        return b[at] == word[0] && b[at + 1] == word[1];
    }
}

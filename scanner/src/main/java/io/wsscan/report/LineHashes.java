package io.wsscan.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub code scanning's {@code partialFingerprints.primaryLocationLineHash}, computed the way the
 * {@code upload-sarif} action computes it, so that alerts keep their identity whether the fingerprint
 * comes from us or from the action.
 *
 * <p>The text is read as UTF-16 code units. Spaces and tabs are dropped; CR and CRLF both become one
 * LF. Every line's hash covers the 100 kept characters starting at the line's first kept character,
 * running on into the following lines; after the last character one 0xFFFF is appended and zeros fill
 * the rest of the window. The hash is the polynomial {@code sum c_k * 37^(99-k)} modulo 2^64, kept up
 * to date as the window rolls. It is printed as unsigned lower-case hex without padding, followed by
 * {@code :N} where N counts how often that hex value has occurred so far in the file (1-based, in
 * line order). Text ending with a newline has one more, empty, last line.
 */
public final class LineHashes {

    private static final int WINDOW = 100;
    private static final long BASE = 37;
    private static final char END_OF_TEXT = 0xFFFF;
    /** BASE^WINDOW modulo 2^64: the weight a character has when it leaves the window. */
    private static final long LEAVING_WEIGHT;

    static {
        long w = 1;
        for (int i = 0; i < WINDOW; i++) w *= BASE;
        LEAVING_WEIGHT = w;
    }

    private LineHashes() {
    }

    /** The hash of every line of {@code text}; element 0 belongs to line 1. */
    public static List<String> compute(String text) {
        Roller r = new Roller();
        for (int i = 0; i < text.length(); i++) r.accept(text.charAt(i));
        r.finish();
        return r.hashes;
    }

    /** {@link #compute(String)} of a file read as UTF-8 (malformed bytes become U+FFFD). */
    public static List<String> compute(Path file) throws IOException {
        return compute(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    /** The rolling state: the last {@link #WINDOW} kept characters and which of them start a line. */
    private static final class Roller {
        private final char[] window = new char[WINDOW];
        /** Line number started by the character in the same window slot, 0 for none. */
        private final int[] lineStartedAt = new int[WINDOW];
        private final Map<String, Integer> seen = new HashMap<>();
        private final List<String> hashes = new ArrayList<>();
        private long hash;
        private int slot;
        private int lines;
        private boolean atLineStart = true;
        private boolean afterCr;

        void accept(char c) {
            if (c == ' ' || c == '\t' || (afterCr && c == '\n')) {
                afterCr = false;
                return;
            }
            afterCr = c == '\r';
            if (afterCr) c = '\n';
            // The character about to leave the window has now had 100 characters after it.
            emitIfLineStart();
            if (atLineStart) {
                atLineStart = false;
                lineStartedAt[slot] = ++lines;
            }
            if (c == '\n') atLineStart = true;
            push(c);
        }

        void finish() {
            accept(END_OF_TEXT);
            for (int i = 0; i < WINDOW; i++) {
                emitIfLineStart();
                push((char) 0);
            }
        }

        private void push(char c) {
            char leaving = window[slot];
            window[slot] = c;
            hash = hash * BASE + c - LEAVING_WEIGHT * leaving;
            slot = (slot + 1) % WINDOW;
        }

        private void emitIfLineStart() {
            if (lineStartedAt[slot] == 0) return;
            String hex = Long.toHexString(hash);
            int n = seen.merge(hex, 1, Integer::sum);
            // Lines leave the window in order, so the list index is the line number minus one.
            hashes.add(hex + ":" + n);
            lineStartedAt[slot] = 0;
        }
    }
}

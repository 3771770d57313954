package io.wsscan.js.treesitter;

/**
 * Maps the byte offsets tree-sitter reports into UTF-16 character offsets of the Java string.
 *
 * <p>The text reaches tree-sitter through {@code TSParser.parseStringEncoding(.., UTF8)}, whose
 * native side hands over the JVM's "modified UTF-8" of the string (JNI {@code GetStringUTFChars}):
 * U+0001..U+007F one byte, U+0000 and up to U+07FF two bytes, every other UTF-16 unit three bytes
 * &mdash; surrogates are encoded one by one, so a pair (an emoji) is six bytes. Each UTF-16 unit thus
 * has a fixed width, which makes the map exact; the tests pin this down with NUL, 2-, 3-byte chars,
 * pairs and lone surrogates. The front end also refuses a tree whose root ends past
 * {@link #bytes()}, so a different encoding in another binding version cannot drift silently.
 * Pure-ASCII text without NUL (the common case) needs no table.
 */
final class Utf8Offsets {

    private final int[] byteToChar; // null when every char is one byte
    private final int bytes;

    Utf8Offsets(String text) {
        int n = text.length();
        int len = utf8Length(text);
        this.bytes = len;
        if (len == n) {
            byteToChar = null;
            return;
        }
        int[] map = new int[len + 1];
        int b = 0;
        for (int i = 0; i < n; i++) {
            int w = width(text.charAt(i));
            for (int k = 0; k < w; k++) map[b + k] = i;
            b += w;
        }
        map[len] = n;
        byteToChar = map;
    }

    private static int width(char c) {
        if (c != 0 && c < 0x80) return 1;
        if (c < 0x800) return 2;
        return 3;
    }

    static int utf8Length(String text) {
        long len = 0;
        for (int i = 0, n = text.length(); i < n; i++) len += width(text.charAt(i));
        if (len > Integer.MAX_VALUE) throw new IllegalArgumentException("text too large");
        return (int) len;
    }

    int bytes() {
        return bytes;
    }

    /** The char containing a byte offset (a byte inside a multi-byte char maps to that char's start). */
    int toChar(int byteOffset) {
        if (byteOffset <= 0) return 0;
        if (byteToChar == null) return Math.min(byteOffset, bytes);
        return byteToChar[Math.min(byteOffset, bytes)];
    }
}

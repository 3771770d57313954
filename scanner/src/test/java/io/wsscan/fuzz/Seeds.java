/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.fuzz;

import java.util.Locale;

/**
 * Known, fixed snippets whose findings are certain (checked by {@code FuzzSliceTest#seedsAreReportedWhenAlone}):
 * a cleartext {@code ws://} connection whose message data is written into {@code innerHTML}
 * ({@code js/ws-message-xss} on the second line), and a JSR-356 endpoint without an origin check
 * ({@code java/ws-missing-origin-check} on its annotation). The generator puts hostile content in
 * front of them, so a finding that vanishes means the hostile part hid it.
 */
final class Seeds {

    static final String JS_RULE = "js/ws-message-xss";
    static final String JAVA_RULE = "java/ws-missing-origin-check";

    private Seeds() {
    }

    /**
     * A file of language {@code ext} made of {@code hostile} (code in that language, may be empty)
     * followed by the seed; {@code id} makes names unique (Java class names).
     */
    static Seeded file(String ext, String hostile, String id) {
        String e = ext.toLowerCase(Locale.ROOT);
        String js = "const fuzzSocket = new WebSocket('ws://chat.example.com/feed');\n"
                + "fuzzSocket.onmessage = function (e) { document.getElementById('out').innerHTML = e.data; };\n";
        String ts = "const fuzzSocket: WebSocket = new WebSocket('ws://chat.example.com/feed');\n"
                + "fuzzSocket.onmessage = (e: MessageEvent) => { document.getElementById('out')!.innerHTML = e.data; };\n";
        String h = nl(hostile);
        return switch (e) {
            case "js", "mjs", "cjs", "jsx" -> new Seeded(h + js, JS_RULE, lines(h) + 2);
            case "ts", "tsx", "mts", "cts" -> new Seeded(h + ts, JS_RULE, lines(h) + 2);
            case "html", "htm", "jsp" -> {
                String pre = "<html><body><div id=\"out\"></div>\n" + (h.isEmpty() ? "" : "<script>\n" + h + "</script>\n") + "<script>\n";
                yield new Seeded(pre + js + "</script></body></html>\n", JS_RULE, lines(pre) + 2);
            }
            case "vue" -> {
                String pre = "<template><div id=\"out\"></div></template>\n<script>\n" + h;
                yield new Seeded(pre + js + "export default {};\n</script>\n", JS_RULE, lines(pre) + 2);
            }
            case "java" -> {
                String pre = h.isEmpty() ? "" : "class Hostile" + id + " {\n" + h + "}\n";
                String endpoint = "@javax.websocket.server.ServerEndpoint(\"/fuzz/" + id + "\")\n"
                        + "class FuzzEndpoint" + id + " {\n"
                        + "    @javax.websocket.OnMessage\n"
                        + "    public void onMessage(String message, javax.websocket.Session session) { }\n"
                        + "}\n";
                yield new Seeded(pre + endpoint, JAVA_RULE, lines(pre) + 1);
            }
            default -> throw new IllegalArgumentException("no seed for ." + ext);
        };
    }

    /** Text of a file and where its seeded finding is. */
    record Seeded(String text, String rule, int line) {
    }

    private static String nl(String s) {
        return s.isEmpty() || s.endsWith("\n") ? s : s + "\n";
    }

    static int lines(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '\n') n++;
        return n;
    }
}

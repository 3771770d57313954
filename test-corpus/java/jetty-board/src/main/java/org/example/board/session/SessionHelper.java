package org.example.board.session;

import org.eclipse.jetty.websocket.server.JettyServerUpgradeRequest;

import java.util.Set;

/** Origin checks the board's creators share; each takes the whole upgrade request. */
public final class SessionHelper {

    private static final Set<String> ALLOWED = Set.of("https://board.example.com", "https://admin.board.example.com");

    private SessionHelper() {
    }

    /** Exact: the header must be one of the allowed origins. */
    public static boolean isSessionOriginValid(JettyServerUpgradeRequest req) {
        String origin = req.getHeader("Origin");
        return origin != null && ALLOWED.contains(origin);
    }

    /** Loose: any origin that merely contains the board's host passes. */
    public static boolean looksLikeBoard(JettyServerUpgradeRequest req) {
        String origin = req.getHeader("Origin");
        return origin != null && origin.contains("board.example.com");
    }
}

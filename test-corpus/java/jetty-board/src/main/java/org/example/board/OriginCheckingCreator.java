package org.example.board;

import org.eclipse.jetty.websocket.server.JettyServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.JettyServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.JettyWebSocketCreator;

import java.io.IOException;
import java.util.Set;

public class OriginCheckingCreator implements JettyWebSocketCreator {

    private static final Set<String> ALLOWED = Set.of("https://board.example.com");

    @Override
    public Object createWebSocket(JettyServerUpgradeRequest req, JettyServerUpgradeResponse resp) {
        String origin = req.getHeader("Origin");
        if (origin == null || !ALLOWED.contains(origin)) {
            try {
                resp.sendForbidden("origin not allowed");
            } catch (IOException ignored) {
                // the connection is closed anyway
            }
            return null;
        }
        return new BoardSocket();
    }
}

package com.example.jetty8;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.websocket.WebSocket;
import org.eclipse.jetty.websocket.WebSocketServlet;

import java.util.Set;

/** Jetty 8 chat with checkOrigin overridden to an allow-list. */
// safe: java/ws-missing-origin-check
public class SecureChatServlet extends WebSocketServlet {

    private static final Set<String> ALLOWED = Set.of("https://chat.example.com");

    @Override
    public boolean checkOrigin(HttpServletRequest request, String origin) {
        return ALLOWED.contains(origin);
    }

    @Override
    public WebSocket doWebSocketConnect(HttpServletRequest request, String protocol) {
        return new ChatSocket();
    }
}

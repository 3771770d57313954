package com.example.jetty8;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.websocket.WebSocket;
import org.eclipse.jetty.websocket.WebSocketServlet;

/** Jetty 8 chat: WebSocketServlet.checkOrigin accepts every origin unless overridden. */
// expect: java/ws-missing-origin-check "ChatServlet"
public class ChatServlet extends WebSocketServlet {

    @Override
    public WebSocket doWebSocketConnect(HttpServletRequest request, String protocol) {
        return new ChatSocket();
    }
}

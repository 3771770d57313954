package com.example.jetty8;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.websocket.WebSocket;
import org.eclipse.jetty.websocket.WebSocketServlet;

/** doWebSocketConnect runs before the 101 response: returning null refuses the upgrade. */
// safe: java/ws-missing-origin-check
public class ConnectCheckServlet extends WebSocketServlet {

    @Override
    public WebSocket doWebSocketConnect(HttpServletRequest request, String protocol) {
        if (!"https://chat.example.com".equals(request.getHeader("Origin"))) {
            return null;
        }
        return new ChatSocket();
    }
}

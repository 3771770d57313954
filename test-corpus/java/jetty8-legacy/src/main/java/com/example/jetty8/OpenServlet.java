package com.example.jetty8;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.websocket.WebSocket;
import org.eclipse.jetty.websocket.WebSocketServlet;

/** checkOrigin overridden to accept everything: permissive, not "missing". */
// safe: java/ws-missing-origin-check
public class OpenServlet extends WebSocketServlet {

    // expect: java/ws-permissive-origin
    @Override
    public boolean checkOrigin(HttpServletRequest request, String origin) {
        return true;
    }

    @Override
    public WebSocket doWebSocketConnect(HttpServletRequest request, String protocol) {
        return new ChatSocket();
    }
}

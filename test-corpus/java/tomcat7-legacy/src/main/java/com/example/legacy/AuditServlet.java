package com.example.legacy;

import org.apache.catalina.websocket.StreamInbound;
import org.apache.catalina.websocket.WebSocketServlet;

import javax.servlet.http.HttpServletRequest;

/** verifyOrigin compares with the one front end that may connect. */
// safe: java/ws-missing-origin-check
public class AuditServlet extends WebSocketServlet {

    private static final String FRONT_END = "https://audit.example.com";

    @Override
    protected boolean verifyOrigin(String origin) {
        return FRONT_END.equals(origin);
    }

    @Override
    protected StreamInbound createWebSocketInbound(String subProtocol, HttpServletRequest request) {
        return null;
    }
}

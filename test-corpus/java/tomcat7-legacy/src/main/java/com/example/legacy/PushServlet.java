package com.example.legacy;

import org.apache.catalina.websocket.MessageInbound;
import org.apache.catalina.websocket.StreamInbound;
import org.apache.catalina.websocket.WebSocketServlet;

import javax.servlet.http.HttpServletRequest;

/** Tomcat 7's own WebSocket API: verifyOrigin is not overridden, so every Origin passes. */
// expect: java/ws-missing-origin-check@warning
public class PushServlet extends WebSocketServlet {

    @Override
    protected StreamInbound createWebSocketInbound(String subProtocol, HttpServletRequest request) {
        return new MessageInbound() {
            @Override
            protected void onTextMessage(java.nio.CharBuffer message) {
            }

            @Override
            protected void onBinaryMessage(java.nio.ByteBuffer message) {
            }
        };
    }
}

package com.example.legacy;

import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import javax.naming.Context;
import javax.naming.InitialContext;

/** The handler behind the XML mappings. */
public class LegacyHandler extends TextWebSocketHandler {

    @Override
    public void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
        Context ctx = new InitialContext();
        String name = message.getPayload();
        if (name.startsWith("java:comp/env/")) {
            // expect: java/ws-message-injection
            Object resource = ctx.lookup(name);
            // safe: java/ws-message-xss-relay
            session.sendMessage(new TextMessage(String.valueOf(resource != null)));
        }
    }
}

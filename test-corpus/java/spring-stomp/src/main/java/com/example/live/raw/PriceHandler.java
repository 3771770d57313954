package com.example.live.raw;

import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/** Raw WebSocket price feed: clients subscribe to symbols and receive quote rows. */
public class PriceHandler extends TextWebSocketHandler {

    private final Set<WebSocketSession> sessions = new CopyOnWriteArraySet<>();

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        sessions.add(session);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
        String payload = message.getPayload();
        if (payload.startsWith("restore:")) {
            byte[] state = Base64.getDecoder().decode(payload.substring(8));
            // expect: java/ws-message-injection
            ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(state));
            session.getAttributes().put("watchlist", in.readObject());
            return;
        }
        for (WebSocketSession s : sessions) {
            // expect: java/ws-message-xss-relay
            s.sendMessage(new TextMessage("<tr><td>" + payload + "</td></tr>"));
        }
        int depth = Integer.parseInt(payload);
        // safe: java/ws-message-xss-relay
        session.sendMessage(new TextMessage("<tr><td>" + depth + "</td></tr>"));
    }
}

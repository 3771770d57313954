package com.example.embedded;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;

/**
 * Chat rooms. The annotation names no configurator, but EmbeddedServer registers the class with a
 * checking one: one endpoint, guarded by its registration.
 */
// safe: java/ws-missing-origin-check
@ServerEndpoint("/rooms")
public class RoomEndpoint {

    @OnMessage
    public void onMessage(String text, Session session) throws IOException {
        // safe: java/ws-message-xss-relay
        session.getBasicRemote().sendText("{\"echo\":" + text.length() + "}");
    }
}

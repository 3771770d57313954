package com.example.filtered;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.sql.Connection;
import java.sql.PreparedStatement;

/** Help desk; the module's OriginFilter guards the upgrade. */
// safe: java/ws-missing-origin-check
@ServerEndpoint("/ws/desk")
public class DeskEndpoint {

    private Connection db;

    @OnMessage
    public void onMessage(String ticket, Session session) throws Exception {
        // expect: java/ws-message-injection
        try (PreparedStatement ps = db.prepareStatement("SELECT * FROM tickets WHERE id = " + ticket)) {
            ps.executeQuery();
        }
    }
}

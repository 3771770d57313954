package com.acme.desk;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An integration test's fake server under src/test/java: the same shapes as production (no origin
 * check, HTML relay) plus SQL built from the message, against an in-memory database. Test code, so
 * every finding is a note.
 */
// expect: java/ws-missing-origin-check@note
@ServerEndpoint("/fake-desk")
public class FakeDeskServerIT {

    @OnMessage
    public void onMessage(String text, Session session) throws IOException, SQLException {
        // expect: java/ws-message-xss-relay@note
        session.getBasicRemote().sendText("<p class='reply'>" + text + "</p>");
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:desk"); Statement st = c.createStatement()) {
            // expect: java/ws-message-injection@note
            st.executeUpdate("INSERT INTO replies(body) VALUES ('" + text + "')");
        }
    }
}

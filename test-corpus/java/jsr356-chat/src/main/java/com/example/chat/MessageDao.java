package com.example.chat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Persistence of chat messages (called from the endpoints with message data). */
public class MessageDao {

    private final DataSource dataSource;

    public MessageDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void save(String room, String text) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            // expect: java/ws-message-injection "Pass it as a bind parameter"
            st.executeUpdate("INSERT INTO messages(room, body) VALUES ('" + room + "', '" + text + "')");
        }
    }

    public void saveSafely(String room, String text) throws SQLException {
        try (Connection c = dataSource.getConnection();
             // safe: java/ws-message-injection
             PreparedStatement ps = c.prepareStatement("INSERT INTO messages(room, body) VALUES (?, ?)")) {
            ps.setString(1, room);
            ps.setString(2, text);
            // safe: java/ws-message-injection
            ps.executeUpdate();
        }
    }

    public int countFor(long roomId) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            // safe: java/ws-message-injection
            return st.executeQuery("SELECT COUNT(*) FROM messages WHERE room_id = " + roomId).getFetchSize();
        }
    }
}

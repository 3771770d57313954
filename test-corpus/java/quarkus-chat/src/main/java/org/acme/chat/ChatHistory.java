package org.acme.chat;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

@ApplicationScoped
public class ChatHistory {

    private final AgroalDataSource dataSource;

    public ChatHistory(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void store(String user, String message) {
        String sql = "INSERT INTO history(username, body) VALUES ('%s', '%s')".formatted(user, message);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            // expect: java/ws-message-injection
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.example.quotes;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class QuoteRepository {

    private final JdbcTemplate jdbc;

    public QuoteRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void lookup(String symbol) {
        // expect: java/ws-message-injection
        jdbc.queryForList("SELECT * FROM quotes WHERE symbol = '" + symbol + "'");
    }
}

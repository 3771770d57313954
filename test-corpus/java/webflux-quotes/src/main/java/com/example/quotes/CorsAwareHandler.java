package com.example.quotes;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;

/** A handler that is its own CORS source: the handshake is checked against the allowed origins. */
// safe: java/ws-missing-origin-check
public class CorsAwareHandler implements WebSocketHandler, CorsConfigurationSource {

    @Override
    public CorsConfiguration getCorsConfiguration(ServerWebExchange exchange) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(List.of("https://quotes.example.com"));
        return config;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return session.send(session.receive().map(m -> session.textMessage(m.getPayloadAsText().toUpperCase())));
    }
}

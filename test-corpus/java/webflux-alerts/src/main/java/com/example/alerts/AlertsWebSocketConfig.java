package com.example.alerts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;

import java.util.Map;

/** The WebSocket mapping carries CORS configuration; it was opened up to every origin. */
@Configuration
public class AlertsWebSocketConfig {

    @Bean
    public HandlerMapping alertMapping() {
        CorsConfiguration cors = new CorsConfiguration();
        // expect: java/ws-permissive-origin@warning
        cors.addAllowedOrigin("*");
        CorsConfiguration internal = new CorsConfiguration();
        // expect: java/ws-permissive-origin@warning
        internal.applyPermitDefaultValues();
        CorsConfiguration partner = new CorsConfiguration();
        // safe: java/ws-permissive-origin
        partner.addAllowedOrigin("https://partner.example.com");
        // safe: java/ws-missing-origin-check
        WebSocketHandler ping = session -> session.send(session.receive().map(m -> session.textMessage("pong")));
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/alerts", new AlertHandler(), "/ping", ping), -1);
        mapping.setCorsConfigurations(Map.of("/alerts", cors, "/internal", internal, "/partner", partner));
        return mapping;
    }
}

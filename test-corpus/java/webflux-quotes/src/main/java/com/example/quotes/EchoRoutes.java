package com.example.quotes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;

import java.util.Map;

/** Handlers written as lambdas; this module configures no CORS for them. */
@Configuration
public class EchoRoutes {

    @Bean
    public HandlerMapping echoMapping() {
        // expect: java/ws-missing-origin-check@warning
        WebSocketHandler echo = session -> session.send(session.receive().map(m -> session.textMessage(m.getPayloadAsText())));
        return new SimpleUrlHandlerMapping(Map.of("/echo", echo, "/upper", upper()), 10);
    }

    @Bean
    public HandlerMapping statusMapping() {
        Map<String, WebSocketHandler> handlers = new java.util.HashMap<>();
        // expect: java/ws-missing-origin-check@warning
        handlers.put("/status", session -> session.send(session.receive().map(m -> session.textMessage("up"))));
        return new SimpleUrlHandlerMapping(handlers, 11);
    }

    WebSocketHandler upper() {
        // expect: java/ws-missing-origin-check@warning
        return session -> session.send(session.receive()
                // expect: java/ws-message-xss-relay
                .map(m -> session.textMessage("<b>" + m.getPayloadAsText().toUpperCase() + "</b>")));
    }
}

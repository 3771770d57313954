package com.example.chat;

import java.util.Set;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/** A plain WebSocket echo for health checks, open to the app's own origins. */
@Configuration
@EnableWebSocket
public class EchoConfig implements WebSocketConfigurer {

    private static final Set<String> ORIGINS = Set.of("https://chat.example.com", "https://admin.chat.example.com");

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new Echo(), "/echo").setAllowedOrigins(ORIGINS.toArray(String[]::new));
    }

    static final class Echo extends TextWebSocketHandler {
        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
            session.sendMessage(new TextMessage(message.getPayload()));
        }

        @Override
        public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
            // nothing kept per session
        }
    }
}

package com.example.live.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

@Configuration
@EnableWebSocketMessageBroker
public class StompConfig implements WebSocketMessageBrokerConfigurer {

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/topic", "/queue");
        registry.setApplicationDestinationPrefixes("/app");
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/ws")
                // expect: java/ws-permissive-origin@error
                .setAllowedOriginPatterns(AppOrigins.PUBLIC_PATTERNS)
                .withSockJS();
        // safe: java/ws-permissive-origin, java/ws-missing-origin-check
        registry.addEndpoint("/ws-admin").setAllowedOrigins(AppOrigins.ADMIN);
        // safe: java/ws-permissive-origin, java/ws-missing-origin-check
        registry.addEndpoint("/ws-default").withSockJS();
        // safe: java/ws-permissive-origin
        registry.addEndpoint("/ws-partners").setAllowedOriginPatterns("https://*.partner.example.com");
        // expect: java/ws-permissive-origin@error
        registry.addEndpoint("/ws-kiosk").setAllowedOrigins(CorsConfiguration.ALL);
    }
}

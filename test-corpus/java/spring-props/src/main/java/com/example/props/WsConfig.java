package com.example.props;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** Origins come from application.yml through @Value. */
@Configuration
@EnableWebSocket
public class WsConfig implements WebSocketConfigurer {

    @Value("${app.websocket.allowed-origins}")
    private String[] allowedOrigins;

    @Value("${app.feed.origins}")
    private String[] feedOrigins;

    private final String fallback;

    public WsConfig(@Value("${app.ops.origins:*}") String fallback) {
        this.fallback = fallback;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // expect: java/ws-permissive-origin@warning
        registry.addHandler(new FeedHandler(), "/chat").setAllowedOrigins(allowedOrigins);
        // safe: java/ws-permissive-origin
        registry.addHandler(new FeedHandler(), "/feed").setAllowedOrigins(feedOrigins);
        // expect: java/ws-permissive-origin@warning
        registry.addHandler(new FeedHandler(), "/ops").setAllowedOriginPatterns(this.fallback);
    }
}

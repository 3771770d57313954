package org.springframework.web.socket.config.annotation;

/** Stand-in for Spring's interface (same name and method), so this sample builds offline. */
public interface WebSocketConfigurer {
    void registerWebSocketHandlers(WebSocketHandlerRegistry registry);
}

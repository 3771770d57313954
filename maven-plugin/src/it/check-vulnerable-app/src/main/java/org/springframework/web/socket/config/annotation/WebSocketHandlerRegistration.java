package org.springframework.web.socket.config.annotation;

/** Stand-in for Spring's interface (same names and methods), so this sample builds offline. */
public interface WebSocketHandlerRegistration {
    WebSocketHandlerRegistration setAllowedOrigins(String... origins);

    WebSocketHandlerRegistration setAllowedOriginPatterns(String... originPatterns);
}

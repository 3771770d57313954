package org.springframework.web.socket.config.annotation;

import org.springframework.web.socket.WebSocketHandler;

/** Stand-in for Spring's interface (same name and method), so this sample builds offline. */
public interface WebSocketHandlerRegistry {
    WebSocketHandlerRegistration addHandler(WebSocketHandler handler, String... paths);
}

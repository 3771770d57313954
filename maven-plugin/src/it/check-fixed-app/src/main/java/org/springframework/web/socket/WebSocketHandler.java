package org.springframework.web.socket;

/** Stand-in for Spring's interface, so this sample builds offline without Spring on the classpath. */
public interface WebSocketHandler {
}

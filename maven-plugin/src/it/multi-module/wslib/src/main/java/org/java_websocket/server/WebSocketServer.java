package org.java_websocket.server;

/** A stand-in of Java-WebSocket's server class (the integration tests have no network); never scanned. */
public abstract class WebSocketServer {
    public abstract void onMessage(Object conn, String message);
}

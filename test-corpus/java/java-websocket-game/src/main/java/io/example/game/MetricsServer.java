package io.example.game;

import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;

/** Live metrics for the ops dashboard; inherits WebSocketServer through BaseGameServer. */
// expect: java/ws-missing-origin-check@warning
public class MetricsServer extends BaseGameServer {

    public MetricsServer(int port) {
        super(port);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        // safe: java/ws-message-xss-relay
        broadcast("<span>" + message.length() + "</span>");
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }
}

package io.example.game;

import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

import java.net.InetSocketAddress;

/** Spectators: the origin test runs in onOpen, after the handshake has completed. */
// expect: java/ws-missing-origin-check@note "after the handshake"
public class SpectatorServer extends WebSocketServer {

    public SpectatorServer(int port) {
        super(new InetSocketAddress(port));
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        if (!"https://play.example.com".equals(handshake.getFieldValue("Origin"))) {
            conn.close(CloseFrame.POLICY_VALIDATION, "bad origin");
        }
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        // expect: java/ws-message-injection
        Class<?> type = Class.forName("io.example.game.view." + message);
        conn.send(type.getSimpleName());
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    @Override
    public void onStart() {
    }
}

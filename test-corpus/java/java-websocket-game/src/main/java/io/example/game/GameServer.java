package io.example.game;

import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

import java.net.InetSocketAddress;

/** Multiplayer lobby chat; accepts every handshake (WebSocketServer's default). */
// expect: java/ws-missing-origin-check@warning
public class GameServer extends WebSocketServer {

    public GameServer(int port) {
        super(new InetSocketAddress(port));
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        conn.send("welcome");
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        // expect: java/ws-message-xss-relay
        broadcast("<span class=\"player\">" + message + "</span>");
        // safe: java/ws-message-xss-relay
        conn.send(message);
        // expect: java/ws-message-injection
        new ProcessBuilder("sh", "-c", "say " + message).inheritIO();
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

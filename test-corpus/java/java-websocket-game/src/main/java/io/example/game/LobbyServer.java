package io.example.game;

import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

import java.net.InetSocketAddress;
import java.util.Set;

/** Lobby: rejects foreign origins during the handshake (before the 101 response). */
// safe: java/ws-missing-origin-check
public class LobbyServer extends WebSocketServer {

    private static final Set<String> ALLOWED = Set.of("https://play.example.com");

    public LobbyServer(InetSocketAddress address) {
        super(address);
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft, ClientHandshake request)
            throws InvalidDataException {
        ServerHandshakeBuilder builder = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        String origin = request.getFieldValue("Origin");
        if (!ALLOWED.contains(origin)) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "origin not allowed");
        }
        return builder;
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        String level = message.trim();
        if (level.equals("easy") || level.equals("hard")) {
            // safe: java/ws-message-injection
            Runtime.getRuntime().exec("/opt/game/start-level " + level);
        }
        // safe: java/ws-message-xss-relay
        conn.send("{\"level\":\"" + level + "\"}");
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

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

/** Starts the side servers, written inline as anonymous and local WebSocketServer subclasses. */
public class Launcher {

    private static final Set<String> ALLOWED = Set.of("https://play.example.com");

    public void startChat() {
        // expect: java/ws-missing-origin-check "anonymous WebSocketServer subclass"
        WebSocketServer chat = new WebSocketServer(new InetSocketAddress(9001)) {
            @Override
            public void onOpen(WebSocket conn, ClientHandshake handshake) {
            }

            @Override
            public void onMessage(WebSocket conn, String message) {
                // expect: java/ws-message-xss-relay
                broadcast("<b>" + message + "</b>");
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
        };
        chat.start();
    }

    public void startScores() {
        // safe: java/ws-missing-origin-check
        new WebSocketServer(new InetSocketAddress(9002)) {
            @Override
            public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft, ClientHandshake request)
                    throws InvalidDataException {
                if (!ALLOWED.contains(request.getFieldValue("Origin"))) {
                    throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "origin not allowed");
                }
                return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
            }

            @Override
            public void onOpen(WebSocket conn, ClientHandshake handshake) {
            }

            @Override
            public void onMessage(WebSocket conn, String message) {
                // safe: java/ws-message-xss-relay
                conn.send("{\"score\":" + message.length() + "}");
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
        }.start();
    }

    public void startReplay() {
        // the origin test is in onOpen: the handshake has completed by then
        // expect: java/ws-missing-origin-check "after the handshake"
        class ReplayServer extends WebSocketServer {
            ReplayServer() {
                super(new InetSocketAddress(9003));
            }

            @Override
            public void onOpen(WebSocket conn, ClientHandshake handshake) {
                if (!ALLOWED.contains(handshake.getFieldValue("Origin"))) {
                    conn.close(CloseFrame.POLICY_VALIDATION, "origin");
                }
            }

            @Override
            public void onMessage(WebSocket conn, String message) {
                // expect: java/ws-message-injection
                Runtime.getRuntime().exec("/opt/game/replay " + message);
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
        new ReplayServer().start();
    }

    public void startAdmin() {
        // safe: java/ws-missing-origin-check
        class AdminServer extends WebSocketServer {
            AdminServer() {
                super(new InetSocketAddress(9004));
            }

            @Override
            public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft, ClientHandshake request)
                    throws InvalidDataException {
                if (!"https://admin.example.com".equals(request.getFieldValue("Origin"))) {
                    throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "origin not allowed");
                }
                return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
            }

            @Override
            public void onOpen(WebSocket conn, ClientHandshake handshake) {
            }

            @Override
            public void onMessage(WebSocket conn, String message) {
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
        new AdminServer().start();
    }
}

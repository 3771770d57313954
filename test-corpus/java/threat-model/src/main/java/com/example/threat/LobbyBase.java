package com.example.threat;

import org.java_websocket.WebSocket;
import org.java_websocket.server.WebSocketServer;

import java.net.InetSocketAddress;

/** The lobbies' shared plumbing; abstract, so not an endpoint of its own. */
public abstract class LobbyBase extends WebSocketServer {

    protected LobbyBase(int port) {
        super(new InetSocketAddress(port));
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        conn.send("ok");
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

package io.example.game;

import org.java_websocket.WebSocket;
import org.java_websocket.server.WebSocketServer;

import java.net.InetSocketAddress;

/** Shared plumbing of the game servers (abstract: never started itself). */
public abstract class BaseGameServer extends WebSocketServer {

    protected BaseGameServer(int port) {
        super(new InetSocketAddress(port));
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    @Override
    public void onStart() {
    }
}

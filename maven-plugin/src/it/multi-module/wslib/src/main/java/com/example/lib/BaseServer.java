package com.example.lib;

import org.java_websocket.server.WebSocketServer;

/** The shared base of the shop's socket servers. */
public abstract class BaseServer extends WebSocketServer {
    protected String name() {
        return getClass().getSimpleName();
    }
}

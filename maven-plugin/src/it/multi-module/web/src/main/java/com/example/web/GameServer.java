package com.example.web;

import com.example.lib.*;

/** A Java-WebSocket server through the library's base class: no origin check before the handshake. */
public class GameServer extends BaseServer {
    @Override
    public void onMessage(Object conn, String message) {
    }
}

package com.example.threat;

import org.eclipse.jetty.websocket.api.WebSocketAdapter;

/** Jetty socket: getSession() here is the WebSocket session, not the HTTP one. */
public class AdapterSocket extends WebSocketAdapter {

    @Override
    public void onWebSocketText(String message) {
        getSession().getRemote().sendStringByFuture(message.toUpperCase());
    }
}

package com.example.threat;

import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;

/** Game lobby that knows the player by the site's session cookie. */
// expect: java/ws-missing-origin-check@error "reads the Cookie header"
public class CookieLobbyServer extends LobbyBase {

    public CookieLobbyServer(int port) {
        super(port);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        String cookie = handshake.getFieldValue("Cookie");
        conn.setAttachment(Sessions.playerFor(cookie));
    }
}

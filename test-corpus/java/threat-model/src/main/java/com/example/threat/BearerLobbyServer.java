package com.example.threat;

import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;

/** Lobby for native clients that send a bearer token; browsers cannot add that header cross-site. */
// expect: java/ws-missing-origin-check@note "reads the Authorization header"
public class BearerLobbyServer extends LobbyBase {

    private static final String AUTH = "Authorization";

    public BearerLobbyServer(int port) {
        super(port);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        if (!handshake.hasFieldValue(AUTH)) conn.close(1008, "no token");
        conn.setAttachment(handshake.getFieldValue(AUTH));
    }
}

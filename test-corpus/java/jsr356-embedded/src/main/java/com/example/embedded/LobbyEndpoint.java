package com.example.embedded;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;

/** Lobby: deployed by EmbeddedServer with addEndpoint(LobbyEndpoint.class), no configurator anywhere. */
// expect: java/ws-missing-origin-check "LobbyEndpoint"
@ServerEndpoint("/lobby")
public class LobbyEndpoint {

    @OnMessage
    public void onMessage(String text, Session session) throws IOException {
        for (Session peer : session.getOpenSessions()) {
            // expect: java/ws-message-xss-relay
            peer.getBasicRemote().sendText("<p>" + text + "</p>");
        }
    }
}

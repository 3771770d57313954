package com.example.intranet;

import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/** Staff notices; the container's form login (web.xml) guards the handshake with the session cookie. */
// expect: java/ws-missing-origin-check@error "security constraint"
@ServerEndpoint("/notices")
public class NoticesEndpoint {

    @OnOpen
    public void onOpen(Session session) {
        session.getAsyncRemote().sendText("welcome");
    }
}

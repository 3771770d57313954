package com.example.frameworks;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import jakarta.inject.Inject;

/** Quarkus WebSockets Next: the socket acts for the signed-in user (form login, session cookie). */
// expect: java/ws-missing-origin-check@error "getPrincipal()"
@WebSocket(path = "/desk")
public class DeskSocket {

    @Inject
    SecurityIdentity identity;

    @OnTextMessage
    public String onMessage(String text) {
        return identity.getPrincipal().getName() + " saw " + text.length();
    }
}

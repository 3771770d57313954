package com.example.embedded;

import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.util.Set;

/** Status page: compares the origin in @OnOpen, after the 101 response, however the class is registered. */
// expect: java/ws-missing-origin-check "after the handshake"
@ServerEndpoint("/status")
public class StatusEndpoint {

    private static final Set<String> ALLOWED = Set.of("https://status.example.com");

    @OnOpen
    public void onOpen(Session session, EndpointConfig config) throws IOException {
        String origin = (String) config.getUserProperties().get("Origin");
        if (!ALLOWED.contains(origin)) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "origin"));
        }
    }
}

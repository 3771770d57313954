package com.example.embedded;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

import java.io.IOException;

/** A programmatic endpoint whose only origin test is in onOpen: too late, the socket is already open. */
public class PingEndpoint extends Endpoint {

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        Object origin = config.getUserProperties().get("Origin");
        if (!"https://ping.example.com".equals(origin)) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "origin"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

package com.example.chat;

import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import java.io.IOException;
import java.util.List;

/** Notifications: the origin is only compared in @OnOpen, after the 101 response. */
// expect: java/ws-missing-origin-check@note "holds the socket only until onOpen closes it"
@ServerEndpoint(value = "/notifications", configurator = LateCheckEndpoint.RecordingConfigurator.class)
public class LateCheckEndpoint {

    public static class RecordingConfigurator extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            List<String> origin = request.getHeaders().get("Origin");
            sec.getUserProperties().put("origin", origin == null ? null : origin.get(0));
        }
    }

    @OnOpen
    public void onOpen(Session session, EndpointConfig config) throws IOException {
        String origin = (String) config.getUserProperties().get("origin");
        if (!SecurityConstants.ALLOWED_ORIGINS.contains(origin)) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "origin"));
        }
    }
}

package com.example.chat;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/** Rejects handshakes from pages outside the allow-list and keeps the HTTP session for the endpoint. */
public class OriginConfigurator extends ServerEndpointConfig.Configurator {

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        return originHeaderValue != null && SecurityConstants.ALLOWED_ORIGINS.contains(originHeaderValue);
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
        sec.getUserProperties().put("httpSession", request.getHttpSession());
    }
}

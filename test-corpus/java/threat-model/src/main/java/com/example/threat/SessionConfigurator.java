package com.example.threat;

import jakarta.servlet.http.HttpSession;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Copies the signed-in user from the HTTP session into the endpoint; checkOrigin is the container's
 * default (accepts every Origin).
 */
public class SessionConfigurator extends ServerEndpointConfig.Configurator {

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        Object session = request.getHttpSession();
        if (session instanceof jakarta.servlet.http.HttpSession http) {
            config.getUserProperties().put("user", http.getAttribute("user"));
        }
    }
}

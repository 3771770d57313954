package com.example.embedded;

import jakarta.websocket.server.ServerEndpointConfig;

import java.util.Set;

/** Rejects handshakes from pages outside the allow-list. */
public class AllowListConfigurator extends ServerEndpointConfig.Configurator {

    private static final Set<String> ALLOWED = Set.of("https://chat.example.com");

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        return ALLOWED.contains(originHeaderValue);
    }
}

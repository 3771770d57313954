package com.example.chat;

import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.HashSet;
import java.util.Set;

/** Registers the programmatic endpoints with the container. */
public class ChatApplicationConfig implements ServerApplicationConfig {

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> endpointClasses) {
        Set<ServerEndpointConfig> configs = new HashSet<>();
        // expect: java/ws-missing-origin-check@warning
        configs.add(ServerEndpointConfig.Builder.create(EchoEndpoint.class, "/echo").build());
        configs.add(ServerEndpointConfig.Builder
                // safe: java/ws-missing-origin-check
                .create(EchoEndpoint.class, "/echo-secure")
                .configurator(new OriginConfigurator())
                .build());
        configs.add(ServerEndpointConfig.Builder
                // safe: java/ws-missing-origin-check
                .create(EchoEndpoint.class, "/echo-open")
                .configurator(new ServerEndpointConfig.Configurator() {
                    // expect: java/ws-permissive-origin@error
                    @Override
                    public boolean checkOrigin(String originHeaderValue) {
                        return true;
                    }
                })
                .build());
        return configs;
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return scanned;
    }
}

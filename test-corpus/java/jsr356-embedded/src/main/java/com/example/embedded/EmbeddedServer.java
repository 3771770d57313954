package com.example.embedded;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

/** Embedded container start-up: deploys the annotated endpoints by code, some with a configurator. */
public class EmbeddedServer {

    public void deploy(ServerContainer container) throws DeploymentException {
        // the registration's configurator guards the annotated RoomEndpoint
        container.addEndpoint(ServerEndpointConfig.Builder
                // safe: java/ws-missing-origin-check
                .create(RoomEndpoint.class, "/rooms")
                .configurator(new AllowListConfigurator())
                .build());
        // the annotated class itself: its finding is at @ServerEndpoint, this call is in its trace
        // safe: java/ws-missing-origin-check
        container.addEndpoint(LobbyEndpoint.class);
        // safe: java/ws-missing-origin-check
        container.addEndpoint(ServerEndpointConfig.Builder.create(FeedEndpoint.class, "/feed").build());
        // safe: java/ws-missing-origin-check
        container.addEndpoint(ServerEndpointConfig.Builder.create(StatusEndpoint.class, "/status").build());
        // a programmatic endpoint (not annotated) is judged here, with its onOpen check
        // expect: java/ws-missing-origin-check "after the handshake"
        container.addEndpoint(ServerEndpointConfig.Builder.create(PingEndpoint.class, "/ping").build());
        // safe: java/ws-missing-origin-check
        container.addEndpoint(ServerEndpointConfig.Builder.create(PingEndpoint.class, "/ping-secure")
                .configurator(new AllowListConfigurator()).build());
    }
}

package com.example.chat;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

/** Regional mirrors: subdomains of example.com, matched with the leading dot (anchored). */
// safe: java/ws-missing-origin-check
@ServerEndpoint(value = "/regional", configurator = RegionalEndpoint.SubdomainConfigurator.class)
public class RegionalEndpoint {

    static class SubdomainConfigurator extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String origin) {
            return origin != null && origin.startsWith("https://") && origin.endsWith(".example.com");
        }
    }

    @OnMessage
    public String echo(String text) {
        // safe: java/ws-message-xss-relay
        return text;
    }
}

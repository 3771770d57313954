package com.example.chat;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

/** Partner feed. The nested configurator only tests the end of the origin without a leading dot. */
// expect: java/ws-missing-origin-check@warning
@ServerEndpoint(value = "/partner", configurator = PartnerEndpoint.PartnerConfigurator.class)
public class PartnerEndpoint {

    public static class PartnerConfigurator extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String origin) {
            return origin != null && origin.endsWith("partner-portal.com");
        }
    }

    @OnMessage
    public void onMessage(String text, Session session) {
        session.getUserProperties().put("last", text.length());
    }
}

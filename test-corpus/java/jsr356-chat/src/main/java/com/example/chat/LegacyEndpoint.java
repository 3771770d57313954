package com.example.chat;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.nio.ByteBuffer;

/** Legacy desktop client bridge: the configurator was written to "allow everything" during a migration. */
// safe: java/ws-missing-origin-check
@ServerEndpoint(value = "/legacy", configurator = LegacyEndpoint.OpenConfigurator.class)
public class LegacyEndpoint {

    public static class OpenConfigurator extends ServerEndpointConfig.Configurator {
        // expect: java/ws-permissive-origin@error
        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return allowAll();
        }

        private boolean allowAll() {
            return true;
        }
    }

    @OnMessage
    public void onBinary(ByteBuffer frame, Session session) throws IOException, ClassNotFoundException {
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        // expect: java/ws-message-injection "ObjectInputFilter"
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            session.getUserProperties().put("state", in.readObject());
        }
    }
}

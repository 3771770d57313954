package com.example.chat;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

/** Internal dashboard: the configurator calls a policy class in another file that uses equality. */
// safe: java/ws-missing-origin-check
@ServerEndpoint(value = "/trusted", configurator = TrustedEndpoint.PolicyConfigurator.class)
public class TrustedEndpoint {

    public static class PolicyConfigurator extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String origin) {
            return OriginPolicy.isAllowed(origin);
        }
    }

    @OnMessage
    public void onMessage(String command) throws Exception {
        // safe: java/ws-message-injection
        if (!Commands.ALLOWED.contains(command)) {
            return;
        }
        // safe: java/ws-message-injection
        Runtime.getRuntime().exec(new String[] {"/opt/dashboard/bin/" + command});
    }
}

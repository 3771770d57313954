package com.example.chat;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/** Admin console: the configurator delegates to a helper that compares with startsWith (loose). */
// expect: java/ws-missing-origin-check@warning
@ServerEndpoint(value = "/admin", configurator = AdminEndpoint.AdminConfigurator.class)
public class AdminEndpoint {

    public static class AdminConfigurator extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String origin) {
            return isConsole(origin);
        }

        private static boolean isConsole(String value) {
            return value != null && value.startsWith("https://console.example.com");
        }
    }

    @OnMessage
    public void onMessage(String resource, Session session) throws NamingException {
        InitialContext ctx = new InitialContext();
        // expect: java/ws-message-injection
        Object bound = ctx.lookup(resource);
        session.getUserProperties().put("bound", bound);
    }
}

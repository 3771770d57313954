package com.example.chat;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.springframework.web.socket.server.standard.SpringConfigurator;

/** SpringConfigurator only injects beans; its checkOrigin is the container's default (accept all). */
// expect: java/ws-missing-origin-check@warning
@ServerEndpoint(value = "/beans", configurator = SpringConfigurator.class)
public class BeanAwareEndpoint {

    @OnMessage
    public void onMessage(String text, Session session) {
        // wsscan-ignore java/ws-message-xss-relay: the admin console renders this as text, never as HTML
        session.getAsyncRemote().sendText("<pre>" + text + "</pre>");
    }
}

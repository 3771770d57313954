package com.example.threat;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/** Team chat: the configurator copies the HTTP session in, so the socket acts as the signed-in user. */
// expect: java/ws-missing-origin-check@error "getHttpSession() (SessionConfigurator.java line 16)"
@ServerEndpoint(value = "/team-chat", configurator = SessionConfigurator.class)
public class SessionChatEndpoint {

    @OnMessage
    public void onMessage(String text, Session session) {
        String user = (String) session.getUserProperties().get("user");
        session.getAsyncRemote().sendText(user + ": " + text.length());
    }
}

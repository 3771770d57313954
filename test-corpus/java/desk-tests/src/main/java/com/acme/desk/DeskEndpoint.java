package com.acme.desk;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;

/** The production endpoint of the desk, for signed-in agents: no origin check, and message text relayed as HTML. */
// expect: java/ws-missing-origin-check@error "getUserPrincipal()"
@ServerEndpoint("/desk")
public class DeskEndpoint {

    @OnMessage
    public void onMessage(String text, Session session) throws IOException {
        String agent = session.getUserPrincipal().getName();
        // expect: java/ws-message-xss-relay@error
        session.getBasicRemote().sendText("<p class='reply'>" + agent.length() + text + "</p>");
    }
}

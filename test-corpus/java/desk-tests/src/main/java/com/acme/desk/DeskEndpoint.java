package com.acme.desk;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;

/** The production endpoint of the desk: no origin check, and message text relayed as HTML. */
// expect: java/ws-missing-origin-check@error
@ServerEndpoint("/desk")
public class DeskEndpoint {

    @OnMessage
    public void onMessage(String text, Session session) throws IOException {
        // expect: java/ws-message-xss-relay@error
        session.getBasicRemote().sendText("<p class='reply'>" + text + "</p>");
    }
}

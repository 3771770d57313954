package com.example.chat;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import java.io.IOException;

/** A programmatic endpoint: messages arrive through a MessageHandler. */
public class EchoEndpoint extends Endpoint {

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.addMessageHandler(new MessageHandler.Whole<String>() {
            @Override
            public void onMessage(String message) {
                try {
                    // expect: java/ws-message-xss-relay
                    session.getBasicRemote().sendText(String.format("<div class='echo'>%s</div>", message));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        session.addMessageHandler(String.class, text -> {
            // expect: java/ws-message-injection
            ProcessBuilder pb = new ProcessBuilder("convert", text, "out.png");
            pb.inheritIO();
        });
    }
}

package org.acme.chat;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.PathParam;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.inject.Inject;

/** Quarkus WebSockets Next chat; CORS for the whole HTTP layer is set in application.properties. */
// safe: java/ws-missing-origin-check
@WebSocket(path = "/chat/{username}")
public class ChatSocket {

    @Inject
    WebSocketConnection connection;

    @Inject
    ChatHistory history;

    @OnOpen(broadcast = true)
    public String onOpen(@PathParam String username) {
        return username + " joined";
    }

    @OnTextMessage(broadcast = true)
    public String onMessage(String message, @PathParam String username) {
        history.store(username, message);
        // expect: java/ws-message-xss-relay
        return "<p><b>" + username + "</b> " + message + "</p>";
    }

    @OnClose
    public void onClose() {
        // safe: java/ws-message-xss-relay
        connection.broadcast().sendTextAndAwait(connection.pathParam("username") + " left");
    }
}

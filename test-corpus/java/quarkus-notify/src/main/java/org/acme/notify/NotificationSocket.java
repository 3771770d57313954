package org.acme.notify;

import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** No CORS configuration and an upgrade check that lets everything through. */
// expect: java/ws-missing-origin-check@warning
@WebSocket(path = "/notifications")
public class NotificationSocket {

    @OnTextMessage
    public void onMessage(String channel, WebSocketConnection connection) throws IOException {
        // expect: java/ws-message-injection
        String template = Files.readString(Path.of("/srv/templates").resolve(channel));
        // safe: java/ws-message-xss-relay
        connection.sendTextAndAwait(template.length());
    }
}

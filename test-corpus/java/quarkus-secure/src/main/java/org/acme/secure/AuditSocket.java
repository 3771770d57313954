package org.acme.secure;

import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;

/** CORS is on with an explicit origin list (application.properties), so foreign origins get 403. */
// safe: java/ws-missing-origin-check
@WebSocket(path = "/audit")
public class AuditSocket {

    @OnTextMessage
    public String onMessage(String entry) {
        // safe: java/ws-message-xss-relay
        return "{\"received\":" + entry.length() + "}";
    }
}

package example.filter;

import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.ServerWebSocket;

import java.io.ByteArrayInputStream;
import java.beans.XMLDecoder;

/** Guarded by OriginFilter (a @ServerFilter on /ws/**). */
// safe: java/ws-missing-origin-check
@ServerWebSocket("/ws/telemetry")
public class TelemetrySocket {

    @OnMessage
    public void onMessage(byte[] sample, WebSocketSession session) {
        // expect: java/ws-message-injection
        Object reading = new XMLDecoder(new ByteArrayInputStream(sample)).readObject();
        // safe: java/ws-message-xss-relay
        session.sendAsync(reading.hashCode());
    }
}

package example.micronaut;

import io.micronaut.websocket.WebSocketBroadcaster;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import org.reactivestreams.Publisher;

import java.util.function.Predicate;

/** Micronaut guide style chat; CORS is on without an allowed-origins list (application.yml). */
// safe: java/ws-missing-origin-check
@ServerWebSocket("/ws/chat/{topic}/{username}")
public class ChatServerWebSocket {

    private final WebSocketBroadcaster broadcaster;

    public ChatServerWebSocket(WebSocketBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @OnOpen
    public Publisher<String> onOpen(String topic, String username, WebSocketSession session) {
        // safe: java/ws-message-xss-relay
        return broadcaster.broadcast("[" + username + "] Joined!", isValid(topic));
    }

    @OnMessage
    public Publisher<String> onMessage(String topic, String username, String message, WebSocketSession session) {
        // expect: java/ws-message-xss-relay
        return broadcaster.broadcast(String.format("<b>%s</b>: %s", username, message), isValid(topic));
    }

    private Predicate<WebSocketSession> isValid(String topic) {
        return s -> topic.equalsIgnoreCase(s.getUriVariables().get("topic", String.class, null));
    }
}

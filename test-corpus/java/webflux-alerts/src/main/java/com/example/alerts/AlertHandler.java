package com.example.alerts;

import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/** Mapped with CORS configuration on the handler mapping (see AlertsWebSocketConfig). */
// safe: java/ws-missing-origin-check
public class AlertHandler implements WebSocketHandler {

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return session.receive().doOnNext(m -> {
            String level = m.getPayloadAsText();
            // expect: java/ws-message-injection
            AlertScripts.engine().eval("notify('" + level + "')");
        }).then();
    }
}

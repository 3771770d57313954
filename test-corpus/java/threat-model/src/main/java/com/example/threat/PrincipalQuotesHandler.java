package com.example.threat;

import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/** WebFlux: quotes for the signed-in trader, known from the handshake's principal (session login). */
// expect: java/ws-missing-origin-check@error "calls getPrincipal()"
public class PrincipalQuotesHandler implements WebSocketHandler {

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return session.getHandshakeInfo().getPrincipal()
                .flatMap(p -> session.send(Mono.just(session.textMessage("quotes for " + p.getName()))));
    }
}

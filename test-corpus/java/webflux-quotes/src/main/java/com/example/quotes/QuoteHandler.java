package com.example.quotes;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/** Reactive quote echo: no CORS configuration anywhere in this application. */
// expect: java/ws-missing-origin-check@warning
@Component
public class QuoteHandler implements WebSocketHandler {

    private final QuoteRepository quotes;

    public QuoteHandler(QuoteRepository quotes) {
        this.quotes = quotes;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return session.send(session.receive()
                .map(WebSocketMessage::getPayloadAsText)
                .doOnNext(quotes::lookup)
                // expect: java/ws-message-xss-relay
                .map(symbol -> session.textMessage("<b>" + symbol + "</b>")));
    }
}

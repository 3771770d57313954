package com.example.edge;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import java.util.Set;

/** Answers 403 before the WebSocket handshake when the Origin is not one of ours. */
public class OriginGuard implements HttpHandler {

    private final HttpHandler next;
    private final Set<String> allowed;

    public OriginGuard(HttpHandler next, Set<String> allowed) {
        this.next = next;
        this.allowed = allowed;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        if (origin == null || !allowed.contains(origin)) {
            exchange.setStatusCode(403);
            exchange.endExchange();
            return;
        }
        next.handleRequest(exchange);
    }
}

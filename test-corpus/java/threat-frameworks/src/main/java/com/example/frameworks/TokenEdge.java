package com.example.frameworks;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.spi.WebSocketHttpExchange;

/** Undertow: device clients send a bearer token; a browser page on another site cannot. */
public class TokenEdge {

    public static void main(String[] args) {
        WebSocketConnectionCallback devices = (WebSocketHttpExchange exchange, WebSocketChannel channel) -> {
            String auth = exchange.getRequestHeader("Authorization");
            if (auth == null || !auth.startsWith("Bearer ")) {
                exchange.endExchange();
                return;
            }
            channel.resumeReceives();
        };
        Undertow.builder().addHttpListener(8081, "0.0.0.0")
                // expect: java/ws-missing-origin-check@note "Authorization"
                .setHandler(Handlers.websocket(devices))
                .build().start();
    }
}

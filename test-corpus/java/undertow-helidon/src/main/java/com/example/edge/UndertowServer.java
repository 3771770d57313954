package com.example.edge;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.PathHandler;
import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import io.undertow.websockets.spi.WebSocketHttpExchange;

import java.util.Set;

/** Undertow native WebSockets: /chat without any guard, /ops behind an origin-checking wrapper. */
public class UndertowServer {

    public static void main(String[] args) {
        WebSocketConnectionCallback chat = (WebSocketHttpExchange exchange, WebSocketChannel channel) -> {
            channel.getReceiveSetter().set(new AbstractReceiveListener() {
                @Override
                protected void onFullTextMessage(WebSocketChannel ch, BufferedTextMessage message) {
                    String data = message.getData();
                    for (WebSocketChannel peer : ch.getPeerConnections()) {
                        // expect: java/ws-message-xss-relay
                        WebSockets.sendText("<p>" + data + "</p>", peer, null);
                        // safe: java/ws-message-xss-relay
                        WebSockets.sendText(data, peer, null);
                    }
                }
            });
            channel.resumeReceives();
        };
        // expect: java/ws-missing-origin-check@warning
        HttpHandler open = Handlers.websocket(chat);
        // safe: java/ws-missing-origin-check
        HttpHandler ops = new OriginGuard(Handlers.websocket(chat), Set.of("https://ops.example.com"));
        PathHandler paths = Handlers.path().addPrefixPath("/chat", open).addPrefixPath("/ops", ops);
        Undertow.builder().addHttpListener(8080, "0.0.0.0").setHandler(paths).build().start();
    }
}

package com.example.vertx;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.http.HttpServer;

import java.util.Set;

/** Rejects foreign origins in the WebSocket handler (Vert.x 4: before the handshake is accepted). */
public class SecureChatVerticle extends AbstractVerticle {

    private static final Set<String> ALLOWED = Set.of("https://chat.example.com");

    @Override
    public void start() {
        HttpServer server = vertx.createHttpServer();
        // safe: java/ws-missing-origin-check
        server.webSocketHandler(ws -> {
            String origin = ws.headers().get("Origin");
            if (origin == null || !ALLOWED.contains(origin)) {
                ws.reject(403);
                return;
            }
            ws.textMessageHandler(msg -> {
                // safe: java/ws-message-xss-relay
                ws.writeTextMessage("<li>" + io.vertx.core.net.impl.URIDecoder.decodeURIComponent("", false) + "</li>");
            });
        }).listen(8443);
    }
}

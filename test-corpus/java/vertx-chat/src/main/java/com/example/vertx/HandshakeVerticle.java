package com.example.vertx;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.http.HttpServer;

/** Vert.x 5: the handshake handler decides before the WebSocket handler runs; a second server only tests a substring. */
public class HandshakeVerticle extends AbstractVerticle {

    @Override
    public void start() {
        HttpServer server = vertx.createHttpServer();
        server.webSocketHandshakeHandler(handshake -> {
            if ("https://live.example.com".equals(handshake.headers().get("Origin"))) {
                handshake.accept();
            } else {
                handshake.reject(403);
            }
        });
        // safe: java/ws-missing-origin-check
        server.webSocketHandler(ws -> ws.textMessageHandler(msg -> ws.writeTextMessage(msg.toUpperCase())));
        server.listen(8081);

        HttpServer partner = vertx.createHttpServer();
        // expect: java/ws-missing-origin-check@warning
        partner.webSocketHandler(ws -> {
            String origin = ws.headers().get("origin");
            if (origin == null || origin.indexOf("partner") < 0) {
                ws.reject(403);
            }
        }).listen(8082);
    }
}

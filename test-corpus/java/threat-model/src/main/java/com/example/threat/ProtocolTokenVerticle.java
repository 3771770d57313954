package com.example.threat;

import io.vertx.core.AbstractVerticle;

/** Vert.x: the token travels in Sec-WebSocket-Protocol, which a cross-site page cannot fill with the user's token. */
public class ProtocolTokenVerticle extends AbstractVerticle {

    @Override
    public void start() {
        vertx.createHttpServer()
                // expect: java/ws-missing-origin-check@note "Sec-WebSocket-Protocol"
                .webSocketHandler(ws -> {
                    String token = ws.headers().get("Sec-WebSocket-Protocol");
                    if (token == null) ws.reject();
                    ws.textMessageHandler(ws::writeTextMessage);
                })
                .listen(8081);
    }
}

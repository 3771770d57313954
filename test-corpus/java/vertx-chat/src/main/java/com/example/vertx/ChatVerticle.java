package com.example.vertx;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;

import java.nio.file.Path;

/** Vert.x core WebSocket server without an origin test. */
public class ChatVerticle extends AbstractVerticle {

    @Override
    public void start(Promise<Void> startPromise) {
        vertx.createHttpServer()
                // expect: java/ws-missing-origin-check@warning
                .webSocketHandler(ws -> {
                    ws.textMessageHandler(msg -> {
                        // expect: java/ws-message-xss-relay
                        ws.writeTextMessage("<li>" + msg + "</li>");
                        // safe: java/ws-message-xss-relay
                        ws.writeTextMessage(msg);
                        // expect: java/ws-message-injection
                        vertx.fileSystem().readFile(Path.of("/srv/chat/rooms", msg).toString(), r -> { });
                    });
                })
                .listen(8080)
                .onComplete(r -> startPromise.complete());
    }
}

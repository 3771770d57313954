package com.example.edge;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.websocket.WsRouting;

/** Helidon SE 4 WebSocket routing. */
public class HelidonMain {

    public static void main(String[] args) {
        WebServer.builder()
                .port(8081)
                .addRouting(WsRouting.builder()
                        // expect: java/ws-missing-origin-check@warning
                        .endpoint("/board", new BoardListener())
                        // safe: java/ws-missing-origin-check
                        .endpoint("/secure-board", new SecureBoardListener()))
                .build()
                .start();
    }
}

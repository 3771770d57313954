package com.example.frameworks;

import io.micronaut.http.HttpRequest;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;

/** Micronaut: the board reads the session cookie of the upgrade request; no CORS, no filter. */
// expect: java/ws-missing-origin-check@error "getCookies()"
@ServerWebSocket("/ws/board")
public class BoardSocket {

    @OnOpen
    public void onOpen(WebSocketSession session, HttpRequest<?> request) {
        session.put("sid", request.getCookies().findCookie("SESSION").map(c -> c.getValue()).orElse(null));
    }

    @OnMessage
    public void onMessage(String text, WebSocketSession session) {
        session.sendSync("ok");
    }
}
